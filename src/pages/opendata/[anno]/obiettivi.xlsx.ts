import type { APIRoute, GetStaticPaths } from 'astro';
import { getContent } from '../../../lib/content/collection';
import { getIndexes } from '../../../lib/derived/site';
import { obiettiviXlsx } from '../../../lib/outputs/xlsx';
import { xlsxResponse } from '../../../lib/outputs/opendata/responses';

/** /opendata/<anno>/obiettivi.xlsx: one year's workbook, same sheets as the all-years file. */
export const getStaticPaths = (async () => {
  const { anni } = await getIndexes();
  return anni.map((anno) => ({ params: { anno: String(anno) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { ente, obiettivi } = await getContent();
  return xlsxResponse(
    await obiettiviXlsx({ ente, obiettivi: obiettivi.filter((o) => String(o.data.anno) === params.anno) }),
  );
};
