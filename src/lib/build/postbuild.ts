import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import * as pagefind from 'pagefind';
import { EnteSchema } from '../../schemas/ente';
import { PAGEFIND_EXCLUDE_SELECTORS } from '../outputs/pagefind';
import { builtPagePaths, sitemapXml } from '../outputs/sitemap';

/** Called between steps; the build's kill test pauses there (src/lib/build/checkpoint.ts). */
export type Checkpoint = (phase: string) => Promise<void>;

/**
 * The steps after Astro (Astro empties its output folder, so these run after it, on the staging
 * folder): sitemap.xml of the built pages and the Pagefind full-text index.
 */
export async function postbuild(
  outDir: string,
  contentDir: string,
  checkpoint: Checkpoint = async () => {},
): Promise<{ pages: number; indexed: number }> {
  const ente = EnteSchema.parse(load(readFileSync(join(contentDir, 'ente.yaml'), 'utf8')));
  const pages = builtPagePaths(outDir);
  writeFileSync(join(outDir, 'sitemap.xml'), sitemapXml(ente.sito_url, pages));

  const { index, errors } = await pagefind.createIndex({ excludeSelectors: PAGEFIND_EXCLUDE_SELECTORS });
  if (!index) throw new Error(`postbuild: Pagefind did not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(`postbuild: Pagefind indexing failed: ${added.errors.join('; ')}`);
    await checkpoint('indicizzazione');
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`postbuild: Pagefind could not write: ${written.errors.join('; ')}`);
    return { pages: pages.length, indexed: added.page_count };
  } finally {
    await pagefind.close();
  }
}
