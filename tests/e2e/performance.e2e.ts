import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load';
import { generateContent } from '../../src/lib/dev/generate';
import { relazionePdfUrl } from '../../src/lib/routes';
import { newContext, useBrowser } from './support/browser';
import { axeViolations } from './support/pages';
import { buildSite, serveSite, type ServedSite } from './support/site';
import { tempDir } from '../support/temp';

/** The sub-sections of "Performance" in the exact words ANAC's crawler looks for (d.lgs. 33/2013, allegato A). */
const ANAC_LABELS = [
  'Sistema di misurazione e valutazione della Performance',
  'Piano della Performance',
  'Relazione sulla Performance',
  'Ammontare complessivo dei premi',
  'Dati relativi ai premi',
];

const browser = useBrowser();

/**
 * Like the crawler: the first element on the page whose link text, title, aria-label or image alt is exactly
 * `label` (spaces collapsed), and the address it leads to.
 */
async function findLabel(page: Page, label: string): Promise<string | null> {
  return page.evaluate((wanted) => {
    const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
    for (const link of document.querySelectorAll('a[href]')) {
      const names = [
        link.textContent,
        link.getAttribute('title'),
        link.getAttribute('aria-label'),
        ...[...link.querySelectorAll('img')].map((img) => img.getAttribute('alt')),
      ];
      if (names.some((name) => norm(name) === wanted.toLowerCase())) return (link as HTMLAnchorElement).href;
    }
    return null;
  }, label);
}

/**
 * The /Title strings of a PDF's bookmarks (and its document title): literal or UTF-16 hex. The poppler of
 * Debian 12 has no `pdfinfo -outline`, and Chromium writes the outline uncompressed.
 */
function outlineTitles(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/Title\s*(<[0-9A-Fa-f]+>|\((?:[^()\\]|\\.)*\))/g)].map(([, value]) => {
    if (!value!.startsWith('<')) return value!.slice(1, -1);
    const bytes = Buffer.from(value!.slice(1, -1), 'hex');
    return bytes[0] === 0xfe && bytes[1] === 0xff
      ? bytes.subarray(2).swap16().toString('utf16le')
      : bytes.toString('latin1');
  });
}

const run = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' }).stdout;

describe('Performance section as ANAC’s crawler reads it (shipped content)', () => {
  it('finds the five labels from the home page, each leading to a page of this site', async () => {
    const baseURL = inject('baseURL');
    const context = await newContext(browser());
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    const section = await findLabel(page, 'Performance');
    expect(section).toBe(`${baseURL}/performance/`);
    await page.goto(section!);
    for (const label of ANAC_LABELS) {
      const href = await findLabel(page, label);
      expect(href, label).not.toBeNull();
      expect(new URL(href!).origin, label).toBe(baseURL);
      const target = await context.newPage();
      const response = await target.goto(href!);
      expect(response?.status(), label).toBe(200);
      await expect(target.locator('h1').textContent(), label).resolves.toBe(label);
      await target.close();
    }
    await context.close();
  });

  it('publishes the Relazione 2020 as a tagged PDF with every objective, under 15 MB', () => {
    const file = join(inject('outDir'), relazionePdfUrl(2020));
    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBeGreaterThan(1);
    expect(statSync(file).size).toBeLessThan(15 * 1024 * 1024);
    const text = run('pdftotext', [file, '-']);
    const codici = loadContent('content')
      .obiettivi.filter((o) => o.data.anno === 2020)
      .map((o) => o.data.codice);
    expect(codici.length).toBeGreaterThan(0);
    expect(codici.filter((codice) => !text.includes(codice))).toEqual([]);
    // Bookmarks from the headings, page numbers in the footer.
    const titles = outlineTitles(readFileSync(file));
    expect(titles).toContain('Obiettivi e risultati');
    expect(titles.some((title) => title.startsWith(codici[0]!))).toBe(true);
    expect(text).toMatch(/pagina 2 di \d+/);
  });

  it('states the documents the comune has not provided as not available', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await page.goto(`${inject('baseURL')}/performance/relazione/`);
    await expect(page.getByText('Documento non disponibile').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText('non ancora pubblicata').count()).resolves.toBe(1);
    await context.close();
  });
});

