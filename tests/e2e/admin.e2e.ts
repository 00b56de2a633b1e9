import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ADMIN_CSP, CSP_DIRECTIVES } from '../../src/lib/outputs/csp/policy';
import { scanInlineCode } from '../../src/lib/outputs/csp/scan';
import { newContext, useBrowser } from './support/browser';
import { builtPages } from './support/built-pages';
import { directive, policyOf } from './support/csp';
import { axeViolations } from './support/pages';

/** The form editor of the built site (/admin/): its own policy, its own script, never on public pages. */
const outDir = inject('outDir');
const baseURL = inject('baseURL');
const html = readFileSync(join(outDir, 'admin/index.html'), 'utf8');

const policy = policyOf(html)!;

describe('the editor page of the built site', () => {
  it('is the only page that loads the editor’s script', async () => {
    for (const page of await builtPages(outDir)) expect(page.html, page.path).not.toMatch(/admin\/cms\.js|decap/i);
    expect(readFileSync(join(outDir, 'sitemap.xml'), 'utf8')).not.toContain('/admin/');
  });

  it('loads only its own script, from the site, and runs no inline code', () => {
    expect([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1])).toEqual(['/admin/cms.js']);
    const inline = scanInlineCode(html);
    expect([inline.scripts, inline.eventHandlers]).toEqual([[], []]);
    const script = readFileSync(join(outDir, 'admin/cms.js'), 'utf8');
    expect(script.length).toBeGreaterThan(100_000);
    expect(script).not.toMatch(/unpkg\.com|cdn\.jsdelivr|cdnjs/);
  });

  it('has the public policy plus only the editor’s additions', () => {
    for (const entry of CSP_DIRECTIVES) {
      const [name, ...sources] = entry.split(' ');
      for (const source of sources) expect(directive(policy, name!), `${name} ${source}`).toContain(source);
    }
    expect(directive(policy, 'script-src')).toEqual(expect.arrayContaining(["'self'", ...ADMIN_CSP.scriptResources]));
    expect(directive(policy, 'script-src')).not.toContain("'unsafe-inline'");
    expect(directive(policy, 'style-src')).toEqual(expect.arrayContaining(["'self'", "'unsafe-inline'"]));
    expect(directive(policy, 'connect-src')).toEqual(["'self'", 'https://api.github.com']);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
  });

  describe('in Chromium', () => {
    const browser = useBrowser();

    it('shows the Italian login screen with no policy violation, no outside request, no axe violation', async () => {
      const context = await newContext(browser());
      const page = await context.newPage();
      const violations: string[] = [];
      const outside: string[] = [];
      const errors: string[] = [];
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          ((window as unknown as { __csp?: string[] }).__csp ??= []).push(
            `${event.violatedDirective} ${event.blockedURI}`,
          );
        });
      });
      page.on('request', (request) => {
        if (!request.url().startsWith(baseURL) && !/^(data|blob):/.test(request.url())) outside.push(request.url());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${baseURL}/admin/`);
      await page.getByRole('button', { name: 'Accedi con GitHub' }).waitFor();
      violations.push(...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])));
      expect(violations).toEqual([]);
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  });
});
