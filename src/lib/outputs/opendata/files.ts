import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { Ente } from '../../../schemas/ente';
import { loadContentForBuild } from '../../content/build-read';
import { objectivePages, type ObiettivoPage } from '../../content/pages';
import { historyIndex } from '../../derived/git/history';
import { buildIndexes } from '../../derived/indexes';
import { updatedDate } from '../../derived/updated';
import { objectiveDataUrl, objectiveTableUrl, OPENDATA_CATALOGUE_URL } from '../../routes';
import { cacheKey, cachedOutput, type CachedBody } from '../cache';
import { fasiColumns, indicatoriColumns, obiettiviColumns } from './columns';
import { csvTable, csvTableStream, TABELLE, type Tabella } from './csv';
import { datasetFiles, datasetSpecs } from './datasets';
import { dcatCatalog } from './dcat';
import { MEDIA_TYPES } from './media-types';
import { jsonDocumentChunks, recordDigest, toJson, toOpenData, type OpenDataObiettivo } from './records';
import { cachedWorkbook, workbookCodeParts } from './workbook-cache';

/**
 * Every file of the open data (docs/opendata.md), each with the function that makes its bytes. The build
 * writes them into the output folder after Astro's pages and `astro dev` serves them from this same list
 * (integration.ts), so the two cannot disagree. They are not Astro endpoints: at thousands of objectives a
 * Request/Response per file and the site-wide documents held whole in memory were a large part of the build
 * (docs/benchmarks.md). Large files are streams, small ones strings.
 */
export interface OpenDataFile {
  /** Site path: /opendata/obiettivi.json */
  path: string;
  mediaType: string;
  /** XLSX workbooks come from the cache (workbook-cache.ts): a file to copy into place, not bytes. */
  body: () => string | Readable | Promise<CachedBody | Buffer>;
  /**
   * For a file kept in the cache whose `body` is a stream of it: the cached file itself, which the build
   * copies into place instead of streaming (or a stream when the cache cannot be written).
   */
  cached?: () => Promise<CachedBody | Readable>;
}

export interface OpenDataSource {
  ente: Ente;
  /** In codice order, as the pages list them. */
  obiettivi: readonly ObiettivoPage[];
  /** Years with objectives, latest first (src/lib/derived/indexes.ts). */
  anni: readonly number[];
  /** Last-update date of an objective (git), for the catalogue. */
  updated: (obiettivo: ObiettivoPage) => string;
}

/** Reads content/ with the pages' reader and rules (loadContent, objectivePages); once per build (build-read.ts). */
export function openDataSource(contentDir: string): OpenDataSource {
  const content = loadContentForBuild(contentDir);
  const obiettivi = objectivePages(content, contentDir);
  const history = historyIndex(contentDir);
  return {
    ente: content.ente,
    obiettivi,
    anni: buildIndexes(obiettivi, content.dup).anni,
    updated: (obiettivo) => updatedDate(history, obiettivo),
  };
}

/**
 * What shapes the bytes of a JSON or CSV file besides its records, for the cache key: the source of the
 * modules that serialise them, the column names (a schema key no record uses yet is still a CSV column)
 * and csv-stringify's version. Computed once per build.
 */
function tableCodeParts(): unknown {
  const source = ['./records.ts', './csv.ts', './columns.ts', './formula.ts'].map((module) =>
    cacheKey(readFileSync(new URL(module, import.meta.url), 'utf8')),
  );
  const names = (columns: readonly { name: string }[]) => columns.map((column) => column.name);
  // csv-stringify does not export its package.json: read it beside the module it resolves to.
  const entry = createRequire(import.meta.url).resolve('csv-stringify');
  const csvPackage = join(
    entry.slice(0, entry.lastIndexOf(`${sep}csv-stringify${sep}`)),
    'csv-stringify',
    'package.json',
  );
  return {
    source,
    columns: [names(obiettiviColumns()), names(fasiColumns()), names(indicatoriColumns([]))],
    csvStringify: (JSON.parse(readFileSync(csvPackage, 'utf8')) as { version: string }).version,
  };
}

