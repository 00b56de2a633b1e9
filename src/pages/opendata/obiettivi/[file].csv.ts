import type { APIRoute, GetStaticPaths } from 'astro';
import { getContent } from '../../../lib/content/collection';
import { getOpenData } from '../../../lib/derived/site';
import { csvTable, TABELLE } from '../../../lib/outputs/opendata/csv';
import { csvResponse } from '../../../lib/outputs/opendata/responses';

/**
 * One objective as CSV: /opendata/obiettivi/<codice>.csv (its row of obiettivi.csv),
 * <codice>-fasi.csv and <codice>-indicatori.csv (its rows of fasi.csv and indicatori.csv).
 */
export const getStaticPaths = (async () => {
  const { obiettivi } = await getOpenData();
  return obiettivi.flatMap((obiettivo) =>
    TABELLE.map((tabella) => ({
      params: { file: tabella === 'obiettivi' ? obiettivo.codice : `${obiettivo.codice}-${tabella}` },
      props: { obiettivo, tabella },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  csvResponse(csvTable(props.tabella, [props.obiettivo], (await getContent()).ente.sito_url));
