import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { brokenLinks, pagePaths } from './support/links';
import { buildSite } from './support/site';

const siteOf = (contentDir: string) =>
  (load(readFileSync(join(contentDir, 'ente.yaml'), 'utf8')) as { sito_url: string }).sito_url;

const sitemapPaths = (outDir: string) =>
  [...readFileSync(join(outDir, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g)]
    .map((m) => new URL(m[1]!).pathname)
    .sort();

describe('links of the built site', () => {
  const multiYear = 'tests/fixtures/content/multi-year';
  let multiOut: string | undefined;
  afterAll(() => {
    if (multiOut) rmSync(multiOut, { recursive: true, force: true });
  });

  it('finds no broken internal link in the shipped content', () => {
    expect(brokenLinks(inject('outDir'), siteOf('content'))).toEqual([]);
  });

  it('finds no broken internal link with several years of content', () => {
    multiOut = buildSite(multiYear);
    expect(brokenLinks(multiOut, siteOf(multiYear))).toEqual([]);
  });

  it('lists every page in the sitemap and nothing else', () => {
    const outDir = inject('outDir');
    expect(sitemapPaths(outDir)).toEqual(pagePaths(outDir));
  });

  it('reports a link to a missing page and to a missing anchor', () => {
    // The checker itself must be able to fail: a page with two bad links in a copy of the fixture build.
    const outDir = multiOut!;
    const page = join(outDir, 'note-legali', 'index.html');
    const html = readFileSync(page, 'utf8');
    const broken = html.replace(
      '</main>',
      '<a href="/non-esiste/">x</a><a href="/obiettivi/2020/a01-00/#I99">y</a></main>',
    );
    writeFileSync(page, broken);
    expect(brokenLinks(outDir, siteOf(multiYear))).toEqual([
      '/note-legali/ → /non-esiste/: nessun file /non-esiste/',
      '/note-legali/ → /obiettivi/2020/a01-00/#I99: nessun id "I99"',
    ]);
  });
});
