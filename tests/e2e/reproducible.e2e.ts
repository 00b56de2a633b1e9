import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { buildSite } from './support/site';
import { hashTree } from './support/tree';

describe('reproducible builds', () => {
  it('builds byte-identical dist/ twice from the same commit into different folders, open data in Astro or after it', () => {
    // The global setup's build is the first one; a second full build (validate, astro build, post-build steps)
    // goes to another temporary folder, so absolute output paths cannot leak into the files unnoticed.
    const first = inject('outDir');
    // An empty cache folder: the second build renders everything again (share images included) instead
    // of copying what the first one cached, so a non-deterministic renderer cannot hide behind the cache.
    const cache = mkdtempSync(join(tmpdir(), 'peg-cache-'));
    process.env.PEG_CACHE_DIR = cache;
    // The second build writes the open data in a child after Astro, as a large site's build does
    // (src/lib/build/opendata.ts): the site must not depend on which process wrote them.
    process.env.PEG_OPENDATA_CHILD_FROM = '0';
    let second: string;
    try {
      second = buildSite('content');
    } finally {
      delete process.env.PEG_CACHE_DIR;
      delete process.env.PEG_OPENDATA_CHILD_FROM;
      rmSync(cache, { recursive: true, force: true });
    }
    const [a, b] = [hashTree(first), hashTree(second)];
    expect(Object.keys(b)).toEqual(Object.keys(a));
    const differing = Object.keys(a).filter((file) => a[file] !== b[file]);
    expect(differing).toEqual([]);
    expect(Object.keys(a).length).toBeGreaterThan(0);
  });
});
