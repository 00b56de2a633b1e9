import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp';
import { hashTree } from './support/tree';

/**
 * Astro's incremental build (experimental.incrementalBuild, keys in src/lib/outputs/page-cache.ts): after each
 * edit of one input of an objective page, a build that reuses the cache must equal, file for file, a build
 * from an empty cache, and the edited input must show on the page. Pages that do not depend on the edit are
 * copied from the cache ("(restored)" in Astro's log), which is what makes the cache worth having.
 */

const A = '/obiettivi/2020/a01-00/';
const B = '/obiettivi/2020/s01-00/';
/** The Relazione of A's and B's year: keyed on all its objectives and content/performance/. */
const R = '/performance/relazione/2020/';
const work = tempDir('peg-incremental-', { keep: 'file' });
// content/ inside a repository of its own, as in a comune's checkout (the validator refuses a .git in content/).
const repo = join(work, 'repo');
const content = join(repo, 'content');
const cache = join(work, 'cache');
let builds = 0;

function git(args: string[], date: string) {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  const result = spawnSync('git', ['-c', 'user.name=Redazione', '-c', 'user.email=peg@example.org', ...args], {
    cwd: repo,
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** `astro build` alone (the page cache is Astro's step; post-build steps only read its output). */
function astroBuild(cacheDir: string): { out: string; log: string } {
  const out = join(work, `dist-${++builds}`);
  const result = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      PEG_CONTENT_DIR: content,
      PEG_OUT_DIR: out,
      PEG_CACHE_DIR: cacheDir,
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`astro build failed\n${result.stdout}\n${result.stderr}`);
  // Astro colours its log when it sees CI=true; the checks below read the words.
  return { out, log: stripVTControlCharacters(result.stdout) };
}

const page = (out: string, path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
const restored = (log: string, path: string) => log.includes(`${path}index.html (restored)`);

function edit(file: string, from: string | RegExp, to: string) {
  const path = join(content, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit: ${String(from)} not found in ${file}`);
  writeFileSync(path, next);
}

let previous: string;

/** Builds with the shared cache and from an empty one; they must be identical. Returns the cached build. */
function buildBoth() {
  const incremental = astroBuild(cache);
  const fresh = astroBuild(join(work, `fresh-cache-${builds}`));
  expect(hashTree(incremental.out)).toEqual(hashTree(fresh.out));
  const before = previous;
  previous = incremental.out;
  return { ...incremental, before };
}

describe('incremental build of the objective pages', () => {
  beforeAll(() => {
    mkdirSync(repo);
    cpSync('content', content, { recursive: true });
    mkdirSync(cache);
    git(['init', '-q'], '2030-01-01T10:00:00Z');
    git(['add', '-A'], '2030-01-01T10:00:00Z');
    git(['commit', '-q', '-m', 'Contenuti'], '2030-01-01T10:00:00Z');
    previous = astroBuild(cache).out;
  });

  it('restores every objective page when nothing changed, byte for byte', () => {
    const again = astroBuild(cache);
    expect(hashTree(again.out)).toEqual(hashTree(previous));
    const objectives = again.log.match(/\/obiettivi\/\d{4}\/[^/]+\/index\.html \(restored\)/g) ?? [];
    expect(objectives).toHaveLength(11);
    expect(restored(again.log, R)).toBe(true);
  });

  it('renders again the page whose front matter changed, and only that one', () => {
    edit('obiettivi/2020/a01-00.md', '\ntitolo: Programmare,', '\ntitolo: Pianificare,');
    const { log, out, before } = buildBoth();
    expect(page(out, A)).toContain('Pianificare, attivare');
    expect(page(before, A)).not.toContain('Pianificare, attivare');
    expect(restored(log, A)).toBe(false);
    expect(restored(log, B)).toBe(true);
    expect(page(out, R)).toContain('Pianificare, attivare');
    expect(restored(log, R)).toBe(false);
  });

  it('renders again the Relazione of a year whose content/performance/ file changed, and no objective page', () => {
    edit(
      'performance/2020.yaml',
      /non_disponibile: la Relazione approvata dalla Giunta[^\n]*/,
      'non_disponibile: in approvazione',
    );
    const { log } = buildBoth();
    expect(restored(log, R)).toBe(false);
    expect(restored(log, A)).toBe(true);
  });

  it('renders again the page whose Markdown body changed', () => {
    const path = join(content, 'obiettivi/2020/a01-00.md');
    writeFileSync(path, `${readFileSync(path, 'utf8')}\nUn paragrafo aggiunto dalla redazione.\n`);
    const { log, out } = buildBoth();
    expect(page(out, A)).toContain('<p>Un paragrafo aggiunto dalla redazione.</p>');
    expect(restored(log, A)).toBe(false);
    expect(restored(log, B)).toBe(true);
  });

  it('renders again the page whose git history changed, with its data unchanged', () => {
    git(['commit', '-q', '-am', 'Titolo e relazione'], '2031-03-04T10:00:00Z');
    const { log, out, before } = buildBoth();
    expect(page(out, A)).not.toBe(page(before, A));
    expect(page(out, A)).toContain('2031');
    expect(restored(log, A)).toBe(false);
    expect(restored(log, B)).toBe(true);
  });

  it('renders again the pages of a DUP programme whose title changed', () => {
    edit('dup.yaml', 'titolo: Emergenza epidemiologica', 'titolo: Emergenza sanitaria');
    const { out } = buildBoth();
    expect(page(out, A)).toContain('Emergenza sanitaria');
  });

  it('renders again every page when another objective opens a later year (the site menu links it)', () => {
    mkdirSync(join(content, 'obiettivi/2021'));
    writeFileSync(
      join(content, 'obiettivi/2021/a01-00.md'),
      readFileSync(join(content, 'obiettivi/2020/a01-00.md'), 'utf8')
        .replace('codice: 2020_A01_00', 'codice: 2021_A01_00')
        .replace('\nanno: 2020', '\nanno: 2021'),
    );
    const { log, out } = buildBoth();
    expect(page(out, B)).toContain('href="/obiettivi/2021/"');
    expect(restored(log, A)).toBe(false);
    expect(restored(log, B)).toBe(false);
  });

  it('renders again every page when ente.yaml changed', () => {
    edit('ente.yaml', 'nome: Comune di Cinisello Balsamo', 'nome: Comune di Prova');
    const { log, out } = buildBoth();
    expect(page(out, B)).toContain('Comune di Prova');
    expect(log).not.toContain('(restored)');
  });
});