describe('a year with the comune’s own documents (performance-valido fixture)', () => {
  const FIXTURE = 'tests/fixtures/content/performance-valido';
  let outDir: string;
  let site: ServedSite;
  beforeAll(async () => {
    outDir = buildSite(FIXTURE);
    site = await serveSite(outDir);
  }, 180_000);
  afterAll(async () => {
    await site?.close();
  });

  it('shows a Relazione published after 30 June as late, and publishes the signed PDF as it is', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await page.goto(`${site.baseURL}/performance/relazione/`);
    await expect(page.locator('[data-tempestivita="in ritardo"]').textContent()).resolves.toBe(
      'pubblicata in ritardo di 15 giorni',
    );
    const href = await page
      .getByRole('link', { name: /Scarica il PDF: Relazione sulla Performance 2020/ })
      .getAttribute('href');
    expect(href).toBe('/performance/documenti/relazione-performance-2020-firmata.pdf');
    await page.goto(`${site.baseURL}/performance/relazione/2020/`);
    await expect(
      page.getByRole('link', { name: /approvata dall’ente \(PDF firmato\)/ }).getAttribute('href'),
    ).resolves.toBe(href);
    expect(readFileSync(join(outDir, href!))).toEqual(
      readFileSync(join(FIXTURE, 'performance/documenti/relazione-performance-2020-firmata.pdf')),
    );
    await context.close();
  });

  it('lists premiums by category with amounts, never by person', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await page.goto(`${site.baseURL}/performance/premi/dati/`);
    const rows = await page.locator('tbody tr th').allTextContents();
    expect(rows).toEqual(['Dirigenti', 'Personale del comparto']);
    await page.goto(`${site.baseURL}/performance/premi/ammontare/`);
    await expect(page.locator('main').textContent()).resolves.toContain('241.300,5 €');
    await context.close();
  });

  it.each([
    '/performance/',
    '/performance/sistema-di-misurazione-e-valutazione/',
    '/performance/piano/',
    '/performance/relazione/',
    '/performance/relazione/2020/',
    '/performance/premi/ammontare/',
    '/performance/premi/dati/',
  ])('has no axe violation on %s with documents and premiums filled in', async (path) => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await page.goto(`${site.baseURL}${path}`);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('a year too big for one PDF (generated content)', () => {
  let outDir: string;
  let site: ServedSite;
  let codici: string[];
  beforeAll(async () => {
    // 80 generated objectives of 2020: ≈3,800 printed rows, more than one part holds (PDF_PART_ROWS).
    const content = tempDir('peg-relazione-parti-');
    for (const file of generateContent({ count: 800 }))
      if (!file.path.startsWith('obiettivi/') || file.path.startsWith('obiettivi/2020/')) {
        mkdirSync(dirname(join(content, file.path)), { recursive: true });
        writeFileSync(join(content, file.path), file.text);
      }
    codici = loadContent(content)
      .obiettivi.map((o) => o.data.codice)
      .sort((a, b) => a.localeCompare(b));
    outDir = buildSite(content);
    site = await serveSite(outDir);
  }, 300_000);
  afterAll(async () => {
    await site?.close();
  });

  it('links each part from the year’s page and the Relazione page, and prints every objective in one part', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await page.goto(`${site.baseURL}/performance/relazione/2020/`);
    const links = page.getByRole('link', { name: /^Relazione sulla Performance 2020 in PDF, parte \d+ di \d+/ });
    const count = await links.count();
    expect(count).toBeGreaterThan(1);
    await expect(page.getByText(`Il PDF è diviso in ${count} parti`).count()).resolves.toBe(1);
    // The web page itself shows every objective and no part note.
    await expect(page.locator('article.relazione-obiettivo:visible').count()).resolves.toBe(codici.length);
    await expect(page.locator('p[data-parte]:visible').count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    const printed: string[][] = [];
    for (let index = 0; index < count; index++) {
      const link = links.nth(index);
      const name = (await link.textContent())!;
      const href = (await link.getAttribute('href'))!;
      expect(href).toBe(relazionePdfUrl(2020, index + 1));
      const [first, last] = /obiettivi da (\S+) a (\S+)$/.exec(name)!.slice(1);
      const file = join(outDir, href);
      expect(run('pdfinfo', [file])).toMatch(/^Tagged:\s+yes$/m);
      expect(statSync(file).size).toBeLessThan(15 * 1024 * 1024);
      const text = run('pdftotext', [file, '-']);
      expect(text).toContain(`Relazione sulla Performance 2020, parte ${index + 1} di ${count} – pagina 1 di`);
      expect(text).toContain(`Parte ${index + 1} di ${count}: obiettivi da ${first} a ${last}.`);
      // Bookmarks: this part's objectives, the summary in the first part, the method in the last.
      const titles = outlineTitles(readFileSync(file));
      const own = codici.filter((codice) => titles.some((title) => title.startsWith(codice)));
      expect(own[0]).toBe(first);
      expect(own.at(-1)).toBe(last);
      printed.push(own);
      expect(titles.includes('Sintesi')).toBe(index === 0);
      expect(titles.includes('Come sono calcolate le cifre')).toBe(index === count - 1);
    }
    expect(printed.flat()).toEqual(codici);

    await page.goto(`${site.baseURL}/performance/relazione/`);
    await expect(links.count()).resolves.toBe(count);
    await expect(page.getByRole('link', { name: /generata dai dati \(PDF\)/ }).count()).resolves.toBe(0);
    await context.close();
  });
});
