import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { closeBuildRead, loadContentForBuild, openBuildRead } from '../../src/lib/content/build-read';
import { loadContent, type Content } from '../../src/lib/content/load';
import {
  readValidated,
  VALIDATED_FILE_ENV,
  withValidatedFile,
  writeValidated,
  type ValidatedObjectives,
} from '../../src/lib/content/validated';
import { validateContent } from '../../src/lib/validate/validate-content';
import { copyFixture } from '../support/fixtures';
import { tempDir } from '../support/temp';

async function validated(dir: string): Promise<ValidatedObjectives> {
  const report = await validateContent(dir, { keepData: true });
  expect(report.problems.filter((p) => p.level === 'errore')).toEqual([]);
  return report.validated!;
}

/** loadContent with the validator's parse, and how many objectives it took from it. */
function loadReusing(dir: string, known: ValidatedObjectives) {
  const map = new Map(known);
  const get = vi.spyOn(map, 'get');
  const content = loadContent(dir, map);
  return { content, reused: get.mock.results.filter((result) => result.value !== undefined).length };
}

describe('the build reuses the validator’s parse of content/', () => {
  it.each(['content', 'tests/fixtures/content/multi-year', 'tests/fixtures/content/pagina-ricca'])(
    'reads %s as loadContent does, without parsing a front matter again',
    async (dir) => {
      const known = await validated(dir);
      const { content, reused } = loadReusing(dir, known);
      expect(content).toEqual(loadContent(dir));
      expect(content.obiettivi.length).toBeGreaterThan(0);
      expect(reused).toBe(content.obiettivi.length);
    },
  );

  it('parses afresh a file edited after validation: the read is of content/ as it is now', async () => {
    const dir = await copyFixture('valido');
    const known = await validated(dir);
    const file = join(dir, 'obiettivi/2020/a01-00.md');
    const source = readFileSync(file, 'utf8');
    writeFileSync(file, source.replace('valore_raggiunto: 80', 'valore_raggiunto: 81'));
    const { content, reused } = loadReusing(dir, known);
    expect(reused).toBe(0);
    expect(content.obiettivi[0]!.data.indicatori[0]!.valore_raggiunto).toBe(81);
    expect(content).toEqual(loadContent(dir));
  });

  // Where gray-matter (the pages' reader) and the validator split a file differently, the result must
  // still be gray-matter's: reused only where the two texts read the same, parsed afresh otherwise.
  it.each<[string, (source: string) => string, boolean]>([
    ['closing line with trailing spaces', (s) => s.replace('note: null\n---\n', 'note: null\n---  \n'), true],
    ['Windows line ends', (s) => s.replaceAll('\n', '\r\n'), false],
    ['a byte-order mark', (s) => `\uFEFF${s}`, true],
    ['opening line with trailing spaces', (s) => s.replace(/^---\n/, '---  \n'), false],
    [
      'a kept block scalar ending in blank lines',
      (s) => s.replace('    note: null\n---\n', '    note: |+\n      Testo.\n\n---\n'),
      false,
    ],
    ['a kept block scalar at the end', (s) => s.replace('    note: null\n---\n', '    note: |+\n      Testo.\n---\n'), true],
  ])('%s: the same content as loadContent', async (_, edit, reusable) => {
    const dir = await copyFixture('valido');
    const file = join(dir, 'obiettivi/2020/a01-00.md');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    const { content, reused } = loadReusing(dir, await validated(dir));
    expect(content).toEqual(loadContent(dir));
    expect(reused).toBe(reusable ? 1 : 0);
  });
});

describe('the validator’s parse handed over to astro build', () => {
  const dir = 'tests/fixtures/content/multi-year';

  it('is what the build’s read of content/ takes, within the build and only there', async () => {
    const known = new Map(await validated(dir));
    // A value the files do not hold: seeing it proves the read took the handed-over parse.
    const [key, data] = [...known][0]!;
    known.set(key, { ...data, titolo: 'Titolo dal validatore' });
    const titles = (content: Content) => content.obiettivi.map((o) => o.data.titolo);
    const seen = await withValidatedFile(async (file) => {
      writeValidated(file, known);
      vi.stubEnv(VALIDATED_FILE_ENV, file);
      const outside = titles(loadContentForBuild(dir));
      openBuildRead();
      try {
        return { outside, inside: titles(loadContentForBuild(dir)), file };
      } finally {
        closeBuildRead();
        vi.unstubAllEnvs();
      }
    });
    expect(seen.outside).not.toContain('Titolo dal validatore');
    expect(seen.inside).toContain('Titolo dal validatore');
    expect(seen.inside.filter((t) => t === 'Titolo dal validatore')).toHaveLength(1);
    expect(existsSync(seen.file)).toBe(false);
  });

  it('is ignored when its file cannot be read: content/ is then parsed in full', () => {
    expect(readValidated(undefined)).toBeUndefined();
    expect(readValidated(join(tempDir(), 'missing.v8'))).toBeUndefined();
    const garbage = join(tempDir(), 'garbage.v8');
    writeFileSync(garbage, 'not V8 data');
    expect(readValidated(garbage)).toBeUndefined();
  });
});
