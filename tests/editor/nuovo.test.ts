import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { matterOptions } from '../../src/lib/content/load';
import { scaffoldObiettivo } from '../../src/lib/editor/scaffold';
import { FaseSchema, IndicatoreSchema, ObiettivoSchema } from '../../src/schemas';
import { copyFolder } from '../support/fixtures';
import { runScript } from '../support/run';

const FILE = 'obiettivi/2020/b03-00.md';

/** What an editor writes in place of each «da compilare» placeholder. */
const FILLED: Record<string, string> = {
  titolo: 'Digitalizzare le pratiche edilizie',
  centro_di_responsabilita: 'SETTORE GOVERNO DEL TERRITORIO',
  responsabile: 'ROSSI MARIA',
  mandato: 'DUP_10',
  missione: 'DUP_10_0101',
  programma: 'DUP_10_0101_1103',
  descrizione: 'Pratiche presentate online (%)',
  tipo: 'EFFICACIA',
};

function fillPlaceholders(source: string): string {
  return source.replace(/^(\s*(?:- )?)(\w+): ""  # da compilare: .*$/gm, (_, indent: string, key: string) => {
    if (!(key in FILLED)) throw new Error(`test: no value for placeholder ${key}`);
    return `${indent}${key}: ${FILLED[key]}`;
  });
}

const contentCopy = () => copyFolder('tests/fixtures/content/editor');

// Each case spawns npm (≈1–2 s each on a busy 2-core machine).
describe('npm run nuovo', () => {
  it('creates the objective file in its year folder with every key of the schema', () => {
    const content = contentCopy();
    const run = runScript('nuovo', ['2020_B03_00', '--content', content]);
    expect(run.status).toBe(0);
    expect(run.stdout.replace(content, '<content>')).toMatchInlineSnapshot(`
      "✔ creato <content>/obiettivi/2020/b03-00.md
        Compila i campi segnati «da compilare», poi controlla con: npm run validate
      "
    `);
    type Data = Record<string, unknown> & { fasi: object[]; indicatori: object[] };
    const data = matter(readFileSync(join(content, FILE), 'utf8'), matterOptions).data as Data;
    expect(Object.keys(data)).toEqual(Object.keys(ObiettivoSchema.shape));
    expect(Object.keys(data.fasi[0]!)).toEqual(Object.keys(FaseSchema.shape));
    expect(Object.keys(data.indicatori[0]!)).toEqual(Object.keys(IndicatoreSchema.shape));
  });

  it('leaves placeholders that the schema rejects until the editor fills them', () => {
    const { source } = scaffoldObiettivo('2020_B03_00');
    const data = matter(source, matterOptions).data;
    const result = ObiettivoSchema.safeParse(data);
    expect(result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toMatchInlineSnapshot(`
      [
        "titolo: non può essere vuoto",
        "centro_di_responsabilita: non può essere vuoto",
        "responsabile: non può essere vuoto",
        "dup.mandato: non può essere vuoto",
        "dup.missione: non può essere vuoto",
        "dup.programma: non può essere vuoto",
        "fasi.0.titolo: non può essere vuoto",
        "indicatori.0.descrizione: non può essere vuoto",
        "indicatori.0.tipo: non può essere vuoto",
      ]
    `);
    expect(ObiettivoSchema.safeParse(matter(fillPlaceholders(source), matterOptions).data).success).toBe(true);
  });

  it('creates a file that the validator rejects line by line and accepts once its placeholders are filled', () => {
    const content = contentCopy();
    expect(runScript('nuovo', ['2020_B03_00', '--content', content]).status).toBe(0);
    const path = join(content, FILE);
    const source = readFileSync(path, 'utf8');
    const placeholderLines = source
      .split('\n')
      .flatMap((line, index) => (line.includes('# da compilare:') ? [index + 1] : []));

    const before = runScript('validate', ['--content', content]);
    expect(before.status).toBe(1);
    const reported = [...before.stdout.matchAll(/obiettivi\/2020\/b03-00\.md:(\d+):\d+\s+errore\s/g)].map((m) =>
      Number(m[1]),
    );
    expect(reported).toEqual(placeholderLines);

    writeFileSync(path, fillPlaceholders(source));
    const after = runScript('validate', ['--content', content]);
    expect(after.stdout + after.stderr).not.toMatch(/:\d+:\d+\s+errore\s/);
    expect(after.status).toBe(0);
  });

  it('refuses to overwrite an existing file and explains a wrong code in Italian', () => {
    const content = contentCopy();
    const again = runScript('nuovo', ['2020_A01_00', '--content', content]);
    expect(again.status).toBe(1);
    expect(again.stderr.replace(content, '<content>').trim()).toMatchInlineSnapshot(
      `"✖ <content>/obiettivi/2020/a01-00.md esiste già: non lo sovrascrivo. Modificalo direttamente oppure scegli un altro codice."`,
    );
    expect(readFileSync(join(content, 'obiettivi/2020/a01-00.md'), 'utf8')).toBe(
      readFileSync('tests/fixtures/content/editor/obiettivi/2020/a01-00.md', 'utf8'),
    );

    const wrong = runScript('nuovo', ['2021-B3', '--content', content]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr.trim()).toMatchInlineSnapshot(
      `"✖ codice «2021-B3» non valido: il codice si scrive ANNO_LETTERA+NUMERO_NUMERO, per esempio 2020_A01_00"`,
    );
    expect(existsSync(join(content, 'obiettivi/2021'))).toBe(false);
  });
});
