import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from './chromium';

/** Launches Debian's Chromium; `npm test` runs scripts/ensure-chromium.ts first, so it is there. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('e2e: Chromium not found; run `npx tsx scripts/ensure-chromium.ts`');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** A context that fails any request leaving 127.0.0.1: pages must not depend on outside hosts. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'it-IT', ...options });
  // Playwright's own 30 s waits would trip on a busy machine; vitest's timeout already stops a hang.
  context.setDefaultTimeout(0);
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort('blockedbyclient'));
  return context;
}

/** One Chromium for the enclosing describe block (or file), closed after it; call the getter inside tests. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}
