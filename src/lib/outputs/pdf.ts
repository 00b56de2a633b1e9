import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { PERFORMANCE, relazionePdfUrls, relazioneUrl } from '../routes';
import { cacheFile, placeCached, storeCached } from './cache';
import { aptInstall, CHROMIUM_ARGS, findChromium } from './chromium';
import { partElements, partHtml, type PartElement } from './pdf-parts';

/**
 * The Relazione sulla Performance of each year, printed from its built page to a tagged PDF (structure
 * tags for screen readers, bookmarks from the headings, page numbers in the footer), beside the page.
 * Runs on the staging folder after Astro, with no network: every request is answered from that folder.
 * A Relazione too big for one file is printed in parts: its elements name their part in `data-parte`
 * (src/lib/view/relazione.ts `relazioneParti`), and Chromium is served, for each part, the page with only
 * that part's (pdf-parts.ts).
 */

/** The Funzione Pubblica's portal takes PDFs up to 15 MB. */
export const MAX_PDF_BYTES = 15 * 1024 * 1024;

const ORIGIN = 'http://peg.build';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Chromium, installed with apt-get when missing and this is a root Debian machine (as for the tests). */
function chromiumOrThrow(): string {
  let path = findChromium();
  if (!path) {
    aptInstall(['chromium']);
    path = findChromium();
  }
  if (!path)
    throw new Error(
      'per stampare la Relazione sulla Performance in PDF serve Chromium: installalo con `sudo apt-get install -y chromium` oppure indica il suo percorso in CHROME_PATH',
    );
  return path;
}

/**
 * The file of the built site a URL path names, relative to the site's folder with `/` (directories →
 * index.html), or undefined outside it.
 */
function siteRelative(pathname: string): string | undefined {
  const rel = posix.normalize(decodeURIComponent(pathname)).replace(/^\/+/, '');
  if (rel.startsWith('..')) return undefined;
  return rel.endsWith('/') || rel === '' ? posix.join(rel, 'index.html') : rel;
}

/**
 * Makes Chromium's PDF a function of the page alone, so the same commit builds the same bytes: blanks the
 * print time of the document information (CreationDate, ModDate), and renumbers the ids of the tagged
 * structure elements (`/ID (node00000125)`), which come from a renderer-wide counter that varies by a few
 * between runs, in order of first appearance. Every replacement keeps its length, so the
 * cross-reference offsets stay valid.
 */
export function reproduciblePdf(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const blanked = text.replace(/\/(?:CreationDate|ModDate) \(D:[^)]*\)/g, (match) => ' '.repeat(match.length));
  const ids = new Map<string, string>();
  const renumbered = blanked.replace(/\(node(\d+)\)/g, (match: string, digits: string) => {
    let id = ids.get(digits);
    if (id === undefined) {
      id = String(ids.size + 1).padStart(digits.length, '0');
      ids.set(digits, id);
    }
    return id.length === digits.length ? `(node${id})` : match;
  });
  return Buffer.from(renumbered, 'latin1');
}

/** The printed page (A4, the format page.pdf is given) and its margins, in millimetres. */
const PAGE_MM = { width: 210, height: 297 };
const MARGIN_MM = { top: 15, bottom: 18, left: 12, right: 12 };
const mmToCssPx = (mm: number) => Math.round((mm / 25.4) * 96);

/**
 * The window the page is loaded in: the size of the printed page's content area (A4 less the margins, in
 * CSS pixels), so Chromium's layout before printing is already at the printed width.
 */
const PRINT_VIEWPORT = {
  width: mmToCssPx(PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right),
  height: mmToCssPx(PAGE_MM.height - MARGIN_MM.top - MARGIN_MM.bottom),
};

/**
 * The footer, "… – pagina n di N", as a page margin box of the printed document: laid out with the page. The
 * header and footer templates of `page.pdf` cost a document of their own per printed page (≈170 in a part).
 */
function footerStyle(anno: number, parte: number, parti: number): string {
  const title = parti === 1 ? `${anno}` : `${anno}, parte ${parte} di ${parti}`;
  return `@page { @bottom-center { content: "Relazione sulla Performance ${title} – pagina " counter(page) " di " counter(pages); font-size: 8pt; font-family: sans-serif; } }`;
}

