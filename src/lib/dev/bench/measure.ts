import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface Measured {
  seconds: number;
  /** CPU time (user + system) of the command and every descendant it waited for. */
  cpuSeconds: number;
  /** Highest sum of resident memory over the whole process tree, sampled every 50 ms from /proc. */
  peakRssMb: number;
  status: number | null;
  output: string;
}

const PAGE = 4096;

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback; // the process ended between listing and reading
  }
}

/** The pid and all its descendants, through /proc/<pid>/task/<tid>/children (Linux ≥ 3.5). */
function processTree(root: number): number[] {
  const seen: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    seen.push(pid);
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      for (const child of readOr(`/proc/${pid}/task/${tid}/children`, '').split(' '))
        if (child) queue.push(Number(child));
    }
  }
  return seen;
}

function treeRssBytes(root: number): number {
  let total = 0;
  for (const pid of processTree(root)) total += Number(readOr(`/proc/${pid}/statm`, '0 0').split(' ')[1] ?? 0) * PAGE;
  return total;
}

/**
 * Runs a command and reports its wall time and the peak memory of its process tree. Polling /proc
 * needs nothing installed (GNU time is not on a fresh machine) and sees grandchildren such as the
 * node process behind `npx` or `npm run`.
 */
export function measure(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    // The wrapping shell reads its own cutime + cstime once the command has ended: the CPU time of the
    // whole tree, which a loaded machine inflates far less than wall time.
    const script =
      '"$0" "$@"; status=$?; echo "__cpu $(cut -d" " -f16,17 /proc/$$/stat) $(getconf CLK_TCK)" >&2; exit $status';
    const child = spawn('sh', ['-c', script, command, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let peak = 0;
    const sample = () => {
      if (child.pid) peak = Math.max(peak, treeRssBytes(child.pid));
    };
    const timer = setInterval(sample, 50);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const [, user = 0, system = 0, tick = 100] = (/__cpu (\d+) (\d+) (\d+)/.exec(output) ?? []).map(Number);
      resolve({ seconds, cpuSeconds: (user + system) / tick, peakRssMb: peak / 2 ** 20, status, output });
    });
  });
}
