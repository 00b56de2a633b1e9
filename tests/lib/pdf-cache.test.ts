import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { CHROMIUM_ARGS } from '../../src/lib/outputs/chromium';
import { printRelazioni, relazioniOnSite } from '../../src/lib/outputs/pdf';
import { tempCacheDir, tempDir } from '../support/temp';

/** The Relazione PDF cache against the real Chromium, on a one-page site whose CSS loads a web font. */

const cacheDir = tempCacheDir('peg-pdf-cache-');
const fonts = join(process.cwd(), 'node_modules/@fontsource/titillium-web/files');
const PDF_SOURCE = fileURLToPath(new URL('../../src/lib/outputs/pdf.ts', import.meta.url));

function site(): string {
  const dir = tempDir('peg-pdf-site-');
  mkdirSync(join(dir, 'performance/relazione/2020'), { recursive: true });
  mkdirSync(join(dir, '_astro'));
  writeFileSync(
    join(dir, 'performance/relazione/2020/index.html'),
    '<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Relazione 2020</title><link rel="stylesheet" href="/_astro/stile.css"></head><body><h1>Relazione sulla Performance 2020</h1><p>Testo.</p><img src="/logo.svg" alt="Logo"><img src="/manca.png" alt=""></body></html>',
  );
  writeFileSync(
    join(dir, '_astro/stile.css'),
    "@font-face{font-family:T;src:url(/_astro/t.woff2) format('woff2')}body{font-family:T,serif;color:#222}",
  );
  copyFileSync(join(fonts, 'titillium-web-latin-400-normal.woff2'), join(dir, '_astro/t.woff2'));
  writeFileSync(
    join(dir, 'logo.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><rect width="20" height="20" fill="#06c"/></svg>',
  );
  return dir;
}

/** Chromium as the build starts it, counted. */
const launcher = () => vi.fn((executablePath: string) => chromium.launch({ executablePath, args: CHROMIUM_ARGS }));

const pdfOf = (dir: string) => readFileSync(join(dir, 'performance/relazione/2020/relazione-performance-2020.pdf'));
const YEAR_2020 = [{ anno: 2020, parti: 1 }];

/** A Relazione page in two parts, as src/pages/performance/relazione/[anno]/ marks one. */
function siteInParts(): string {
  const dir = site();
  writeFileSync(
    join(dir, 'performance/relazione/2020/index.html'),
    `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Relazione 2020</title></head><body>
<h1>Relazione sulla Performance 2020</h1>
<p hidden data-parte="1">Nota della prima parte.</p><p hidden data-parte="2">Nota della seconda parte.</p>
<section data-parte="1"><h2>Sintesi</h2></section>
<article data-parte="1"><h3>Obiettivo ALFA</h3></article>
<article data-parte="2"><h3>Obiettivo BETA</h3></article>
<table><caption>Scostamenti</caption><tr data-parte="1"><td>scostamento ALFA</td></tr><tr data-parte="2"><td>scostamento BETA</td></tr></table>
<div data-parte="2"><h2>Metodo</h2></div>
</body></html>`,
  );
  return dir;
}
const textOf = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });

