import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/validate/validate-content';
import { mutate, random } from './mutate';
import { tempDir } from '../support/temp';

const SEED = 20201231;
const COUNT = 250;

const dir = tempDir('peg-fuzz-');
mkdirSync(join(dir, 'obiettivi/2020'), { recursive: true });
const objective = 'obiettivi/2020/a01-00.md';
const sources = Object.fromEntries(
  ['ente.yaml', 'dup.yaml', objective].map((file) => [file, readFileSync(join('content', file), 'utf8')]),
);

function laughs(): string {
  const levels = ['note_extra: { l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 9; i++)
    levels.push(
      `, l${i}: &l${i} [${Array(10)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  return levels.join('') + ' }';
}

const ITALIAN = [
  '40.000',
  '1.234,5',
  '80,5',
  '75%',
  '€ 1.200',
  '1 200',
  'Sì',
  'no',
  '-',
  '',
  '~',
  '""',
  '“a: b”',
  'a: b',
  '{ 2019: 80,5 }',
];

/** Validates `dir` (where `target` now holds `text`) and checks every problem is placed and readable. */
async function expectPlaced(target: string, text: string, label: string) {
  let report: Awaited<ReturnType<typeof validateContent>> | undefined;
  await expect((async () => (report = await validateContent(dir, { cwd: dir })))(), label).resolves.toBeDefined();
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const problem of report!.problems) {
    expect(problem.file, label).toMatch(/^(ente\.yaml|dup\.yaml|obiettivi\/2020\/a01-00\.md)$/);
    expect(problem.line, `${label}: ${problem.message}`).toBeGreaterThanOrEqual(1);
    expect(problem.col, label).toBeGreaterThanOrEqual(1);
    if (problem.file === target)
      expect(problem.line, `${label}: ${problem.message}`).toBeLessThanOrEqual(lineCount + 1);
    expect(problem.message.trim(), label).not.toBe('');
    // A stack trace or a raw exception is not a message an editor can act on.
    expect(problem.message, label).not.toMatch(/\n\s+at |TypeError|RangeError|undefined|NaN|\[object /);
  }
}

describe('validator under fuzzed content', () => {
  it(`never throws and places every problem in its file (${COUNT} mutants, seed ${SEED})`, async () => {
    const rnd = random(SEED);
    for (let n = 0; n < COUNT; n++) {
      // Mostly the objective; sometimes ente.yaml or dup.yaml, which every objective depends on.
      const target = rnd() < 0.8 ? objective : rnd() < 0.5 ? 'ente.yaml' : 'dup.yaml';
      const { text, applied } = mutate(sources[target]!, rnd);
      for (const [file, source] of Object.entries(sources))
        writeFileSync(join(dir, file), file === target ? text : source);
      const label = `mutant ${n} of ${target}: ${applied.join(' + ')}`;

      await expectPlaced(target, text, label);
    }
  });

  // Italian ways of writing values and list mistakes, on every line of the objective: the new
  // source-text checks ([numero], [valore-vuoto], YAML hints) must place every message too.
  it('places every problem when values are written the Italian way or a list dash goes missing', async () => {
    const rnd = random(SEED);
    const lines = sources[objective]!.split('\n');
    for (const file of ['ente.yaml', 'dup.yaml']) writeFileSync(join(dir, file), sources[file]!);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const variants: string[] = [];
      if (/^\s*(- )?[a-z_]+: ./.test(line))
        variants.push(line.replace(/: .*$/, `: ${ITALIAN[Math.floor(rnd() * ITALIAN.length)]}`));
      if (/^\s*- /.test(line)) variants.push(line.replace('- ', '  '), line.replace('- ', ''));
      for (const variant of variants) {
        const text = [...lines.slice(0, i), variant, ...lines.slice(i + 1)].join('\n');
        writeFileSync(join(dir, objective), text);
        await expectPlaced(objective, text, `line ${i + 1}: ${variant}`);
      }
    }
  });

  // Found by this fuzzer (seed 20201231, mutant 347): htmlInData recursed forever on a cyclic alias.
  it.each([
    ['an alias that contains itself', 'note_extra: &a [*a]'],
    ['aliases that multiply (billion laughs)', laughs()],
  ])('reports %s as a problem instead of hanging or crashing', async (_, yaml) => {
    writeFileSync(join(dir, objective), sources[objective]!.replace(/^---\n/, `---\n${yaml}\n`));
    for (const file of ['ente.yaml', 'dup.yaml']) writeFileSync(join(dir, file), sources[file]!);
    const report = await validateContent(dir, { cwd: dir });
    expect(report.problems.filter((p) => p.level === 'errore').map((p) => `${p.line} ${p.field} [${p.rule}]`)).toEqual([
      '2 note_extra [chiave-sconosciuta]',
    ]);
  });

  it('copies nothing into and deletes nothing from the content folder', async () => {
    copyFileSync(join('content', objective), join(dir, objective));
    await validateContent(dir, { cwd: dir });
    expect(readFileSync(join(dir, objective), 'utf8')).toBe(sources[objective]);
  });
});
