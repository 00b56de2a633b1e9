/**
 * The post-build steps alone (sitemap, Pagefind index) on PEG_OUT_DIR or dist, for the benchmark,
 * which times Astro and these steps without the rest of `npm run build` (scripts/build.ts).
 */
import { resolve } from 'node:path';
import { postbuild } from '../src/lib/build/postbuild';
import { searchIndexLine } from '../src/lib/build/search-index';

const { pages, search } = await postbuild(
  resolve(process.env.PEG_OUT_DIR ?? 'dist'),
  process.env.PEG_CONTENT_DIR ?? 'content',
);
console.log(`sitemap.xml: ${pages} pagine; ${searchIndexLine(search)}`);
