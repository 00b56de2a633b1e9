import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentEntriesError } from '../../src/lib/content/entries';
import { loadContent } from '../../src/lib/content/load';
import { validateContent } from '../../src/lib/validate/validate-content';
import { random } from './mutate';
import { tempDir } from '../support/temp';

const SEED = 20201231;
const ROUNDS = 60;

const root = tempDir('peg-fuzz-entries-');
const objective = readFileSync('tests/fixtures/content/valido/obiettivi/2020/a01-00.md', 'utf8');

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

/** Names an editor's tools leave around, plus long and odd ones (up to the 255-byte limit). */
function strayName(rnd: () => number): string {
  const stem = pick(rnd, ['a02-00', 'A02-00', 'b03-01', 'nuovo', 'a02-00 (copia)', 'x'.repeat(200)]);
  return pick(rnd, [
    `${stem}.md.txt`,
    `${stem}.MD`,
    `${stem}.Md`,
    `${stem}.markdown`,
    `${stem}.yaml`,
    `${stem}.md~`,
    `${stem}.md.bak`,
    `${stem}.md.orig`,
    `.~lock.${stem}.md#`,
    `.#${stem}.md`,
    `.${stem}.md.swp`,
    `#${stem}.md#`,
    `.${stem}.md`,
    stem,
    `${stem}.`,
    `${stem}.md `,
  ]).slice(0, 255);
}

type Make = (dir: string, rnd: () => number) => string;

/** Each makes one entry that is not content and returns its path inside the content folder. */
const STRAYS: Record<string, Make> = {
  file: (dir, rnd) => {
    const name = strayName(rnd);
    writeFileSync(join(dir, 'obiettivi/2020', name), objective);
    return `obiettivi/2020/${name}`;
  },
  fifo: (dir, rnd) => {
    const name = `${pick(rnd, ['a07-00', 'a08-00'])}.md`;
    const path = join(dir, 'obiettivi/2020', name);
    if (existsSync(path)) throw Object.assign(new Error(path), { code: 'EEXIST' });
    execFileSync('mkfifo', [path]);
    return `obiettivi/2020/${name}`;
  },
  'link nowhere': (dir, rnd) => {
    const name = `l${Math.floor(rnd() * 1e6)}.md`;
    symlinkSync('manca.md', join(dir, 'obiettivi/2020', name));
    return `obiettivi/2020/${name}`;
  },
  'link inside': (dir, rnd) => {
    const name = `m${Math.floor(rnd() * 1e6)}.md`;
    symlinkSync('a01-00.md', join(dir, 'obiettivi/2020', name));
    return `obiettivi/2020/${name}`;
  },
  'link outside': (dir, rnd) => {
    const name = `o${Math.floor(rnd() * 1e6)}.md`;
    symlinkSync('/etc/hostname', join(dir, 'obiettivi/2020', name));
    return `obiettivi/2020/${name}`;
  },
  folder: (dir, rnd) => {
    const name = pick(rnd, ['vecchi', 'bozze.md', '2021']);
    mkdirSync(join(dir, 'obiettivi/2020', name));
    return `obiettivi/2020/${name}`;
  },
  'year folder': (dir, rnd) => {
    const name = pick(rnd, ['20', '20201', '2020 (copia)', 'anno-2021', '.2021', 'y'.repeat(250)]);
    mkdirSync(join(dir, 'obiettivi', name));
    writeFileSync(join(dir, 'obiettivi', name, 'a01-00.md'), objective);
    return `obiettivi/${name}`;
  },
  'file for a year': (dir, rnd) => {
    const name = pick(rnd, ['a01-00.md', '2021', 'note.txt']);
    writeFileSync(join(dir, 'obiettivi', name), objective);
    return `obiettivi/${name}`;
  },
  'top-level': (dir, rnd) => {
    const name = pick(rnd, ['README.md', '.gitkeep', 'ente.yml', 'dup.yaml.bak', 'obiettivi2020']);
    writeFileSync(join(dir, name), 'x');
    return name;
  },
};

describe('the content walk under fuzzed folders', () => {
  it(`names every stray entry exactly once and still reads the objective (${ROUNDS} rounds, seed ${SEED})`, async () => {
    const rnd = random(SEED);
    for (let n = 0; n < ROUNDS; n++) {
      const dir = join(root, String(n));
      cpSync('tests/fixtures/content/valido', dir, { recursive: true });
      const made = new Map<string, string>();
      const count = 1 + Math.floor(rnd() * 3);
      for (let i = 0; i < count; i++) {
        const kind = pick(rnd, Object.keys(STRAYS));
        try {
          made.set(STRAYS[kind]!(dir, rnd), kind);
        } catch (error) {
          // The same name drawn twice: the entry already exists.
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
      }
      const label = `round ${n}: ${[...made].map(([path, kind]) => `${kind} ${path}`).join(', ')}`;
      const report = await validateContent(dir, { cwd: dir });
      const entryLines = report.problems.filter((p) => ['file-estraneo', 'collegamento'].includes(p.rule));
      expect(entryLines.map((p) => p.file).sort(), label).toEqual([...made.keys()].sort());
      for (const problem of report.problems) {
        expect(problem.level, label).toBe('errore');
        expect(problem.message, label).not.toMatch(/\n\s+at |TypeError|RangeError|undefined|\[object /);
      }
      expect(report.obiettivi, label).toBe(1);
      expect(() => loadContent(dir), label).toThrow(ContentEntriesError);
    }
  });
});
