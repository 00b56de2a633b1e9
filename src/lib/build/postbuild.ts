import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { load } from 'js-yaml';
import * as pagefind from 'pagefind';
import { EnteSchema } from '../../schemas/ente';
import {
  bundleDir,
  MORE_BUNDLES_FILE,
  PAGEFIND_EXCLUDE_SELECTORS,
  PAGES_PER_BUNDLE,
  searchablePages,
} from '../outputs/pagefind';
import { builtPagePaths, sitemapXml } from '../outputs/sitemap';
import { timePhase } from './phases';

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
  pagesPerBundle = PAGES_PER_BUNDLE,
): Promise<{ pages: number; indexed: number }> {
  const ente = EnteSchema.parse(load(readFileSync(join(contentDir, 'ente.yaml'), 'utf8')));
  const pages = await timePhase('sitemap', () => {
    const paths = builtPagePaths(outDir);
    writeFileSync(join(outDir, 'sitemap.xml'), sitemapXml(ente.sito_url, paths));
    return paths;
  });
  const indexed = await timePhase('indice di ricerca', () => searchIndex(outDir, pages, checkpoint, pagesPerBundle));
  return { pages: pages.length, indexed };
}

/**
 * The Pagefind index of the pages marked data-pagefind-body, in bundles of `pagesPerBundle` pages, one page
 * in flight at a time: addDirectory parsed every HTML file of the site at once and kept them all, and its
 * memory grew with the whole site (≈3.9 GB at 10,000 objectives). Each bundle is written and its indexer
 * stopped before the next starts. Pages in sorted order, so the same site gives the same bundles.
 */
async function searchIndex(
  outDir: string,
  paths: readonly string[],
  checkpoint: Checkpoint,
  pagesPerBundle: number,
): Promise<number> {
  const written: string[] = [];
  let index: pagefind.PagefindIndex | undefined;
  let inBundle = 0;
  let total = 0;
  const writeBundle = async (open: pagefind.PagefindIndex) => {
    try {
      const dir = bundleDir(written.length);
      const result = await open.writeFiles({ outputPath: join(outDir, dir) });
      if (result.errors.length > 0) throw new Error(`postbuild: Pagefind could not write: ${result.errors.join('; ')}`);
      written.push(`/${dir}/`);
    } finally {
      await pagefind.close();
    }
    index = undefined;
    inBundle = 0;
  };
  try {
    for (const page of searchablePages(outDir, paths)) {
      if (!index) {
        const created = await pagefind.createIndex({ excludeSelectors: PAGEFIND_EXCLUDE_SELECTORS });
        if (!created.index) throw new Error(`postbuild: Pagefind did not start: ${created.errors.join('; ')}`);
        index = created.index;
      }
      const added = await index.addHTMLFile({ url: page.url, content: page.html });
      if (added.errors.length > 0)
        throw new Error(`postbuild: Pagefind could not index ${page.url}: ${added.errors.join('; ')}`);
      total++;
      if (++inBundle === pagesPerBundle) await writeBundle(index);
    }
    await checkpoint('indicizzazione');
    if (index) await writeBundle(index);
  } finally {
    await pagefind.close();
  }
  mkdirSync(dirname(join(outDir, MORE_BUNDLES_FILE)), { recursive: true });
  writeFileSync(join(outDir, MORE_BUNDLES_FILE), `${JSON.stringify(written.slice(1))}\n`);
  return total;
}
