import type { APIRoute } from 'astro';
import { getContent } from '../lib/content/collection';
import { cachedShareImage, siteCard } from '../lib/outputs/share-image';

/** /anteprima.png: the share image of every page that is not an objective, 1200×630. */
export const GET: APIRoute = async () => {
  const { ente, obiettivi } = await getContent();
  const png = await cachedShareImage(
    siteCard(
      ente,
      obiettivi.map((o) => o.data),
    ),
  );
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
