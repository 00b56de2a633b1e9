import { getViteConfig } from 'astro/config';

/**
 * Unit tests (tests/**\/*.test.ts) run in Node; Astro's Vite config lets them render .astro components
 * with the container API. Browser tests (*.e2e.ts) use vitest.e2e.config.ts, so neither runner loads
 * the other's files.
 */
export default getViteConfig({
  test: {
    projects: [
      {
        extends: true,
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
