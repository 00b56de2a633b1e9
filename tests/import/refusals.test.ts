import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/lib/import/run';
import { hashTree } from '../e2e/support/tree';
import { FIXTURES, importFixture } from './helpers';
import { runTsx } from '../support/run';
import { tempDir } from '../support/temp';

/** Every refusal writes nothing: the content folder still holds only the ente.yaml the helper put there. */
function refused(name: string) {
  const imported = importFixture(name);
  expect(imported.result.exitCode).toBe(1);
  expect(Object.keys(hashTree(imported.content))).toEqual(['ente.yaml']);
  return imported.output.split('\n').filter((line) => line.includes('  errore  '));
}

describe('encoding', () => {
  it.for([
    {
      test: 'refuses one Windows-1252 byte with its line, column and byte, and asks for UTF-8',
      fixture: 'codifica-un-byte.txt',
      errore:
        '14  errore  il byte 0xE0 (colonna 24, byte 208 del file) non è UTF-8: l’export è in un’altra codifica (forse Windows-1252). Salva il file in UTF-8 (per esempio con un editor di testo, «Salva con codifica UTF-8») e riprova; nessun file scritto',
    },
    {
      test: 'refuses a replacement character left by an earlier conversion',
      fixture: 'carattere-sostituzione.txt',
      errore:
        '14  errore  la riga contiene il carattere di sostituzione «�» (colonna 24): una conversione precedente ha perso una lettera. Riconverti il PDF e salva il file in UTF-8; nessun file scritto',
    },
  ])('$test', ({ fixture, errore }) => {
    expect(refused(fixture)).toEqual([`${FIXTURES}/${fixture}:${errore}`]);
  });

  it('refuses a whole Windows-1252 file with one line, not one per accented letter', () => {
    const errors = refused('codifica-windows-1252.txt');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('codifica-windows-1252.txt:14  errore  il byte 0xE0 (colonna 24, byte 208 del file)');
    expect(errors[0]).toContain('Salva il file in UTF-8');
  });

  it('accepts UTF-8 with a BOM and imports exactly what the same file without BOM gives', () => {
    const withBom = importFixture('codifica-bom.txt');
    const without = importFixture('pagine-multiple.txt');
    expect(withBom.result.exitCode).toBe(0);
    expect(withBom.text('2023_Z07_02').replace(/codifica-bom/, 'pagine-multiple')).toBe(without.text('2023_Z07_02'));
  });
});

