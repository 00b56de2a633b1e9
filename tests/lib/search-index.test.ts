import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { searchIndex } from '../../src/lib/build/search-index';
import { PAGEFIND_EXCLUDE_SELECTORS } from '../../src/lib/outputs/pagefind';
import { hashTree } from '../e2e/support/tree';
import { tempCacheDir, tempDir } from '../support/temp';

/** The search index cached per bundle, against the real Pagefind, on small sites of two pages per bundle. */

// Pagefind as the build calls it, with its starts counted.
vi.mock('pagefind', async (original) => {
  const actual = await original<typeof import('pagefind')>();
  return { ...actual, createIndex: vi.fn(actual.createIndex) };
});

const cacheDir = tempCacheDir('peg-search-cache-');
beforeEach(() => {
  vi.mocked(pagefind.createIndex).mockClear();
});

const WORDS = ['acqua', 'biblioteca', 'ciclabile', 'diritti', 'energia', 'formazione', 'giardini', 'habitat'];
const url = (i: number) => `/obiettivi/2020/p${i}/`;

/** A built site with `count` objective pages (and one page without data-pagefind-body); `text` overrides a page's words. */
function site(count: number, text: Record<number, string> = {}): { dir: string; paths: string[] } {
  const dir = tempDir('peg-search-site-');
  const paths = ['/'];
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="it"><body><h1>Home</h1></body></html>');
  for (let i = 0; i < count; i++) {
    mkdirSync(join(dir, url(i)), { recursive: true });
    writeFileSync(
      join(dir, url(i), 'index.html'),
      `<!doctype html><html lang="it"><head><title>P${i}</title></head><body><main data-pagefind-body>` +
        `<h1>Obiettivo ${i}</h1><dl><dt>Tipo</dt><dd>Sviluppo</dd></dl><p>${text[i] ?? WORDS[i % WORDS.length]}</p></main></body></html>`,
    );
    paths.push(url(i));
  }
  return { dir, paths };
}

const index = (s: { dir: string; paths: string[] }, excludeSelectors = PAGEFIND_EXCLUDE_SELECTORS) =>
  searchIndex(s.dir, s.paths, { pagesPerBundle: 2, excludeSelectors });

const tree = (dir: string) => hashTree(join(dir, 'pagefind'));

/** The same site indexed from an empty cache: what a cached build must equal. */
async function fresh(s: { dir: string; paths: string[] }, excludeSelectors = PAGEFIND_EXCLUDE_SELECTORS) {
  const saved = process.env.PEG_CACHE_DIR;
  process.env.PEG_CACHE_DIR = tempDir('peg-search-fresh-');
  try {
    const copy = site(0);
    for (const path of s.paths) {
      mkdirSync(join(copy.dir, path), { recursive: true });
      writeFileSync(join(copy.dir, path, 'index.html'), readFileSync(join(s.dir, path, 'index.html')));
    }
    await searchIndex(copy.dir, s.paths, { pagesPerBundle: 2, excludeSelectors });
    return tree(copy.dir);
  } finally {
    process.env.PEG_CACHE_DIR = saved;
  }
}

describe('search index cached per bundle', () => {
  it('indexes every bundle once, then places them all from the cache, byte for byte, without starting Pagefind', async () => {
    const first = site(5);
    expect(await index(first)).toEqual({ pages: 5, cached: [], indexed: ['pagefind', 'pagefind/2', 'pagefind/3'] });
    expect(pagefind.createIndex).toHaveBeenCalledTimes(3);
    expect(readFileSync(join(first.dir, 'pagefind/bundles.json'), 'utf8')).toBe('["/pagefind/2/","/pagefind/3/"]\n');
    expect(readdirSync(join(first.dir, 'pagefind/fragment'))).toHaveLength(2);

    const second = site(5);
    expect(await index(second)).toEqual({ pages: 5, cached: ['pagefind', 'pagefind/2', 'pagefind/3'], indexed: [] });
    expect(pagefind.createIndex).toHaveBeenCalledTimes(3);
    expect(tree(second.dir)).toEqual(tree(first.dir));
  });

  it('Pagefind writes the same bytes for the same pages, so a cached bundle is what indexing would write', async () => {
    const s = site(5);
    await index(s);
    expect(await fresh(s)).toEqual(tree(s.dir));
  });

  it('indexes again only the bundle of a page whose HTML changed', async () => {
    const original = site(5);
    await index(original);
    // Same length as 'diritti': the key must see the bytes, not only the size.
    const edited = site(5, { 3: 'tributi' });
    expect(await index(edited)).toEqual({ pages: 5, cached: ['pagefind', 'pagefind/3'], indexed: ['pagefind/2'] });
    expect(pagefind.createIndex).toHaveBeenCalledTimes(4);
    expect(tree(edited.dir)).toEqual(await fresh(edited));
    const [before, after] = [tree(original.dir), tree(edited.dir)];
    expect(Object.keys(after).filter((file) => after[file] !== before[file] && !file.startsWith('2/'))).toEqual([]);
    expect(after).not.toEqual(before);
  });

  it('indexes again only the last bundle when a page is added or removed at the end', async () => {
    await index(site(5));
    const added = site(6);
    expect(await index(added)).toEqual({ pages: 6, cached: ['pagefind', 'pagefind/2'], indexed: ['pagefind/3'] });
    expect(tree(added.dir)).toEqual(await fresh(added));

    vi.mocked(pagefind.createIndex).mockClear();
    const removed = site(5);
    expect(await index(removed)).toEqual({ pages: 5, cached: ['pagefind', 'pagefind/2', 'pagefind/3'], indexed: [] });
    const fewer = site(3);
    expect(await index(fewer)).toEqual({ pages: 3, cached: ['pagefind'], indexed: ['pagefind/2'] });
    expect(pagefind.createIndex).toHaveBeenCalledTimes(1);
    expect(readFileSync(join(fewer.dir, 'pagefind/bundles.json'), 'utf8')).toBe('["/pagefind/2/"]\n');
    expect(tree(fewer.dir)).toEqual(await fresh(fewer));
  });

  it('indexes every bundle again when the excluded selectors change', async () => {
    const s = site(4);
    await index(s);
    const withoutDt = PAGEFIND_EXCLUDE_SELECTORS.filter((selector) => selector !== 'dt');
    const other = site(4);
    expect(await index(other, withoutDt)).toEqual({ pages: 4, cached: [], indexed: ['pagefind', 'pagefind/2'] });
    expect(tree(other.dir)).not.toEqual(tree(s.dir));
    expect(tree(other.dir)).toEqual(await fresh(other, withoutDt));
  });

  it('indexes a bundle again, whole, when a file of its cache entry is gone', async () => {
    const s = site(4);
    await index(s);
    const namespace = join(cacheDir(), 'pagefind-bundle');
    const blobs = readdirSync(namespace).filter((name) => name.endsWith('.blob'));
    for (const blob of blobs) rmSync(join(namespace, blob));
    const again = site(4);
    expect(await index(again)).toEqual({ pages: 4, cached: [], indexed: ['pagefind', 'pagefind/2'] });
    expect(tree(again.dir)).toEqual(tree(s.dir));
    expect(readdirSync(namespace).some((name) => name.endsWith('.tmp'))).toBe(false);
  });
});
