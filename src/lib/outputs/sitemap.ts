import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { escapeXml } from './feed';

/**
 * sitemap.xml from the built pages themselves, so every page is listed whoever added it. Sorted paths,
 * no dates: the same dist/ gives the same sitemap. Pages that must not be listed: the 404 page, the
 * form editor (/admin/, for the office only) and the search index folder.
 */
const EXCLUDED = new Set(['404.html', 'admin/index.html']);

/** Canonical paths (`/obiettivi/2020/`) of the HTML pages below `outDir`, sorted. */
export function builtPagePaths(outDir: string): string[] {
  const paths: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind' && entry.name !== '_astro') walk(path);
      } else if (entry.name.endsWith('.html')) {
        const rel = relative(outDir, path).split(sep).join('/');
        if (EXCLUDED.has(rel)) continue;
        paths.push(`/${rel.replace(/(^|\/)index\.html$/, '$1')}`);
      }
    }
  };
  walk(outDir);
  return paths.sort();
}

export function sitemapXml(site: string, paths: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...paths.map((path) => `  <url><loc>${escapeXml(new URL(path, site).href)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
}
