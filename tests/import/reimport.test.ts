import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffLines } from 'diff';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/lib/import/run';
import { fileState } from '../../src/lib/import/serialize';
import { FIXTURES, importFixture } from './helpers';
import { tempDir } from '../support/temp';

const CODICE = '2022_P02_01';

describe('safe re-import', () => {
  it('writes a fingerprint on the first front-matter line that matches the file', () => {
    const first = importFixture('indicatori-pagine.txt');
    expect(first.text(CODICE).split('\n').slice(0, 2)).toEqual([
      '---',
      expect.stringMatching(/^# importato da indicatori-pagine\.txt — impronta sha256:[0-9a-f]{64}$/),
    ]);
    expect(fileState(first.text(CODICE))).toBe('importato-invariato');
  });

  it('rewrites an unchanged file identically', () => {
    const first = importFixture('indicatori-pagine.txt');
    const before = first.text(CODICE);
    const again = importFixture('indicatori-pagine.txt', { content: first.content });
    expect(again.result.exitCode).toBe(0);
    expect(again.text(CODICE)).toBe(before);
    expect(again.output).toContain(
      'File degli obiettivi: 0 nuovi, 0 aggiornati, 1 invariati, 0 sovrascritti con --force; dup.yaml invariato',
    );
  });

  it('refuses to overwrite a file an editor changed, shows the difference and writes nothing', () => {
    const first = importFixture('pagine-multiple.txt');
    const edited = first.text('2023_B03_00').replace('direzione: decrescente', 'direzione: crescente');
    const path = join(first.out, '2023', 'b03-00.md');
    writeFileSync(path, edited);
    const other = join(first.out, '2023', 'z07-02.md');
    rmSync(other);
    const again = importFixture('pagine-multiple.txt', { content: first.content });
    expect(again.result.exitCode).toBe(1);
    expect(readFileSync(path, 'utf8')).toBe(edited);
    expect(existsSync(other)).toBe(false);
    expect(again.output.slice(again.output.indexOf('<content>/obiettivi/2023/b03-00.md'))).toMatchInlineSnapshot(`
      "<content>/obiettivi/2023/b03-00.md  errore  il file è stato modificato dopo l’importazione (o non viene da un’importazione): non lo sovrascrivo; rileggi le differenze e, se vuoi sostituirlo, ripeti con --force
          Index: <content>/obiettivi/2023/b03-00.md
          ===================================================================
          --- <content>/obiettivi/2023/b03-00.md	file attuale (modificato)
          +++ <content>/obiettivi/2023/b03-00.md	nuova importazione
          @@ -29,5 +29,5 @@
               descrizione: Tempo medio di pagamento inferiore a 30 giorni
               tipo: EFFICIENZA
          -    direzione: crescente
          +    direzione: decrescente
               unita_di_misura: null
               valore_atteso: 30
      ✖ 1 file modificati: nessun file scritto."
    `);
  });

  it('overwrites an edited file with --force', () => {
    const first = importFixture('pagine-multiple.txt');
    const original = first.text('2023_B03_00');
    writeFileSync(join(first.out, '2023', 'b03-00.md'), original.replace('stato: Concluso', 'stato: Chiuso'));
    const forced = importFixture('pagine-multiple.txt', { content: first.content, force: true });
    expect(forced.result.exitCode).toBe(0);
    expect(forced.text('2023_B03_00')).toBe(original);
    expect(forced.output).toContain('1 sovrascritti con --force');
  });

  it('treats a hand-written file without fingerprint as edited', () => {
    const first = importFixture('soggetti.txt');
    const path = join(first.out, '2021', 'd05-00.md');
    writeFileSync(
      path,
      first
        .text('2021_D05_00')
        .split('\n')
        .filter((line) => !line.startsWith('# importato da'))
        .join('\n'),
    );
    const again = importFixture('soggetti.txt', { content: first.content });
    expect(again.result.exitCode).toBe(1);
    expect(again.output).toContain('non lo sovrascrivo');
  });

  it('updates a file that nobody edited when the export changes', () => {
    const changed = join(tempDir('peg-export-'), 'soggetti.txt');
    writeFileSync(
      changed,
      readFileSync(join(FIXTURES, 'soggetti.txt'), 'utf8').replace('80,00\t85,00', '80,00\t90,00'),
    );
    const first = importFixture(changed);
    const again = importFixture('soggetti.txt', { content: first.content });
    expect(again.result.exitCode).toBe(0);
    expect(again.data('2021_D05_00').indicatori[0]!.valore_raggiunto).toBe(85);
    expect(again.output).toContain('File degli obiettivi: 0 nuovi, 1 aggiornati, 0 invariati');
  });

  it('keeps the entries and comments already in dup.yaml and adds the new codes', () => {
    const first = importFixture('soggetti.txt');
    const dupPath = join(first.content, 'dup.yaml');
    writeFileSync(
      dupPath,
      '# Curato dall’ufficio controllo\nmandati:\n  - codice: G_1\n    titolo: Organizzazione e personale\n    missioni: []\n  - codice: Z_9\n    titolo: Altro\n    missioni: []\n',
    );
    const again = importFixture('soggetti.txt', { content: first.content });
    expect(again.result.exitCode).toBe(0);
    expect(readFileSync(dupPath, 'utf8')).toMatchInlineSnapshot(`
      "# Curato dall’ufficio controllo
      mandati:
        - codice: G_1
          titolo: Organizzazione e personale
          missioni:
            - codice: G_1_0110
              titolo: Risorse umane
              programmi:
                - codice: G_1_0110_0003
                  titolo: Formazione
        - codice: Z_9
          titolo: Altro
          missioni: []
      "
    `);
    expect(again.output).toContain(
      'G_1: dup.yaml ha il titolo «Organizzazione e personale», l’export «ORGANIZZAZIONE»; resta quello di dup.yaml (mandato)',
    );
  });

  it('keeps comments between, beside and after the entries of dup.yaml, and their order, on every re-import', () => {
    const first = importFixture('soggetti.txt');
    const dupPath = join(first.content, 'dup.yaml');
    const curated = [
      '# Curato dall’ufficio controllo',
      'mandati:',
      '  # Z_9 prima di G_1: ordine voluto dall’ufficio',
      '  - codice: Z_9',
      '    titolo: Altro # provvisorio',
      '    missioni: []',
      '  - codice: G_1 # dal DUP 2021',
      '    titolo: Organizzazione e personale',
      '    missioni:',
      '      # missione verificata con la ragioneria',
      '      - codice: G_1_0110',
      '        titolo: Risorse umane',
      '        programmi: []',
      '# fine del file',
      '',
    ].join('\n');
    writeFileSync(dupPath, curated);
    const again = importFixture('soggetti.txt', { content: first.content });
    expect(again.result.exitCode).toBe(0);
    const text = readFileSync(dupPath, 'utf8');
    expect(text).toMatchInlineSnapshot(`
      "# Curato dall’ufficio controllo
      mandati:
        # Z_9 prima di G_1: ordine voluto dall’ufficio
        - codice: Z_9
          titolo: Altro # provvisorio
          missioni: []
        - codice: G_1 # dal DUP 2021
          titolo: Organizzazione e personale
          missioni:
            # missione verificata con la ragioneria
            - codice: G_1_0110
              titolo: Risorse umane
              programmi:
                - codice: G_1_0110_0003
                  titolo: Formazione

      # fine del file
      "
    `);
    // A second re-import adds nothing and leaves the file byte for byte.
    expect(importFixture('soggetti.txt', { content: first.content }).result.exitCode).toBe(0);
    expect(readFileSync(dupPath, 'utf8')).toBe(text);
  });

  it('recognises the shipped 2020 files: six untouched (units included), five curated and refused', () => {
    const content = tempDir('peg-shipped-');
    cpSync('content', content, { recursive: true });
    const result = runImport({
      exportPath: join(FIXTURES, 'scheda-obiettivi-peg-2020.txt'),
      outDir: join(content, 'obiettivi'),
      force: false,
    });
    expect(result.exitCode).toBe(1);
    const refusedFiles = result.output
      .filter((line) => line.includes('  errore  il file è stato modificato'))
      .map((line) => line.slice(content.length + 1, line.indexOf('  ')));
    expect(refusedFiles).toEqual([
      'obiettivi/2020/a01-00.md',
      'obiettivi/2020/a02-00.md',
      'obiettivi/2020/s01-00.md',
      'obiettivi/2020/s05-00.md',
      'obiettivi/2020/u09-00.md',
    ]);
    // The curated files differ from a fresh import only by the curation docs/import-2020.md lists.
    const fresh = importFixture('scheda-obiettivi-peg-2020.txt');
    for (const codice of ['2020_A01_00', '2020_A02_00', '2020_S01_00', '2020_S05_00', '2020_U09_00']) {
      const shipped = readFileSync(join('content/obiettivi/2020', `${codice.slice(5, 8).toLowerCase()}-00.md`), 'utf8');
      const changed = diffLines(fresh.text(codice), shipped)
        .filter((part) => part.added || part.removed)
        .flatMap((part) =>
          part.value
            .split('\n')
            .filter(Boolean)
            .map((line) => `${part.added ? '+' : '-'}${line}`),
        )
        .filter((line) => !line.includes('# importato da'));
      const curation = (line: string) =>
        /^[-+] {4}direzione: (crescente|binario)$/.test(line) ||
        (codice === '2020_A02_00' &&
          [
            '+## Stato di attuazione',
            '+La scheda del PEG 2020 non riporta lo stato di attuazione di questo obiettivo.',
          ].includes(line));
      expect(
        changed.filter((line) => !curation(line)),
        codice,
      ).toEqual([]);
      expect(changed.length, codice).toBeGreaterThan(0);
    }
  });
});
