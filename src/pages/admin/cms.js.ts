import type { APIRoute } from 'astro';
import { getContent } from '../../lib/content/collection';
import { getIndexes } from '../../lib/derived/site';
import { editorBundleFor } from '../../lib/editor/bundle';

/**
 * /admin/cms.js: the form editor's script, only loaded by /admin/. `npm run editor` sets
 * PEG_EDITOR_LOCAL_PORT: then the editor saves through decap-server into the checkout.
 */
let bundle: Promise<string> | undefined;

export const GET: APIRoute = async () => {
  bundle ??= (async () => {
    const { ente } = await getContent();
    const { anni } = await getIndexes();
    return editorBundleFor(ente, anni, import.meta.env.PROD);
  })();
  return new Response(await bundle, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
