import type { APIRoute, GetStaticPaths } from 'astro';
import { getContent } from '../../lib/content/collection';
import { getOpenData } from '../../lib/derived/site';
import { csvTable, TABELLE, type Tabella } from '../../lib/outputs/opendata/csv';
import { csvResponse } from '../../lib/outputs/opendata/responses';

/** /opendata/obiettivi.csv, fasi.csv, indicatori.csv: every year. */
export const getStaticPaths = (() => TABELLE.map((tabella) => ({ params: { tabella } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  csvResponse(csvTable(params.tabella as Tabella, (await getOpenData()).obiettivi, (await getContent()).ente.sito_url));
