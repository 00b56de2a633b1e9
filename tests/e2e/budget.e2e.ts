import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load';
import { slugFromCodice } from '../../src/lib/derived/slugs';

/**
 * Weight budget of docs/contract.md §5 on the heaviest objective page of the shipped content
 * (most indicators, hence most charts): JavaScript ≤ 70 KB and CSS ≤ 60 KB gzip, counting every
 * file the page loads, including modules imported by its scripts.
 */
const KB = 1024;

function heaviestObjectivePath(): string {
  const { obiettivi } = loadContent('content');
  const heaviest = [...obiettivi].sort((a, b) => b.data.indicatori.length - a.data.indicatori.length)[0];
  if (!heaviest) throw new Error('budget: no objectives in content/');
  return `obiettivi/${heaviest.data.anno}/${slugFromCodice(heaviest.data.codice)}/index.html`;
}

/** Site paths of the files a page loads, following static and dynamic imports between modules. */
function loadedFiles(outDir: string, html: string) {
  const css = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const js = new Set([...html.matchAll(/<script\b[^>]*src="([^"]+)"/g)].map((m) => m[1]!));
  for (const file of js) {
    const source = readFileSync(join(outDir, file), 'utf8');
    for (const [, spec] of source.matchAll(/(?:import|from)\s*\(?\s*["']([^"']+\.js)["']/g)) {
      js.add(spec!.startsWith('/') ? spec! : posix.join(posix.dirname(file), spec!));
    }
  }
  return { css, js: [...js] };
}

const gzip = (outDir: string, files: string[]) =>
  files.reduce((total, file) => total + gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length, 0);

describe('weight of the heaviest objective page', () => {
  const outDir = inject('outDir');
  const page = heaviestObjectivePath();
  const html = readFileSync(join(outDir, page), 'utf8');
  const files = loadedFiles(outDir, html);

  it('loads at most 70 KB gzip of JavaScript in all', () => {
    expect(files.js.length).toBeGreaterThan(0);
    const bytes = gzip(outDir, files.js);
    console.log(`${dirname(page)}: JavaScript ${(bytes / KB).toFixed(1)} KB gzip in ${files.js.length} files`);
    expect(bytes).toBeLessThanOrEqual(70 * KB);
  });

  it('loads at most 60 KB gzip of CSS in all', () => {
    expect(files.css.length).toBeGreaterThan(0);
    const bytes = gzip(outDir, files.css);
    console.log(`${dirname(page)}: CSS ${(bytes / KB).toFixed(1)} KB gzip in ${files.css.length} files`);
    expect(bytes).toBeLessThanOrEqual(60 * KB);
  });
});
