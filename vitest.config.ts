import { getViteConfig } from 'astro/config';

/**
 * Unit tests (tests/**\/*.test.ts) run in Node; Astro's Vite config lets them render .astro components
 * with the container API. Browser tests (*.e2e.ts) use vitest.e2e.config.ts, so neither runner loads
 * the other's files.
 */
export default getViteConfig({
  test: {
    // No test has a wall-clock budget: this one exists only to stop a hang, and is long enough for a
    // 2-core machine busy with other work (some tests spawn npm, git, tsx or a full import).
    testTimeout: 600_000,
    hookTimeout: 600_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'tests/**/*.e2e.ts'],
          environment: 'node',
          // Removes the temp folders tests/support/temp.ts made, when each test file ends.
          setupFiles: ['tests/support/setup.ts'],
        },
      },
    ],
  },
});
