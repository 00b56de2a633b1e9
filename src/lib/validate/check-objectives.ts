import { availableParallelism } from 'node:os';
import { startWorker } from '../build/workers';
import { checkObjective, type ObjectiveFile, type ObjectiveResult } from './check-objective';
import type { ObjectiveContext } from './objective-rules';

/** Below this many files, starting workers (module loading, ≈0.2 s each) costs more than it saves. */
export const PARALLEL_THRESHOLD = 1000;

function runWorker(files: ObjectiveFile[], context: ObjectiveContext): Promise<ObjectiveResult[]> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, 'objective-worker', { files, context });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`objective worker exited with code ${code}`));
    });
  });
}

/**
 * Checks every objective file; with `parallel` and at least `threshold` files, on up to 4 worker
 * threads (one per core). Results keep the order of `files`, so output does not depend on threads.
 */
export async function checkObjectives(
  files: ObjectiveFile[],
  context: ObjectiveContext,
  parallel: boolean,
  threshold = PARALLEL_THRESHOLD,
): Promise<ObjectiveResult[]> {
  const threads = Math.min(availableParallelism(), 4);
  if (!parallel || threads < 2 || files.length < threshold) return files.map((file) => checkObjective(file, context));
  const size = Math.ceil(files.length / threads);
  const chunks = Array.from({ length: threads }, (_, i) => files.slice(i * size, (i + 1) * size));
  return (await Promise.all(chunks.map((chunk) => runWorker(chunk, context)))).flat();
}
