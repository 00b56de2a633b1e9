import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser, newContext } from './support/browser';
import { buildSite, serveSite, type ServedSite } from './support/site';
import { objectivePages, squash } from './support/objective-pages';

/**
 * The objective page, for every objective of the shipped content and of a richer fixture
 * (decrescente, binary, missing values, storico, late and unstarted fasi, raw HTML in content).
 */
const FIXTURE = 'tests/fixtures/content/pagina-ricca';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser: Browser;
let fixture: ServedSite;
let fixtureDir: string;
const urls: Record<string, () => string> = {
  content: () => inject('baseURL'),
  [FIXTURE]: () => fixture.baseURL,
};

beforeAll(async () => {
  browser = await launchBrowser();
  fixtureDir = buildSite(FIXTURE);
  fixture = await serveSite(fixtureDir);
});
afterAll(async () => {
  await fixture?.close();
  await browser?.close();
});

async function open(url: string, javaScriptEnabled: boolean): Promise<Page> {
  const context = await newContext(browser, {
    javaScriptEnabled,
    reducedMotion: 'reduce',
    viewport: { width: 375, height: 800 },
  });
  const page = await context.newPage();
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  return page;
}

/** True once a canvas has at least one painted pixel. */
async function waitUntilDrawn(page: Page, index: number) {
  // Charts folded in <details> are drawn once opened.
  await page
    .locator('canvas')
    .nth(index)
    .evaluate((c) => {
      const details = c.closest('details');
      if (details) details.open = true;
    });
  await page.waitForFunction((i) => {
    const c = document.querySelectorAll('canvas')[i] as HTMLCanvasElement;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    return data !== undefined && data.some((value, k) => k % 4 === 3 && value !== 0);
  }, index);
}

for (const contentDir of ['content', FIXTURE]) {
  describe(`objective pages of ${contentDir}`, () => {
    for (const objective of objectivePages(contentDir)) {
      for (const javaScript of [false, true]) {
        it(`shows every fase title and indicator description of ${objective.codice} with JavaScript ${javaScript ? 'on' : 'off'}`, async () => {
          const page = await open(`${urls[contentDir]!()}${objective.path}`, javaScript);
          const text = squash(await page.locator('main').innerText());
          // Every fase once in its section: not in a timeline and again in a table (hidden text counts too).
          // (Some indicators repeat a fase's title word for word, so the count is within #fasi.)
          const fasi = squash((await page.locator('#fasi').textContent()) ?? '');
          for (const fase of objective.fasi) {
            expect(text).toContain(squash(fase.titolo));
            expect(fasi.split(squash(fase.titolo)).length - 1, `${fase.id} shown once`).toBe(1);
            await expect(page.locator(`[id="${fase.id}"]`).count()).resolves.toBe(1);
          }
          for (const indicatore of objective.indicatori) {
            expect(text).toContain(squash(indicatore.descrizione));
            await expect(page.locator(`[id="${indicatore.id}"]`).count()).resolves.toBe(1);
          }
          // One overview figure plus one per indicator with past years; each has its table, and a canvas
          // only when there is something to draw.
          await expect(page.locator('canvas[role="img"][aria-label]').count()).resolves.toBe(objective.canvases);
          await expect(page.locator('figure.chart-figure table').count()).resolves.toBe(objective.figures);
          if (javaScript) {
            for (let i = 0; i < objective.canvases; i++) await waitUntilDrawn(page, i);
          } else if (objective.canvases > 0) {
            // No blank canvas without JavaScript: the summary and the table stand in for it.
            await expect(page.locator('.chart-box').first().isVisible()).resolves.toBe(false);
          }
          await page.context().close();
        });
      }

      it(`has no axe violations on ${objective.codice}`, async () => {
        const page = await open(`${urls[contentDir]!()}${objective.path}`, true);
        const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
          [],
        );
        await page.context().close();
      });
    }
  });
}

describe('objective page on a phone', () => {
  const path = '/obiettivi/2020/s08-00/';

  // 2020_S08_00 has 18 fasi and 23 indicators: the longest page of the shipped content.
  for (const javaScript of [false, true]) {
    it(`keeps 2020_S08_00 within 15,000 px at 375 px, without sideways scrolling, JavaScript ${javaScript ? 'on' : 'off'}`, async () => {
      const page = await open(`${inject('baseURL')}${path}`, javaScript);
      const size = await page.evaluate(() => ({
        height: document.documentElement.scrollHeight,
        width: document.documentElement.scrollWidth,
      }));
      expect(size.width).toBeLessThanOrEqual(375);
      expect(size.height).toBeLessThanOrEqual(15_000);
      await page.context().close();
    });
  }

  it('states the coverage beside the weighted progress and a stato the fasi contradict', async () => {
    const page = await open(`${inject('baseURL')}${path}`, false);
    // F15 and F16 (19 of the 100 weight points) report no avanzamento.
    await expect(page.locator('.figure-value').innerText()).resolves.toMatch(
      /^100%\s+sul 81% del peso; 2 fasi senza dato$/,
    );
    await expect(page.locator('.stato-note').innerText()).resolves.toBe(
      'Lo stato indica «In Corso», ma tutte le fasi con un avanzamento rilevato sono al 100%; 2 fasi non lo riportano.',
    );
    await page.context().close();
  });
});

