import type { APIRoute } from 'astro';
import { getContent } from '../lib/content/collection';

/** Indexing is allowed everywhere: D.Lgs. 33/2013 art. 9 forbids blocking search engines on this section. */
export const GET: APIRoute = async () => {
  const { ente } = await getContent();
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${new URL('/sitemap.xml', ente.sito_url).href}`, ''].join(
    '\n',
  );
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
