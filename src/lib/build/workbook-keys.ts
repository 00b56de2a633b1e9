import { forkModule } from './workers';

/**
 * Reads the keys of every obiettivi.xlsx of `siteDir` into the reconciliation's cache (reconcile-keys.ts)
 * in a child process, before the build reads content/ for the reconciliation. exceljs reads a workbook whole:
 * at 10,000 objectives the all-years one took ≈2 GB, and beside content/ (≈1 GB) the build's own process
 * reached 3.0 GB. In a child that memory is given back before content/ is read. Never rejects: a workbook
 * the child could not read (or a cache it could not write) is read by the reconciliation itself, which
 * reports what is wrong with it.
 */
export function cacheWorkbookKeys(siteDir: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((done) => {
    const child = forkModule(import.meta.url, 'workbook-keys-child', [siteDir], { env, stdio: 'ignore' });
    child.once('error', () => done());
    child.once('close', () => done());
  });
}