describe('repetitions and truncation', () => {
  // The errors are given without their `  tests/fixtures/import/<file>:` prefix.
  it.for([
    {
      test: 'refuses an indicator page printed twice, naming both lines',
      file: 'ripetizione-indicatori.txt',
      errori: [
        '95  errore  2023_Z07_02: la riga di indicatore «Parchi rilevati» alle righe 79 e 95 è ripetuta identica: una pagina è stampata due volte? Togli la ripetizione dall’export',
      ],
    },
    {
      test: 'refuses a fasi page printed twice, naming both lines',
      file: 'ripetizione-fasi.txt',
      errori: [
        '100  errore  2023_Z07_02: la fase «Cantieri» alle righe 89 e 100 è ripetuta identica: una pagina è stampata due volte? Togli la ripetizione dall’export',
      ],
    },
    {
      test: 'refuses an objective page printed twice (its DUP link twice), naming both lines',
      file: 'ripetizione-pagina.txt',
      errori: [
        '65  errore  2023_Z07_02: il collegamento al DUP (mandato MAN_3) è ripetuto alle righe 27 e 65: una pagina è stampata due volte? Togli la ripetizione dall’export',
        '67  errore  2023_Z07_02: il collegamento al DUP (missione MAN_3_0902) è ripetuto alle righe 29 e 67: una pagina è stampata due volte? Togli la ripetizione dall’export',
        '69  errore  2023_Z07_02: il collegamento al DUP (programma MAN_3_0902_0007) è ripetuto alle righe 31 e 69: una pagina è stampata due volte? Togli la ripetizione dall’export',
      ],
    },
    {
      test: 'refuses a page of narrative printed twice, naming both lines',
      file: 'ripetizione-testo.txt',
      errori: [
        '73  errore  2023_Z07_02: il paragrafo «Il cantiere del parco Nord è stato conse…» alle righe 64 e 73 è ripetuto identico: una pagina è stampata due volte? Togli la ripetizione dall’export',
      ],
    },
  ])('$test', ({ file, errori }) => {
    expect(refused(file)).toEqual(errori.map((errore) => `  tests/fixtures/import/${file}:${errore}`));
  });

  it('accepts the page header printed again on every page', () => {
    const imported = importFixture('pagine-multiple.txt');
    expect(imported.result.exitCode).toBe(0);
    expect(imported.data('2023_Z07_02').indicatori).toHaveLength(1);
  });

  it('refuses an export whose last objective has fasi weighing less than 100, and says what it checks', () => {
    const imported = importFixture('troncato-pesi.txt');
    expect(refused('troncato-pesi.txt')).toMatchInlineSnapshot(`
      [
        "  tests/fixtures/import/troncato-pesi.txt:8  errore  2023_Z07_02: i pesi delle fasi sommano a 40, non 100: il file finisce qui, l’export è troncato?",
      ]
    `);
    expect(imported.output).toContain(
      'Completezza: l’export non dichiara quanti obiettivi, fasi o indicatori contiene e non ha una riga finale',
    );
  });
});

describe('--out', () => {
  const cli = (...args: string[]) => runTsx('scripts/import.ts', args);
  const sample = join(FIXTURES, 'pagine-multiple.txt');

  it('refuses the content folder, a file in it, a year folder and an unrelated folder: one line, exit 2, nothing written', () => {
    const root = tempDir('peg-out-');
    const content = join(root, 'content');
    cpSync('content/ente.yaml', join(content, 'ente.yaml'));
    mkdirSync(join(content, 'obiettivi', '2023'), { recursive: true });
    const other = join(root, 'altro');
    mkdirSync(other);
    writeFileSync(join(other, 'appunti.txt'), 'x');
    const before = hashTree(root);
    const lines = [join(content, 'ente.yaml'), content, join(content, 'obiettivi', '2023'), other].map((out) => {
      const { status, stdout, stderr } = cli(sample, '--out', out);
      expect(status, out).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n'), out).toHaveLength(1);
      return stderr.trim().replaceAll(root, '<tmp>');
    });
    expect(hashTree(root)).toEqual(before);
    expect(existsSync(join(content, 'dup.yaml'))).toBe(false);
    expect(lines).toMatchInlineSnapshot(`
      [
        "errore  --out <tmp>/content/ente.yaml è un file, non una cartella: indica la cartella degli obiettivi (per il sito: --out content/obiettivi); nessun file scritto",
        "errore  --out <tmp>/content contiene ente.yaml: è la cartella dei contenuti, non quella degli obiettivi; usa --out <tmp>/content/obiettivi; nessun file scritto",
        "errore  --out <tmp>/content/obiettivi/2023 è la cartella di un anno: gli anni li crea l’importazione; usa --out <tmp>/content/obiettivi; nessun file scritto",
        "errore  --out <tmp>/altro non è una cartella «obiettivi» né una cartella nuova e vuota: indica la cartella degli obiettivi (per il sito: --out content/obiettivi); nessun file scritto",
      ]
    `);
  });

  it('accepts a new empty folder and writes dup.yaml next to it', () => {
    const root = tempDir('peg-out-');
    const result = runImport({ exportPath: sample, outDir: join(root, 'prova'), force: false });
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(root, 'prova', '2023', 'z07-02.md'))).toBe(true);
    expect(readFileSync(join(root, 'dup.yaml'), 'utf8')).toContain('MAN_3_0902_0007');
  });
});
