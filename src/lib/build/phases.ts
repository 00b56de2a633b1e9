import { appendFileSync, readFileSync } from 'node:fs';

/**
 * Per-phase timings of a build, for `npm run bench`. When PEG_PHASES_FILE names a file, every timed phase
 * appends one JSON line to it; otherwise timing costs nothing and writes nothing. Child processes inherit
 * the variable, so phases timed inside `astro build` land in the same file, and the bench tells nesting by
 * time: a phase whose interval lies inside another's is part of it (src/lib/dev/bench/phases.ts).
 */
export interface PhaseTiming {
  phase: string;
  /** Wall-clock start, milliseconds since the epoch: comparable across the build's processes. */
  start: number;
  seconds: number;
  /**
   * CPU (user + system) of this process, all its threads, plus the child processes it waited for during
   * the phase: the `astro` phase includes the whole `astro build` process.
   */
  cpuSeconds: number;
}

/** Linux reports /proc times in USER_HZ, fixed at 100 by the kernel's ABI. */
const USER_HZ = 100;

/** CPU seconds of the children this process has waited for (cutime + cstime); 0 where /proc is missing. */
function waitedChildrenCpu(): number {
  let stat: string;
  try {
    stat = readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return 0;
  }
  // Fields after "(comm)", which may contain spaces: state is field 3, cutime 16, cstime 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / USER_HZ;
}

function cpuNow(): number {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1e6 + waitedChildrenCpu();
}

/**
 * Runs one phase of the build and, when PEG_PHASES_FILE is set, records it. Phases of one process must not
 * run concurrently: process CPU cannot be split between them.
 */
export async function timePhase<T>(phase: string, run: () => Promise<T> | T): Promise<T> {
  const file = process.env.PEG_PHASES_FILE;
  if (!file) return run();
  const start = performance.timeOrigin + performance.now();
  const started = performance.now();
  const cpu = cpuNow();
  try {
    return await run();
  } finally {
    const timing: PhaseTiming = {
      phase,
      start,
      seconds: (performance.now() - started) / 1000,
      cpuSeconds: cpuNow() - cpu,
    };
    appendFileSync(file, `${JSON.stringify(timing)}\n`);
  }
}
