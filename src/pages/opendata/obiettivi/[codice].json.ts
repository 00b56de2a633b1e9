import type { APIRoute, GetStaticPaths } from 'astro';
import { getOpenData } from '../../../lib/derived/site';
import { toJson } from '../../../lib/outputs/opendata/records';
import { jsonResponse } from '../../../lib/outputs/opendata/responses';

/** /opendata/obiettivi/<codice>.json: one objective, in the same envelope as obiettivi.json. */
export const getStaticPaths = (async () => {
  const document = await getOpenData();
  return document.obiettivi.map((obiettivo) => ({ params: { codice: obiettivo.codice }, props: { obiettivo } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const document = await getOpenData();
  return jsonResponse(toJson({ ...document, obiettivi: [props.obiettivo] }));
};
