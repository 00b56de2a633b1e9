import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toContentPath } from '../../src/lib/content/entries';
import { codeDigest } from '../../src/lib/outputs/code-digest';
import { checkObjectivesWithMemo, validationMemoFile } from '../../src/lib/validate/memo';
import type { ObjectiveContext } from '../../src/lib/validate/objective-rules';
import { validateContent } from '../../src/lib/validate/validate-content';
import { copyFixture, fixture, fixtureNames } from '../support/fixtures';
import { tempDir } from '../support/temp';

beforeEach(() => {
  vi.stubEnv('PEG_CACHE_DIR', tempDir('peg-memo-cache-'));
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** The report of `dir` as a build sees it (its data kept), with or without the memo, paths from `root`. */
const report = (dir: string, root: string, memo: boolean) => validateContent(dir, { cwd: root, keepData: true, memo });

/** The objective files of a flat test folder, as validateContent names them. */
function objectiveFiles(dir: string) {
  const files = readdirSync(join(dir, 'obiettivi'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  return files.map((source) => ({ source, contentPath: toContentPath(dir, source), path: source }));
}

const context: ObjectiveContext = { tipiIndicatore: null, dup: null };

describe('the validation memo of the build', () => {
  it('gives every fixture the report of a fresh validation, from an empty memo and from a full one', async () => {
    for (const name of fixtureNames()) {
      vi.stubEnv('PEG_CACHE_DIR', tempDir('peg-memo-cache-'));
      const { dir, root } = await fixture(name);
      const fresh = await report(dir, root, false);
      expect(await report(dir, root, true), `${name}, empty memo`).toEqual(fresh);
      expect(await report(dir, root, true), `${name}, from the memo`).toEqual(fresh);
    }
  });

  it('checks again a file whose text changed, and only that file', async () => {
    const dir = await copyFixture('multi-year');
    const files = objectiveFiles(dir);
    expect(files.length).toBeGreaterThan(2);
    const check = async () => {
      const memo = await checkObjectivesWithMemo(files, context);
      await memo.save();
      return memo;
    };
    expect((await check()).stats).toEqual({ reused: 0, checked: files.length });
    expect((await check()).stats).toEqual({ reused: files.length, checked: 0 });

    const edited = files[1]!.source;
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(/^anno: (\d+)$/m, 'anno: duemila'));
    const { results, stats } = await check();
    expect(stats).toEqual({ reused: files.length - 1, checked: 1 });
    expect(results[1]!.findings.length).toBeGreaterThan(0);
    const fresh = await validateContent(dir, { cwd: dir });
    expect(fresh.problems.some((p) => p.file === edited.slice(dir.length + 1))).toBe(true);
  });

  it('checks every file again when the context of the rules, a path, the code or the lockfile changes', async () => {
    const dir = await copyFixture('multi-year');
    const files = objectiveFiles(dir);
    const root = tempDir('peg-memo-root-');
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src', 'rules.ts'), 'export const a = 1;');
    writeFileSync(join(root, 'astro.config.mjs'), '');
    writeFileSync(join(root, 'package-lock.json'), '{}');
    const run = async (ctx = context, list = files) => {
      const memo = await checkObjectivesWithMemo(list, ctx, { root });
      await memo.save();
      return memo;
    };
    await run();
    expect((await run()).stats.checked).toBe(0);

    expect((await run({ tipiIndicatore: ['quantitativo'], dup: null })).stats.checked).toBe(files.length);
    expect((await run()).stats.checked).toBe(files.length);

    // The DUP index is made of Sets and Maps: a code added to dup.yaml is a change too.
    const dup = (programma: string) => ({
      mandati: new Set(['DUP_10']),
      missioni: new Map([['DUP_10_0101', 'DUP_10']]),
      programmi: new Map([[programma, 'DUP_10_0101']]),
    });
    await run({ tipiIndicatore: null, dup: dup('DUP_10_0101_1101') });
    expect((await run({ tipiIndicatore: null, dup: dup('DUP_10_0101_1101') })).stats.checked).toBe(0);
    expect((await run({ tipiIndicatore: null, dup: dup('DUP_10_0101_1104') })).stats.checked).toBe(files.length);
    await run();

    const moved = files.map((file, i) => (i === 0 ? { ...file, path: `altrove/${file.path}` } : file));
    expect((await run(context, moved)).stats).toEqual({ reused: files.length - 1, checked: 1 });

    await run();
    writeFileSync(join(root, 'src', 'rules.ts'), 'export const a = 2;');
    // The code's digest is computed once a process, as in a build: a test asks for it afresh.
    codeDigest(root, { fresh: true });
    expect((await run()).stats.checked).toBe(files.length);

    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    expect((await run()).stats.checked).toBe(files.length);
  });

  it('reports an objective whose DUP programma was removed from dup.yaml since the last build', async () => {
    const dir = await copyFixture('multi-year');
    expect((await report(dir, dir, true)).problems.filter((p) => p.level === 'errore')).toEqual([]);
    const dupFile = join(dir, 'dup.yaml');
    writeFileSync(dupFile, readFileSync(dupFile, 'utf8').replace('DUP_10_0101_1104', 'DUP_10_0101_1105'));
    const fresh = await report(dir, dir, false);
    expect(fresh.problems.some((p) => p.level === 'errore' && p.message.includes('DUP_10_0101_1104'))).toBe(true);
    expect(await report(dir, dir, true)).toEqual(fresh);
  });

  it('ignores a damaged memo and writes a good one in its place', async () => {
    const { dir, root } = await fixture('multi-year');
    const fresh = await report(dir, root, false);
    mkdirSync(join(validationMemoFile(), '..'), { recursive: true });
    writeFileSync(validationMemoFile(), 'not a memo');
    expect(await report(dir, root, true)).toEqual(fresh);
    const files = objectiveFiles(dir);
    writeFileSync(validationMemoFile(), Buffer.from([0xff, 0x0f, 0x6f]));
    const damaged = await checkObjectivesWithMemo(files, context);
    expect(damaged.stats.checked).toBe(files.length);
    await damaged.save();
    expect((await checkObjectivesWithMemo(files, context)).stats).toEqual({ reused: files.length, checked: 0 });
  });

  it('keeps the findings of the rules across files out of the memo: a codice used twice is reported once, every time', async () => {
    const { dir, root } = await fixture('codice-duplicato');
    const fresh = await report(dir, root, false);
    expect(fresh.problems.filter((p) => p.rule === 'codice-duplicato')).toHaveLength(1);
    for (let run = 0; run < 3; run++) expect(await report(dir, root, true)).toEqual(fresh);
    // Written after the caller has the report, as the build does it: still without the rules' findings.
    vi.stubEnv('PEG_CACHE_DIR', tempDir('peg-memo-cache-'));
    for (let run = 0; run < 3; run++) {
      const { saveMemo, ...deferred } = await validateContent(dir, { cwd: root, keepData: true, memo: 'deferred' });
      expect(deferred).toEqual(fresh);
      await saveMemo!();
    }
  });
});

/** Every module of ours that `from` imports, directly or not (static relative imports, .ts files). */
function importedModules(from: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^;]*?from '(\.[^']+)'/gms)) {
      const target = join(dirname(file), spec!);
      // Data (it.json) is code too, covered by the code's digest; it reads nothing.
      if (/\.(?:json|css)$/.test(target)) continue;
      visit(existsSync(`${target}.ts`) ? `${target}.ts` : join(target, 'index.ts'));
    }
  };
  visit(from);
  return [...seen];
}

describe('what a file’s result depends on', () => {
  it('is its text, its path and the context: no module of the checks reads the clock, the environment or another file', () => {
    const modules = importedModules('src/lib/validate/check-objective.ts');
    expect(modules).toContain('src/lib/validate/objective-rules.ts');
    expect(modules).toContain('src/lib/derived/metrics.ts');
    // source.ts reads the objective file itself, whose text is in the key; of content/validated.ts the checks
    // use frontMatterKey, a hash of the text (its file functions are the build's hand-over).
    const allowed = ['src/lib/validate/source.ts', 'src/lib/content/validated.ts'];
    const readers = modules.filter(
      (file) =>
        !allowed.includes(file) &&
        /node:fs|node:os|node:child_process|process\.(?:env|cwd)|Date\.now|new Date\(\)|Math\.random|import\(/.test(
          readFileSync(file, 'utf8'),
        ),
    );
    expect(readers).toEqual([]);
  });
});
