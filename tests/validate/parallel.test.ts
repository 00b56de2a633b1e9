import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkObjectives } from '../../src/lib/validate/check-objectives';
import type { ObjectiveContext } from '../../src/lib/validate/objective-rules';
import { fixture } from '../support/fixtures';

describe('checking objectives on worker threads', () => {
  it('gives the same results, in the same order, as checking them one by one', async () => {
    const root = join((await fixture('molti-errori')).dir, 'obiettivi/2020');
    const files = readdirSync(root).map((name) => ({ source: join(root, name), contentPath: name, path: name }));
    const context: ObjectiveContext = { tipiIndicatore: ['EFFICACIA'], dup: null };
    const sequential = await checkObjectives(files, context, false);
    const parallel = await checkObjectives(files, context, true, 0);
    expect(sequential.flatMap((result) => result.findings).length).toBeGreaterThan(0);
    expect(parallel).toEqual(sequential);
  });
});