describe('objective page details', () => {
  const path = '/obiettivi/2020/b02-00/';

  it('shows raw HTML and dangerous links from content as inert text', async () => {
    const page = await open(`${fixture.baseURL}${path}`, true);
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await page.reload();
    const text = squash(await page.locator('main').innerText());
    expect(text).toContain('Mappatura del procedimento <script>alert(1)</script>');
    expect(text).toContain('Testo con <b>HTML grezzo</b>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    await expect(page.locator('main script:not([src]), main img:not(.chart-print), main b').count()).resolves.toBe(0);
    await expect(page.locator('main a', { hasText: 'link pericoloso' }).getAttribute('href')).resolves.toBeNull();
    expect(dialogs).toBe(0);
    await page.context().close();
  });

  it('says fase lateness in words and writes numbers and dates in Italian', async () => {
    const page = await open(`${fixture.baseURL}${path}`, false);
    // The periods in words sit in the fase's <details>, which opens without JavaScript.
    await page.locator('#F01 summary').click();
    const f01 = squash(await page.locator('#F01').innerText());
    expect(f01).toContain('conclusa con 30 giorni di ritardo');
    expect(f01).toContain(
      'Previsto dal 15 gennaio 2020 al 31 marzo 2020; effettivo dal 1 febbraio 2020 al 30 aprile 2020.',
    );
    await expect(page.locator('#F02').innerText()).resolves.toContain('in corso');
    await expect(page.locator('#F03').innerText()).resolves.toContain('non ancora iniziata');
    const i01 = squash((await page.locator('#I01').textContent()) ?? '');
    expect(i01).toContain('più basso è meglio');
    expect(i01).toContain('parzialmente raggiunto');
    await expect(page.locator('.figure-value').innerText()).resolves.toMatch(
      /^62,5%\s+sul 80% del peso; 1 fase senza dato$/,
    );
    await expect(page.locator('#I03').innerText()).resolves.toContain('non raggiunto');
    await page.context().close();
  });

  it('links the objective, each indicator and each fase with plain links, and copies them with JavaScript', async () => {
    const page = await open(`${fixture.baseURL}${path}`, false);
    const hrefs = await page.locator('a.copy-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(canonical).toBe('https://peg.comune.cinisello-balsamo.mi.it/obiettivi/2020/b02-00/');
    for (const id of ['I01', 'I02', 'I03', 'I04', 'F01', 'F02', 'F03']) expect(hrefs).toContain(`${canonical}#${id}`);
    await page.context().close();

    const context = await newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    const live = await context.newPage();
    await live.goto(`${fixture.baseURL}${path}`);
    // The indicator's link is among its folded details.
    await live.locator('#I02 summary').click();
    await live.locator('#I02 a.copy-link').click();
    await live.waitForFunction(
      () => document.getElementById('copy-link-status')?.textContent === 'Link copiato negli appunti',
    );
    await expect(live.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`${canonical}#I02`);
    expect(live.url()).toBe(`${fixture.baseURL}${path}`);
    await context.close();
  });

  it('carries share meta, the citation line and the per-objective data links', async () => {
    const page = await open(`${fixture.baseURL}${path}`, false);
    const meta = (name: string) =>
      page.locator(`meta[property="${name}"], meta[name="${name}"]`).getAttribute('content');
    await expect(meta('og:image')).resolves.toBe(
      'https://peg.comune.cinisello-balsamo.mi.it/obiettivi/2020/b02-00/anteprima.png',
    );
    await expect(meta('og:url')).resolves.toBe('https://peg.comune.cinisello-balsamo.mi.it/obiettivi/2020/b02-00/');
    await expect(meta('twitter:card')).resolves.toBe('summary_large_image');
    const citation = await page.locator('.citation').innerText();
    expect(citation).toMatch(
      /^Comune di Cinisello Balsamo, PEG 2020, obiettivo 2020_B02_00(, dati aggiornati al \d{1,2} \w+ \d{4})?$/,
    );
    await expect(page.locator('a[href="/opendata/obiettivi/2020_B02_00.json"]').count()).resolves.toBe(1);
    await expect(page.locator('a[href="/opendata/obiettivi/2020_B02_00.csv"]').count()).resolves.toBe(1);
    await page.context().close();
  });

  it('prints one clean document: no navigation chrome, link targets written out, every chart drawn', async () => {
    const page = await open(`${fixture.baseURL}${path}`, true);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    for (const selector of [
      '.site-nav',
      '.breadcrumb-container',
      '.it-header-slim-wrapper',
      '.copy-link',
      '.page-toc',
    ]) {
      await expect(page.locator(selector).first().isVisible(), selector).resolves.toBe(false);
    }
    const after = await page
      .locator('main a[href="https://www.example.org/"]')
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toBe('" (https://www.example.org/)"');
    const canvases = await page.locator('canvas').count();
    for (let i = 0; i < canvases; i++) {
      const drawn = await page.evaluate((k) => {
        const c = document.querySelectorAll('canvas')[k] as HTMLCanvasElement;
        return c
          .getContext('2d')!
          .getImageData(0, 0, c.width, c.height)
          .data.some((v, n) => n % 4 === 3 && v !== 0);
      }, i);
      expect(drawn).toBe(true);
    }
    await page.context().close();
  });

  it('ships no inline script or style, so a strict Content-Security-Policy can apply', () => {
    const html = readFileSync(join(fixtureDir, 'obiettivi/2020/s08-00/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    // JSON-LD is data the browser never executes (and CSP does not govern); every other script is a file.
    const executable = scripts.filter(([, attributes]) => !/\stype="application\/ld\+json"/.test(attributes!));
    expect(executable.length).toBeGreaterThan(0);
    for (const [, attributes, body] of executable) {
      expect(attributes).toMatch(/\ssrc="/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style[\s>]/);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/\son[a-z]+="/);
  });
});
