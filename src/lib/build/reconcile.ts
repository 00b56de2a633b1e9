import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Content } from '../content/load';
import { TABELLE } from '../outputs/opendata/csv';
import { MORE_BUNDLES_FILE } from '../outputs/pagefind';
import {
  documentoUrl,
  objectiveShareImageUrl,
  objectiveUrl,
  PERFORMANCE,
  relazionePdfUrls,
  relazioneUrl,
  SITE_SHARE_IMAGE_URL,
} from '../routes';
import { relazioneParti } from '../view/relazione';
import { csvKeys, jsonKeys, xlsxKeys } from './reconcile-keys';

/**
 * The check at the end of every build: the objectives, fasi and indicatori of content/ are exactly
 * those of the built site: objective pages (and their share images), rows of every JSON, CSV and XLSX
 * file of the open data (all years and each year), entries of the search index and of the sitemap. Any difference is a line in
 * Italian naming the missing (or extra) codes, and the build does not publish.
 */

interface Expected {
  /** codice → anno, url, fasi ids, indicatori ids */
  obiettivi: Map<string, { anno: number; url: string; fasi: string[]; indicatori: string[] }>;
  /**
   * Years with objectives, in order: each has a generated Relazione sulla Performance, a page and a PDF, or
   * one PDF per part when it is printed in `parti` parts.
   */
  relazioni: { anno: number; parti: number }[];
  /** The comune's PDFs of content/performance/documenti/: name → size in bytes, published as they are. */
  documenti: Map<string, number>;
}

export function expectedFrom(content: Content): Expected {
  const obiettivi = new Map<string, { anno: number; url: string; fasi: string[]; indicatori: string[] }>();
  for (const { data } of content.obiettivi)
    obiettivi.set(data.codice, {
      anno: data.anno,
      url: objectiveUrl(data),
      fasi: data.fasi.map((f) => f.id),
      indicatori: data.indicatori.map((i) => i.id),
    });
  const perAnno = Map.groupBy(content.obiettivi, ({ data }) => data.anno);
  const relazioni = [...perAnno.keys()]
    .sort()
    .map((anno) => ({ anno, parti: relazioneParti(perAnno.get(anno)!.map((o) => o.data)).length }));
  const documenti = new Map(content.performance.documenti.map((d) => [d.name, statSync(d.path).size]));
  return { obiettivi, relazioni, documenti };
}

