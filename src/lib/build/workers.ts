import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on the module `name` beside `caller` (the caller's import.meta.url): `.ts`
 * under tsx, vitest and the Vite loader of astro.config.mjs, `.js` once compiled. Workers inherit no
 * loader hooks, so on a .ts module the worker registers tsx itself before importing it.
 */
export function startWorker(caller: string, name: string, workerData?: unknown): Worker {
  if (!caller.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, caller), { workerData });
  const entry = new URL(`./${name}.ts`, caller).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
