import { getViteConfig } from 'astro/config';

/**
 * Unit tests (*.test.ts). Astro's Vite config lets them render .astro components with the container
 * API; browser tests (*.e2e.ts) use vitest.e2e.config.ts.
 */
export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
  },
});
