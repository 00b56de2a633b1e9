import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser';
import { buildSite, serveSite, type ServedSite } from './support/site';
import { objectivePages, squash } from './support/objective-pages';

/**
 * Indicators that cannot mislead: implausible values marked "da verificare", decrescente targets as
 * ceilings, units, Sì/No marks, a compact page on phones, and a print with every chart drawn.
 */
const FIXTURE = 'tests/fixtures/content/pagina-ricca';

let browser: Browser;
let fixture: ServedSite;

beforeAll(async () => {
  browser = await launchBrowser();
  fixture = await serveSite(buildSite(FIXTURE));
});
afterAll(async () => {
  await fixture?.close();
  await browser?.close();
});

async function open(url: string, javaScriptEnabled = true): Promise<Page> {
  const context = await newContext(browser, {
    javaScriptEnabled,
    reducedMotion: 'reduce',
    viewport: { width: 375, height: 800 },
  });
  const page = await context.newPage();
  expect((await page.goto(url))?.status()).toBe(200);
  return page;
}

/** An indicator block's text, folded details included, one space between its parts. */
const blockText = async (page: Page, id: string) =>
  squash(
    (await page.locator(`[id="${id}"]`).locator('h3, dt, dd, p, summary, caption, th, td').allTextContents()).join(' '),
  );

/** The JSON a chart is drawn from. */
async function chartData(page: Page, index: number) {
  return JSON.parse((await page.locator('canvas[data-chart]').nth(index).getAttribute('data-chart')) ?? 'null') as {
    kind: string;
    markTexts?: (string | null)[];
    labels: unknown[];
  };
}

/** Non-transparent pixels of every canvas of the page. */
const paintedCanvases = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('canvas')].map((c) => {
      const data = c.width > 0 && c.height > 0 ? c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data : [];
      return Array.prototype.some.call(data, (v: number, k: number) => k % 4 === 3 && v !== 0) as boolean;
    }),
  );

describe('implausible values (shipped content, 2020_S05_00)', () => {
  it('shows I07 and I08 as "dato da verificare" with the reason, never as 10.000% raggiunto', async () => {
    const page = await open(`${inject('baseURL')}/obiettivi/2020/s05-00/`, false);
    const main = squash(await page.locator('main').innerText());
    expect(main).not.toContain('10.000%');
    for (const id of ['I07', 'I08']) {
      const text = await blockText(page, id);
      expect(text).toContain('dato da verificare');
      expect(text).toContain('raggiunto 100 contro atteso 1: possibile errore di unità di misura');
      expect(text).not.toContain('Grado di raggiungimento');
    }
    // Counted apart in the page's tallies, not among the raggiunti.
    expect(main).toMatch(/indicatori raggiunti, 2 da verificare/);
    expect(main).toContain('Da verificare: 2.');
    await page.context().close();
  });
});

describe('indicator wording (fixture with decrescente, units, binary, implausible and verificato values)', () => {
  const path = '/obiettivi/2020/b02-00/';

  it('reads a decrescente target as a ceiling, with units, and the scostamento the right way', async () => {
    const page = await open(`${fixture.baseURL}${path}`, false);
    const i01 = await blockText(page, 'I01');
    expect(i01).toContain('Valore atteso al massimo 60 giorni');
    expect(i01).toContain('Valore raggiunto 75 giorni');
    expect(i01).toContain('15 giorni oltre il massimo');
    const i02 = await blockText(page, 'I02');
    expect(i02).toContain('Valore atteso 80%');
    expect(i02).toContain('Valore raggiunto 30%');
    expect(i02).toContain('-50%');
    await page.context().close();
  });

  it('marks Sì/No and implausible rows in words in the overview chart, and shows a verificato value normally', async () => {
    const page = await open(`${fixture.baseURL}${path}`);
    const overview = await chartData(page, 0);
    expect(overview.kind).toBe('overview');
    // I01 … I06: bar, bar, No, non rilevato, da verificare, beyond the axis.
    expect(overview.markTexts).toEqual([null, null, '✗ No', '– non rilevato', '? dato da verificare', '▶ oltre 250%']);
    expect(await blockText(page, 'I03')).toContain('Valore raggiunto No');
    expect(await blockText(page, 'I05')).toContain('dato da verificare');
    const i06 = await blockText(page, 'I06');
    expect(i06).toContain('4.000%');
    expect(i06).toContain('Valore controllato dall’ente: Valore controllato sul registro degli accessi');
    // The data table says the bar is cut, where the canvas cannot be read.
    expect(squash((await page.locator('.overview-table').textContent()) ?? '')).toContain('4.000% (▶ oltre 250%)');
    expect((await paintedCanvases(page)).every(Boolean)).toBe(true);
    await page.context().close();
  });
});

describe('2020_S08_00 on a phone and on paper (shipped content)', () => {
  const path = '/obiettivi/2020/s08-00/';
  const objective = objectivePages('content').find((o) => o.codice === '2020_S08_00')!;

  it('shows each indicator once, compactly: its values in one block, secondary facts folded', async () => {
    const page = await open(`${inject('baseURL')}${path}`, false);
    for (const { id } of objective.indicatori) {
      // One block and one link from the overview's data table; the description only in the block.
      await expect(page.locator(`[id="${id}"]`).count()).resolves.toBe(1);
      await expect(page.locator(`.overview-table a[href="#${id}"]`).count()).resolves.toBe(1);
    }
    for (const { descrizione } of objective.indicatori) {
      const occurrences = squash(await page.locator('#indicatori').innerText()).split(squash(descrizione)).length - 1;
      expect(occurrences, descrizione).toBe(1);
    }
    // 23 indicators took 21,600 px at 375 px wide; the budget is 250 px each plus the overview chart.
    const height = await page.locator('#indicatori').evaluate((s) => s.getBoundingClientRect().height);
    expect(height).toBeLessThan(250 * objective.indicatori.length + 1500);
    await page.context().close();
  });

  it('prints to PDF with every indicator, no empty page, and the charts drawn', async () => {
    const page = await open(`${inject('baseURL')}${path}`);
    expect(await paintedCanvases(page)).toEqual(Array(objective.canvases).fill(true));
    await page.emulateMedia({ media: 'print' });
    // Charts in details opened for print draw on their next frame.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const pdf = await page.pdf({ format: 'A4' });
    await page.context().close();
    const file = join(mkdtempSync(join(process.env.PEG_E2E_TMP ?? tmpdir(), 'peg-pdf-')), 's08.pdf');
    writeFileSync(file, pdf);
    const run = (command: string, args: string[]) => {
      const result = spawnSync(command, args, { encoding: 'utf8' });
      if (result.error) throw new Error(`e2e: ${command} is missing: install poppler-utils (${result.error.message})`);
      expect(result.status, result.stderr).toBe(0);
      return result.stdout;
    };
    const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]))?.[1]);
    expect(pages).toBeGreaterThan(1);
    const text = squash(run('pdftotext', ['-layout', file, '-']));
    for (const { id } of objective.indicatori) expect(text).toContain(id);
    for (let n = 1; n <= pages; n++) {
      const words = run('pdftotext', ['-f', String(n), '-l', String(n), file, '-']).trim();
      expect(words.length, `page ${n} of ${pages} is empty`).toBeGreaterThan(20);
    }
    // The overview chart is on paper as an image (with its soft mask).
    const images = run('pdfimages', ['-list', file])
      .split('\n')
      .filter((line) => /^\s*\d+\s+\d+\s+image\s/.test(line));
    expect(images.length).toBeGreaterThanOrEqual(objective.canvases);
  });
});
