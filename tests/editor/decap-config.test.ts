import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { obiettivoFormat, yamlFormat } from '../../src/client/decap-format';
import { loadContent, parseObiettivo } from '../../src/lib/content/load';
import { decapConfig, obiettivoFields, type DecapField } from '../../src/lib/editor/decap-config';
import { DupSchema, MandatoSchema, MissioneSchema, ProgrammaSchema } from '../../src/schemas/dup';
import { EnteSchema } from '../../src/schemas/ente';
import { FaseSchema } from '../../src/schemas/fase';
import { DIREZIONI, IndicatoreSchema } from '../../src/schemas/indicatore';
import { DupLinkSchema, ObiettivoSchema } from '../../src/schemas/obiettivo';
import { SoggettoSchema } from '../../src/schemas/soggetto';

const content = loadContent('content');
const config = decapConfig({ ente: content.ente, anni: [2020] }) as {
  collections: {
    name: string;
    folder?: string;
    fields?: DecapField[];
    files?: { name: string; file: string; fields: DecapField[] }[];
  }[];
};
const fields = obiettivoFields(content.ente.tipi_indicatore);
const sub = (list: DecapField[], name: string) => list.find((f) => f.name === name)!.fields as DecapField[];

type Shape = Record<string, z.ZodType>;

/** Required in the form: the schema accepts neither a missing value nor null. */
function requiredInSchema(schema: z.ZodType): boolean {
  return !schema.safeParse(undefined).success && !schema.safeParse(null).success;
}

/** Every key of the shape has a field, in the same order, with the same required-ness; nothing else. */
function expectSameKeys(shape: Shape, list: DecapField[], where: string) {
  expect(
    list.map((f) => f.name),
    where,
  ).toEqual(Object.keys(shape));
  for (const field of list) {
    const schema = shape[field.name]!;
    expect(field.required, `${where}.${field.name} required`).toBe(requiredInSchema(schema));
    expect(field.hint, `${where}.${field.name} hint`).toBe(schema.description);
    if (field.widget === 'number') {
      for (const [bound, step] of [
        ['min', -0.5],
        ['max', 0.5],
      ] as const) {
        const value = field[bound] as number | undefined;
        if (value === undefined) continue;
        expect(schema.safeParse(value).success, `${where}.${field.name} ${bound}`).toBe(true);
        expect(schema.safeParse(value + step).success, `${where}.${field.name} beyond ${bound}`).toBe(false);
      }
    }
  }
}

