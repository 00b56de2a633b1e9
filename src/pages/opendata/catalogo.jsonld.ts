import type { APIRoute } from 'astro';
import { getContent } from '../../lib/content/collection';
import { getIndexes, updatedOf } from '../../lib/derived/site';
import { dcatCatalog } from '../../lib/outputs/opendata/dcat';
import { datasetSpecs } from '../../lib/outputs/opendata/datasets';
import { toJson } from '../../lib/outputs/opendata/records';

/** /opendata/catalogo.jsonld: DCAT-AP_IT catalogue of the open-data files. */
export const GET: APIRoute = async () => {
  const { ente, obiettivi } = await getContent();
  const { anni } = await getIndexes();
  const items = obiettivi.map((o) => ({ anno: o.data.anno, modified: updatedOf(o) }));
  const specs = datasetSpecs(ente, items, anni);
  return new Response(toJson(dcatCatalog(ente, specs)), { headers: { 'Content-Type': 'application/ld+json' } });
};
