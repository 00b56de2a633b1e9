import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateContent } from '../../src/lib/dev/generate';
import { validateContent } from '../../src/lib/validate/validate-content';
import { tempDir } from '../support/temp';

describe('synthetic content generator', () => {
  it('writes content that validates with no errors and no warnings', async () => {
    const dir = tempDir('peg-generate-');
    for (const file of generateContent({ count: 40, seed: 7 })) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.text);
    }
    const report = await validateContent(dir);
    expect(report.problems).toEqual([]);
    expect(report.obiettivi).toBe(40);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const texts = (seed: number) => [...generateContent({ count: 5, seed })].map((file) => file.text).join('\n');
    expect(texts(3)).toBe(texts(3));
    expect(texts(3)).not.toBe(texts(4));
  });

  it('spreads objectives over up to ten years with unique paths', () => {
    const paths = [...generateContent({ count: 30 })].map((file) => file.path).slice(2);
    expect(new Set(paths).size).toBe(30);
    expect(new Set(paths.map((path) => path.split('/')[1])).size).toBe(10);
  });
});
