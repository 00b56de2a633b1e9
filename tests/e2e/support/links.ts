import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Internal link check over a built site, file-level (no server): every href/src/action in every HTML
 * page, and every <loc> of sitemap.xml, must name a file in the output folder; `#fragment` links must
 * name an id of the target page. Links to `site` (the public address) count as internal.
 */

function htmlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) htmlFiles(path, out);
    else if (name.endsWith('.html')) out.push(path);
  }
  return out;
}

const ATTRIBUTE = /<(?:a|link|script|img|source|form|iframe)\b[^>]*?\s(?:href|src|action)="([^"]*)"/g;
const decode = (text: string) => text.replaceAll('&amp;', '&').replaceAll('&#38;', '&');

/** File of a path in the output folder, or null: `/a/` → a/index.html, `/a.csv` → a.csv. */
function fileOf(outDir: string, pathname: string): string | null {
  const path = join(outDir, decodeURIComponent(pathname));
  const candidate = pathname.endsWith('/') ? join(path, 'index.html') : path;
  return existsSync(candidate) && statSync(candidate).isFile() ? candidate : null;
}

export function brokenLinks(outDir: string, site: string): string[] {
  const origin = new URL(site).origin;
  const problems: string[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!));
      ids.set(file, set);
    }
    return set;
  };
  const check = (from: string, raw: string, base: URL) => {
    if (/^(mailto|tel|data|javascript):/i.test(raw)) return;
    const url = new URL(decode(raw), base);
    if (url.origin !== base.origin) return;
    const file = fileOf(outDir, url.pathname);
    if (!file) return problems.push(`${from} → ${raw}: nessun file ${url.pathname}`);
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && file.endsWith('.html') && !idsOf(file).has(fragment)) {
      problems.push(`${from} → ${raw}: nessun id "${fragment}"`);
    }
  };
  for (const file of htmlFiles(outDir)) {
    const rel = relative(outDir, file).split(sep).join('/');
    if (rel.startsWith('pagefind/')) continue;
    const path = `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
    const base = new URL(path, origin);
    for (const match of readFileSync(file, 'utf8').matchAll(ATTRIBUTE)) check(path, match[1]!, base);
  }
  const sitemap = join(outDir, 'sitemap.xml');
  if (!existsSync(sitemap)) problems.push('sitemap.xml mancante');
  else
    for (const match of readFileSync(sitemap, 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g))
      check('/sitemap.xml', match[1]!, new URL(origin));
  return problems;
}

/** Paths of the HTML pages of a built site (to compare with the sitemap). */
export function pagePaths(outDir: string): string[] {
  return (
    htmlFiles(outDir)
      .map((file) => relative(outDir, file).split(sep).join('/'))
      // The form editor (/admin/) is for the office, not listed (src/lib/outputs/sitemap.ts).
      .filter((rel) => !rel.startsWith('pagefind/') && rel !== '404.html' && rel !== 'admin/index.html')
      .map((rel) => `/${rel.replace(/(^|\/)index\.html$/, '$1')}`)
      .sort()
  );
}
