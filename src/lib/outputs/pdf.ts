import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { relazionePdfUrl, relazioneUrl } from '../routes';
import { aptInstall, CHROMIUM_ARGS, findChromium } from './chromium';

/**
 * The Relazione sulla Performance of each year, printed from its built page to a tagged PDF (structure
 * tags for screen readers, bookmarks from the headings, page numbers in the footer), beside the page.
 * Runs on the staging folder after Astro, with no network: every request is answered from that folder.
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

/** The file of the built site a URL path names (directories → index.html), or undefined outside it. */
function fileFor(outDir: string, pathname: string): string | undefined {
  const rel = normalize(decodeURIComponent(pathname)).replace(/^[/\\]+/, '');
  if (rel.startsWith('..')) return undefined;
  const path = join(outDir, rel.endsWith(sep) || rel === '' ? join(rel, 'index.html') : rel);
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
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

function footer(anno: number): string {
  // Chromium renders the footer template in its own page: inline styles are the only way to size it.
  return `<div style="font-size:8pt;width:100%;text-align:center;font-family:sans-serif">Relazione sulla Performance ${anno} – pagina <span class="pageNumber"></span> di <span class="totalPages"></span></div>`;
}

/** Prints /performance/relazione/<anno>/ of `outDir` to its PDF for each year; returns the files written. */
export async function printRelazioni(outDir: string, anni: readonly number[]): Promise<string[]> {
  if (anni.length === 0) return [];
  const browser: Browser = await chromium.launch({ executablePath: chromiumOrThrow(), args: CHROMIUM_ARGS });
  const written: string[] = [];
  try {
    const context = await browser.newContext({ offline: false });
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      const file = url.origin === ORIGIN ? fileFor(outDir, url.pathname) : undefined;
      if (!file) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({
        status: 200,
        body: readFileSync(file),
        contentType: TYPES[extname(file)] ?? 'application/octet-stream',
      });
    });
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    for (const anno of anni) {
      await page.goto(`${ORIGIN}${relazioneUrl(anno)}`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const pdf = reproduciblePdf(
        await page.pdf({
          format: 'A4',
          printBackground: true,
          tagged: true,
          outline: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: footer(anno),
          margin: { top: '15mm', bottom: '18mm', left: '12mm', right: '12mm' },
        }),
      );
      if (pdf.length > MAX_PDF_BYTES)
        throw new Error(
          `la Relazione sulla Performance ${anno} in PDF pesa ${(pdf.length / 1048576).toFixed(1)} MB, oltre i 15 MB accettati dal portale della Funzione Pubblica`,
        );
      const path = join(outDir, relazionePdfUrl(anno));
      writeFileSync(path, pdf);
      written.push(path);
    }
  } finally {
    await browser.close();
  }
  return written;
}
