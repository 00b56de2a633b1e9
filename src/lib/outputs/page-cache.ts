import { createHash } from 'node:crypto';
import { contentDir, getContent, objectivePaths } from '../content/collection';
import { historyIndex } from '../derived/git/history';
import { getIndexes } from '../derived/site';
import { slugify } from '../derived/slugs';
import { latestYear } from '../derived/years';
import { cacheKey } from './cache';
import { codeDigest } from './code-digest';

/**
 * Keys of Astro's incremental build (`experimental.incrementalBuild`, docs/architecture.md "Incremental
 * build"): a page whose `cacheKey` and module-graph hash match the previous build is copied from the
 * cache instead of rendered. A key that misses an input publishes a stale page, so a key covers:
 *
 * - the code: a digest of every file under src/ and of astro.config.mjs (./code-digest.ts). Astro's
 *   module-graph hash already follows imports (components, src/lib, it.json, styles, client scripts:
 *   checked with real builds, docs/benchmarks.md), but not what a module reads at run time, nor the CSP
 *   <meta> of every page, which lists the hashes of the inline scripts of the whole site
 *   (astro/dist/core/csp/common.js); keying on the whole tree closes those gaps for free where the cache
 *   matters: editors change content/, not code;
 * - everything the page reads from content/: the objective's front matter, body and path, ente.yaml,
 *   dup.yaml, and its git history (dates, changes, whether the clone is shallow);
 * - what the page shows that comes from other objectives, read by the layout and components through
 *   getContent()/getIndexes(): the latest year (site menu) and the spelling of its office and person
 *   (Pagefind filters). tests/lib/page-cache.test.ts fails when a component on the page starts reading
 *   whole-site data, so a new input cannot be added without adding it here.
 *
 * The yearly Relazione pages are keyed the same way, on their year's objectives and content/performance/.
 *
 * Dependencies (node_modules) are covered by Astro: a changed lockfile or Astro config discards the cache.
 */

/** Bump when the shape of the key changes meaning. */
const KEY_VERSION = 2;

/**
 * SHA-256 of objectives as a page sees them. Plain JSON.stringify rather than cacheKey's key-sorted JSON:
 * the key order of parsed content is the schema's, fixed by the code digest in every key, and sorting the
 * keys of 10,000 objectives twice (objective pages, Relazione pages) cost ≈2.8 CPU s of every warm build.
 * No two different objectives give the same JSON: their fields are typed by the schema (no undefined
 * beside a missing field, no NaN, no Map).
 */
function contentDigest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

type PageObjective = { data: unknown; body: string; filePath: string; url: string };
const objectiveDigests = new WeakMap<PageObjective, string>();

/**
 * contentDigest of an objective's data, body, file and address, once per objective and build: its page and
 * its year's Relazione page are keyed on it (hashing the year's objectives again cost ≈1 CPU s of a warm
 * build at 10,000 objectives).
 */
function objectiveDigest(objective: PageObjective): string {
  let digest = objectiveDigests.get(objective);
  if (digest === undefined) {
    const { data, body, filePath, url } = objective;
    digest = contentDigest({ data, body, filePath, url });
    objectiveDigests.set(objective, digest);
  }
  return digest;
}

/** What every cached page shows of the whole site (layout, menu, CSP), hashed once per build. */
async function siteKey(): Promise<string> {
  const { ente, dup, obiettivi } = await getContent();
  const history = historyIndex(contentDir);
  return cacheKey({ code: codeDigest(), ente, dup, latestYear: latestYear(obiettivi), history: history.status });
}

/** getStaticPaths of /obiettivi/<anno>/<slug>/: objectivePaths() with each page's cacheKey. */
export async function objectivePagePaths() {
  const [{ centroPerSlug, personaPerSlug }, paths, site] = await Promise.all([
    getIndexes(),
    objectivePaths(),
    siteKey(),
  ]);
  const history = historyIndex(contentDir);
  return paths.map((path) => {
    const { obiettivo } = path.props;
    const { data, filePath } = obiettivo;
    return {
      ...path,
      cacheKey: cacheKey([
        'objective-page',
        KEY_VERSION,
        site,
        objectiveDigest(obiettivo),
        contentDigest(history.get(filePath)),
        // PagefindFilters.astro: the office and the person as spelled on their own pages.
        centroPerSlug.get(slugify(data.centro_di_responsabilita))?.label ?? null,
        personaPerSlug.get(slugify(data.responsabile))?.label ?? null,
      ]),
    };
  });
}

/**
 * getStaticPaths of /performance/relazione/<anno>/, with a cacheKey: the Relazione of a year lists all its
 * objectives with their fasi and indicators, the largest pages of the site (≈3.8 s of rendering per warm
 * build at 1,000 objectives), and it changes only when one of them, content/performance/ or the site does.
 */
export async function relazionePagePaths() {
  const [{ performance }, { anni, perAnno }, site] = await Promise.all([getContent(), getIndexes(), siteKey()]);
  return anni.map((anno) => {
    const obiettivi = perAnno.get(anno)!;
    return {
      params: { anno: String(anno) },
      props: { anno, obiettivi },
      cacheKey: cacheKey(['relazione-page', KEY_VERSION, site, anno, obiettivi.map(objectiveDigest), performance]),
    };
  });
}