/** The first `length` bytes of a file, as latin1 (a PDF's header, without reading a 5 MB file whole). */
function fileStart(path: string, length: number): string {
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.alloc(length);
    return bytes.subarray(0, readSync(fd, bytes, 0, length, 0)).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/** The Performance section: its pages, the generated Relazioni (page and PDF), the comune's documents. */
function checkPerformance(problems: string[], outDir: string, expected: Expected) {
  const pages = [...Object.values(PERFORMANCE), ...expected.relazioni.map(({ anno }) => relazioneUrl(anno))];
  for (const url of pages)
    if (!existsSync(join(outDir, url, 'index.html')))
      problems.push(`${url}: la pagina della sezione Performance manca`);
  for (const { anno, parti } of expected.relazioni)
    for (const url of relazionePdfUrls(anno, parti)) {
      const rel = url.slice(1);
      const path = join(outDir, rel);
      if (!existsSync(path)) problems.push(`${rel}: il PDF della Relazione sulla Performance ${anno} manca`);
      else if (fileStart(path, 5) !== '%PDF-') problems.push(`${rel}: non è un PDF`);
    }
  for (const [name, size] of expected.documenti) {
    const rel = documentoUrl(name).slice(1);
    const path = join(outDir, rel);
    if (!existsSync(path)) problems.push(`${rel}: il documento di content/performance/documenti/ non è pubblicato`);
    else if (statSync(path).size !== size)
      problems.push(`${rel}: il documento pubblicato è diverso da quello di content/performance/documenti/`);
  }
}

const MAX_NAMED = 20;

function names(list: string[]): string {
  const shown = list.slice(0, MAX_NAMED).join(', ');
  return list.length > MAX_NAMED ? `${shown} e altri ${list.length - MAX_NAMED}` : shown;
}

/** Compares two sets of keys; `what` names them (`obiettivi`, `fasi`), `where` the output checked. */
function compare(problems: string[], where: string, what: string, expected: Set<string>, actual: Set<string>) {
  const missing = [...expected].filter((key) => !actual.has(key)).sort();
  const extra = [...actual].filter((key) => !expected.has(key)).sort();
  if (missing.length > 0) problems.push(`${where}: mancano ${what} ${names(missing)}`);
  if (extra.length > 0) problems.push(`${where}: ci sono ${what} che nei contenuti non esistono: ${names(extra)}`);
}

type Scope = { anno?: number; label: string; dir: string };

/** The path of a built file, or undefined after reporting it missing. */
function builtFile(problems: string[], outDir: string, rel: string): string | undefined {
  const path = join(outDir, rel);
  if (existsSync(path)) return path;
  problems.push(`${rel}: il file manca`);
  return undefined;
}

function readOrReport(problems: string[], outDir: string, rel: string): string | undefined {
  const path = builtFile(problems, outDir, rel);
  return path === undefined ? undefined : readFileSync(path, 'utf8');
}

function keysOfScope(expected: Expected, anno?: number) {
  const obiettivi = new Set<string>();
  const fasi = new Set<string>();
  const indicatori = new Set<string>();
  for (const [codice, o] of expected.obiettivi) {
    if (anno !== undefined && o.anno !== anno) continue;
    obiettivi.add(codice);
    for (const id of o.fasi) fasi.add(`${codice} ${id}`);
    for (const id of o.indicatori) indicatori.add(`${codice} ${id}`);
  }
  return { obiettivi, fasi, indicatori };
}

async function checkJson(problems: string[], outDir: string, expected: Expected, scope: Scope) {
  const rel = `${scope.dir}obiettivi.json`;
  const path = builtFile(problems, outDir, rel);
  if (path === undefined) return;
  const found = await jsonKeys(path);
  if (found === null) {
    problems.push(`${rel}: non è un JSON con l’elenco «obiettivi»`);
    return;
  }
  const obiettivi = new Set(found.obiettivi);
  const want = keysOfScope(expected, scope.anno);
  // An objective missing from the file is one line; its fasi and indicatori are not listed again.
  const present = (key: string) => obiettivi.has(key.slice(0, key.indexOf(' ')));
  want.fasi = new Set([...want.fasi].filter(present));
  want.indicatori = new Set([...want.indicatori].filter(present));
  compare(problems, rel, 'gli obiettivi', want.obiettivi, obiettivi);
  compare(problems, rel, 'le fasi', want.fasi, new Set(found.fasi));
  compare(problems, rel, 'gli indicatori', want.indicatori, new Set(found.indicatori));
}

/** The CSV tables. */
async function checkCsv(problems: string[], outDir: string, expected: Expected, scope: Scope) {
  const want = keysOfScope(expected, scope.anno);
  for (const tabella of TABELLE) {
    const rel = `${scope.dir}${tabella}.csv`;
    const path = builtFile(problems, outDir, rel);
    if (path === undefined) continue;
    const keys = await csvKeys(path, tabella);
    if (keys === null) {
      problems.push(`${rel}: non è un CSV leggibile`);
      continue;
    }
    compare(
      problems,
      rel,
      `le righe di ${tabella === 'obiettivi' ? 'obiettivi' : tabella}`,
      want[tabella],
      new Set(keys),
    );
  }
}

/** The three tables of obiettivi.xlsx, compared like the CSV files (rows keyed by codice, or codice + id). */
async function checkXlsx(problems: string[], outDir: string, expected: Expected, scope: Scope) {
  const rel = `${scope.dir}obiettivi.xlsx`;
  const path = builtFile(problems, outDir, rel);
  if (path === undefined) return;
  const sheets = await xlsxKeys(path);
  if (sheets === null) {
    problems.push(`${rel}: non è un file Excel leggibile`);
    return;
  }
  const want = keysOfScope(expected, scope.anno);
  for (const tabella of TABELLE) {
    const keys = sheets[tabella];
    if (keys === null) {
      problems.push(`${rel}: manca il foglio ${tabella}`);
      continue;
    }
    compare(problems, `${rel} (foglio ${tabella})`, `le righe di ${tabella}`, want[tabella], new Set(keys));
  }
}

/** Objective pages present: obiettivi/<anno>/<slug>/index.html, as URLs. */
function objectivePages(outDir: string): Set<string> {
  const urls = new Set<string>();
  const root = join(outDir, 'obiettivi');
  if (!existsSync(root)) return urls;
  for (const anno of readdirSync(root, { withFileTypes: true })) {
    if (!anno.isDirectory()) continue;
    for (const slug of readdirSync(join(root, anno.name), { withFileTypes: true }))
      if (slug.isDirectory() && existsSync(join(root, anno.name, slug.name, 'index.html')))
        urls.add(`/obiettivi/${anno.name}/${slug.name}/`);
  }
  return urls;
}

/**
 * URLs of the pages in the Pagefind bundles (/pagefind/ and those listed in pagefind/bundles.json): each
 * fragment is gzip of `pagefind_dcd` + JSON with `url`.
 */
function indexedUrls(problems: string[], outDir: string): Set<string> | undefined {
  if (!existsSync(join(outDir, 'pagefind', 'fragment'))) {
    problems.push('pagefind/: l’indice di ricerca manca');
    return undefined;
  }
  const more = readOrReport(problems, outDir, MORE_BUNDLES_FILE);
  const bundles = ['/pagefind/'];
  if (more !== undefined) {
    const listed: unknown = JSON.parse(more);
    if (Array.isArray(listed) && listed.every((path) => typeof path === 'string')) bundles.push(...listed);
    else problems.push(`${MORE_BUNDLES_FILE}: elenco delle parti dell’indice di ricerca illeggibile`);
  }
  const urls = new Set<string>();
  for (const bundle of bundles) {
    const dir = join(outDir, bundle, 'fragment');
    if (!existsSync(dir)) {
      problems.push(`${bundle.slice(1)}: la parte dell’indice di ricerca manca`);
      continue;
    }
    for (const name of readdirSync(dir)) {
      try {
        const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
        urls.add(String((JSON.parse(text.slice(text.indexOf('{'))) as { url: unknown }).url));
      } catch {
        problems.push(`${bundle.slice(1)}fragment/${name}: voce dell’indice di ricerca illeggibile`);
      }
    }
  }
  return urls;
}

/** Paths of the sitemap's <loc> entries (site address removed). */
function sitemapPaths(problems: string[], outDir: string): Set<string> | undefined {
  const text = readOrReport(problems, outDir, 'sitemap.xml');
  if (text === undefined) return undefined;
  return new Set(
    [...text.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => new URL(m[1]!.replaceAll('&amp;', '&')).pathname),
  );
}

/** Every difference between content and the built site, one Italian line each; empty when they agree. */
export async function reconcile(outDir: string, expected: Expected): Promise<string[]> {
  const problems: string[] = [];
  const urlToCodice = new Map([...expected.obiettivi].map(([codice, o]) => [o.url, codice]));
  const codici = (urls: Iterable<string>) => new Set([...urls].map((url) => urlToCodice.get(url) ?? url));
  const allCodici = new Set(expected.obiettivi.keys());

  const pages = codici(objectivePages(outDir));
  compare(problems, 'pagine degli obiettivi', 'le pagine di', allCodici, pages);
  // The og:image of every page: written after the pages (src/lib/outputs/share-image/integration.ts),
  // so checked apart; a missing page is reported above, not once more for its image.
  const shown = [...pages].filter((codice) => expected.obiettivi.has(codice));
  const withImage = shown.filter((codice) =>
    existsSync(join(outDir, objectiveShareImageUrl({ codice, anno: expected.obiettivi.get(codice)!.anno }))),
  );
  compare(problems, 'immagini di anteprima', 'quelle degli obiettivi', new Set(shown), new Set(withImage));
  if (!existsSync(join(outDir, SITE_SHARE_IMAGE_URL)))
    problems.push(`${SITE_SHARE_IMAGE_URL.slice(1)}: l’immagine di anteprima del sito manca`);
  const anni = [...new Set([...expected.obiettivi.values()].map((o) => o.anno))].sort();
  const scopes: Scope[] = [
    { label: 'tutti gli anni', dir: 'opendata/' },
    ...anni.map((anno) => ({ anno, label: String(anno), dir: `opendata/${anno}/` })),
  ];
  for (const scope of scopes) {
    await checkJson(problems, outDir, expected, scope);
    await checkCsv(problems, outDir, expected, scope);
    await checkXlsx(problems, outDir, expected, scope);
  }
  for (const codice of allCodici)
    for (const file of [`${codice}.json`, `${codice}.csv`, `${codice}-fasi.csv`, `${codice}-indicatori.csv`])
      if (!existsSync(join(outDir, 'opendata', 'obiettivi', file)))
        problems.push(`opendata/obiettivi/${file}: il file manca`);

  checkPerformance(problems, outDir, expected);

  const indexed = indexedUrls(problems, outDir);
  if (indexed) compare(problems, 'indice di ricerca (pagefind/)', 'gli obiettivi', allCodici, codici(indexed));
  const sitemap = sitemapPaths(problems, outDir);
  if (sitemap) {
    const listed = [...sitemap].filter((path) => /^\/obiettivi\/\d{4}\/[^/]+\/$/.test(path));
    compare(problems, 'sitemap.xml', 'gli obiettivi', allCodici, codici(listed));
  }
  return problems;
}
