import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on `entry`. Workers inherit no loader hooks (tsx, vitest, the Vite loader of
 * astro.config.mjs), so on a .ts entry the worker registers tsx itself before importing it.
 */
export function startWorker(entry: URL, workerData?: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
