import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { xlsxKeys } from '../../src/lib/build/reconcile-keys';
import { cacheWorkbookKeys } from '../../src/lib/build/workbook-keys';
import { tempDir } from '../support/temp';

/** A workbook of one objective and one fase of `anno`, written at `path`. */
async function writeWorkbook(path: string, anno: number) {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('obiettivi').addRows([['codice'], [`${anno}_A01_00`]]);
  workbook.addWorksheet('fasi').addRows([
    ['codice', 'id'],
    [`${anno}_A01_00`, 'F01'],
  ]);
  mkdirSync(join(path, '..'), { recursive: true });
  await workbook.xlsx.writeFile(path);
}

describe('the workbooks’ keys read in a child process before the reconciliation', () => {
  it('leaves the keys of every obiettivi.xlsx of the site in the cache, and only those', async () => {
    const site = tempDir('peg-site-');
    const cache = tempDir('peg-cache-');
    await writeWorkbook(join(site, 'opendata', 'obiettivi.xlsx'), 2021);
    await writeWorkbook(join(site, 'opendata', '2021', 'obiettivi.xlsx'), 2022);
    await writeWorkbook(join(site, 'opendata', '2021', 'altro.xlsx'), 2023);
    await cacheWorkbookKeys(site, { ...process.env, PEG_CACHE_DIR: cache });
    const entries = readdirSync(join(cache, 'reconcile-keys'));
    expect(entries).toHaveLength(2);
    // What the reconciliation then gets is the child's entry: replaced, it shows where the keys come from.
    vi.stubEnv('PEG_CACHE_DIR', cache);
    try {
      for (const entry of entries)
        writeFileSync(
          join(cache, 'reconcile-keys', entry),
          '{"obiettivi":["dalla cache"],"fasi":null,"indicatori":null}',
        );
      for (const path of [join(site, 'opendata', 'obiettivi.xlsx'), join(site, 'opendata', '2021', 'obiettivi.xlsx')])
        expect(await xlsxKeys(path)).toEqual({ obiettivi: ['dalla cache'], fasi: null, indicatori: null });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('never fails the build: a site without open data leaves the work to the reconciliation', async () => {
    const cache = tempDir('peg-cache-');
    await expect(
      cacheWorkbookKeys(tempDir('peg-site-'), { ...process.env, PEG_CACHE_DIR: cache }),
    ).resolves.toBeUndefined();
  });
});
