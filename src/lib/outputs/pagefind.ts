import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the search index leaves out, for every page: UI labels and chrome, so that result snippets quote the
 * content ("Numero di pacchi consegnati") and never glued labels ("TipoEFFICACIA", "Codice2020_S08_00").
 * Components mark their own labels with data-pagefind-ignore; these selectors cover the kinds of element
 * that are labels wherever they appear, including components added later.
 */
export const PAGEFIND_EXCLUDE_SELECTORS = [
  // Term of a definition list (Tipo, Direzione, Codice …): the value in <dd> stays searchable.
  'dt',
  // Column headers and table captions of data tables.
  'thead',
  'caption',
  // The id badge before a fase or indicator title: results already say "Indicatore I02:".
  '.item-id',
  // "Copia link all’indicatore I01" after every item.
  '.copy-link',
  // Drawn charts (their summary sentence and data table carry the content).
  '.chart-box',
  'svg',
  // "Dettagli di I01": the label of an indicator's folded facts.
  '.ind-details > summary',
  // How the figures are computed: the same paragraphs on every objective page, so every page matched them.
  '.peg-method',
  // The indicators' overview chart: its counts and its table repeat, as labels, the grado and esito
  // that each indicator block below carries in words.
  '#indicatori > .chart-figure',
];

/** Pages that mark their searchable region; Pagefind indexes only those once any page has one. */
const BODY_MARK = Buffer.from('data-pagefind-body');

/**
 * Pages per Pagefind bundle. Pagefind holds a whole bundle in memory and builds it at the end (several
 * copies of every page's words), so its memory grows with the pages of one bundle, not with the site:
 * ≈0.4 GB per 1,000 objective pages (docs/benchmarks.md). The search page merges the bundles.
 */
export const PAGES_PER_BUNDLE = 2000;

/** The first bundle is /pagefind/ (its pagefind.js is the one the search page loads); the others follow. */
export function bundleDir(n: number): string {
  return n === 0 ? 'pagefind' : `pagefind/${n + 1}`;
}

/** URL paths of the bundles after the first, which the search page merges (src/client/search.ts). */
export const MORE_BUNDLES_FILE = 'pagefind/bundles.json';

/** The file of a built page, by its path as builtPagePaths gives it. */
function builtPageFile(outDir: string, url: string): string {
  return join(outDir, url.endsWith('/') ? `${url}index.html` : url);
}

/** The HTML of a built page, by its path as builtPagePaths gives it. */
export function readBuiltPage(outDir: string, url: string): string {
  return readFileSync(builtPageFile(outDir, url), 'utf8');
}

/**
 * Built page paths (as builtPagePaths gives them) whose HTML carries data-pagefind-body, with that HTML's
 * bytes: the search index only hashes them, and decoding ≈1 GB of pages into strings at 10,000 objectives,
 * to encode them again for the hash, cost seconds of every build (docs/benchmarks.md).
 */
export function* searchablePages(outDir: string, paths: readonly string[]): Generator<{ url: string; html: Buffer }> {
  for (const url of paths) {
    const html = readFileSync(builtPageFile(outDir, url));
    if (html.includes(BODY_MARK)) yield { url, html };
  }
}
