import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

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
