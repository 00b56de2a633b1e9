import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, onTestFinished, vi } from 'vitest';

/** Folders still to remove when the current test file ends (tests/support/setup.ts calls removeTempDirs). */
const pending = new Set<string>();

function remove(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  pending.delete(dir);
}

/**
 * A new empty folder below the system temp folder that removes itself: at the end of the test that
 * asked for it, or, when asked for outside a test (describe body, beforeAll), at the end of the file.
 * `keep: 'file'` keeps it until the end of the file even inside a test (a cache shared by tests).
 */
export function tempDir(prefix = 'peg-test-', options: { keep?: 'test' | 'file' } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  pending.add(dir);
  if (options.keep !== 'file') {
    try {
      onTestFinished(() => remove(dir));
    } catch {
      // Not inside a test: removed with the file's other folders.
    }
  }
  return dir;
}

/** Removes every folder tempDir made in this test file that is still there. */
export function removeTempDirs(): void {
  for (const dir of [...pending]) remove(dir);
}

/**
 * Points PEG_CACHE_DIR at a new temporary folder around the tests of the enclosing block (or file): a fresh
 * folder for each test, or one the block's tests share (`per: 'block'`). Returns the current folder.
 */
export function tempCacheDir(prefix: string, per: 'test' | 'block' = 'test'): () => string {
  let dir = '';
  const [before, after] = per === 'test' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(() => {
    dir = tempDir(prefix);
    vi.stubEnv('PEG_CACHE_DIR', dir);
  });
  after(() => {
    vi.unstubAllEnvs();
  });
  return () => dir;
}
