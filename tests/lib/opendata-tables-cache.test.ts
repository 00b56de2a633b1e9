import { readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFiles } from '../../src/lib/outputs/opendata/datasets';
import { writeOpenData } from '../../src/lib/outputs/opendata/integration';
import { copyFolder } from '../support/fixtures';
import { tempCacheDir, tempDir } from '../support/temp';

const fixture = 'tests/fixtures/content/multi-year';

/** Every file below `dir` (relative path → bytes). */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      out.set(path.slice(dir.length), readFileSync(path));
    }
  return out;
}

async function written(content: string): Promise<Map<string, Buffer>> {
  const out = tempDir();
  await writeOpenData(out, content);
  return files(out);
}

/** The cached JSON and CSV tables, by file name. */
function cachedTables(cache: string): string[] {
  return readdirSync(join(cache, 'opendata-tables')).map((name) => join(cache, 'opendata-tables', name));
}

/** The site paths of the JSON and CSV of these sets (`undefined`: all years). */
const tablePaths = (anni: (number | undefined)[]) =>
  anni.flatMap((anno) =>
    datasetFiles(anno)
      .filter((f) => f.format !== 'XLSX')
      .map((f) => f.path),
  );

describe('cached open-data JSON and CSV', () => {
  const cacheDir = tempCacheDir('peg-opendata-tables-');

  it('gives the same bytes from the cache as when it writes them, and reads hits from the cache', async () => {
    const cold = await written(fixture);
    const tables = cachedTables(cacheDir());
    // The all-years set and each of the two years: a JSON and three CSV each.
    expect(tables).toHaveLength(tablePaths([undefined, 2020, 2021]).length);
    expect(tables).toHaveLength(12);
    expect(await written(fixture)).toEqual(cold);

    // A hit is the cached file as it is: change every one (keeping how a whole file starts and ends).
    for (const table of tables) {
      const bytes = readFileSync(table);
      writeFileSync(table, Buffer.concat([bytes.subarray(0, 3), Buffer.from('cached'), bytes.subarray(3)]));
    }
    const warm = await written(fixture);
    for (const path of tablePaths([undefined, 2020, 2021])) expect(warm.get(path)!.includes('cached'), path).toBe(true);
  });

  it('writes again the files of a changed objective’s year and of all years, and only those', async () => {
    const content = copyFolder(fixture);
    const before = await written(content);
    const tablesBefore = new Set(cachedTables(cacheDir()));
    const file = join(content, 'obiettivi/2021/c03-01.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^titolo: .*$/m, 'titolo: Un titolo cambiato'));
    const after = await written(content);

    const added = cachedTables(cacheDir()).filter((table) => !tablesBefore.has(table));
    expect(added).toHaveLength(tablePaths([undefined, 2021]).length);
    const changed = [...after.keys()].filter((path) => !after.get(path)!.equals(before.get(path)!)).sort();
    // The files the title is in; fasi.csv and indicatori.csv are keyed anew but come out the same.
    expect(changed).toEqual(
      [
        '/opendata/obiettivi.json',
        '/opendata/obiettivi.csv',
        '/opendata/obiettivi.xlsx',
        '/opendata/2021/obiettivi.json',
        '/opendata/2021/obiettivi.csv',
        '/opendata/2021/obiettivi.xlsx',
        '/opendata/obiettivi/2021_C03_01.json',
        '/opendata/obiettivi/2021_C03_01.csv',
      ].sort(),
    );
    for (const path of tablePaths([2020])) expect(after.get(path)).toEqual(before.get(path));
    expect(after.get('/opendata/2021/obiettivi.json')!.toString()).toContain('Un titolo cambiato');
  });

  it('writes a table again when its cached file is cut short', async () => {
    const cold = await written(fixture);
    for (const table of cachedTables(cacheDir())) truncateSync(table, 10);
    expect(await written(fixture)).toEqual(cold);
    // …and stores it whole again.
    expect(await written(fixture)).toEqual(cold);
  });
});