/**
 * Runs in the printed page before any of its HTML is parsed: keeps the body out of layout until Chromium
 * prints it (and again after), so the page is not laid out for the screen too before and after printing. The
 * fonts are then loaded explicitly before printing; a file only layout asks for (a CSS background image) is
 * requested when printing starts, and Chromium waits for it (tests/lib/pdf-cache.test.ts).
 */
function hideUntilPrinted(): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('body { display: none !important; }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  addEventListener('beforeprint', () => (sheet.disabled = true));
  addEventListener('afterprint', () => (sheet.disabled = false));
}

/**
 * Bump when printing changes its bytes in a way the module's own source does not show (the source is
 * hashed into the key too, so an edit to the print options, the footer or reproduciblePdf reprints).
 */
export const PRINT_VERSION = 1;

const CACHE_NAMESPACE = 'relazione-pdf';

/** Files of the staging folder a printed page requested: path (relative, `/`) → SHA-256, or null for a 404. */
type Fetched = Record<string, string | null>;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The hash of a file of the staging folder now, in the shape `Fetched` records it. */
function currentHash(outDir: string, rel: string): string | null {
  const path = join(outDir, rel);
  return existsSync(path) && statSync(path).isFile() ? sha256(readFileSync(path)) : null;
}

/**
 * currentHash for the files of `outDir`, each read and hashed once: every part of a year fetched its page (≈15
 * MB at 1,000 objectives) and the same styles, fonts and images, so checking 240 cached parts at 10,000
 * objectives hashed the pages 240 times (≈3.4 CPU s of every warm build). For the cache check only, before
 * anything is printed: the printed files are not among the fetched ones.
 */
function hashesOnce(outDir: string): (rel: string) => string | null {
  const known = new Map<string, string | null>();
  return (rel) => {
    if (!known.has(rel)) known.set(rel, currentHash(outDir, rel));
    return known.get(rel)!;
  };
}

/**
 * Fonts Chromium finds outside the page (the footer's sans-serif, monospace, fallback glyphs) through
 * fontconfig: names, sizes and times of the font folders' files, so a font installed or upgraded reprints.
 */
function systemFontsDigest(): string {
  const hash = createHash('sha256');
  const home = process.env.HOME ?? '';
  for (const dir of [
    '/etc/fonts',
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    join(home, '.fonts'),
    join(home, '.local/share/fonts'),
  ]) {
    let entries: string[];
    try {
      entries = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    } catch {
      continue;
    }
    for (const entry of entries) {
      const info = statSync(join(dir, entry), { throwIfNoEntry: false });
      if (info?.isFile()) hash.update(`${dir}/${entry}\0${info.size}\0${info.mtimeMs}\0`);
    }
  }
  return hash.digest('hex');
}

/**
 * Everything a Relazione PDF depends on besides the page and the files it fetches: this module (version
 * and source), the Chromium build and flags, playwright-core (which turns the options into Chromium's
 * print call) and the system fonts.
 */
function printerKey(executablePath: string): unknown {
  const source = readFileSync(fileURLToPath(import.meta.url));
  const require = createRequire(import.meta.url);
  const playwright = (require('playwright-core/package.json') as { version: string }).version;
  const chromiumVersion = execFileSync(executablePath, ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  return {
    version: PRINT_VERSION,
    source: sha256(source),
    chromium: { executablePath, version: chromiumVersion, args: CHROMIUM_ARGS },
    playwright,
    fonts: systemFontsDigest(),
  };
}

export interface PrintOptions {
  /** Starts the browser; tests count the calls. Chromium from playwright-core by default. */
  launch?: (executablePath: string) => Promise<Browser>;
  /** Size above which a PDF is reported in `oversized` (tests lower it). MAX_PDF_BYTES by default. */
  maxBytes?: number;
}

export interface PrintResult {
  /** The PDFs written into the folder. */
  written: string[];
  /** Years whose every PDF came from the cache. */
  cached: number[];
  /** Years with a PDF printed by Chromium (and stored in the cache). */
  printed: number[];
  /**
   * PDFs over `maxBytes` (a single objective too big for a part), with their year and size: published all
   * the same (the site holds the whole Relazione; content that validates always builds), and named in the
   * build's log, since the portal will refuse the file.
   */
  oversized: { anno: number; file: string; bytes: number }[];
}

/** The Relazione of a year and the number of parts it is printed in (1: one PDF). */
export interface RelazioneDaStampare {
  anno: number;
  parti: number;
}

/**
 * The Relazioni the built site holds: each year's page under /performance/relazione/, in parts when it marks
 * them. Printing takes them from the pages, so the build need not hold content/ in memory beside Chromium;
 * reconciliation then checks every PDF against the parts content/ calls for. Content never forges a
 * `data-parte="` in the HTML: its quotes are escaped in text and in attributes alike.
 */
export function relazioniOnSite(outDir: string): RelazioneDaStampare[] {
  const folder = join(outDir, PERFORMANCE.relazione);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => /^\d{4}$/.test(name) && existsSync(join(folder, name, 'index.html')))
    .map(Number)
    .sort((a, b) => a - b)
    .map((anno) => {
      const html = readFileSync(join(outDir, siteRelative(relazioneUrl(anno))!), 'utf8');
      const parti = new Set([...html.matchAll(/ data-parte="(\d+)"/g)].map((match) => match[1])).size;
      return { anno, parti: Math.max(parti, 1) };
    });
}

