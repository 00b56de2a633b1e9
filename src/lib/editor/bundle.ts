import { build } from 'esbuild';
import { resolve } from 'node:path';

/**
 * The editor's browser script: Decap CMS, its Italian locale, the project's file formats and the
 * generated configuration, bundled with esbuild into one file served from the site (/admin/cms.js).
 * No CDN. Only /admin/ loads it.
 */
// From the repository root (Astro moves the compiled endpoint, so not relative to this module).
const ENTRY = resolve('src/client/admin.ts');

export async function editorBundle(config: Record<string, unknown>): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'silent',
    define: {
      'process.env.NODE_ENV': '"production"',
      global: 'globalThis',
      __PEG_DECAP_CONFIG__: JSON.stringify(config),
    },
  });
  return result.outputFiles[0]!.text;
}
