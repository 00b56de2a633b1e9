import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { newContext, useBrowser } from './support/browser';
import { builtPages } from './support/built-pages';

/** What AgID's pa-website-validator and the W3C checker look for, on the build of the shipped content. */

const browser = useBrowser();

describe('markup the automated checkers read', () => {
  it('ends every page with </html>, advertises the feed and carries the footer hooks', async () => {
    const pages = await builtPages(inject('outDir'));
    expect(pages.length).toBeGreaterThan(10);
    for (const { path, html } of pages) {
      expect(html.trimEnd().endsWith('</html>'), path).toBe(true);
      expect(html, path).toContain('<link rel="alternate" type="application/atom+xml" href="/feed.xml"');
      for (const element of ['legal-notes', 'privacy-policy-link', 'accessibility-link'])
        expect(html, `${path} ${element}`).toMatch(new RegExp(`<a [^>]*data-element="${element}"`));
    }
  });

  it('defines --bootstrap-italia-version in the compiled CSS', () => {
    const dir = join(inject('outDir'), '_astro');
    const css = readdirSync(dir)
      .filter((name) => name.endsWith('.css'))
      .map((name) => readFileSync(join(dir, name), 'utf8'))
      .join('\n');
    expect(css).toMatch(/--bootstrap-italia-version:\s*["']\d+\.\d+\.\d+["']/);
  });

  it('titles the note legali «Licenza dei contenuti» as the Modello Comuni does', () => {
    const html = readFileSync(join(inject('outDir'), 'note-legali', 'index.html'), 'utf8');
    expect(html).toMatch(/<h2[^>]*>Licenza dei contenuti<\/h2>/);
  });
});

describe('/cerca/', () => {
  it('does not shift the layout when the form replaces the no-JavaScript note', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await page.addInitScript(() => {
      (window as unknown as { cls: number }).cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
          if (!entry.hadRecentInput) (window as unknown as { cls: number }).cls += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${inject('baseURL')}/cerca/`, { waitUntil: 'networkidle' });
    await expect(page.locator('#cerca-testo').isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => (window as unknown as { cls: number }).cls)).toBe(0);
    await context.close();
  });

  it('loads Pagefind on first use, not with the page', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const loaded: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/')) loaded.push(request.url());
    });
    await page.goto(`${inject('baseURL')}/cerca/`, { waitUntil: 'networkidle' });
    expect(loaded).toEqual([]);
    await page.locator('#cerca-testo').focus();
    await expect
      .poll(() => loaded.some((url) => url.endsWith('/pagefind/pagefind.js')), { timeout: 15_000 })
      .toBe(true);
    await page.locator('#cerca-testo').fill('smartworking');
    await page.locator('#cerca-testo').press('Enter');
    await page.locator('[data-peg-search-results] li').first().waitFor({ state: 'visible' });
    await context.close();
  });
});
