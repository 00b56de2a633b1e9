import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { EnteSchema } from '../../schemas/ente';
import { builtPagePaths, sitemapXml } from '../outputs/sitemap';
import { timePhase } from './phases';
import { type Checkpoint, searchIndex, type SearchIndexResult } from './search-index';

export type { Checkpoint };

/**
 * The steps after Astro (Astro empties its output folder, so these run after it, on the staging
 * folder): sitemap.xml of the built pages and the Pagefind full-text index (./search-index.ts).
 */
export async function postbuild(
  outDir: string,
  contentDir: string,
  checkpoint: Checkpoint = async () => {},
  pagesPerBundle?: number,
): Promise<{ pages: number; search: SearchIndexResult }> {
  const ente = EnteSchema.parse(load(readFileSync(join(contentDir, 'ente.yaml'), 'utf8')));
  const pages = await timePhase('sitemap', () => {
    const paths = builtPagePaths(outDir);
    writeFileSync(join(outDir, 'sitemap.xml'), sitemapXml(ente.sito_url, paths));
    return paths;
  });
  const search = await timePhase('indice di ricerca', () => searchIndex(outDir, pages, { pagesPerBundle, checkpoint }));
  return { pages: pages.length, search };
}
