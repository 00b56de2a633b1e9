import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFolder } from '../support/fixtures';
import { runScript } from '../support/run';

const FILE = 'obiettivi/2020/a01-00.md';

/** Copies the fixture and changes one line (the first that starts with `from`); returns its 1-based number. */
function breakOneLine(from: string, to: string): { content: string; line: number } {
  const content = copyFolder('tests/fixtures/content/editor');
  const lines = readFileSync(join(content, FILE), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.trimStart() === from);
  if (index < 0) throw new Error(`test: line "${from}" not found in the fixture`);
  lines[index] = lines[index]!.replace(from, to);
  writeFileSync(join(content, FILE), lines.join('\n'));
  return { content, line: index + 1 };
}

// Each case spawns npm run validate (≈1–2 s on a busy 2-core machine).
describe('validation annotations on a pull request', () => {
  it.each([
    ['valore_atteso: 50', 'valore_atteso: cinquanta'],
    ['inizio_previsto: 2020-02-01', 'inizio_previsto: 2020-02-31'],
  ])('puts the ::error annotation on the changed line when "%s" becomes "%s"', (from, to) => {
    const { content, line } = breakOneLine(from, to);
    const run = runScript('validate', ['--content', content], { GITHUB_ACTIONS: 'true' });
    expect(run.status).toBe(1);
    const annotations = [...(run.stdout + run.stderr).matchAll(/^::error file=([^,\n]+),line=(\d+)[^\n]*$/gm)];
    const forFile = annotations.filter(([, file]) => file!.endsWith(FILE));
    expect(forFile.map(([, , annotated]) => Number(annotated))).toEqual([line]);
  });

  it('prints file:line:col for the changed line outside GitHub Actions, without annotations', () => {
    const { content, line } = breakOneLine('valore_atteso: 50', 'valore_atteso: cinquanta');
    const run = runScript('validate', ['--content', content]);
    expect(run.status).toBe(1);
    const output = run.stdout + run.stderr;
    expect(output).toMatch(
      new RegExp(`${FILE.replaceAll('.', '\\.')}:${line}:\\d+\\s+errore\\s+indicatori\\.I02\\.valore_atteso: `),
    );
    expect(output).not.toContain('::error');
  });
});
