import type { APIRoute } from 'astro';
import { getContent } from '../../lib/content/collection';
import { obiettiviXlsx } from '../../lib/outputs/xlsx';
import { xlsxResponse } from '../../lib/outputs/opendata/responses';

/** /opendata/obiettivi.xlsx: every year, the Excel-friendly form of the CSV tables plus the narrative texts. */
export const GET: APIRoute = async () => {
  const { ente, obiettivi } = await getContent();
  return xlsxResponse(await obiettiviXlsx({ ente, obiettivi }));
};
