import { defineConfig } from 'vitest/config';

/** Browser tests (*.e2e.ts) against the built site; unit tests (*.test.ts) use vitest.config.ts. */
export default defineConfig({
  test: {
    include: ['tests/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    // Removes the temp folders tests/support/temp.ts made, when each test file ends.
    setupFiles: ['tests/support/setup.ts'],
    // No test has a wall-clock budget: this one exists only to stop a hang, and is long enough for a
    // loaded 2-core machine (a hook may run two full site builds).
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // One Chromium at a time on a 2-core machine keeps timings stable.
    fileParallelism: false,
  },
});
