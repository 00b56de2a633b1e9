import { Readable } from 'node:stream';
import type { Ente } from '../../../schemas/ente';
import { loadContentForBuild } from '../../content/build-read';
import { objectivePages, type ObiettivoPage } from '../../content/pages';
import { historyIndex } from '../../derived/git/history';
import { buildIndexes } from '../../derived/indexes';
import { updatedDate } from '../../derived/updated';
import { objectiveDataUrl, objectiveTableUrl, OPENDATA_CATALOGUE_URL } from '../../routes';
import { csvTable, csvTableStream, TABELLE, type Tabella } from './csv';
import { datasetFiles, datasetSpecs } from './datasets';
import { dcatCatalog } from './dcat';
import { MEDIA_TYPES } from './media-types';
import { jsonDocumentChunks, toJson, toOpenData, type OpenDataObiettivo } from './records';
import { cachedWorkbook, workbookCodeParts, type WorkbookBody } from './workbook-cache';

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
  /** XLSX workbooks come from the cache (workbook-cache.ts): a file to link into place, not bytes. */
  body: () => string | Readable | Promise<WorkbookBody>;
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
  const json = (list: readonly OpenDataObiettivo[]) => () => Readable.from(jsonDocumentChunks(envelope, list));
  let workbookCode: unknown;

  const dataset = (anno?: number): OpenDataFile[] => {
    const scoped = anno === undefined ? records : records.filter((r) => r.anno === anno);
    const pages = anno === undefined ? obiettivi : obiettivi.filter((o) => o.data.anno === anno);
    return datasetFiles(anno).map((file): OpenDataFile => {
      const { path } = file;
      if (file.format === 'JSON') return { path, mediaType: MEDIA_TYPE.json, body: json(scoped) };
      if (file.format === 'XLSX')
        return {
          path,
          mediaType: MEDIA_TYPE.xlsx,
          body: () => cachedWorkbook({ ente, pages, records: scoped }, (workbookCode ??= workbookCodeParts())),
        };
      return { path, mediaType: MEDIA_TYPE.csv, body: () => csvTableStream(file.tabella, scoped, ente.sito_url) };
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