describe('the editor configuration follows the schemas', () => {
  const front = fields.filter(
    (f) => !['commento_iniziale', 'introduzione', 'modalita_di_attuazione', 'stato_di_attuazione'].includes(f.name),
  );

  it('has a field for every key of an objective, a fase, an indicatore, a soggetto and the DUP link', () => {
    expectSameKeys(ObiettivoSchema.shape as unknown as Shape, front, 'obiettivo');
    expectSameKeys(FaseSchema.shape as unknown as Shape, sub(front, 'fasi'), 'fase');
    expectSameKeys(IndicatoreSchema.shape as unknown as Shape, sub(front, 'indicatori'), 'indicatore');
    expectSameKeys(SoggettoSchema.shape as unknown as Shape, sub(front, 'soggetti_coinvolti'), 'soggetto');
    expectSameKeys(DupLinkSchema.shape as unknown as Shape, sub(front, 'dup'), 'dup');
  });

  it('has a field for every key of ente.yaml and dup.yaml', () => {
    const files = config.collections.find((c) => c.name === 'impostazioni')!.files!;
    expect(files.map((f) => f.file)).toEqual(['content/ente.yaml', 'content/dup.yaml']);
    const ente = files[0]!.fields;
    expect(ente.map((f) => f.name)).toEqual(Object.keys(EnteSchema.shape));
    const dup = files[1]!.fields;
    expectSameKeys(DupSchema.shape as unknown as Shape, dup, 'dup.yaml');
    const mandati = sub(dup, 'mandati');
    expectSameKeys(MandatoSchema.shape as unknown as Shape, mandati, 'mandato');
    expectSameKeys(MissioneSchema.shape as unknown as Shape, sub(mandati, 'missioni'), 'missione');
    expectSameKeys(ProgrammaSchema.shape as unknown as Shape, sub(sub(mandati, 'missioni'), 'programmi'), 'programma');
  });

  it('offers the enum values: direzione from the schema, tipo from ente.yaml', () => {
    const indicatore = sub(front, 'indicatori');
    expect(indicatore.find((f) => f.name === 'direzione')).toMatchObject({ widget: 'select', options: [...DIREZIONI] });
    expect(indicatore.find((f) => f.name === 'tipo')).toMatchObject({
      widget: 'select',
      options: content.ente.tipi_indicatore,
    });
  });

  it('uses date pickers for dates and numbers for numbers', () => {
    const fase = sub(front, 'fasi');
    expect(fase.find((f) => f.name === 'fine_prevista')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD' });
    expect(fase.find((f) => f.name === 'peso')).toMatchObject({ widget: 'number', min: 0, max: 100 });
    expect(front.find((f) => f.name === 'anno')).toMatchObject({ widget: 'number', value_type: 'int' });
  });

  it('has one collection per year folder, then ente and DUP', () => {
    const anni = readdirSync('content/obiettivi').sort();
    const all = decapConfig({ ente: content.ente, anni: anni.map(Number) }) as typeof config;
    expect(all.collections.map((c) => c.folder ?? c.name)).toEqual([
      ...anni.map((anno) => `content/obiettivi/${anno}`),
      'impostazioni',
    ]);
  });

  it('opens a pull request on save on the public site, writes the checkout in local mode', () => {
    expect(config).toMatchObject({ publish_mode: 'editorial_workflow', backend: { name: 'github' } });
    expect(config).not.toHaveProperty('local_backend');
    const local = decapConfig({ ente: content.ente, anni: [2020], local: { port: 8123 } });
    expect(local).toMatchObject({ local_backend: { url: 'http://localhost:8123/api/v1' } });
    expect(local).not.toHaveProperty('publish_mode');
  });
});

describe('the editor’s file formats', () => {
  const format = obiettivoFormat(fields);
  const dir = 'content/obiettivi/2020';

  it('writes back every importer-written file byte for byte when nothing changed', () => {
    for (const name of readdirSync(dir)) {
      const text = readFileSync(join(dir, name), 'utf8');
      expect(format.toFile(format.fromFile(text)), name).toBe(text);
    }
  });

  it('changes one line when one value changes, keeping the import line as it was', () => {
    const text = readFileSync(join(dir, 'a01-00.md'), 'utf8');
    const data = format.fromFile(text) as { indicatori: { valore_raggiunto: number | string }[] };
    data.indicatori[1]!.valore_raggiunto = 95;
    const after = format.toFile(data).split('\n');
    const before = text.split('\n');
    const changed = after.flatMap((line, i) => (line === before[i] ? [] : [[before[i], line]]));
    expect(changed).toEqual([['    valore_raggiunto: 80', '    valore_raggiunto: 95']]);
  });

  it('writes every key of a new fase that Decap leaves out, as npm run nuovo does', () => {
    const text = readFileSync(join(dir, 'a02-00.md'), 'utf8');
    const data = format.fromFile(text) as { fasi: Record<string, unknown>[] };
    data.fasi.push({ id: 'F05', titolo: 'Nuova', peso: 10 });
    const written = parseObiettivo(format.toFile(data));
    expect(Object.keys(written.data.fasi[4]!)).toEqual(Object.keys(FaseSchema.shape));
    expect(written.data.fasi[4]).toMatchObject({ id: 'F05', peso: 10, avanzamento: null, note: null });
  });

  it('writes an emptied field as null, and the sections under their headings', () => {
    const text = readFileSync(join(dir, 'a01-00.md'), 'utf8');
    const data = format.fromFile(text) as Record<string, unknown> & { fasi: Record<string, unknown>[] };
    data.fasi[0]!.note = '';
    data.stato_di_attuazione = 'Concluso.';
    const written = format.toFile(data);
    expect(written).toContain('    note: null\n');
    expect(written.endsWith('## Stato di attuazione\n\nConcluso.\n')).toBe(true);
  });

  it('rewrites only the changed values of ente.yaml and dup.yaml, comments and styles kept', () => {
    const yaml = yamlFormat();
    for (const file of ['content/ente.yaml', 'content/dup.yaml']) {
      const text = readFileSync(file, 'utf8');
      const written = yaml.toFile(yaml.fromFile(text));
      expect(written.split('\n')[0], file).toBe(text.split('\n')[0]);
      expect(written, file).toBe(text);
    }
    const ente = yaml.fromFile(readFileSync('content/ente.yaml', 'utf8'));
    ente.nome = 'Comune di Prova';
    (ente.contatti as Record<string, unknown>).email = '';
    const written = yaml.toFile(ente).split('\n');
    const before = readFileSync('content/ente.yaml', 'utf8').split('\n');
    expect(written.flatMap((line, i) => (line === before[i] ? [] : [line]))).toEqual(['nome: Comune di Prova']);
  });
});
