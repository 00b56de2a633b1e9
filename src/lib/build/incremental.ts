import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The build's side of Astro's incremental build (docs/architecture.md, "Incremental build"); the page keys
 * are in src/lib/outputs/page-cache.ts.
 */

/** Astro's cacheDir as astro.config.mjs sets it: PEG_CACHE_DIR, or Astro's default node_modules/.astro. */
export function astroCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.PEG_CACHE_DIR ?? join('node_modules', '.astro'));
}

const MANIFEST = 'incremental-build.json';
const PENDING = 'incremental-build.pending';

/**
 * Call before `astro build`. Astro overwrites a page's stored copy as soon as it renders it but writes the
 * manifest of keys only when every page is done: a build that failed or was killed in between leaves
 * copies that no longer match their recorded keys, and a later build with the old content would restore
 * the newer page. A marker left by such a build discards the manifest, so the next build renders everything.
 */
export function beginIncrementalBuild(env: NodeJS.ProcessEnv = process.env): void {
  const dir = astroCacheDir(env);
  if (existsSync(join(dir, PENDING))) rmSync(join(dir, MANIFEST), { force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, PENDING), '');
}

/** Call after `astro build` exited 0: its manifest and stored copies agree. */
export function endIncrementalBuild(env: NodeJS.ProcessEnv = process.env): void {
  rmSync(join(astroCacheDir(env), PENDING), { force: true });
}
