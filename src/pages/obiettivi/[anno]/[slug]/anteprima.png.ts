import type { APIRoute, GetStaticPaths } from 'astro';
import { getContent, objectivePaths, type ObiettivoPage } from '../../../../lib/content/collection';
import { cachedShareImage, objectiveCard } from '../../../../lib/outputs/share-image';

/** /obiettivi/<anno>/<slug>/anteprima.png: the objective's Open Graph and Twitter image, 1200×630. */

export const getStaticPaths = objectivePaths satisfies GetStaticPaths;

export const GET: APIRoute<{ obiettivo: ObiettivoPage }> = async ({ props }) => {
  const { ente } = await getContent();
  const png = await cachedShareImage(objectiveCard(props.obiettivo.data, ente));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