/**
 * The cached PDF of a year, placed at `target`, when the cache holds one printed from this same HTML whose
 * every other fetched file is unchanged: then Chromium would make the same requests and get the same bytes.
 */
async function placeFromCache(
  hashOf: (rel: string) => string | null,
  entryKey: unknown,
  target: string,
): Promise<boolean> {
  try {
    const manifest = await cacheFile(CACHE_NAMESPACE, entryKey, { ext: 'json' });
    const fetched = JSON.parse(await readFile(manifest, 'utf8')) as Fetched;
    for (const [rel, hash] of Object.entries(fetched)) if (hashOf(rel) !== hash) return false;
    return await placeCached(await cacheFile(CACHE_NAMESPACE, [entryKey, fetched], { ext: 'pdf' }), target);
  } catch {
    return false; // no entry, or a cache that cannot be read: print
  }
}

/** Stores the printed PDF and the list of files its page fetched; writes the PDF at `target` in any case. */
async function storeInCache(entryKey: unknown, fetched: Fetched, pdf: Buffer, target: string): Promise<void> {
  try {
    const pdfFile = await cacheFile(CACHE_NAMESPACE, [entryKey, fetched], { ext: 'pdf' });
    // The PDF first: a manifest is never left pointing at nothing.
    if (
      (await storeCached(pdfFile, pdf)) &&
      (await storeCached(
        await cacheFile(CACHE_NAMESPACE, entryKey, { ext: 'json' }),
        Buffer.from(JSON.stringify(fetched)),
      )) &&
      (await placeCached(pdfFile, target))
    )
      return;
  } catch {
    // A cache that cannot be used costs the next build a print, not this one its PDF.
  }
  await writeFile(target, pdf);
}

/**
 * Prints /performance/relazione/<anno>/ of `outDir` to its PDFs for each year. A PDF whose page and every
 * file the page loads are unchanged since a cached print (PEG_CACHE_DIR) comes from the cache; Chromium is
 * launched only when some PDF must be printed.
 */
