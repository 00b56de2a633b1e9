import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load';
import { relazionePdfUrl } from '../../src/lib/routes';
import { newContext, useBrowser } from './support/browser';
import { axeViolations } from './support/pages';
import { buildSite, serveSite, type ServedSite } from './support/site';

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
