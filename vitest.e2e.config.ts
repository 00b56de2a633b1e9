import { defineConfig } from 'vitest/config';

/** Browser tests (*.e2e.ts) against the built site; unit tests (*.test.ts) use vitest.config.ts. */
export default defineConfig({
  test: {
    include: ['tests/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // One Chromium at a time on a 2-core machine keeps timings stable.
    fileParallelism: false,
  },
});
