import { defineConfig } from 'vitest/config';

/**
 * Test projects, one per runner: `unit` runs tests/**\/*.test.ts in Node. Browser tests (*.e2e.ts) get
 * their own project here, so neither runner loads the other's files.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'tests/**/*.e2e.ts'],
          environment: 'node',
        },
      },
    ],
  },
});