describe('printRelazioni with the cache', () => {
  it('reuses the cached PDF of an unchanged page without launching Chromium, with the bytes of a fresh print', async () => {
    const dir = site();
    const launch = launcher();
    expect(await printRelazioni(dir, YEAR_2020, { launch })).toMatchObject({ printed: [2020], cached: [] });
    expect(launch).toHaveBeenCalledTimes(1);
    const printed = pdfOf(dir);
    expect(printed.subarray(0, 5).toString()).toBe('%PDF-');

    // The next build: a new staging folder with the same files.
    const again = site();
    expect(await printRelazioni(again, YEAR_2020, { launch })).toMatchObject({ printed: [], cached: [2020] });
    expect(launch).toHaveBeenCalledTimes(1);
    expect(pdfOf(again).equals(printed)).toBe(true);

    // A print with no cache makes the same bytes the cache served.
    vi.stubEnv('PEG_CACHE_DIR', tempDir('peg-pdf-fresh-'));
    const fresh = site();
    expect(await printRelazioni(fresh, YEAR_2020, { launch })).toMatchObject({ printed: [2020] });
    expect(pdfOf(fresh).equals(printed)).toBe(true);
  });

  it('publishes a PDF over the portal’s limit and reports it, printed or from the cache', async () => {
    const dir = site();
    const printed = await printRelazioni(dir, YEAR_2020, { launch: launcher() });
    const bytes = pdfOf(dir).length;
    expect(printed.oversized).toEqual([]);
    const limit = { launch: launcher(), maxBytes: bytes - 1 };
    expect(await printRelazioni(site(), YEAR_2020, limit)).toMatchObject({
      cached: [2020],
      oversized: [{ anno: 2020, bytes }],
    });
    vi.stubEnv('PEG_CACHE_DIR', tempDir('peg-pdf-oversized-'));
    const fresh = site();
    expect(await printRelazioni(fresh, YEAR_2020, limit)).toMatchObject({
      printed: [2020],
      oversized: [{ anno: 2020, bytes }],
    });
    expect(pdfOf(fresh).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('prints the image a stylesheet shows as a background, which the page asks for only when printed', async () => {
    const dir = site();
    writeFileSync(
      join(dir, '_astro/stile.css'),
      '.bandiera{width:40px;height:40px;background:url(/sfondo.png) center/cover}body{color:#222}',
    );
    writeFileSync(
      join(dir, 'performance/relazione/2020/index.html'),
      '<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Relazione 2020</title><link rel="stylesheet" href="/_astro/stile.css"></head><body><h1>Relazione sulla Performance 2020</h1><div class="bandiera"></div></body></html>',
    );
    const png = await sharp({ create: { width: 7, height: 5, channels: 3, background: '#c00' } })
      .png()
      .toBuffer();
    writeFileSync(join(dir, 'sfondo.png'), png);
    await printRelazioni(dir, YEAR_2020, { launch: launcher() });
    const images = execFileSync(
      'pdfimages',
      ['-list', join(dir, 'performance/relazione/2020/relazione-performance-2020.pdf')],
      {
        encoding: 'utf8',
      },
    );
    expect(images).toMatch(/^\s*1\s+\d+\s+image\s/m);
  });

  it('prints a Relazione in parts, each PDF with its part only, from one launch and then from the cache', async () => {
    const dir = siteInParts();
    const launch = launcher();
    const parti = [{ anno: 2020, parti: 2 }];
    const result = await printRelazioni(dir, parti, { launch });
    const files = [1, 2].map((n) => join(dir, `performance/relazione/2020/relazione-performance-2020-parte-${n}.pdf`));
    expect(result).toMatchObject({ written: files, printed: [2020], cached: [], oversized: [] });
    expect(readdirSync(join(dir, 'performance/relazione/2020')).sort()).toEqual([
      'index.html',
      'relazione-performance-2020-parte-1.pdf',
      'relazione-performance-2020-parte-2.pdf',
    ]);
    const [first, second] = files.map(textOf);
    const parts = [
      {
        text: first!,
        own: ['prima parte', 'Sintesi', 'Obiettivo ALFA', 'scostamento ALFA'],
        other: /BETA|Metodo|seconda/,
      },
      {
        text: second!,
        own: ['seconda parte', 'Obiettivo BETA', 'scostamento BETA', 'Metodo'],
        other: /ALFA|Sintesi|prima/,
      },
    ];
    for (const [index, { text, own, other }] of parts.entries()) {
      expect(text).toContain(`Relazione sulla Performance 2020, parte ${index + 1} di 2 – pagina 1 di 1`);
      for (const words of own) expect(text).toContain(words);
      expect(text).not.toMatch(other);
    }
    expect(launch).toHaveBeenCalledTimes(1);

    const again = siteInParts();
    expect(await printRelazioni(again, parti, { launch })).toMatchObject({ printed: [], cached: [2020] });
    expect(launch).toHaveBeenCalledTimes(1);
    for (const [index, file] of files.entries())
      expect(readFileSync(file.replace(dir, again)).equals(readFileSync(files[index]!))).toBe(true);
  });

  it('finds the Relazioni on the built site, in parts where the page marks them', () => {
    const one = site();
    mkdirSync(join(one, 'performance/relazione/2019'));
    writeFileSync(join(one, 'performance/relazione/index.html'), '<p>elenco</p>');
    expect(relazioniOnSite(one)).toEqual([{ anno: 2020, parti: 1 }]);
    expect(relazioniOnSite(siteInParts())).toEqual([{ anno: 2020, parti: 2 }]);
    expect(relazioniOnSite(tempDir('peg-pdf-empty-'))).toEqual([]);
  });

  it('refuses to print a page whose parts are not the ones expected', async () => {
    await expect(printRelazioni(siteInParts(), [{ anno: 2020, parti: 3 }], { launch: launcher() })).rejects.toThrow(
      'performance/relazione/2020/index.html: la pagina è divisa in 2 parti, la stampa ne attende 3',
    );
    const cut = siteInParts();
    const page = join(cut, 'performance/relazione/2020/index.html');
    writeFileSync(
      page,
      readFileSync(page, 'utf8').replace('<h3>Obiettivo BETA</h3></article>', '<h3>Obiettivo BETA</h3>'),
    );
    await expect(printRelazioni(cut, [{ anno: 2020, parti: 2 }], { launch: launcher() })).rejects.toThrow(
      'performance/relazione/2020/index.html: <article data-parte="2"> non ha il tag di chiusura',
    );
  });

  it('lists every file the page fetched, the font loaded by the CSS and a missing image included', async () => {
    await printRelazioni(site(), YEAR_2020, { launch: launcher() });
    const manifests = readdirSync(join(cacheDir(), 'relazione-pdf')).filter((name) => name.endsWith('.json'));
    expect(manifests).toHaveLength(1);
    const fetched = JSON.parse(readFileSync(join(cacheDir(), 'relazione-pdf', manifests[0]!), 'utf8')) as Record<
      string,
      string | null
    >;
    expect(Object.keys(fetched).sort()).toEqual(
      ['_astro/stile.css', '_astro/t.woff2', 'logo.svg', 'manca.png', 'performance/relazione/2020/index.html'].sort(),
    );
    expect(fetched['manca.png']).toBeNull();
  });

  const changes: [string, (dir: string) => void][] = [
    [
      'the HTML',
      (dir) =>
        writeFileSync(
          join(dir, 'performance/relazione/2020/index.html'),
          readFileSync(join(dir, 'performance/relazione/2020/index.html'), 'utf8').replace('Testo.', 'Testo cambiato.'),
        ),
    ],
    [
      'the CSS',
      (dir) =>
        writeFileSync(
          join(dir, '_astro/stile.css'),
          readFileSync(join(dir, '_astro/stile.css'), 'utf8').replace('#222', '#000'),
        ),
    ],
    [
      'the font the CSS loads',
      (dir) => copyFileSync(join(fonts, 'titillium-web-latin-700-normal.woff2'), join(dir, '_astro/t.woff2')),
    ],
    ['a file that was missing', (dir) => copyFileSync(join(dir, 'logo.svg'), join(dir, 'manca.png'))],
  ];
  it.each(changes)('prints again when %s changes', async (_what, change) => {
    const launch = launcher();
    await printRelazioni(site(), YEAR_2020, { launch });
    const changed = site();
    change(changed);
    expect(await printRelazioni(changed, YEAR_2020, { launch })).toMatchObject({ printed: [2020], cached: [] });
    expect(launch).toHaveBeenCalledTimes(2);
    // The new print is cached too.
    expect(await printRelazioni(changed, YEAR_2020, { launch })).toMatchObject({ cached: [2020] });
    expect(launch).toHaveBeenCalledTimes(2);
  });

  it('prints again when the printing code changes', async () => {
    const launch = launcher();
    await printRelazioni(site(), YEAR_2020, { launch });
    vi.resetModules();
    vi.doMock('node:fs', async (importOriginal) => {
      const fs = await importOriginal<typeof import('node:fs')>();
      const readFile = ((path: unknown, ...rest: unknown[]) =>
        path === PDF_SOURCE
          ? Buffer.concat([fs.readFileSync(PDF_SOURCE), Buffer.from('\n// edited\n')])
          : (fs.readFileSync as (...args: unknown[]) => unknown)(path, ...rest)) as typeof fs.readFileSync;
      return { ...fs, default: { ...fs, readFileSync: readFile }, readFileSync: readFile };
    });
    try {
      const edited = await import('../../src/lib/outputs/pdf');
      expect(await edited.printRelazioni(site(), YEAR_2020, { launch })).toMatchObject({ printed: [2020], cached: [] });
      expect(launch).toHaveBeenCalledTimes(2);
    } finally {
      vi.doUnmock('node:fs');
      vi.resetModules();
    }
  });

  it('still prints when the cache folder cannot be used', async () => {
    const blocked = join(tempDir('peg-pdf-blocked-'), 'file');
    writeFileSync(blocked, 'not a folder');
    vi.stubEnv('PEG_CACHE_DIR', blocked);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const dir = site();
    const launch = launcher();
    expect(await printRelazioni(dir, YEAR_2020, { launch })).toMatchObject({ printed: [2020] });
    expect(pdfOf(dir).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await printRelazioni(site(), YEAR_2020, { launch })).toMatchObject({ printed: [2020] });
    expect(launch).toHaveBeenCalledTimes(2);
  });
});
