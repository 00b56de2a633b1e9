import type { APIRoute, GetStaticPaths } from 'astro';
import { getIndexes, getOpenData } from '../../../lib/derived/site';
import { toJson } from '../../../lib/outputs/opendata/records';
import { jsonResponse } from '../../../lib/outputs/opendata/responses';

/** /opendata/<anno>/obiettivi.json: one year's objectives, same shape as the all-years file. */
export const getStaticPaths = (async () => {
  const { anni } = await getIndexes();
  return anni.map((anno) => ({ params: { anno: String(anno) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const document = await getOpenData();
  const obiettivi = document.obiettivi.filter((o) => String(o.anno) === params.anno);
  return jsonResponse(toJson({ ...document, obiettivi }));
};