/** How every whole JSON document and CSV table starts and ends: a cached file that does not is a miss. */
const FRAME = {
  json: { ext: 'json', frame: { head: Buffer.from('{\n'), tail: Buffer.from('\n}\n') } },
  csv: { ext: 'csv', frame: { head: Buffer.from('\uFEFF'), tail: Buffer.from('\r\n') } },
};

/** The bytes of a cached output, read from the cache (or from the output itself when it could not be stored). */
async function* streamCached(cached: () => Promise<CachedBody | Readable>): AsyncGenerator<Buffer | string> {
  const body = await cached();
  yield* body instanceof Readable ? body : createReadStream(body.cachedFile);
}

const MEDIA_TYPE = {
  json: `${MEDIA_TYPES.JSON}; charset=utf-8`,
  csv: `${MEDIA_TYPES.CSV}; charset=utf-8`,
  xlsx: MEDIA_TYPES.XLSX,
  jsonld: 'application/ld+json',
};

export function openDataFiles({ ente, obiettivi, anni, updated }: OpenDataSource): OpenDataFile[] {
  // One record per objective, computed once and shared by every file it appears in.
  const records = obiettivi.map((o) => toOpenData(o, ente.soglie_esito));
  const envelope = { ente: ente.nome, licenza: ente.licenza };
  let workbookCode: unknown;
  let tableCode: unknown;
  // The site-wide and per-year JSON and CSV are cached by what they are made of: at 1,000 objectives
  // serialising them again was ≈0.7 CPU s of every build; a record's digest is ≈0.08 ms.
  const cachedTable = (
    format: keyof typeof FRAME,
    parts: unknown,
    list: readonly OpenDataObiettivo[],
    produce: () => Readable,
  ): Pick<OpenDataFile, 'body' | 'cached'> => {
    const cached = () => {
      const key = { code: (tableCode ??= tableCodeParts()), format, parts, records: list.map(recordDigest) };
      return cachedOutput('opendata-tables', key, FRAME[format], produce);
    };
    return { cached, body: () => Readable.from(streamCached(cached)) };
  };

  const dataset = (anno?: number): OpenDataFile[] => {
    const scoped = anno === undefined ? records : records.filter((r) => r.anno === anno);
    const pages = anno === undefined ? obiettivi : obiettivi.filter((o) => o.data.anno === anno);
    return datasetFiles(anno).map((file): OpenDataFile => {
      const { path } = file;
      if (file.format === 'JSON')
        return {
          path,
          mediaType: MEDIA_TYPE.json,
          ...cachedTable('json', envelope, scoped, () => Readable.from(jsonDocumentChunks(envelope, scoped))),
        };
      if (file.format === 'XLSX')
        return {
          path,
          mediaType: MEDIA_TYPE.xlsx,
          body: () => cachedWorkbook({ ente, pages, records: scoped }, (workbookCode ??= workbookCodeParts())),
        };
      const { tabella } = file;
      return {
        path,
        mediaType: MEDIA_TYPE.csv,
        ...cachedTable('csv', [tabella, ente.sito_url], scoped, () => csvTableStream(tabella, scoped, ente.sito_url)),
      };
    });
  };

  const perObjective = records.flatMap((record): OpenDataFile[] => [
    {
      path: objectiveDataUrl(record.codice, 'json'),
      mediaType: MEDIA_TYPE.json,
      body: () => toJson({ ...envelope, obiettivi: [record] }),
    },
    ...TABELLE.map((tabella: Tabella) => ({
      path: objectiveTableUrl(record.codice, tabella),
      mediaType: MEDIA_TYPE.csv,
      body: () => csvTable(tabella, [record], ente.sito_url),
    })),
  ]);

  const catalogue: OpenDataFile = {
    path: OPENDATA_CATALOGUE_URL,
    mediaType: MEDIA_TYPE.jsonld,
    body: () => {
      const items = obiettivi.map((o) => ({ anno: o.data.anno, modified: updated(o) }));
      return toJson(dcatCatalog(ente, datasetSpecs(ente, items, anni)));
    },
  };

  return [...dataset(), ...anni.flatMap((anno) => dataset(anno)), ...perObjective, catalogue];
}