export async function printRelazioni(
  outDir: string,
  relazioni: readonly RelazioneDaStampare[],
  options: PrintOptions = {},
): Promise<PrintResult> {
  const result: PrintResult = { written: [], cached: [], printed: [], oversized: [] };
  if (relazioni.length === 0) return result;
  const executablePath = chromiumOrThrow();
  const printer = printerKey(executablePath);
  const toPrint: { anno: number; parti: number; missing: { parte: number; entryKey: unknown; target: string }[] }[] =
    [];
  const hashOf = hashesOnce(outDir);
  for (const { anno, parti } of relazioni) {
    const html = hashOf(siteRelative(relazioneUrl(anno))!);
    const missing = [];
    for (const [index, url] of relazionePdfUrls(anno, parti).entries()) {
      const parte = index + 1;
      const entryKey = [CACHE_NAMESPACE, printer, anno, parte, parti, html];
      const target = join(outDir, url);
      if (await placeFromCache(hashOf, entryKey, target)) result.written.push(target);
      else missing.push({ parte, entryKey, target });
    }
    if (missing.length === 0) result.cached.push(anno);
    else toPrint.push({ anno, parti, missing });
  }
  if (toPrint.length === 0) return withOversized(outDir, relazioni, result, options.maxBytes);

  // playwright-core is loaded only to print: a build whose PDFs all come from the cache never needs it.
  const launch =
    options.launch ??
    (async (path: string) =>
      (await import('playwright-core')).chromium.launch({ executablePath: path, args: CHROMIUM_ARGS }));
  const browser = await launch(executablePath);
  try {
    const context = await browser.newContext({ offline: false, viewport: PRINT_VIEWPORT });
    for (const { anno, parti, missing } of toPrint) {
      // A page of its own per year, so each list holds exactly what its page fetched.
      const page = await context.newPage();
      const fetched: Fetched = {};
      const pageFile = siteRelative(relazioneUrl(anno))!;
      // In parts: the page's HTML, its part elements, and the part being printed.
      let inParts: { html: string; elements: PartElement[]; parte: number } | undefined;
      if (parti > 1) {
        const html = readFileSync(join(outDir, pageFile), 'utf8');
        const elements = await partElements(html).catch((error: Error) => {
          throw new Error(`${pageFile}: ${error.message}`);
        });
        // The tokenizer must find whole the parts the quick scan counted (relazioniOnSite): a part missing or
        // cut short is a bug of the page, never a PDF short of objectives.
        const numbers = new Set(elements.map((element) => element.parte));
        if (numbers.size !== parti || [...numbers].some((parte) => parte > parti))
          throw new Error(`${pageFile}: la pagina è divisa in ${numbers.size} parti, la stampa ne attende ${parti}`);
        inParts = { html, elements, parte: 0 };
      }
      await page.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        const rel = url.origin === ORIGIN ? siteRelative(url.pathname) : undefined;
        const file = rel === undefined ? undefined : join(outDir, rel);
        const body = file && existsSync(file) && statSync(file).isFile() ? readFileSync(file) : undefined;
        if (rel !== undefined) fetched[rel] = body ? sha256(body) : null;
        if (!file || !body) return route.fulfill({ status: 404, body: '' });
        const contentType = TYPES[extname(file)] ?? 'application/octet-stream';
        if (inParts && rel === pageFile)
          return route.fulfill({
            status: 200,
            body: partHtml(inParts.html, inParts.elements, inParts.parte),
            contentType,
          });
        return route.fulfill({ status: 200, body, contentType });
      });
      await page.emulateMedia({ media: 'print' });
      await page.addInitScript(hideUntilPrinted);
      for (const { parte, entryKey, target } of missing) {
        if (inParts) inParts.parte = parte;
        // Loaded again for each part: Chromium only ever holds one part's HTML.
        await page.goto(`${ORIGIN}${relazioneUrl(anno)}`, { waitUntil: 'load' });
        await page.evaluate(
          async (style) => {
            const sheet = new CSSStyleSheet();
            sheet.replaceSync(style);
            document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
            // A font that fails to load prints in the fallback, as a page on screen would show it.
            await Promise.allSettled([...document.fonts].map((font) => font.load()));
            await document.fonts.ready;
          },
          footerStyle(anno, parte, parti),
        );
        const pdf = reproduciblePdf(
          await page.pdf({
            format: 'A4',
            printBackground: true,
            tagged: true,
            outline: true,
            margin: {
              top: `${MARGIN_MM.top}mm`,
              bottom: `${MARGIN_MM.bottom}mm`,
              left: `${MARGIN_MM.left}mm`,
              right: `${MARGIN_MM.right}mm`,
            },
          }),
        );
        // The renderer is left to collect the documents of the parts printed before when it is idle, which
        // printing one part after another hardly lets it be: collected now, its peak is one part's. A session
        // for the call only: one kept open for the year made each part cost ≈0.7 CPU s more, not ≈0.25.
        const devtools = await context.newCDPSession(page);
        await devtools.send('HeapProfiler.collectGarbage');
        await devtools.detach();
        await storeInCache(entryKey, fetched, pdf, target);
        result.written.push(target);
      }
      await page.close();
      result.printed.push(anno);
    }
  } finally {
    await browser.close();
  }
  return withOversized(outDir, relazioni, result, options.maxBytes);
}

/** `result` with the published PDFs, printed or from the cache, that are over `maxBytes`. */
function withOversized(
  outDir: string,
  relazioni: readonly RelazioneDaStampare[],
  result: PrintResult,
  maxBytes = MAX_PDF_BYTES,
): PrintResult {
  for (const { anno, parti } of relazioni)
    for (const url of relazionePdfUrls(anno, parti)) {
      const bytes = statSync(join(outDir, url)).size;
      if (bytes > maxBytes) result.oversized.push({ anno, file: url, bytes });
    }
  return result;
}
