import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvKeys, jsonKeys, xlsxKeys } from '../../src/lib/build/reconcile-keys';
import { tempCacheDir, tempDir } from '../support/temp';

/**
 * The keys of the open-data files, memoized by the hash of their bytes: a hit gives what a fresh read
 * gives, other bytes are another key, and a damaged entry is read again from the file.
 */

const cacheDir = tempCacheDir('peg-reconcile-keys-');
const entries = () =>
  readdirSync(join(cacheDir(), 'reconcile-keys')).map((name) => join(cacheDir(), 'reconcile-keys', name));

const FASI_CSV = 'codice,id,titolo\r\n2021_A01_00,F01,Uno\r\n2021_A01_00,F02,Due\r\n2021_B01_00,F01,Tre\r\n';

function writeCsv(text = FASI_CSV): string {
  const path = join(tempDir(), 'fasi.csv');
  writeFileSync(path, text);
  return path;
}

describe('keys of a built file, memoized by its bytes', () => {
  it('stores the keys on the first read and gives the same keys from the cache', async () => {
    const path = writeCsv();
    const fresh = await csvKeys(path, 'fasi');
    expect(fresh).toEqual(['2021_A01_00 F01', '2021_A01_00 F02', '2021_B01_00 F01']);
    expect(entries()).toHaveLength(1);
    expect(JSON.parse(readFileSync(entries()[0]!, 'utf8'))).toEqual(fresh);
    expect(await csvKeys(path, 'fasi')).toEqual(fresh);
    expect(entries()).toHaveLength(1);
  });

  it('serves the stored entry on a hit, without parsing the file', async () => {
    const path = writeCsv();
    await csvKeys(path, 'fasi');
    // A valid entry with other keys: what comes back proves where it came from.
    writeFileSync(entries()[0]!, JSON.stringify(['dalla cache']));
    expect(await csvKeys(path, 'fasi')).toEqual(['dalla cache']);
  });

  it('reads a file altered after its keys were stored again: one row fewer is one key fewer', async () => {
    const path = writeCsv();
    await csvKeys(path, 'fasi');
    writeFileSync(path, FASI_CSV.replace('2021_A01_00,F02,Due\r\n', ''));
    expect(await csvKeys(path, 'fasi')).toEqual(['2021_A01_00 F01', '2021_B01_00 F01']);
    expect(entries()).toHaveLength(2);
  });

  it('keys the same bytes apart by table: a fasi table read as obiettivi gives codici only', async () => {
    const path = writeCsv();
    await csvKeys(path, 'fasi');
    expect(await csvKeys(path, 'obiettivi')).toEqual(['2021_A01_00', '2021_B01_00']);
  });

  it.each([
    ['not JSON', 'non json {'],
    ['truncated', '["2021_A01_00 F01", "2021_A0'],
    ['the wrong shape', JSON.stringify({ obiettivi: ['2021_A01_00'] })],
    ['a list of numbers', '[1, 2]'],
    ['empty', ''],
  ])('treats an entry that is %s as a miss: the file is read again and the entry replaced', async (_, damaged) => {
    const path = writeCsv();
    const fresh = await csvKeys(path, 'fasi');
    writeFileSync(entries()[0]!, damaged);
    expect(await csvKeys(path, 'fasi')).toEqual(fresh);
    expect(JSON.parse(readFileSync(entries()[0]!, 'utf8'))).toEqual(fresh);
  });

  it('stores nothing for a file that is not readable as its kind, and reports it every time', async () => {
    const path = writeCsv('codice,id\r\n"2021_A01_00,F01\r\n');
    expect(await csvKeys(path, 'fasi')).toBeNull();
    expect(await csvKeys(path, 'fasi')).toBeNull();
    expect(readdirSync(cacheDir())).not.toContain('reconcile-keys');
  });

  it('reads the objectives, fasi and indicatori of an obiettivi.json, from the file and from the cache', async () => {
    const path = join(tempDir(), 'obiettivi.json');
    writeFileSync(
      path,
      JSON.stringify({
        obiettivi: [
          { codice: '2021_A01_00', fasi: [{ id: 'F01' }], indicatori: [{ id: 'I01' }, { id: 'I02' }] },
          { codice: '2021_B01_00', fasi: [], indicatori: [] },
        ],
      }),
    );
    const expected = {
      obiettivi: ['2021_A01_00', '2021_B01_00'],
      fasi: ['2021_A01_00 F01'],
      indicatori: ['2021_A01_00 I01', '2021_A01_00 I02'],
    };
    expect(await jsonKeys(path)).toEqual(expected);
    expect(await jsonKeys(path)).toEqual(expected);
    writeFileSync(path, JSON.stringify({ elenco: [] }));
    expect(await jsonKeys(path)).toBeNull();
  });

  it('reads the three sheets of a workbook, a missing sheet as null, from the file and from the cache', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('obiettivi').addRows([
      ['titolo', 'codice'],
      ['Uno', '2021_A01_00'],
    ]);
    workbook.addWorksheet('fasi').addRows([
      ['codice', 'id'],
      ['2021_A01_00', 'F01'],
    ]);
    const path = join(tempDir(), 'obiettivi.xlsx');
    await workbook.xlsx.writeFile(path);
    const expected = { obiettivi: ['2021_A01_00'], fasi: ['2021_A01_00 F01'], indicatori: null };
    expect(await xlsxKeys(path)).toEqual(expected);
    expect(entries()).toHaveLength(1);
    writeFileSync(entries()[0]!, '{"obiettivi": null}');
    expect(await xlsxKeys(path)).toEqual(expected);
    writeFileSync(path, 'non è un file Excel');
    expect(await xlsxKeys(path)).toBeNull();
  });
});
