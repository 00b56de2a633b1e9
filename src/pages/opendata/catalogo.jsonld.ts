import type { APIRoute } from 'astro';
import { getContent } from '../../content';
import { getIndexes, updatedOf } from '../../indexes';
import { dcatCatalog } from '../../lib/opendata/dcat';
import { datasetSpecs } from '../../lib/opendata/datasets';
import { toJson } from '../../lib/opendata/records';

/** /opendata/catalogo.jsonld: DCAT-AP_IT catalogue of the open-data files. */
export const GET: APIRoute = async () => {
  const { ente, obiettivi } = await getContent();
  const { anni } = await getIndexes();
  const items = obiettivi.map((o) => ({ anno: o.data.anno, modified: updatedOf(o) }));
  const specs = datasetSpecs(ente, items, anni);
  return new Response(toJson(dcatCatalog(ente, specs)), { headers: { 'Content-Type': 'application/ld+json' } });
};
