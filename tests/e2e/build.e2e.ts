import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { previousDir, stagingDir } from '../../src/lib/build/publish';
import { runBuild } from '../../src/lib/build/run';
import { validateContent } from '../../src/lib/validate/validate-content';
import { expectedFrom, reconcile } from '../../src/lib/build/reconcile';
import { loadContent } from '../../src/lib/content/load';
import { buildSite } from './support/site';
import { tempCacheDir } from '../support/temp';
import { fixture, fixtureNames } from '../support/fixtures';
import { runXlsxImport } from '../../src/lib/import/xlsx';
import { bodySections } from '../../src/lib/content/body-sections';

/**
 * `npm run build` publishes all or nothing: whatever passes validation builds, the built site is
 * reconciled with content/, and a build killed at any point leaves the previous output whole.
 * Tiny fixtures keep the several builds here short.
 */

const work = () => mkdtempSync(join(process.env.PEG_E2E_TMP ?? tmpdir(), 'peg-build-'));

/** Every file below dir with its bytes, to compare an output folder before and after. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(relative(dir, path), readFileSync(path).toString('base64'));
    }
  return files;
}

/** Rewrites `file` without the lines (split on `separator`) that `drop` picks: a built file made to lose rows. */
function dropLines(file: string, separator: string, drop: (line: string) => boolean) {
  writeFileSync(
    file,
    readFileSync(file, 'utf8')
      .split(separator)
      .filter((line) => !drop(line))
      .join(separator),
  );
}

