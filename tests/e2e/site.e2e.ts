import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadContent } from '../../src/lib/content/load';
import { openDataDocument } from '../../src/lib/outputs/opendata/records';
import { slugFromCodice } from '../../src/lib/derived/slugs';
import { launchBrowser, newContext } from './support/browser';
import { axeViolations, visibleCodes } from './support/pages';
import { buildSite, serveSite, type ServedSite } from './support/site';

const FIXTURE = 'tests/fixtures/content/multi-year';

let browser: Browser;
let context: BrowserContext;
let multi: ServedSite;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  // One objective per search-index bundle: the search tests below also check that the page merges them.
  multi = await serveSite(buildSite(FIXTURE, { PEG_SEARCH_BUNDLE_PAGES: '1' }));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await multi?.close();
});

async function open(url: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  return page;
}

describe('year list filters (multi-year fixture)', () => {
  const cases: [string, Record<string, string>, string[]][] = [
    ['centro di responsabilità', { centro: 'settore-governo-del-territorio' }, ['2020_B02_00']],
    ['responsabile', { responsabile: 'caruso-gianluca' }, ['2020_A01_00']],
    ['programma DUP', { programma: 'DUP_10_0101_1104' }, ['2020_B02_00']],
    ['esito', { esito: 'raggiunto' }, ['2020_A01_00']],
    ['tipo di indicatore', { tipo: 'qualita' }, ['2020_B02_00']],
    ['esito and tipo together', { esito: 'non-rilevato', tipo: 'efficienza' }, []],
  ];

  for (const [name, filters, expected] of cases) {
    it(`narrows the table by ${name} and reproduces the view from the URL after reload`, async () => {
      const page = await open(`${multi.baseURL}/obiettivi/2020/`);
      expect(await visibleCodes(page)).toEqual(['2020_A01_00', '2020_B02_00']);
      for (const [field, value] of Object.entries(filters)) await page.selectOption(`select[name="${field}"]`, value);
      expect(await visibleCodes(page)).toEqual(expected);
      const query = new URL(page.url()).searchParams;
      for (const [field, value] of Object.entries(filters)) expect(query.get(field)).toBe(value);
      await expect(page.locator('[data-peg-count]').textContent()).resolves.toBe(
        `${expected.length === 1 ? '1 obiettivo' : `${expected.length} obiettivi`} su 2 ${expected.length === 1 ? 'corrisponde' : 'corrispondono'} ai filtri`,
      );
      await page.reload();
      expect(await visibleCodes(page)).toEqual(expected);
      for (const [field, value] of Object.entries(filters)) {
        await expect(page.locator(`select[name="${field}"]`).inputValue()).resolves.toBe(value);
      }
      await page.close();
    });
  }

  it('sorts by a column with aria-sort, and keeps the order in the URL', async () => {
    const page = await open(`${multi.baseURL}/obiettivi/2021/`);
    const header = page.locator('th[data-sort="avanzamento"]');
    await header.getByRole('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    expect(await visibleCodes(page)).toEqual(['2021_C03_01', '2021_A01_00']);
    await header.getByRole('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
    expect(await visibleCodes(page)).toEqual(['2021_A01_00', '2021_C03_01']);
    expect(new URL(page.url()).search).toBe('?ordina=avanzamento&verso=discendente');
    await page.reload();
    expect(await visibleCodes(page)).toEqual(['2021_A01_00', '2021_C03_01']);
    await page.close();
  });

  it('shows the full table without JavaScript, whatever the query', async () => {
    const noJs = await newContext(browser, { javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${multi.baseURL}/obiettivi/2020/?centro=settore-governo-del-territorio`);
    await expect(page.locator('table.peg-obiettivi tbody tr').count()).resolves.toBe(2);
    await noJs.close();
  });
});

describe('several years (multi-year fixture)', () => {
  it('shows the latest year on the home page and links every year overview', async () => {
    const page = await open(`${multi.baseURL}/`);
    await expect(page.locator('h1').textContent()).resolves.toContain('2021');
    await page.getByRole('navigation', { name: 'Anno del PEG' }).getByRole('link', { name: '2020' }).click();
    expect(new URL(page.url()).pathname).toBe('/panoramica/2020/');
    await expect(page.locator('h1').textContent()).resolves.toContain('2020');
    await page.close();
  });

  it('lists on a person page the fasi they own in objectives of other offices', async () => {
    const page = await open(`${multi.baseURL}/responsabili/caruso-gianluca/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('CARUSO GIANLUCA');
    await expect(page.locator('a[href="/obiettivi/2020/a01-00/"]').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('a[href="/obiettivi/2021/a01-00/"]').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('a[href="/obiettivi/2020/b02-00/#F02"]').count()).resolves.toBe(1);
    await page.close();
  });

  it('walks the DUP tree from mandato to programma with breadcrumbs', async () => {
    const page = await open(`${multi.baseURL}/dup/DUP_20_0901_0902/`);
    const trail = page.getByRole('navigation', { name: 'Percorso di navigazione' });
    const links = await trail.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.slice(-3)).toEqual(['/dup/', '/dup/DUP_20/', '/dup/DUP_20_0901/']);
    await expect(trail.locator('[aria-current="page"]').textContent()).resolves.toBe('DUP_20_0901_0902');
    await expect(page.locator('a[href="/obiettivi/2021/c03-01/"]').count()).resolves.toBeGreaterThan(0);
    await page.close();
  });
});

/** Objectives whose files (front matter and body) contain `word`, case-insensitively and ignoring hyphens
 * (a citizen searching "smartworking" must also find "smart-working"). */
function objectivesContaining(folder: string, word: string): string[] {
  return loadContent(folder)
    .obiettivi.filter((o) => `${JSON.stringify(o.data)} ${o.body}`.toLowerCase().replaceAll('-', '').includes(word))
    .map((o) => `/obiettivi/${o.data.anno}/${slugFromCodice(o.data.codice)}/`)
    .sort();
}

/** Runs a search by typing `term` (and choosing `filters`), or by opening its shared URL; returns result paths. */
async function search(
  baseURL: string,
  term: string,
  filters: Record<string, string> = {},
  viaUrl = false,
): Promise<string[]> {
  const page = await searchPage(baseURL, term, filters, viaUrl);
  const hrefs = await page
    .locator('[data-peg-search-results] a')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  await page.close();
  return hrefs.sort();
}

interface ShownResult {
  /** Path and #anchor of the result link. */
  href: string;
  title: string;
  centro: string;
  snippet: string;
}

/** The results as a citizen sees them: link target, title, centro and snippet. */
async function results(baseURL: string, term: string): Promise<ShownResult[]> {
  const page = await searchPage(baseURL, term);
  const shown = await page.locator('[data-peg-search-results] > li').evaluateAll((items) =>
    items.map((li) => {
      const a = li.querySelector('a')!;
      const url = new URL(a.href);
      return {
        href: url.pathname + url.hash,
        title: a.textContent ?? '',
        centro: li.querySelector('.peg-result-centro')?.textContent ?? '',
        snippet: li.querySelector('p:last-child')?.textContent ?? '',
      };
    }),
  );
  await page.close();
  return shown;
}

/** The search page after a search by typing (or from its shared URL) has finished. */
async function searchPage(
  baseURL: string,
  term: string,
  filters: Record<string, string> = {},
  viaUrl = false,
): Promise<Page> {
  const query = new URLSearchParams({ q: term, ...filters });
  const page = await open(viaUrl ? `${baseURL}/cerca/?${query}` : `${baseURL}/cerca/`);
  const status = page.getByRole('status');
  if (!viaUrl) {
    await page.getByLabel('Parole da cercare').fill(term);
    for (const [name, value] of Object.entries(filters)) {
      // The filter options come from the index, which loads after the form is shown.
      await page.locator(`select[name="${name}"] option[value="${value}"]`).waitFor({ state: 'attached' });
      await page.selectOption(`select[name="${name}"]`, value);
    }
    await page.getByRole('button', { name: 'Cerca' }).click();
  }
  await status
    .filter({ hasText: 'per “' })
    .waitFor()
    .catch(async (error) => {
      throw new Error(`search did not finish; status: ${await status.textContent()}; url: ${page.url()}`, {
        cause: error,
      });
    });
  return page;
}

/** Words of one indicator's description found nowhere else in the content (the first such, by file order). */
function wordOfOneIndicator(folder: string): { word: string; path: string; id: string } {
  const { obiettivi } = loadContent(folder);
  const words = (text: string) => text.toLowerCase().match(/\p{L}{7,}/gu) ?? [];
  const all = obiettivi.map((o) => `${JSON.stringify(o.data)} ${o.body}`.toLowerCase()).join(' ');
  const occurrences = (word: string) => all.split(word).length - 1;
  for (const o of obiettivi) {
    for (const indicatore of o.data.indicatori) {
      const word = words(indicatore.descrizione).find((w) => occurrences(w) === 1);
      if (word) return { word, path: `/obiettivi/${o.data.anno}/${slugFromCodice(o.data.codice)}/`, id: indicatore.id };
    }
  }
  throw new Error(`test: no indicator word unique to one indicator in ${folder}`);
}

/** UI labels glued to their values, as Pagefind snippets showed them ("TipoEFFICACIA", "Codice2020_S08_00"). */
const GLUED_LABEL =
  /(Tipo|Direzione|Codice|Assessorato|Responsabile|Stato|Esito|Valore atteso|Valore raggiunto|Peso|Avanzamento)(?=[A-Z0-9])/;

describe('search', () => {
  it('lists the objectives whose text contains "smartworking" (shipped content)', async () => {
    const expected = objectivesContaining('content', 'smartworking');
    expect(expected.length).toBeGreaterThan(0);
    expect(await search(inject('baseURL'), 'smartworking')).toEqual(expected);
  });

  it('lists the objectives whose text contains "smartworking" (multi-year fixture)', async () => {
    expect(await search(multi.baseURL, 'smartworking')).toEqual(objectivesContaining(FIXTURE, 'smartworking'));
  });

  it('narrows search results by anno and by centro di responsabilità, also from a shared URL', async () => {
    expect(await search(multi.baseURL, 'agile')).toEqual(['/obiettivi/2020/a01-00/', '/obiettivi/2021/a01-00/']);
    expect(await search(multi.baseURL, 'agile', { anno: '2020' })).toEqual(['/obiettivi/2020/a01-00/']);
    expect(await search(multi.baseURL, 'agile', { anno: '2021' }, true)).toEqual(['/obiettivi/2021/a01-00/']);
    expect(await search(multi.baseURL, 'parchi', { centro: 'SETTORE AMBIENTE E VERDE' })).toEqual([
      '/obiettivi/2021/c03-01/',
    ]);
    expect(await search(multi.baseURL, 'agile', { centro: 'SETTORE AMBIENTE E VERDE' }, true)).toEqual([]);
  });

  it('links a result to the indicator whose description has the word, with that indicator in the snippet', async () => {
    const { word, path, id } = wordOfOneIndicator('content');
    const found = (await results(inject('baseURL'), word)).filter((r) => r.href.startsWith(path));
    expect(found, word).toHaveLength(1);
    expect(found[0]!.href).toBe(`${path}#${id}`);
    expect(found[0]!.snippet.toLowerCase()).toContain(word);
    expect(found[0]!.snippet).toMatch(new RegExp(`^Indicatore ${id}:`));
  });

  it('tells apart objectives with the same title by code and centro, with snippets free of UI labels', async () => {
    const { obiettivi } = loadContent('content');
    const title = obiettivi[0]!.data.titolo;
    const sameTitle = obiettivi.filter((o) => o.data.titolo === title);
    expect(sameTitle.length).toBeGreaterThan(1);
    const shown = await results(inject('baseURL'), 'epidemiologica');
    const forTitle = shown.filter((r) => r.title.includes(title));
    expect(forTitle.length).toBe(sameTitle.length);
    expect(new Set(forTitle.map((r) => r.title)).size).toBe(forTitle.length);
    for (const o of sameTitle) {
      const result = forTitle.find((r) => r.title.startsWith(o.data.codice));
      expect(result, o.data.codice).toBeDefined();
      expect(result!.centro).toBe(o.data.centro_di_responsabilita);
    }
    for (const term of ['epidemiologica', 'efficacia', 'smartworking', 'servizi']) {
      for (const result of await results(inject('baseURL'), term)) {
        expect(result.snippet, `${term}: ${result.href}`).not.toMatch(GLUED_LABEL);
      }
    }
  });

  it('finds no objective by the words every objective page repeats (how figures are computed, chart legend)', async () => {
    // "plausibile" is in the method note, "tratteggiata" in the overview chart's legend; no content has them.
    // (Pagefind may still return a near word, "possibile", but never a snippet quoting the repeated text.)
    for (const term of ['plausibile', 'tratteggiata']) {
      expect(objectivesContaining('content', term), term).toEqual([]);
      for (const result of await results(inject('baseURL'), term))
        expect(result.snippet.toLowerCase(), `${term}: ${result.href}`).not.toContain(term);
    }
  });

  it('offers centro and responsabile filters sorted A→Z (years newest first) and filters by responsabile', async () => {
    const page = await searchPage(inject('baseURL'), 'emergenza');
    const options = (name: string) =>
      page.locator(`select[name="${name}"] option:not([value=""])`).evaluateAll((os) => os.map((o) => o.textContent!));
    const collator = new Intl.Collator('it', { numeric: true, sensitivity: 'base' });
    for (const name of ['centro', 'responsabile']) {
      const shown = await options(name);
      expect(shown.length, name).toBeGreaterThan(1);
      expect(shown, name).toEqual([...shown].sort(collator.compare));
    }
    await page.close();
    expect(await search(multi.baseURL, 'agile', { responsabile: 'CARUSO GIANLUCA' })).toEqual([
      '/obiettivi/2020/a01-00/',
      '/obiettivi/2021/a01-00/',
    ]);
    expect(await search(multi.baseURL, 'agile', { responsabile: 'ROSSI MARIA' }, true)).toEqual([]);
  });

  it('explains without JavaScript that search needs it and links the year lists', async () => {
    const noJs = await newContext(browser, { javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${multi.baseURL}/cerca/`);
    await expect(page.getByText('La ricerca nel testo funziona con JavaScript').isVisible()).resolves.toBe(true);
    await expect(page.locator('main a[href="/obiettivi/2021/"]').count()).resolves.toBe(1);
    await expect(page.locator('main a[href="/obiettivi/2020/"]').count()).resolves.toBe(1);
    await noJs.close();
  });
});

describe('open data served by the built site', () => {
  it('serves CSVs that a standard parser reads into one row per objective, fase and indicatore', async () => {
    const { obiettivi } = loadContent('content');
    const expected = {
      obiettivi: obiettivi.length,
      fasi: obiettivi.reduce((n, o) => n + o.data.fasi.length, 0),
      indicatori: obiettivi.reduce((n, o) => n + o.data.indicatori.length, 0),
    };
    for (const [tabella, rows] of Object.entries(expected)) {
      for (const path of [`/opendata/${tabella}.csv`, `/opendata/2020/${tabella}.csv`]) {
        const text = await (await fetch(`${inject('baseURL')}${path}`)).text();
        expect(parse(text, { columns: true }), path).toHaveLength(rows);
      }
    }
  });

  it('serves obiettivi.json equal to the content files with derived values', async () => {
    const content = loadContent('content');
    const items = content.obiettivi.map((o) => ({
      data: o.data,
      url: `/obiettivi/${o.data.anno}/${slugFromCodice(o.data.codice)}/`,
    }));
    const response = await fetch(`${inject('baseURL')}/opendata/obiettivi.json`);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(openDataDocument(content.ente, items))));
  });
});

// One test per page, each with the default per-test limit: a slow or busy machine stretches the sweep
// without tripping a budget meant for the whole of it.
const sitemapPaths = [
  ...readFileSync(join(inject('outDir'), 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g),
].map((m) => new URL(m[1]!).pathname);

async function expectNoAxeViolations(url: string) {
  const page = await open(url);
  if (url.includes('?q=')) await page.getByRole('status').filter({ hasText: 'per “' }).waitFor();
  expect(await axeViolations(page), url).toEqual([]);
  await page.close();
}

describe('accessibility of every URL of the shipped sitemap', () => {
  it('has a sitemap worth sweeping', () => {
    expect(sitemapPaths.length).toBeGreaterThan(10);
  });
  it.for([...sitemapPaths, '/cerca/?q=smartworking'])('reports no axe violations on %s', async (path) => {
    await expectNoAxeViolations(`${inject('baseURL')}${path}`);
  });
});

describe('accessibility of the multi-year pages, search results and the 404 page', () => {
  it.for([
    '/',
    '/panoramica/2020/',
    '/obiettivi/2021/',
    '/centri-di-responsabilita/settore-ambiente-e-verde/',
    '/responsabili/rossi-maria/',
    '/dup/DUP_10/',
    '/cerca/?q=smartworking',
  ])('reports no axe violations on %s', async (path) => {
    await expectNoAxeViolations(`${multi.baseURL}${path}`);
  });

  it('reports no axe violations on the 404 page', async () => {
    const page = await context.newPage();
    await page.goto(`${multi.baseURL}/pagina-che-non-esiste/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Pagina non trovata');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
