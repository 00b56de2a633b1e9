import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * All-or-nothing publication of the built site. The build writes into a staging folder next to the
 * output folder (same parent, so the same file system and `rename` is atomic) and only a complete,
 * reconciled site replaces the output:
 *
 *   dist → dist.previous,  dist.staging → dist,  remove dist.previous
 *
 * Between the two renames there is no dist/ for an instant. A build killed exactly there leaves
 * dist.previous whole, and `recoverOutput` (run at the start of every build and by `npm start`)
 * puts it back. A symlink swap would have no such instant, but static hosts and their upload
 * actions do not all follow a symlinked output folder, so dist/ stays a real folder.
 */

export function stagingDir(outDir: string): string {
  return join(dirname(outDir), `${basename(outDir)}.staging`);
}

export function previousDir(outDir: string): string {
  return join(dirname(outDir), `${basename(outDir)}.previous`);
}

/**
 * Finishes or undoes a publication that was interrupted: restores dist.previous when dist/ is
 * missing, removes it when the new dist/ is in place. Returns what it did, in Italian, or undefined.
 */
export function recoverOutput(outDir: string): string | undefined {
  const previous = previousDir(outDir);
  if (!existsSync(previous)) return undefined;
  if (!existsSync(outDir)) {
    renameSync(previous, outDir);
    return `ripristinato ${outDir} dalla copia ${previous} (una pubblicazione precedente era stata interrotta)`;
  }
  rmSync(previous, { recursive: true, force: true });
  return undefined;
}

export function lockFile(outDir: string): string {
  return join(dirname(outDir), `${basename(outDir)}.lock`);
}

/**
 * Whether process `pid` of this machine is running (EPERM: it is, under another user). A killed process
 * that its parent has not reaped yet (a zombie, state Z in /proc on Linux) is not.
 */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return true; // no /proc (not Linux): the signal said it exists
  }
}

/**
 * `lockOutput`, waiting up to `waitMs` for a holder that is going away: a build killed a moment ago can take
 * a few hundred milliseconds to exit, a running one holds the folder for minutes.
 */
export async function lockOutputWaiting(
  outDir: string,
  waitMs = 5000,
): Promise<{ release: () => void } | { busy: string }> {
  const until = Date.now() + waitMs;
  for (;;) {
    const lock = lockOutput(outDir);
    if ('release' in lock || Date.now() >= until) return lock;
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * One build per output folder at a time: two would clear and fill the same staging folder, and one could
 * publish a site half made by the other (run.ts locks Astro's cache folder the same way). `<out>.lock`
 * holds the process id and machine of the build that owns the folder; a lock whose process is gone (a
 * build killed) is taken over. Returns the release function, or the Italian reason the folder is busy.
 */
export function lockOutput(outDir: string): { release: () => void } | { busy: string } {
  const file = lockFile(outDir);
  const owner = `${process.pid} ${hostname()}`;
  // A first build into a folder whose parent does not exist yet.
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeFileSync(fd, owner);
      closeSync(fd);
      return { release: () => rmSync(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = '';
    try {
      holder = readFileSync(file, 'utf8');
    } catch {
      continue; // released meanwhile
    }
    const [pid, host] = holder.split(' ');
    // Another machine's build (a shared folder) cannot be checked: only its owner or a person can clear it.
    if (host !== hostname() || running(Number(pid)))
      return {
        busy: `un'altra costruzione (processo ${pid}${host === hostname() ? '' : ` su ${host}`}) sta scrivendo in ${outDir}: attendi che finisca; se non è in corso, elimina ${file}`,
      };
    rmSync(file, { force: true }); // left by a build that was killed
  }
  return { busy: `${file} è stato ripreso da un'altra costruzione mentre lo si liberava: riprova` };
}

/** Removes what an interrupted build left in the staging folder. */
export function clearStaging(outDir: string): void {
  rmSync(stagingDir(outDir), { recursive: true, force: true });
}

/** Replaces outDir with the staging folder; `between` runs after the first rename (for the kill test). */
export async function publish(outDir: string, between: () => Promise<void> = async () => {}): Promise<void> {
  const staging = stagingDir(outDir);
  const previous = previousDir(outDir);
  recoverOutput(outDir);
  const hadOutput = existsSync(outDir);
  if (hadOutput) renameSync(outDir, previous);
  await between();
  renameSync(staging, outDir);
  if (hadOutput) rmSync(previous, { recursive: true, force: true });
}

/**
 * Test hook: with PEG_BUILD_PAUSE=<phase> the build writes `<outDir>.pausa-<phase>` when it reaches
 * that phase and waits until the file is removed, so a test can kill it, or change the staging
 * folder and let it go on, at a known point without timing guesses.
 */
export function checkpointFor(outDir: string, env: NodeJS.ProcessEnv = process.env) {
  return async (phase: string): Promise<void> => {
    if (env.PEG_BUILD_PAUSE !== phase) return;
    const marker = join(dirname(outDir), `${basename(outDir)}.pausa-${phase}`);
    writeFileSync(marker, `${process.pid}\n`);
    await new Promise<void>((done) => {
      const timer = setInterval(() => {
        if (existsSync(marker)) return;
        clearInterval(timer);
        done();
      }, 50);
    });
  };
}
