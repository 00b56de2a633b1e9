import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { scanInlineCode } from '../../outputs/csp/scan';

export interface DistStats {
  files: number;
  bytes: number;
  htmlPages: number;
  /** Page type → gzip bytes of the JavaScript and CSS one page of that type loads (files + inline). */
  weight: Record<string, { js_gzip_kb: number; css_gzip_kb: number; html_gzip_kb: number }>;
}

/** Page types by URL (docs/contract.md §3): one sample page of each is weighed. */
export function pageType(path: string): string {
  if (path === '/') return 'home';
  if (/^\/obiettivi\/\d{4}\/[^/]+\/$/.test(path)) return 'obiettivo';
  if (/^\/obiettivi\/\d{4}\/$/.test(path)) return 'anno';
  return path.split('/')[1] || 'altro';
}

const gzipKb = (data: string | Buffer) => Math.round((gzipSync(data, { level: 9 }).length / 1024) * 10) / 10;

function weigh(outDir: string, html: string) {
  const read = (url: string) => {
    try {
      return readFileSync(join(outDir, url.split(/[?#]/)[0]!));
    } catch {
      return Buffer.alloc(0); // an external or missing asset weighs nothing here; the e2e tests catch those
    }
  };
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="(\/[^"]+)"/g)].map((m) => read(m[1]!));
  const styles = [
    ...html.matchAll(
      /<link\b[^>]*\brel="stylesheet"[^>]*\bhref="(\/[^"]+)"|<link\b[^>]*\bhref="(\/[^"]+)"[^>]*\brel="stylesheet"/g,
    ),
  ].map((m) => read((m[1] ?? m[2])!));
  const inline = scanInlineCode(html);
  return {
    js_gzip_kb: gzipKb(Buffer.concat([...scripts, Buffer.from(inline.scripts.join(''))])),
    css_gzip_kb: gzipKb(Buffer.concat([...styles, Buffer.from(inline.styles.join(''))])),
    html_gzip_kb: gzipKb(html),
  };
}

/** Size of a built site and the script and style weight of each page type. */
export function distStats(outDir: string): DistStats {
  const entries = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const stats: DistStats = { files: entries.length, bytes: 0, htmlPages: 0, weight: {} };
  for (const entry of entries) {
    const file = join(entry.parentPath, entry.name);
    stats.bytes += statSync(file).size;
    if (!entry.name.endsWith('.html')) continue;
    stats.htmlPages++;
    const path =
      '/' +
      relative(outDir, file)
        .split(sep)
        .join('/')
        .replace(/(^|\/)index\.html$/, '$1');
    const type = pageType(path);
    // Weigh the first page of each type only: reading 10,000 pages to learn one number is waste.
    if (!(type in stats.weight)) stats.weight[type] = weigh(outDir, readFileSync(file, 'utf8'));
  }
  return stats;
}
