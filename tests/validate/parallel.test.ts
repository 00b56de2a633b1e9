import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkObjectives, MIN_FILES_PER_WORKER, workerCount } from '../../src/lib/validate/check-objectives';
import type { ObjectiveContext } from '../../src/lib/validate/objective-rules';
import { fixture } from '../support/fixtures';

describe('checking objectives on worker threads', () => {
  it.each([false, true])(
    'gives the same results, in the same order, as checking them one by one (data kept: %s)',
    async (keepData) => {
      const root = join((await fixture('molti-errori')).dir, 'obiettivi/2020');
      const files = readdirSync(root).map((name) => ({ source: join(root, name), contentPath: name, path: name }));
      const context: ObjectiveContext = { tipiIndicatore: ['EFFICACIA'], dup: null };
      const sequential = await checkObjectives(files, context, { keepData });
      const parallel = await checkObjectives(files, context, { parallel: true, keepData, minFilesPerWorker: 1 });
      expect(sequential.flatMap((result) => result.findings).length).toBeGreaterThan(0);
      expect(sequential.some((result) => result.parsed)).toBe(keepData);
      expect(parallel).toEqual(sequential);
    },
  );
});

describe('how many worker threads validation starts', () => {
  const share = MIN_FILES_PER_WORKER;

  it('none where a worker would not get its share: 1,000 files check on the main thread', () => {
    expect(workerCount(1000, 2)).toBe(0);
    expect(workerCount(1000, 16)).toBe(0);
    expect(workerCount(2 * share - 1, 4)).toBe(0);
  });

  it('one per full share beyond the main thread’s, up to one per core left over', () => {
    expect(workerCount(2 * share, 2)).toBe(1);
    expect(workerCount(10000, 2)).toBe(1);
    expect(workerCount(3 * share, 4)).toBe(2);
    expect(workerCount(10000, 4)).toBe(3);
  });

  it('at most three workers, and none on one core', () => {
    expect(workerCount(100000, 16)).toBe(3);
    expect(workerCount(100000, 1)).toBe(0);
  });
});
