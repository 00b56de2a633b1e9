// @ts-check
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import { load } from 'js-yaml';
import { cspConfig } from './src/lib/outputs/csp/policy.ts';
import { precompiledStyles } from './src/lib/build/styles.ts';
import { contentReload } from './src/lib/content/dev-reload.ts';
import { openDataIntegration } from './src/lib/outputs/opendata/integration.ts';
import { shareImageIntegration } from './src/lib/outputs/share-image/integration.ts';

// The public address and the colour come from the comune's own settings, so a fork only edits content/ente.yaml.
const contentDir = process.env.PEG_CONTENT_DIR ?? './content';
const ente = /** @type {{ sito_url?: string, colore_primario?: string }} */ (
  load(readFileSync(`${contentDir}/ente.yaml`, 'utf8')) ?? {}
);

export default defineConfig({
  site: ente.sito_url,
  outDir: process.env.PEG_OUT_DIR ?? './dist',
  // The benchmark gives each run its own cache, to measure cold and warm builds.
  cacheDir: process.env.PEG_CACHE_DIR ?? './node_modules/.astro',
  output: 'static',
  integrations: [openDataIntegration({ contentDir }), shareImageIntegration(contentDir)],
  trailingSlash: 'always',
  // Stylesheets and scripts are always files: the Content-Security-Policy allows no inline code.
  build: { format: 'directory', concurrency: 2, inlineStylesheets: 'never' },
  // Astro hashes its own scripts and styles into a <meta> policy on every page (docs/security.md).
  security: { csp: cspConfig },
  // Shiki colours code with inline style attributes, which the policy blocks: code stays plain text.
  markdown: { syntaxHighlight: false },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // Objective pages carry a cacheKey of all their inputs (src/lib/outputs/page-cache.ts): unchanged ones are
  // copied from the cache folder instead of rendered (docs/architecture.md, "Incremental build").
  experimental: { incrementalBuild: true },
  vite: {
    build: { assetsInlineLimit: 0 },
    // Bootstrap Italia + site.scss, in the comune's colour: compiled once, then read from the cache (PEG_CACHE_DIR).
    // Pages read content/ without a content collection: the dev server reloads them when it changes.
    plugins: [precompiledStyles(ente.colore_primario ?? '#0b5e5b'), contentReload(contentDir)],
  },
});
