import { forkModule } from './workers';

/**
 * From this many objectives `npm run build` writes the open data in a child process after `astro build` has
 * exited, instead of in Astro's process when its pages are done. Written cold at 10,000 objectives they took
 * Astro's process, which still held the whole site, to 1.87 GB; in a process of their own the build keeps
 * under 2 GB without V8's `--optimize-for-size` for Astro, which cost Astro ≈40% more CPU. Below that size
 * Astro's process is far from 2 GB and the child would only add its start and its read of content/
 * (docs/benchmarks.md, "Open data after Astro, in a child process").
 */
export const OPENDATA_CHILD_FROM = 5000;

export type OpenDataReply = { written: number } | { error: string };

/**
 * Writes every open-data file of `contentDir` below `outDir` (opendata/integration.ts, `writeOpenData`) in
 * a child process. `env` must name the validated file (content/validated.ts), so the child takes the
 * validator's parse. Resolves to the number of files; rejects, in Italian, when they could not be written.
 */
export function writeOpenDataInChild(outDir: string, contentDir: string, env: NodeJS.ProcessEnv): Promise<number> {
  const child = forkModule(import.meta.url, 'opendata-child', [outDir, contentDir], {
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let reply: OpenDataReply | undefined;
  child.on('message', (message: OpenDataReply) => (reply = message));
  return new Promise((done, fail) => {
    child.once('error', (error) => fail(new Error(`dati aperti non scritti: ${error.message}`)));
    // 'close', not 'exit': it comes after the IPC channel has delivered every message.
    child.once('close', (code, signal) => {
      if (reply && 'written' in reply) done(reply.written);
      else fail(new Error(`dati aperti non scritti: ${reply?.error ?? signal ?? `uscita ${code}`}`));
    });
  });
}
