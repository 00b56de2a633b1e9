import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { findPackageJSON } from 'node:module';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { placeCachedDir, storeCachedDir } from '../outputs/cache';
import {
  bundleDir,
  MORE_BUNDLES_FILE,
  PAGEFIND_EXCLUDE_SELECTORS,
  PAGES_PER_BUNDLE,
  readBuiltPage,
  searchablePages,
} from '../outputs/pagefind';

/** Called between steps; the build's kill test pauses there (src/lib/build/checkpoint.ts). */
export type Checkpoint = (phase: string) => Promise<void>;

/** Cache namespace of the bundles (src/lib/outputs/cache.ts). */
const CACHE_NAMESPACE = 'pagefind-bundle';

/** Bump when this module changes what a bundle holds for the same pages and options. */
const BUNDLE_VERSION = 1;

const PAGEFIND_VERSION = (
  JSON.parse(readFileSync(findPackageJSON('pagefind', import.meta.url)!, 'utf8')) as { version: string }
).version;

export interface SearchIndexOptions {
  pagesPerBundle?: number;
  /** PAGEFIND_EXCLUDE_SELECTORS unless a test asks otherwise. */
  excludeSelectors?: readonly string[];
  checkpoint?: Checkpoint;
}

export interface SearchIndexResult {
  /** Pages in the index, from every bundle. */
  pages: number;
  /** Bundle folders (as bundleDir names them) placed from the cache. */
  cached: string[];
  /** Bundle folders Pagefind indexed and wrote (and stored in the cache). */
  indexed: string[];
}

/**
 * Everything besides its pages that shapes a bundle's bytes: Pagefind's version, every option given to
 * createIndex (this object is what createIndex gets) and the variables through which Pagefind's binary and
 * settings can be overridden.
 */
function indexerKey(indexOptions: pagefind.PagefindServiceConfig): unknown {
  const overrides = Object.entries(process.env)
    .filter(([name]) => name.startsWith('PAGEFIND_'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { version: BUNDLE_VERSION, pagefind: PAGEFIND_VERSION, indexOptions, overrides };
}

/** One bundle's pages as `[url, SHA-256 of its HTML]`, in order: the HTML itself is read again only to index. */
type BundlePages = [url: string, htmlSha256: string][];

/** Indexes the pages of one bundle with a fresh Pagefind process and writes them into `outDir/dir`. */
async function indexBundle(
  outDir: string,
  dir: string,
  pages: BundlePages,
  indexOptions: pagefind.PagefindServiceConfig,
): Promise<void> {
  try {
    const created = await pagefind.createIndex(indexOptions);
    if (!created.index) throw new Error(`postbuild: Pagefind did not start: ${created.errors.join('; ')}`);
    for (const [url] of pages) {
      const added = await created.index.addHTMLFile({ url, content: readBuiltPage(outDir, url) });
      if (added.errors.length > 0)
        throw new Error(`postbuild: Pagefind could not index ${url}: ${added.errors.join('; ')}`);
    }
    const result = await created.index.writeFiles({ outputPath: join(outDir, dir) });
    if (result.errors.length > 0) throw new Error(`postbuild: Pagefind could not write: ${result.errors.join('; ')}`);
  } finally {
    // The service process holds the bundle's words: stopped before the next bundle starts.
    await pagefind.close();
  }
}

/**
 * The Pagefind index of the pages marked data-pagefind-body, in bundles of `pagesPerBundle` pages, one page
 * in flight at a time: addDirectory parsed every HTML file of the site at once and kept them all, and its
 * memory grew with the whole site (≈3.9 GB at 10,000 objectives). Pages in sorted order, so the same site
 * gives the same bundles.
 *
 * Each bundle is cached whole (src/lib/outputs/cache.ts), keyed on the URL and HTML hash of each of its
 * pages in order, indexerKey and its folder (Pagefind's files do not name their folder today; keying on it
 * costs no hit, as the same pages in another folder would need a whole bundle of pages removed before
 * them): re-indexing every page was ≈7 CPU s of a warm build at 1,000 objectives (docs/benchmarks.md).
 * The key needs the pages' HTML before indexing, so a first pass reads and hashes them and only a miss
 * reads them again for Pagefind, which is started only then: a site whose every bundle hits never starts it.
 */
export async function searchIndex(
  outDir: string,
  paths: readonly string[],
  options: SearchIndexOptions = {},
): Promise<SearchIndexResult> {
  const { pagesPerBundle = PAGES_PER_BUNDLE, excludeSelectors = PAGEFIND_EXCLUDE_SELECTORS } = options;
  const indexOptions: pagefind.PagefindServiceConfig = { excludeSelectors: [...excludeSelectors] };
  const indexer = indexerKey(indexOptions);
  const result: SearchIndexResult = { pages: 0, cached: [], indexed: [] };
  const written: string[] = [];
  const finish = async (pages: BundlePages) => {
    const dir = bundleDir(written.length);
    written.push(dir);
    const key = [CACHE_NAMESPACE, indexer, dir, pages];
    const target = join(outDir, dir);
    if (await placeCachedDir(CACHE_NAMESPACE, key, target)) result.cached.push(dir);
    else {
      // A bundle placed in part (a file of its entry pruned meanwhile) is written afresh. Bundles after
      // this one are not there yet, so removing /pagefind/ for the first one takes nothing else.
      rmSync(target, { recursive: true, force: true });
      await indexBundle(outDir, dir, pages, indexOptions);
      await storeCachedDir(CACHE_NAMESPACE, key, target);
      result.indexed.push(dir);
    }
  };
  let pages: BundlePages = [];
  for (const { url, html } of searchablePages(outDir, paths)) {
    pages.push([url, createHash('sha256').update(html).digest('hex')]);
    result.pages++;
    if (pages.length === pagesPerBundle) {
      await finish(pages);
      pages = [];
    }
  }
  await options.checkpoint?.('indicizzazione');
  if (pages.length > 0) await finish(pages);
  mkdirSync(dirname(join(outDir, MORE_BUNDLES_FILE)), { recursive: true });
  writeFileSync(join(outDir, MORE_BUNDLES_FILE), `${JSON.stringify(written.slice(1).map((dir) => `/${dir}/`))}\n`);
  return result;
}

/** The build log's line: pages indexed, and the bundles that came from the cache. */
export function searchIndexLine({ pages, cached, indexed }: SearchIndexResult): string {
  const bundles = cached.length + indexed.length;
  return `indice di ricerca: ${pages} pagine${cached.length > 0 ? ` (parti dalla cache: ${cached.length} su ${bundles})` : ''}`;
}
