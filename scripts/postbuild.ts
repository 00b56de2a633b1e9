/**
 * Post-build step of `npm run build` (Astro empties the output folder on every build, so these run
 * after it): the sitemap of the built pages and the Pagefind full-text index.
 * Output folder: PEG_OUT_DIR or dist; content folder (for the site address): PEG_CONTENT_DIR or content.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import * as pagefind from 'pagefind';
import { EnteSchema } from '../src/schemas/ente';
import { builtPagePaths, sitemapXml } from '../src/lib/sitemap';
import { PAGEFIND_EXCLUDE_SELECTORS } from '../src/lib/pagefind';

const outDir = resolve(process.env.PEG_OUT_DIR ?? 'dist');
const contentDir = process.env.PEG_CONTENT_DIR ?? 'content';
const ente = EnteSchema.parse(load(readFileSync(join(contentDir, 'ente.yaml'), 'utf8')));

const pages = builtPagePaths(outDir);
writeFileSync(join(outDir, 'sitemap.xml'), sitemapXml(ente.sito_url, pages));

const { index, errors } = await pagefind.createIndex({ excludeSelectors: PAGEFIND_EXCLUDE_SELECTORS });
if (!index) throw new Error(`postbuild: Pagefind did not start: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: outDir });
if (added.errors.length > 0) throw new Error(`postbuild: Pagefind indexing failed: ${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
if (written.errors.length > 0) throw new Error(`postbuild: Pagefind could not write: ${written.errors.join('; ')}`);
await pagefind.close();
console.log(`sitemap.xml: ${pages.length} pagine; indice di ricerca: ${added.page_count} pagine`);
