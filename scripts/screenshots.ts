/**
 * Screenshots of a built objective page for the README and for visual review:
 *   npx tsx scripts/screenshots.ts [dist] [path] [outDir] [--all]
 * Phone (375 px) and desktop (1280 px) with JavaScript on; with --all also JavaScript off and print media.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, newContext } from '../tests/e2e/support/browser';
import { serveSite } from '../tests/e2e/support/site';

const [dist = 'dist', path = '/obiettivi/2020/s08-00/', outDir = 'docs/img'] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'));
const all = process.argv.includes('--all');
mkdirSync(outDir, { recursive: true });
const site = await serveSite(dist);
const browser = await launchBrowser();
const shots = [
  { name: 'obiettivo-telefono', width: 375, height: 812, js: true, media: 'screen' as const, full: false },
  { name: 'obiettivo-desktop', width: 1280, height: 900, js: true, media: 'screen' as const, full: false },
  ...(all
    ? [
        { name: 'full-375-js', width: 375, height: 812, js: true, media: 'screen' as const, full: true },
        { name: 'full-1280-js', width: 1280, height: 900, js: true, media: 'screen' as const, full: true },
        { name: 'full-375-nojs', width: 375, height: 812, js: false, media: 'screen' as const, full: true },
        { name: 'full-print', width: 800, height: 1100, js: true, media: 'print' as const, full: true },
      ]
    : []),
];
for (const shot of shots) {
  const context = await newContext(browser, {
    viewport: { width: shot.width, height: shot.height },
    deviceScaleFactor: shot.full ? 1 : 2,
    javaScriptEnabled: shot.js,
    // No chart animation: the picture shows finished charts.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.emulateMedia({ media: shot.media });
  await page.goto(`${site.baseURL}${path}`, { waitUntil: 'networkidle' });
  if (shot.full && shot.js) {
    // Charts are drawn when they come near the viewport: scroll through the page once.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 500) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 50));
      }
      window.scrollTo(0, 0);
    });
    await page.waitForTimeout(300);
  }
  if (shot.media === 'print') await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.screenshot({ path: join(outDir, `${shot.name}.png`), fullPage: shot.full });
  await context.close();
}
await browser.close();
await site.close();
console.log(`screenshots in ${outDir}`);
