import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateInChild } from '../../src/lib/build/validation';
import { readValidated } from '../../src/lib/content/validated';
import { runValidate } from '../../src/lib/validate/cli';
import { fixture } from '../support/fixtures';
import { tempDir } from '../support/temp';

describe('the build’s validation in a child process', () => {
  it('prints what npm run validate prints and leaves the validator’s parse for the build', async () => {
    const dir = 'tests/fixtures/content/multi-year';
    const file = join(tempDir(), 'obiettivi.v8');
    const inProcess = await runValidate([], { PEG_CONTENT_DIR: dir }, { keepData: true });
    expect(await validateInChild(dir, file)).toEqual({ stdout: inProcess.stdout, exitCode: 0 });
    const handed = readValidated(file);
    expect(handed?.size).toBeGreaterThan(0);
    expect(handed).toEqual(inProcess.report.validated);
  });

  it('reports an editor’s errors with exit code 1 and leaves no data', async () => {
    const { dir } = await fixture('codice-duplicato');
    const file = join(tempDir(), 'obiettivi.v8');
    const inProcess = await runValidate([], { PEG_CONTENT_DIR: dir });
    expect(inProcess.exitCode).toBe(1);
    expect(await validateInChild(dir, file)).toEqual({ stdout: inProcess.stdout, exitCode: 1 });
    expect(existsSync(file)).toBe(false);
  });

  it('fails with the child’s error when it cannot finish', async () => {
    const file = join(tempDir(), 'cartella-sparita', 'obiettivi.v8');
    await expect(validateInChild('tests/fixtures/content/valido', file)).rejects.toThrow(/ENOENT.*cartella-sparita/);
  });
});
