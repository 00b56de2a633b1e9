import { forkModule } from './workers';

/**
 * Reads the keys of every obiettivi.xlsx of `siteDir` into the reconciliation's cache (reconcile-keys.ts)
 * in a child process, before the build reads content/ for the reconciliation. The keys are read as streams
 * (xlsx-columns.ts), but the zip, the cells of two columns and their strings still took ≈0.4 GB for the
 * all-years workbook at 10,000 objectives; in a child that memory is given back before content/ (≈1 GB) is
 * read. Never rejects: a workbook the child could not read (or a cache it could not write) is read by the
 * reconciliation itself, which reports what is wrong with it.
 */
export function cacheWorkbookKeys(siteDir: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((done) => {
    const child = forkModule(import.meta.url, 'workbook-keys-child', [siteDir], { env, stdio: 'ignore' });
    child.once('error', () => done());
    child.once('close', () => done());
  });
}
