import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { secureBuiltSite } from '../lib/csp/apply';

/**
 * Hashes every page's inline code into its own Content-Security-Policy once the build has written
 * the HTML. Astro's built-in security.csp was tried first: it places the <meta> after the head's
 * own elements (an is:inline script before it runs unchecked), does not hash is:inline scripts,
 * and leaves style="" attributes blocked; this step covers all three.
 */
export default function csp(): AstroIntegration {
  return {
    name: 'peg-aperto:csp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pages = await secureBuiltSite(fileURLToPath(dir));
        logger.info(`Content-Security-Policy scritta in ${pages} pagine`);
      },
    },
  };
}
