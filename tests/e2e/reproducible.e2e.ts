import { describe, expect, inject, it } from 'vitest';
import { buildSite } from './support/site';
import { hashTree } from './support/tree';

describe('reproducible builds', () => {
  it('builds byte-identical dist/ twice from the same commit into different folders', () => {
    // The global setup's build is the first one; a second full build (validate, astro build, post-build steps)
    // goes to another temporary folder, so absolute output paths cannot leak into the files unnoticed.
    const first = inject('outDir');
    const second = buildSite('content');
    const [a, b] = [hashTree(first), hashTree(second)];
    expect(Object.keys(b)).toEqual(Object.keys(a));
    const differing = Object.keys(a).filter((file) => a[file] !== b[file]);
    expect(differing).toEqual([]);
    expect(Object.keys(a).length).toBeGreaterThan(0);
  });
});
