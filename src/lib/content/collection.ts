import type { Dup } from '../../schemas/dup';
import type { Ente } from '../../schemas/ente';
import { loadContentForBuild } from './build-read';
import type { PerformanceContent } from './load';
import { objectivePages, type ObiettivoPage } from './pages';

export type { ObiettivoPage };

/**
 * Query-once access to the content for pages: every page asks here, nothing reads content/ in a loop
 * (at thousands of pages that is what makes builds slow).
 *
 * Pages read content/ with loadContent, the reader of the open data and share images, through the build's
 * one read (build-read.ts), not through an Astro content collection: Astro inlines a collection's whole
 * data store into the prerender bundle as one string, which at 10,000 objectives cost ≈1.1 GB of the
 * bundler's memory and a second copy of every objective (docs/benchmarks.md, "Pages read content/
 * without a content collection"). In `astro dev` the dev-reload plugin (dev-reload.ts) reloads this
 * module when content/ changes, so the cache below never serves a stale file.
 */

export const contentDir = process.env.PEG_CONTENT_DIR ?? './content';

let cache: Promise<{ ente: Ente; dup: Dup; obiettivi: ObiettivoPage[]; performance: PerformanceContent }> | undefined;

async function loadAll() {
  const content = loadContentForBuild(contentDir);
  const { ente, dup, performance } = content;
  return { ente, dup, obiettivi: objectivePages(content, contentDir), performance };
}

/** The whole content, loaded once per build. */
export function getContent() {
  cache ??= loadAll();
  return cache;
}

/**
 * getStaticPaths of every per-objective route (/obiettivi/<anno>/<slug>/ and the files under it),
 * so the page and its share image can never disagree on which objectives exist.
 */
export async function objectivePaths() {
  const { obiettivi } = await getContent();
  return obiettivi.map((obiettivo) => ({
    params: { anno: String(obiettivo.data.anno), slug: obiettivo.slug },
    props: { obiettivo },
  }));
}
