import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatText } from '../../src/lib/validate/format';
import { validateContent } from '../../src/lib/validate/validate-content';
import { looksLikePersonName, PremioCategoriaSchema } from '../../src/schemas/performance';

const tmp = mkdtempSync(join(tmpdir(), 'peg-performance-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const lines = async (dir: string) => formatText(await validateContent(dir)).split('\n');

describe('performance files in the validator', () => {
  it('refuses a template blank in an act, and a premium row that names a person, with file and line', async () => {
    const out = await lines('tests/fixtures/content/performance-errori');
    const file = 'tests/fixtures/content/performance-errori/performance/2020.yaml';
    expect(out).toContain(
      `${file}:13:15  errore  piano.documento.atto.numero: contiene uno spazio da riempire di un modello (per esempio «n. __ del __» o «XX/XX/XXXX»): scrivi il valore vero, oppure null con il motivo in non_disponibile  [schema]`,
    );
    expect(out.find((l) => l.startsWith(`${file}:44:19  errore  premi.categorie.[2].nominativo:`))).toContain(
      'Garante privacy',
    );
    expect(
      out.find((l) =>
        l.startsWith(`${file}:50:18  errore  premi.categorie.[3].categoria: sembra il nome di una persona`),
      ),
    ).toBeDefined();
  });

  it('names the year that disagrees with its file, a missing PDF and a PDF nobody cites', async () => {
    const out = (await lines('tests/fixtures/content/performance-documenti')).join('\n');
    expect(out).toContain('2021.yaml:2:7  errore  anno: l’anno 2020 non coincide con il nome del file');
    expect(out).toContain('sistema.yaml:6:13  errore  sistemi.0.documento.file: il file smvp-2019.pdf non c’è');
    expect(out).toContain('documenti/orfano.pdf:1:1  avviso  nessun documento di content/performance/ cita questo PDF');
  });

  it('accepts a complete year', async () => {
    expect((await validateContent('tests/fixtures/content/performance-valido')).problems).toEqual([]);
  });
});

describe('premiums are aggregate only', () => {
  it.each(['Mario Rossi', 'ROSSI MARIO', 'Anna Maria Bianchi'])('takes «%s» for a person', (name) => {
    expect(looksLikePersonName(name)).toBe(true);
  });
  it.each([
    'Dirigenti',
    'Posizioni organizzative',
    'Personale del comparto',
    'Categoria D',
    'Area dei funzionari',
    'Segretario generale',
  ])('takes «%s» for a category of staff', (name) => {
    expect(looksLikePersonName(name)).toBe(false);
  });
  it.each(['cognome', 'matricola', 'punteggio'])('refuses a row with the key %s', (key) => {
    const result = PremioCategoriaSchema.safeParse({
      categoria: 'Dirigenti',
      stanziato: 1,
      distribuito: 1,
      dipendenti: 1,
      dipendenti_premiati: 1,
      [key]: 'x',
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain('forma aggregata');
  });
});

describe('codice_ipa', () => {
  it('is required, with a hint to IndicePA', async () => {
    const dir = join(tmp, 'senza-ipa');
    cpSync('tests/fixtures/content/valido', dir, { recursive: true });
    const ente = join(dir, 'ente.yaml');
    writeFileSync(ente, readFileSync(ente, 'utf8').replace(/^codice_ipa: .*\n/m, ''));
    const out = formatText(await validateContent(dir));
    expect(out).toMatch(/ente\.yaml:\d+:\d+ {2}errore {2}codice_ipa: .*https:\/\/www\.indicepa\.gov\.it/);
  });
});
