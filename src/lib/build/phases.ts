import { appendFileSync } from 'node:fs';

/**
 * Per-phase timings of a build, for `npm run bench`. When PEG_PHASES_FILE names a file, every timed phase
 * appends one JSON line `{ phase, seconds, cpuSeconds }` to it; otherwise timing costs nothing and writes
 * nothing. cpuSeconds is this process's CPU (all its threads) during the phase; a phase that runs in a
 * child process (Astro, Pagefind's indexer, Chromium) shows its wall time there, and the bench measures
 * the whole process tree's CPU separately.
 */
export interface PhaseTiming {
  phase: string;
  seconds: number;
  cpuSeconds: number;
}

export async function timePhase<T>(phase: string, run: () => Promise<T> | T): Promise<T> {
  const file = process.env.PEG_PHASES_FILE;
  if (!file) return run();
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    return await run();
  } finally {
    const used = process.cpuUsage(cpu);
    const timing: PhaseTiming = {
      phase,
      seconds: (performance.now() - started) / 1000,
      cpuSeconds: (used.user + used.system) / 1e6,
    };
    appendFileSync(file, `${JSON.stringify(timing)}\n`);
  }
}
