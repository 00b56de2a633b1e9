import { describe, expect, inject, it } from 'vitest';
import { pageType } from '../../src/lib/dev/bench/dist-stats';
import { cspHash } from '../../src/lib/outputs/csp/policy';
import { scanInlineCode } from '../../src/lib/outputs/csp/scan';
import { newContext, useBrowser } from './support/browser';
import { builtPages, visit } from './support/built-pages';
import { directive, policyOf } from './support/csp';

const outDir = inject('outDir');
const baseURL = inject('baseURL');

describe('Content-Security-Policy of the built site', () => {
  it('gives every page a policy before any script, style, stylesheet or base in its head', async () => {
    const pages = await builtPages(outDir);
    expect(pages.length).toBeGreaterThan(0);
    for (const { path, html } of pages) {
      const metaAt = html.search(/<meta http-equiv="content-security-policy"/i);
      expect(metaAt, `${path} has no policy`).toBeGreaterThan(0);
      // The layout's own font preloads and icon may come first (Astro writes the policy where the head
      // ends): they fetch same-origin files and run nothing. Code that the policy must govern may not.
      const before = html.slice(0, metaAt);
      // JSON-LD is data the browser never runs.
      const active =
        /<script\b(?![^>]*type="application\/ld\+json")|<(style|base)\b|<link\b[^>]*rel="(stylesheet|modulepreload)"|<link\b[^>]*as="script"/i;
      expect(before.match(active)?.[0], `${path}: code before the policy`).toBeUndefined();
    }
  });

  it('hashes every inline executable script and allows nothing unsafe-inline', async () => {
    for (const { path, html } of await builtPages(outDir)) {
      const policy = policyOf(html)!;
      expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
      expect(directive(policy, 'object-src')).toEqual(["'none'"]);
      const allowed = new Set(directive(policy, 'script-src'));
      const code = scanInlineCode(html);
      for (const script of code.scripts) expect(allowed, `${path}: unhashed inline script`).toContain(cspHash(script));
      expect(code.eventHandlers, `${path}: event-handler attributes never run under this policy`).toEqual([]);
    }
  });

  describe('in Chromium', () => {
    const browser = useBrowser();

    it('blocks nothing the site itself needs on a page of every type', async () => {
      const context = await newContext(browser());
      // One page per template: the policy and the code it must allow come from the template, not the data.
      const seen = new Set<string>();
      const samples = (await builtPages(outDir)).filter(
        ({ path }) => !seen.has(pageType(path)) && !!seen.add(pageType(path)),
      );
      for (const { path } of samples) {
        const report = await visit(context, baseURL + path);
        expect(report.cspViolations, path).toEqual([]);
        expect(report.outsideRequests, path).toEqual([]);
      }
      await context.close();
    });
  });
});
