import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser';

describe('built site', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('serves the home page, whose year list links every objective', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const response = await page.goto(`${inject('baseURL')}/`);
    expect(response?.status()).toBe(200);
    await page.locator('a[href="/obiettivi/2020/"]').first().click();
    await expect(page.locator('a[href="/obiettivi/2020/a01-00/"]').count()).resolves.toBeGreaterThan(0);
    await context.close();
  });
});
