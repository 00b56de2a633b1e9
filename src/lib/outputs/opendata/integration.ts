import { createReadStream, createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { timePhase } from '../../build/phases';
import { closeBuildRead, openBuildRead } from '../../content/build-read';
import { OPENDATA_URL } from '../../routes';
import { placeCached } from '../cache';
import { openDataFiles, openDataSource, type OpenDataFile } from './files';

/**
 * The open-data files (files.ts) outside Astro's page pipeline: `astro build` writes them into its output
 * folder once the pages are done (or, for a large site under `npm run build`, the build does it in a child
 * process after Astro, with `writeOpenData`), `astro dev` answers their URLs from the same list, so
 * `astro build` alone, `npm run build` and the dev server publish the same bytes.
 */

/**
 * Set by `npm run build` for a large site: Astro's process leaves the open data out, and the build writes them
 * with `writeOpenData` in a child process once Astro has exited (src/lib/build/opendata.ts).
 */
export const OPENDATA_AFTER_ASTRO_ENV = 'PEG_OPENDATA_AFTER_ASTRO';

/** `place` puts a cached file at the target without reading it; without it, the file is streamed. */
async function send(
  body: Awaited<ReturnType<OpenDataFile['body']>> | Readable,
  to: () => Writable,
  whole: (bytes: string | Buffer) => void,
  place?: (cachedFile: string) => Promise<boolean>,
) {
  if (body instanceof Readable) await pipeline(body, to());
  else if (typeof body === 'string' || Buffer.isBuffer(body)) whole(body);
  else if (!(await place?.(body.cachedFile))) await pipeline(createReadStream(body.cachedFile), to());
}

/** Writes every open-data file below `outDir`; large files are streamed to disk, never whole in memory. */
export async function writeOpenData(outDir: string, contentDir: string): Promise<number> {
  const files = openDataFiles(openDataSource(contentDir));
  for (const dir of new Set(files.map((file) => dirname(join(outDir, file.path))))) mkdirSync(dir, { recursive: true });
  for (const file of files) {
    const target = join(outDir, file.path);
    // A file kept in the cache is copied from it, not streamed through this process.
    await send(
      await (file.cached ?? file.body)(),
      () => createWriteStream(target),
      (bytes) => writeFileSync(target, bytes),
      (cachedFile) => placeCached(cachedFile, target),
    );
  }
  return files.length;
}

async function serve(contentDir: string, path: string, res: ServerResponse): Promise<boolean> {
  const file = openDataFiles(openDataSource(contentDir)).find((f) => f.path === path);
  if (!file) return false;
  res.setHeader('Content-Type', file.mediaType);
  await send(
    await file.body(),
    () => res,
    (bytes) => res.end(bytes),
  );
  return true;
}

export function openDataIntegration({ contentDir }: { contentDir: string }): AstroIntegration {
  return {
    name: 'peg-opendata',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
          // The /opendata/ page itself is Astro's; the files under it are answered here.
          if (!path.startsWith(OPENDATA_URL) || path.endsWith('/')) return next();
          serve(contentDir, path, res).then((served) => served || next(), next);
        });
      },
      // content/ is read once for this and the share images (src/lib/content/build-read.ts).
      'astro:build:start': () => openBuildRead(),
      'astro:build:done': async ({ dir, logger }) => {
        try {
          if (process.env[OPENDATA_AFTER_ASTRO_ENV] === '1') return;
          const written = await timePhase('dati aperti', () => writeOpenData(fileURLToPath(dir), contentDir));
          logger.info(`${written} file di dati aperti scritti`);
        } finally {
          closeBuildRead();
        }
      },
    },
  };
}
