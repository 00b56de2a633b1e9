import { launchBrowser, newContext } from './e2e/support/browser';
import { serveSite } from './e2e/support/site';
const site = await serveSite(process.argv[2]!);
const browser = await launchBrowser();
const ctx = await newContext(browser, { javaScriptEnabled: true, viewport: { width: 375, height: 800 } });
const page = await ctx.newPage();
await page.goto(`${site.baseURL}/obiettivi/2020/s08-00/`);
console.log(
  await page.evaluate(() =>
    [...document.querySelectorAll('main .objective > *, #indicatori > *, #fasi > *')]
      .map((e) => `${e.tagName}.${e.className}#${e.id} ${Math.round(e.getBoundingClientRect().height)}`)
      .join('\n'),
  ),
);
await browser.close();
await site.close();
