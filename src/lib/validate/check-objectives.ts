import { availableParallelism } from 'node:os';
import { startWorker } from '../build/workers';
import { checkObjective, type ObjectiveFile, type ObjectiveResult } from './check-objective';
import type { ObjectiveContext } from './objective-rules';

/**
 * Fewest files a worker thread must take over for it to pay. Starting one (tsx, the schemas, js-yaml)
 * costs ≈0.45 CPU s whatever its share, while a file costs ≈0.55 ms: 2,500 files are ≈1.4 s of wall
 * saved for that start-up. At 1,000 files two workers cost ≈0.9 CPU s more and were slower than the
 * main thread alone (docs/benchmarks.md, "Validation workers only where they pay; content/ parsed once
 * per build").
 */
export const MIN_FILES_PER_WORKER = 2500;

/** At most this many threads check objectives, the main one included. */
const MAX_THREADS = 4;

/** Files the main thread checks while a worker starts (≈0.45 s at ≈0.55 ms a file): its extra share. */
const HEAD_START = 800;

/**
 * How many worker threads check `files` objectives beside the main thread on a machine of `cores`:
 * one per core left over, and only as many as get MIN_FILES_PER_WORKER files each. 0 below
 * 2 × MIN_FILES_PER_WORKER or on one core.
 */
export function workerCount(files: number, cores: number, minFilesPerWorker = MIN_FILES_PER_WORKER): number {
  const byCores = Math.min(cores, MAX_THREADS) - 1;
  // The main thread takes a share too, so n workers need (n + 1) shares.
  const byFiles = Math.floor(files / Math.max(1, minFilesPerWorker)) - 1;
  return Math.max(0, Math.min(byCores, byFiles));
}

export interface CheckOptions {
  /** Use worker threads where workerCount says they pay; only where the runtime can load TypeScript workers (tsx). */
  parallel?: boolean;
  /** Return each valid file's parsed data (ObjectiveResult.parsed). */
  keepData?: boolean;
  /** Return the key of each readable file's text (ObjectiveResult.memoKey), for the build's memo (./memo.ts). */
  memoKeys?: boolean;
  /** Tests: MIN_FILES_PER_WORKER for a small fixture. */
  minFilesPerWorker?: number;
}

function runWorker(
  files: ObjectiveFile[],
  context: ObjectiveContext,
  keepData: boolean,
  memoKeys: boolean,
): Promise<ObjectiveResult[]> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, 'objective-worker', { files, context, keepData, memoKeys });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`objective worker exited with code ${code}`));
    });
  });
}

/**
 * Checks every objective file; with `parallel`, on the worker threads of workerCount beside the main
 * thread, which checks the first share, and more while they start. Results keep the order of `files`, so output
 * does not depend on threads.
 */
export async function checkObjectives(
  files: ObjectiveFile[],
  context: ObjectiveContext,
  { parallel = false, keepData = false, memoKeys = false, minFilesPerWorker = MIN_FILES_PER_WORKER }: CheckOptions = {},
): Promise<ObjectiveResult[]> {
  const workers = parallel ? workerCount(files.length, availableParallelism(), minFilesPerWorker) : 0;
  const check = (file: ObjectiveFile) => checkObjective(file, context, keepData, memoKeys);
  if (workers === 0) return files.map(check);
  // Bounded for the small folders of tests: at most half of an even share.
  const head = Math.min(HEAD_START, Math.floor(files.length / (2 * (workers + 1))));
  const share = Math.ceil((files.length - head) / (workers + 1));
  const own = files.length - workers * share;
  const started = Array.from({ length: workers }, (_, i) =>
    runWorker(files.slice(own + i * share, own + (i + 1) * share), context, keepData, memoKeys),
  );
  // A worker that fails while the main thread is busy must not be an unhandled rejection meanwhile.
  const settled = Promise.all(started);
  settled.catch(() => {});
  const mine = files.slice(0, own).map(check);
  return [...mine, ...(await settled).flat()];
}
