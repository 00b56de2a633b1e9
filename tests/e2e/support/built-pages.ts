import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { listHtmlFiles } from '../../../src/lib/dev/html-files';

export interface BuiltPage {
  file: string;
  /** URL path as a static host serves it: dir/index.html → /dir/ */
  path: string;
  html: string;
}

/**
 * Every public page of a built site, read from disk (the sitemap may omit 404 and redirects). The form
 * editor at /admin/ is not a public page: it has its own policy and tests (tests/e2e/admin.e2e.ts).
 */
export async function builtPages(outDir: string, options: { withEditor?: boolean } = {}): Promise<BuiltPage[]> {
  const files = await listHtmlFiles(outDir);
  return files
    .map((file) => {
      const rel = relative(outDir, file).split(sep).join('/');
      return { file, path: '/' + rel.replace(/(^|\/)index\.html$/, '$1'), html: readFileSync(file, 'utf8') };
    })
    .filter((page) => options.withEditor || !page.path.startsWith('/admin/'));
}

export interface VisitReport {
  dialogs: string[];
  consoleErrors: string[];
  /** Violations the page's own policy reported (blocked inline code, blocked loads). */
  cspViolations: string[];
  /** Requests that left 127.0.0.1 (the context aborts them; listed here to fail the test). */
  outsideRequests: string[];
  /** True when any payload managed to set the canary. */
  pwned: boolean;
}

/**
 * Loads one page, lets it settle, and reports everything a running payload would leave behind:
 * dialogs, console errors, CSP violations, requests to other hosts, and the window.__pwned canary.
 */
export async function visit(context: BrowserContext, url: string): Promise<VisitReport> {
  const report: VisitReport = { dialogs: [], consoleErrors: [], cspViolations: [], outsideRequests: [], pwned: false };
  const page = await context.newPage();
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const log = ((window as unknown as { __csp?: string[] }).__csp ??= []);
      log.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('dialog', (dialog) => {
    report.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') report.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => report.consoleErrors.push(error.message));
  page.on('request', (request) => {
    if (!/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:|about:)/.test(request.url()))
      report.outsideRequests.push(request.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  // Handlers such as onerror fire after load; interaction-free payloads have had their chance by then.
  await page.waitForTimeout(50);
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned !== undefined,
    csp: (window as unknown as { __csp?: string[] }).__csp ?? [],
  }));
  report.pwned = state.pwned;
  report.cspViolations = state.csp;
  await page.close();
  return report;
}