function npmBuild(content: string, outDir: string, extra: NodeJS.ProcessEnv = {}) {
  return spawnSync('npm', ['run', 'build', '--silent'], {
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      PEG_CONTENT_DIR: resolve(content),
      PEG_OUT_DIR: outDir,
      ...extra,
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** A stack trace or a raw exception in what an editor reads. */
const STACK = /\n\s+at |TypeError|RangeError|ReferenceError|ENAMETOOLONG|\[object /;

const fixtures = fixtureNames();
/** Each fixture's content folder (cases are written to a temp folder removed after this file). */
const folders = new Map(await Promise.all(fixtures.map(async (f) => [f, (await fixture(f)).dir] as const)));
const validation = new Map(
  await Promise.all(
    fixtures.map(async (f) => {
      const report = await validateContent(folders.get(f)!);
      return [f, report.problems.some((p) => p.level === 'errore')] as const;
    }),
  ),
);
const passing = fixtures.filter((f) => !validation.get(f));
/**
 * Passing fixtures whose build other browser tests already require to succeed (hostile, site, links,
 * objective-page, and valido in the kill tests below): not built a second time.
 */
const BUILT_ELSEWHERE = new Set(['hostile', 'multi-year', 'pagina-ricca', 'valido']);

describe('validation is the only gate', () => {
  it('finds fixtures on both sides', () => {
    expect(passing).toContain('indirizzi-lunghi');
    expect(fixtures.length - passing.length).toBeGreaterThan(30);
  });

  it.each(passing.filter((f) => !BUILT_ELSEWHERE.has(f)))(
    'builds %s, which passes validation, without a stack trace',
    (name) => {
      const outDir = join(work(), 'dist');
      const result = npmBuild(folders.get(name)!, outDir);
      expect(`${result.stdout}\n${result.stderr}`).not.toMatch(STACK);
      expect(result.status, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toContain('✔ Sito pubblicato');
    },
  );

  // The build's own first step; run in-process (the same code as scripts/build.ts) to keep this fast.
  it.each(fixtures.filter((f) => validation.get(f)))(
    'refuses %s, which fails validation, with the validator’s lines and no stack trace',
    async (name) => {
      const outDir = join(work(), 'dist');
      const lines: string[] = [];
      const code = await runBuild({ PEG_CONTENT_DIR: folders.get(name)!, PEG_OUT_DIR: outDir }, (line) =>
        lines.push(line),
      );
      const output = lines.join('\n');
      expect(code).toBe(1);
      expect(output).toMatch(/\[[a-z-]+\]\n/);
      expect(output).toContain('✖ Costruzione interrotta');
      expect(output).not.toMatch(STACK);
      expect(existsSync(outDir)).toBe(false);
      expect(existsSync(stagingDir(outDir))).toBe(false);
    },
  );
});

describe('reconciliation of the built site with content/', () => {
  const content = 'tests/fixtures/content/multi-year';
  let built = '';
  beforeAll(() => {
    built = buildSite(content);
  });
  const expected = expectedFrom(loadContent(content));

  const copy = () => {
    const dir = join(work(), 'dist');
    cpSync(built, dir, { recursive: true });
    return dir;
  };

  it('agrees on a complete build', async () => {
    expect(await reconcile(built, expected)).toEqual([]);
  });

  it('names the objective whose page is missing', async () => {
    const dir = copy();
    rmSync(join(dir, 'obiettivi/2021/c03-01'), { recursive: true });
    expect(await reconcile(dir, expected)).toEqual(['pagine degli obiettivi: mancano le pagine di 2021_C03_01']);
  });

  it('names the objective whose share image is missing, and the site-wide image', async () => {
    const dir = copy();
    rmSync(join(dir, 'obiettivi/2021/c03-01/anteprima.png'));
    rmSync(join(dir, 'anteprima.png'));
    expect(await reconcile(dir, expected)).toEqual([
      'immagini di anteprima: mancano quelle degli obiettivi 2021_C03_01',
      'anteprima.png: l’immagine di anteprima del sito manca',
    ]);
  });

  it('names a Relazione PDF that is not a PDF, and each missing part of a Relazione printed in parts', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'performance/relazione/2021/relazione-performance-2021.pdf'), '<html>errore</html>');
    expect(await reconcile(dir, expected)).toEqual([
      'performance/relazione/2021/relazione-performance-2021.pdf: non è un PDF',
    ]);
    const inParts = {
      ...expected,
      relazioni: expected.relazioni.map((r) => (r.anno === 2020 ? { ...r, parti: 2 } : r)),
    };
    copyFileSync(
      join(dir, 'performance/relazione/2020/relazione-performance-2020.pdf'),
      join(dir, 'performance/relazione/2020/relazione-performance-2020-parte-2.pdf'),
    );
    expect(await reconcile(dir, inParts)).toEqual([
      'performance/relazione/2020/relazione-performance-2020-parte-1.pdf: il PDF della Relazione sulla Performance 2020 manca',
      'performance/relazione/2021/relazione-performance-2021.pdf: non è un PDF',
    ]);
  });

  it('names the fase whose CSV row is missing, in the table of its year', async () => {
    const dir = copy();
    const file = join(dir, 'opendata/2020/fasi.csv');
    const lines = readFileSync(file, 'utf8').split('\r\n');
    const row = lines.findIndex((line) => line.startsWith('2020_A01_00,F02,'));
    expect(row).toBeGreaterThan(0);
    writeFileSync(file, lines.filter((_, i) => i !== row).join('\r\n'));
    expect(await reconcile(dir, expected)).toEqual([
      'opendata/2020/fasi.csv: mancano le righe di fasi 2020_A01_00 F02',
    ]);
  });

  it('publishes an obiettivi.xlsx that imports back into the same content', async () => {
    const target = join(work(), 'content');
    mkdirSync(target);
    cpSync(join(content, 'ente.yaml'), join(target, 'ente.yaml'));
    cpSync(join(content, 'dup.yaml'), join(target, 'dup.yaml'));
    const result = await runXlsxImport({
      exportPath: join(built, 'opendata/obiettivi.xlsx'),
      outDir: join(target, 'obiettivi'),
      force: false,
    });
    expect(result.exitCode, result.output.join('\n')).toBe(0);
    const original = loadContent(content).obiettivi;
    const imported = loadContent(target).obiettivi;
    expect(imported.map((o) => [o.file, o.data])).toEqual(original.map((o) => [o.file, o.data]));
    expect(imported.map((o) => bodySections(o.body))).toEqual(original.map((o) => bodySections(o.body)));
  });

  it('names the indicator whose row is missing from a year’s workbook', async () => {
    const dir = copy();
    const file = join(dir, 'opendata/2021/obiettivi.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('indicatori')!;
    let row = 0;
    sheet.eachRow((r, n) => {
      if (r.getCell(1).value === '2021_A01_00' && r.getCell(2).value === 'I01') row = n;
    });
    expect(row).toBeGreaterThan(1);
    sheet.spliceRows(row, 1);
    await workbook.xlsx.writeFile(file);
    expect(await reconcile(dir, expected)).toEqual([
      'opendata/2021/obiettivi.xlsx (foglio indicatori): mancano le righe di indicatori 2021_A01_00 I01',
    ]);
  });

  it('names what is missing from obiettivi.json, the search index and the sitemap', async () => {
    const dir = copy();
    const json = join(dir, 'opendata/obiettivi.json');
    const document = JSON.parse(readFileSync(json, 'utf8')) as { obiettivi: { codice: string }[] };
    document.obiettivi = document.obiettivi.filter((o) => o.codice !== '2020_B02_00');
    writeFileSync(json, JSON.stringify(document));
    dropLines(join(dir, 'sitemap.xml'), '\n', (line) => line.includes('/obiettivi/2021/a01-00/'));
    const fragments = join(dir, 'pagefind/fragment');
    const fragment = readdirSync(fragments).find((name) =>
      gunzipSync(readFileSync(join(fragments, name)))
        .toString('utf8')
        .includes('"url":"/obiettivi/2021/c03-01/"'),
    );
    rmSync(join(fragments, fragment!));
    expect(await reconcile(dir, expected)).toEqual([
      'opendata/obiettivi.json: mancano gli obiettivi 2020_B02_00',
      'indice di ricerca (pagefind/): mancano gli obiettivi 2021_C03_01',
      'sitemap.xml: mancano gli obiettivi 2021_A01_00',
    ]);
    rmSync(join(dir, 'pagefind'), { recursive: true });
    expect(await reconcile(dir, expected)).toContain('pagefind/: l’indice di ricerca manca');
  });

  describe('reconciliation with the keys of each file memoized by its bytes', () => {
    const cacheDir = tempCacheDir('peg-reconcile-cache-');
    const entries = () =>
      readdirSync(join(cacheDir(), 'reconcile-keys')).map((n) => join(cacheDir(), 'reconcile-keys', n));
    /** Removes the row of fase F02 of 2020_A01_00 from the 2020 fasi.csv. */
    const removeFase = (dir: string) =>
      dropLines(join(dir, 'opendata/2020/fasi.csv'), '\r\n', (line) => line.startsWith('2020_A01_00,F02,'));
    const FASE_MISSING = 'opendata/2020/fasi.csv: mancano le righe di fasi 2020_A01_00 F02';

    it('gives the same problems from the cached keys as from a fresh read', async () => {
      const dir = copy();
      removeFase(dir);
      const fresh = await reconcile(dir, expected);
      expect(fresh).toEqual([FASE_MISSING]);
      // JSON, three CSV and XLSX for all years and for each of the two years.
      expect(entries()).toHaveLength(15);
      expect(await reconcile(dir, expected)).toEqual(fresh);
      expect(entries()).toHaveLength(15);
    });

    it('reports a file altered after its keys were cached: its bytes are another key', async () => {
      const dir = copy();
      expect(await reconcile(dir, expected)).toEqual([]);
      removeFase(dir);
      expect(await reconcile(dir, expected)).toEqual([FASE_MISSING]);
    });

    it('reads the files again when the cached entries are damaged: neither an error nor a pass', async () => {
      const dir = copy();
      removeFase(dir);
      const fresh = await reconcile(dir, expected);
      for (const entry of entries()) writeFileSync(entry, '{"obiettivi": [');
      expect(await reconcile(dir, expected)).toEqual(fresh);
    });
  });
});

describe('reconciliation of a search index in several bundles', () => {
  const content = 'tests/fixtures/content/multi-year';
  const expected = expectedFrom(loadContent(content));

  it('reads every bundle listed in pagefind/bundles.json and names the objectives of a missing one', async () => {
    // Two objectives per bundle: 2020's two in /pagefind/, 2021's two in /pagefind/2/ (pages in sorted order).
    const dir = buildSite(content, { PEG_SEARCH_BUNDLE_PAGES: '2' });
    expect(JSON.parse(readFileSync(join(dir, 'pagefind/bundles.json'), 'utf8'))).toEqual(['/pagefind/2/']);
    expect(readdirSync(join(dir, 'pagefind/fragment'))).toHaveLength(2);
    expect(await reconcile(dir, expected)).toEqual([]);
    rmSync(join(dir, 'pagefind/2'), { recursive: true });
    expect(await reconcile(dir, expected)).toEqual([
      'pagefind/2/: la parte dell’indice di ricerca manca',
      'indice di ricerca (pagefind/): mancano gli obiettivi 2021_A01_00, 2021_C03_01',
    ]);
  });
});

describe('a build whose output disagrees with content/ does not publish', () => {
  it('stops when a page disappears from the staging folder before reconciliation, leaving dist/ as it was', async () => {
    const outDir = join(work(), 'dist');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'index.html'), '<p>sito precedente</p>');
    const before = snapshot(outDir);
    const child = spawn('npm', ['run', 'build', '--silent'], {
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        PEG_CONTENT_DIR: resolve('tests/fixtures/content/valido'),
        PEG_OUT_DIR: outDir,
        PEG_BUILD_PAUSE: 'postbuild',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const marker = `${outDir}.pausa-postbuild`;
    while (!existsSync(marker)) await new Promise((done) => setTimeout(done, 20));
    rmSync(join(stagingDir(outDir), 'obiettivi/2020/a01-00'), { recursive: true });
    rmSync(marker);
    expect(await exited).toBe(1);
    expect(output).toContain('✖ Il sito costruito non corrisponde ai contenuti (1 differenza)');
    expect(output).toContain('  - pagine degli obiettivi: mancano le pagine di 2020_A01_00');
    expect(output).not.toMatch(STACK);
    expect(snapshot(outDir)).toEqual(before);
  });
});

describe('a killed build leaves the previous output whole', () => {
  const content = 'tests/fixtures/content/valido';

  /** A previous output with a few files: what must survive every kill byte for byte. */
  function previousOutput(): { outDir: string; before: Map<string, string> } {
    const outDir = join(work(), 'dist');
    mkdirSync(join(outDir, 'obiettivi/2019/a01-00'), { recursive: true });
    writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>sito precedente</title>');
    writeFileSync(join(outDir, 'obiettivi/2019/a01-00/index.html'), '<p>obiettivo precedente</p>');
    writeFileSync(join(outDir, 'sitemap.xml'), '<urlset></urlset>');
    return { outDir, before: snapshot(outDir) };
  }

  /** Starts `npm run build` in its own process group; resolves once `ready` is true, then kills the group. */
  async function killWhen(outDir: string, ready: () => boolean, env: NodeJS.ProcessEnv = {}) {
    const child = spawn('npm', ['run', 'build', '--silent'], {
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        PEG_CONTENT_DIR: resolve(content),
        PEG_OUT_DIR: outDir,
        ...env,
      },
      detached: true,
      stdio: 'ignore',
    });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    let finished = false;
    void exited.then(() => (finished = true));
    // Polls a marker the build itself writes; never a sleep tuned to the machine's speed.
    while (!ready()) {
      if (finished) throw new Error('the build ended before reaching the point to kill it at');
      await new Promise((done) => setTimeout(done, 20));
    }
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
  }

  const paused = (outDir: string, phase: string) => () => existsSync(`${outDir}.pausa-${phase}`);

  it('killed at once', async () => {
    const { outDir, before } = previousOutput();
    await killWhen(outDir, () => true);
    expect(snapshot(outDir)).toEqual(before);
  });

  it.each(['inizio', 'convalida', 'indicizzazione'])('killed at the %s checkpoint', async (phase) => {
    const { outDir, before } = previousOutput();
    await killWhen(outDir, paused(outDir, phase), { PEG_BUILD_PAUSE: phase });
    expect(snapshot(outDir)).toEqual(before);
  });

  it('killed while Astro writes the staging folder', async () => {
    const { outDir, before } = previousOutput();
    const staging = stagingDir(outDir);
    await killWhen(outDir, () => existsSync(staging) && readdirSync(staging).length > 0);
    expect(snapshot(outDir)).toEqual(before);
  });

  it('killed between the two renames of the swap: the next build and npm start put it back', async () => {
    const { outDir, before } = previousOutput();
    await killWhen(outDir, paused(outDir, 'scambio'), { PEG_BUILD_PAUSE: 'scambio' });
    expect(existsSync(outDir)).toBe(false);
    expect(snapshot(previousDir(outDir))).toEqual(before);
    // npm start runs this before building and serving.
    const recovered = spawnSync('npx', ['tsx', 'scripts/recover-output.ts'], {
      env: { ...process.env, PEG_OUT_DIR: outDir },
      encoding: 'utf8',
    });
    expect(recovered.stdout).toContain('ripristinato');
    expect(snapshot(outDir)).toEqual(before);
    expect(existsSync(previousDir(outDir))).toBe(false);
  });

  it('a build after a kill at the swap starts from the previous output and publishes the new one', async () => {
    const { outDir } = previousOutput();
    await killWhen(outDir, paused(outDir, 'scambio'), { PEG_BUILD_PAUSE: 'scambio' });
    const result = npmBuild(content, outDir);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('ripristinato');
    expect(existsSync(join(outDir, 'obiettivi/2020/a01-00/index.html'))).toBe(true);
    expect(existsSync(previousDir(outDir))).toBe(false);
    expect(existsSync(stagingDir(outDir))).toBe(false);
  });
});
