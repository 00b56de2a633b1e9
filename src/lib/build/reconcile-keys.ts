import { createHash, type Hash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSONParser, type ParsedElementInfo } from '@streamparser/json-node';
import { z } from 'astro/zod';
import { parse } from 'csv-parse';
import { cacheFile, storeCached, touchCached } from '../outputs/cache';
import { TABELLE, type Tabella } from '../outputs/opendata/csv';
import { readSheetColumns } from './xlsx-columns';

/**
 * The keys (codici, codice + id) that each open-data file of the built site holds, for the
 * reconciliation (./reconcile.ts). Which keys a file holds is a pure function of its bytes, so they are
 * memoized by the SHA-256 of those bytes in the content-addressed cache (../outputs/cache.ts): a warm
 * build whose files are byte for byte those of an earlier build hashes them (≈0.05 CPU s at 1,000
 * objectives) instead of parsing them with the workbook reader, csv-parse and the JSON stream parser
 * (≈3.5 CPU s, docs/benchmarks.md). The comparison with content/ is not cached: it runs on every build.
 */

/** Rows keyed `codice` (obiettivi) or `codice id` (fasi, indicatori). */
export type KeyList = string[];

export interface JsonKeys {
  obiettivi: KeyList;
  fasi: KeyList;
  indicatori: KeyList;
}

/** Each table's sheet, null when the workbook has no sheet of that name. */
export type XlsxKeys = Record<Tabella, KeyList | null>;

/**
 * What the extraction is made of: the source of this module and of the workbook reader, and the versions
 * of the zip and XML libraries that reader relies on. A change to any is a new key, so an edited extractor
 * never reads keys an older one wrote. (csv-parse and @streamparser/json export no package.json to read a
 * version from.)
 */
const require = createRequire(import.meta.url);
const EXTRACTOR = {
  source: createHash('sha256')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    // The reader beside this module, with this module's extension (.ts under tsx, .js once compiled).
    .update(readFileSync(fileURLToPath(new URL(`./xlsx-columns${extname(import.meta.url)}`, import.meta.url))))
    .digest('hex'),
  jszip: (require('jszip/package.json') as { version: string }).version,
  saxes: (require('saxes/package.json') as { version: string }).version,
};

const NAMESPACE = 'reconcile-keys';

const keyList = z.array(z.string());
const ENTRY = {
  json: z.object({ obiettivi: keyList, fasi: keyList, indicatori: keyList }),
  csv: keyList,
  xlsx: z.object({ obiettivi: keyList.nullable(), fasi: keyList.nullable(), indicatori: keyList.nullable() }),
};
type Kind = keyof typeof ENTRY;

/** A stream of the file's bytes that also feeds `hash`, so the keys are stored under the bytes they came from. */
function hashedStream(path: string, hash: Hash) {
  return createReadStream(path).on('data', (chunk) => hash.update(chunk));
}

type Row = { codice?: unknown; fasi?: { id?: unknown }[]; indicatori?: { id?: unknown }[] };

/**
 * The objectives of an obiettivi.json, parsed one at a time (the all-years file is ~150 MB at 10,000
 * objectives); null when the file is not JSON or has no list `obiettivi`.
 */
async function extractJson(path: string, hash: Hash): Promise<JsonKeys | null> {
  const obiettivi = new Set<string>();
  const fasi = new Set<string>();
  const indicatori = new Set<string>();
  const parser = new JSONParser({ paths: ['$.obiettivi.*'], keepStack: false });
  let seen = 0;
  try {
    for await (const { key, value } of hashedStream(path, hash).pipe(parser) as AsyncIterable<ParsedElementInfo>) {
      if (typeof key !== 'number' || typeof value !== 'object' || value === null) return null;
      seen++;
      const r = value as Row;
      obiettivi.add(String(r.codice));
      for (const f of r.fasi ?? []) fasi.add(`${String(r.codice)} ${String(f.id)}`);
      for (const i of r.indicatori ?? []) indicatori.add(`${String(r.codice)} ${String(i.id)}`);
    }
    // Nothing was emitted: an empty list, or no list at all. The file is then small enough to read whole.
    if (seen === 0 && !Array.isArray((JSON.parse(readFileSync(path, 'utf8')) as { obiettivi?: unknown }).obiettivi))
      return null;
  } catch {
    return null;
  }
  return { obiettivi: [...obiettivi], fasi: [...fasi], indicatori: [...indicatori] };
}

/** A CSV table read a row at a time; null when it is not readable CSV. */
async function extractCsv(path: string, hash: Hash, tabella: Tabella): Promise<KeyList | null> {
  const keys = new Set<string>();
  try {
    for await (const r of hashedStream(path, hash).pipe(parse({ columns: true, bom: true })) as AsyncIterable<
      Record<string, string>
    >)
      keys.add(tabella === 'obiettivi' ? r.codice! : `${r.codice} ${r.id}`);
  } catch {
    return null;
  }
  return [...keys];
}

/**
 * The three tables of obiettivi.xlsx, keyed like the CSV files; null when it is not a readable workbook.
 * Only the columns codice and id are read, as streams (./xlsx-columns.ts).
 */
async function extractXlsx(path: string, hash: Hash): Promise<XlsxKeys | null> {
  let tables;
  try {
    const bytes = await readFile(path);
    hash.update(bytes);
    tables = await readSheetColumns(bytes, TABELLE, ['codice', 'id']);
  } catch {
    return null;
  }
  const sheets = {} as XlsxKeys;
  for (const tabella of TABELLE) {
    const rows = tables[tabella];
    sheets[tabella] =
      rows === null
        ? null
        : [...new Set(rows.map((row) => (tabella === 'obiettivi' ? row.codice : `${row.codice} ${row.id}`)))];
  }
  return sheets;
}

/** SHA-256 of a file, streamed; undefined when it cannot be read (the extractor then reports it). */
async function digestOf(path: string): Promise<string | undefined> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

const entryFile = (kind: string, digest: string) => cacheFile(NAMESPACE, [EXTRACTOR, kind, digest], { ext: 'json' });

/**
 * The keys of the file at `path`: from the cache when a file with the same bytes was read before, else
 * extracted and stored. A cache entry that is unreadable, not JSON or not the expected shape is a miss.
 * A file that cannot be read as its kind (null) is not stored: the extractor reports it every time.
 */
async function memoized<T>(
  kind: Kind,
  variant: string,
  path: string,
  extract: (path: string, hash: Hash) => Promise<T | null>,
): Promise<T | null> {
  const name = `${kind}:${variant}`;
  const digest = await digestOf(path);
  if (digest !== undefined) {
    const file = await entryFile(name, digest);
    const hit = await readFile(file, 'utf8')
      .then((text) => ENTRY[kind].safeParse(JSON.parse(text)))
      .catch(() => undefined);
    if (hit?.success) {
      await touchCached(file);
      return hit.data as T;
    }
  }
  const hash = createHash('sha256');
  const keys = await extract(path, hash);
  // Stored under the hash of the bytes actually parsed: a file rewritten after digestOf read it cannot
  // leave its new keys under its old bytes' name.
  if (keys !== null) await storeCached(await entryFile(name, hash.digest('hex')), Buffer.from(JSON.stringify(keys)));
  return keys;
}

export const jsonKeys = (path: string) => memoized('json', '', path, extractJson);
export const csvKeys = (path: string, tabella: Tabella) =>
  memoized('csv', tabella, path, (p, hash) => extractCsv(p, hash, tabella));
export const xlsxKeys = (path: string) => memoized('xlsx', '', path, extractXlsx);
