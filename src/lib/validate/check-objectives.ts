import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkObjective, type ObjectiveFile, type ObjectiveResult } from './check-objective';
import type { ObjectiveContext } from './objective-rules';

/** Below this many files, starting workers (≈100 ms each, schema included) costs more than it saves. */
const PARALLEL_THRESHOLD = 1000;

function runWorker(files: ObjectiveFile[], context: ObjectiveContext): Promise<ObjectiveResult[]> {
  return new Promise((resolve, reject) => {
    // Workers do not inherit tsx's loader hooks: register them in the worker, then load the TypeScript entry.
    const entry = new URL('./objective-worker.ts', import.meta.url).href;
    const tsx = import.meta.resolve('tsx/esm/api');
    const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
    const worker = new Worker(bootstrap, { eval: true, workerData: { files, context } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`objective worker exited with code ${code}`));
    });
  });
}

/**
 * Checks every objective file, on all cores when `parallel` (the command line; it runs under tsx, which
 * also loads the TypeScript worker) and there are many files. Results keep the order of `files`.
 */
export async function checkObjectives(files: ObjectiveFile[], context: ObjectiveContext, parallel: boolean): Promise<ObjectiveResult[]> {
  const threads = Math.min(availableParallelism(), 4);
  if (!parallel || threads < 2 || files.length < PARALLEL_THRESHOLD) return files.map((file) => checkObjective(file, context));
  const size = Math.ceil(files.length / threads);
  const chunks = Array.from({ length: threads }, (_, i) => files.slice(i * size, (i + 1) * size));
  return (await Promise.all(chunks.map((chunk) => runWorker(chunk, context)))).flat();
}
