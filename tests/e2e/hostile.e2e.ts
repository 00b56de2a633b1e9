import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { scanInlineCode } from '../../src/lib/outputs/csp/scan';
import { launchBrowser, newContext } from './support/browser';
import { buildSite, serveSite, type ServedSite } from './support/site';
import { builtPages, visit, type BuiltPage } from './support/built-pages';

/**
 * tests/fixtures/content/hostile puts a script-injection payload in every text field of valid content
 * (and Markdown payloads in the body). Every payload would set window.__pwned, open a dialog or load
 * from evil.example if it ran. The built site must render all of it as text.
 */
describe('hostile content', () => {
  let site: ServedSite;
  let pages: BuiltPage[];
  let browser: Browser;

  beforeAll(async () => {
    const outDir = buildSite('tests/fixtures/content/hostile');
    [site, pages, browser] = await Promise.all([serveSite(outDir), builtPages(outDir), launchBrowser()]);
  });
  afterAll(async () => {
    await Promise.all([site?.close(), browser?.close()]);
  });

  it('builds pages that contain the payloads only as text', () => {
    // Outside requests (evil.example) are the browser test's job: links to other hosts are allowed.
    expect(pages.map((page) => page.path)).toContain('/obiettivi/2020/b02-01/');
    for (const { path, html } of pages) {
      const code = scanInlineCode(html);
      expect(
        code.scripts.filter((script) => script.includes('__pwned')),
        path,
      ).toEqual([]);
      expect(code.eventHandlers, path).toEqual([]);
      expect(code.scriptUrls, path).toEqual([]);
      // A tokenizer, not a regex over the text: `<iframe` inside a quoted attribute value is only text.
      const planted = [
        'iframe',
        'object',
        'embed',
        'base',
        'frame',
        'frameset',
        'applet',
        'math',
        'template',
        'noscript',
      ];
      expect(
        planted.filter((tag) => code.tags.has(tag)),
        path,
      ).toEqual([]);
    }
  });

  it('runs none of them in Chromium on any page', async () => {
    const context = await newContext(browser);
    for (const { path } of pages) {
      const report = await visit(context, site.baseURL + path);
      expect(report, path).toEqual({
        dialogs: [],
        consoleErrors: [],
        cspViolations: [],
        outsideRequests: [],
        pwned: false,
      });
    }
    await context.close();
  });
});
