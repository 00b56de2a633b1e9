import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, stop, version as esbuildVersion } from 'esbuild';
import type { Ente } from '../../schemas/ente';
import { cached } from '../outputs/cache';
import { decapConfig } from './decap-config';
import { codeDigest } from '../outputs/code-digest';

/**
 * The editor's browser script: Decap CMS, its Italian locale, the project's file formats and the
 * generated configuration, bundled with esbuild into one file served from the site (/admin/cms.js).
 * No CDN. Only /admin/ loads it.
 *
 * Bundling Decap CMS took seconds of CPU and left esbuild's service process holding ≈430 MB for the rest
 * of `astro build` (docs/benchmarks.md, "Editor script cached"), for a file that changes only with the code,
 * the dependencies or the configuration: so it is cached on exactly those, and esbuild is stopped after a miss.
 */
// From the repository root (Astro moves the compiled endpoint, so not relative to this module).
const ENTRY = resolve('src/client/admin.ts');

/**
 * The script for a site of `ente` with objectives of the years `anni` (latest first, as getIndexes gives
 * them): /admin/cms.js serves it, and `npm run build` bundles it before Astro starts (in its validation
 * child, src/lib/build/validation-child.ts), so that Astro's render finds it cached. `stopService` stops
 * esbuild's service after a miss: in a build, where nothing else shares it.
 */
export function editorBundleFor(ente: Ente, anni: readonly number[], stopService: boolean): Promise<string> {
  const port = Number(process.env.PEG_EDITOR_LOCAL_PORT);
  return editorBundle(decapConfig({ ente, anni, ...(port ? { local: { port } } : {}) }), stopService);
}

export async function editorBundle(config: Record<string, unknown>, stopService = false): Promise<string> {
  const keyParts = {
    esbuild: esbuildVersion,
    // Decap CMS and every other dependency, as installed from the lockfile.
    lockfile: createHash('sha256')
      .update(readFileSync(resolve('package-lock.json')))
      .digest('hex'),
    // src/client/admin.ts and everything of ours it imports, and this module's build options.
    code: codeDigest(),
    config,
  };
  const bytes = await cached('editor-bundle', keyParts, bundle(config, stopService), { ext: 'js' });
  return bytes.toString('utf8');
}

function bundle(config: Record<string, unknown>, stopService: boolean) {
  return async (): Promise<Uint8Array> => {
    try {
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
      return result.outputFiles[0]!.contents;
    } finally {
      // The service process keeps its memory until stopped (the next call starts a new one). Only in a
      // build, where every Vite transform is over when pages render: the dev server's own transforms share
      // this service and could be cut off mid-request.
      if (stopService) await stop();
    }
  };
}
