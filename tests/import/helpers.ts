import { cpSync, readFileSync } from 'node:fs';
import { beforeAll } from 'vitest';
import { isAbsolute, join } from 'node:path';
import { parseObiettivo } from '../../src/lib/content/load';
import { runImport, type ImportResult } from '../../src/lib/import/run';
import { slugFromCodice } from '../../src/lib/derived/slugs';
import { tempDir } from '../support/temp';
import { FaseSchema } from '../../src/schemas/fase';
import { IndicatoreSchema } from '../../src/schemas/indicatore';

export const FIXTURES = 'tests/fixtures/import';

export interface Imported {
  result: ImportResult;
  /** The content folder: ente.yaml, dup.yaml and obiettivi/. */
  content: string;
  out: string;
  /** Text of the file written for a code. */
  text(codice: string): string;
  /** Front matter of the file written for a code, read back as the site reads it. */
  data(codice: string): ReturnType<typeof parseObiettivo>['data'];
  body(codice: string): string;
  /** The printed output, with the temporary folder replaced by <content>. */
  output: string;
}

/** Imports an export (a fixture name, or an absolute path) into a fresh content folder that has the site's ente.yaml. */
export function importFixture(name: string, options: { force?: boolean; content?: string } = {}): Imported {
  const content = options.content ?? tempDir('peg-import-');
  cpSync('content/ente.yaml', join(content, 'ente.yaml'));
  const out = join(content, 'obiettivi');
  const result = runImport({
    exportPath: isAbsolute(name) ? name : join(FIXTURES, name),
    outDir: out,
    force: options.force ?? false,
  });
  const path = (codice: string) => join(out, codice.slice(0, 4), `${slugFromCodice(codice)}.md`);
  return {
    result,
    content,
    out,
    text: (codice) => readFileSync(path(codice), 'utf8'),
    data: (codice) => parseObiettivo(readFileSync(path(codice), 'utf8')).data,
    body: (codice) => parseObiettivo(readFileSync(path(codice), 'utf8')).body,
    output: result.output.join('\n').replaceAll(content, '<content>'),
  };
}

/** Imports an export once, before the tests of the enclosing describe block (or file); they call the result. */
export function importOnce(name: string): () => Imported {
  let imported: Imported | undefined;
  beforeAll(() => {
    imported = importFixture(name);
  });
  return () => {
    if (imported === undefined) throw new Error(`importOnce: ${name} is read only inside tests`);
    return imported;
  };
}

/** A fase written as one row: titolo, dates (ISO), peso, avanzamento, responsabile, centro, note. */
export type FaseRow = [
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  number,
  number | null,
  string | null,
  string | null,
  string | null,
];

/** The keys of a fase in the order of a FaseRow: the schema's, after id. */
const FASE_KEYS = Object.keys(FaseSchema.shape).filter((key) => key !== 'id');

/** Rows as the importer numbers them (F01, I01 …), each cell under the key of its column. */
function numbered(prefix: 'F' | 'I', keys: string[], rows: readonly (readonly unknown[])[]) {
  return rows.map((row, index) => ({
    id: `${prefix}${String(index + 1).padStart(2, '0')}`,
    ...Object.fromEntries(keys.map((key, column) => [key, row[column]])),
  }));
}

export function fasi(rows: FaseRow[]) {
  return numbered('F', FASE_KEYS, rows);
}

/** An indicator written as one row: descrizione, tipo, direzione, unità, atteso, raggiunto, storico, note. */
export type IndicatoreRow = [
  string,
  string,
  string,
  string | null,
  number | null,
  number | null,
  Record<number, number>,
  string | null,
];

/** The keys of an indicator in the order of an IndicatoreRow: the schema's, between id and verificato. */
const INDICATORE_KEYS = Object.keys(IndicatoreSchema.shape).filter((key) => key !== 'id' && key !== 'verificato');

/** Indicators numbered I01, I02 … as the importer writes them: none verificato. */
export function indicatori(rows: IndicatoreRow[]) {
  return numbered('I', INDICATORE_KEYS, rows).map((indicatore) => ({ ...indicatore, verificato: false }));
}
