import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sirv from 'sirv';

/**
 * Builds the site with the real pipeline (`npm run build`: validate, astro build, post-build steps)
 * for a content folder into a temporary directory (`env` adds to the build's environment), and serves it
 * on 127.0.0.1 on a free port.
 */
export function buildSite(contentDir = 'content', env: NodeJS.ProcessEnv = {}): string {
  // Under `npm run test:e2e` every build goes below one folder that the global teardown removes.
  const outDir = mkdtempSync(join(process.env.PEG_E2E_TMP ?? tmpdir(), 'peg-dist-'));
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      PEG_CONTENT_DIR: resolve(contentDir),
      PEG_OUT_DIR: outDir,
      ...env,
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`e2e: build of ${contentDir} failed\n${result.stdout}\n${result.stderr}`);
  }
  return outDir;
}

export interface ServedSite {
  baseURL: string;
  close: () => Promise<void>;
}

/** Serves a built dist/ like a static host: directory index.html, 404.html for missing paths. */
export async function serveSite(outDir: string): Promise<ServedSite> {
  const handler = sirv(outDir, { dev: false, etag: false, dotfiles: false });
  const notFound = sirv(outDir, { dev: false, single: '404.html' });
  const server: Server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      notFound(req, res, () => {
        res.end('404');
      });
    }),
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('e2e: server has no port');
  return {
    baseURL: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
