import { describe, expect, inject, it } from 'vitest';
import { newContext, useBrowser } from './support/browser';

describe('built site', () => {
  const browser = useBrowser();

  it('serves the home page, whose year list links every objective', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const response = await page.goto(`${inject('baseURL')}/`);
    expect(response?.status()).toBe(200);
    await page.locator('a[href="/obiettivi/2020/"]').first().click();
    await expect(page.locator('a[href="/obiettivi/2020/a01-00/"]').count()).resolves.toBeGreaterThan(0);
    await context.close();
  });
});
