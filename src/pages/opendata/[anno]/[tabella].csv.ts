import type { APIRoute, GetStaticPaths } from 'astro';
import { getContent } from '../../../lib/content/collection';
import { getIndexes, getOpenData } from '../../../lib/derived/site';
import { csvTable, TABELLE, type Tabella } from '../../../lib/outputs/opendata/csv';
import { csvResponse } from '../../../lib/outputs/opendata/responses';

/** /opendata/<anno>/obiettivi.csv, fasi.csv, indicatori.csv. */
export const getStaticPaths = (async () => {
  const { anni } = await getIndexes();
  return anni.flatMap((anno) => TABELLE.map((tabella) => ({ params: { anno: String(anno), tabella } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const obiettivi = (await getOpenData()).obiettivi.filter((o) => String(o.anno) === params.anno);
  return csvResponse(csvTable(params.tabella as Tabella, obiettivi, (await getContent()).ente.sito_url));
};
