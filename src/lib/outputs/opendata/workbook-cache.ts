import { hash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Ente } from '../../../schemas/ente';
import type { ObiettivoPage } from '../../content/pages';
import { jsonSchemas } from '../../editor/json-schema';
import { cachedOutput, type CachedBody } from '../cache';
import { obiettiviXlsx } from '../xlsx';
import { anniStorico, fasiColumns, indicatoriColumns, obiettiviColumns } from './columns';
import { recordDigest, type OpenDataObiettivo } from './records';

/**
 * The XLSX workbooks (all years, each year) in the content-addressed cache (../cache.ts). Writing them
 * with exceljs was ≈7 CPU s of every build at 1,000 objectives, warm included, and one all-years workbook
 * peaked ≈0.7 GB (docs/benchmarks.md); an unchanged year now costs a hash and a file copy.
 *
 * Bump WORKBOOK_VERSION when xlsx.ts (or a column's value function in columns.ts) changes what a workbook
 * holds for the same data: cell types or styles, sheets, metadata, zip settings. Everything else a
 * workbook is made from is in the key already: the records with their derived values (metrics.ts), the
 * Markdown bodies, the page URLs, ente.yaml, the column names and descriptions, the objective's JSON
 * Schema (which sets the cell kinds) and exceljs's version.
 */
export const WORKBOOK_VERSION = 1;

const EXCELJS_VERSION = (createRequire(import.meta.url)('exceljs/package.json') as { version: string }).version;

/** A workbook's data: what obiettiviXlsx is given, plus the records the open data already computed from it. */
export interface WorkbookData {
  ente: Ente;
  /** The pages of the workbook, in codice order. */
  pages: readonly ObiettivoPage[];
  /** toOpenData of each page, in the same order. */
  records: readonly OpenDataObiettivo[];
}

/** Where a workbook is: a file in the cache to link or stream, or bytes when the cache cannot be written. */
export type WorkbookBody = CachedBody | Buffer;

/** Parts of the key that are the same for every workbook of a build: computed once per build. */
export function workbookCodeParts(version = WORKBOOK_VERSION): unknown {
  const doc = (columns: readonly { name: string; description: string; derived: boolean }[]) =>
    columns.map(({ name, description, derived }) => [name, description, derived]);
  return {
    version,
    exceljs: EXCELJS_VERSION,
    schema: jsonSchemas()['obiettivo.schema.json'],
    columns: [doc(obiettiviColumns()), doc(fasiColumns())],
  };
}

const bodyDigests = new WeakMap<ObiettivoPage, string>();

/**
 * SHA-256 of a page's Markdown body, once per page and build: the all-years workbook and its year's both key on
 * it, and key-sorted JSON of 10,000 bodies was ≈0.9 CPU s of every warm build (docs/benchmarks.md).
 */
function bodyDigest(page: ObiettivoPage): string {
  let digest = bodyDigests.get(page);
  if (digest === undefined) {
    digest = hash('sha256', page.body);
    bodyDigests.set(page, digest);
  }
  return digest;
}

export function workbookKeyParts(data: WorkbookData, code: unknown): unknown {
  return {
    code,
    ente: data.ente,
    // The storico_ columns depend on the data, and their descriptions on the code.
    indicatori: indicatoriColumns(anniStorico([...data.records])).map((c) => [c.name, c.description]),
    records: data.records.map(recordDigest),
    pages: data.pages.map((p) => [p.url, bodyDigest(p)]),
  };
}

// A static import: `astro build` runs this module in Vite's module runner, closed by `astro:build:done`,
// so a lazy import('../xlsx') there fails. Loading exceljs costs ≈0.25 CPU s; writing with it is the cost.
function writeWithExceljs({ ente, pages }: WorkbookData): Promise<Buffer> {
  return obiettiviXlsx({ ente, obiettivi: pages });
}

/**
 * The cached workbook of `data`, written first when missing. `produce` is the writer (exceljs); tests
 * inject theirs.
 */
export async function cachedWorkbook(
  data: WorkbookData,
  code: unknown,
  produce: (data: WorkbookData) => Promise<Buffer> = writeWithExceljs,
): Promise<WorkbookBody> {
  return cachedOutput('opendata-xlsx', workbookKeyParts(data, code), { ext: 'xlsx' }, () => produce(data));
}
