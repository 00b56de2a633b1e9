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

  it('reads a workbook row by row into the keys a whole read with exceljs gives', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('testi').addRows([
      ['codice', 'testo'],
      ['2021_A01_00', 'Un testo lungo'],
    ]);
    const obiettivi = workbook.addWorksheet('obiettivi');
    obiettivi.addRows([
      ['codice', 'titolo'],
      ['2021_A01_00', 'Uno'],
      [2021, 'Un codice numerico'],
    ]);
    obiettivi.getCell('B6').style = { font: { bold: true } }; // a row with a style and no value
    obiettivi.getCell('A7').value = new Date(Date.UTC(2021, 0, 2));
    obiettivi.getCell('A7').numFmt = 'yyyy-mm-dd';
    const fasi = workbook.addWorksheet('fasi');
    fasi.addRows([
      ['id', 'titolo', 'codice'],
      ['F01', 'Prima', '2021_A01_00'],
      ['F02', '', null],
    ]);
    workbook.addWorksheet('indicatori').addRow(['codice', 'id']);
    const path = join(tempDir(), 'obiettivi.xlsx');
    await workbook.xlsx.writeFile(path);

    // The reconciliation's reading before it streamed: the workbook whole, sheets by name.
    const whole = new ExcelJS.Workbook();
    await whole.xlsx.readFile(path);
    const expected = Object.fromEntries(
      (['obiettivi', 'fasi', 'indicatori'] as const).map((tabella) => {
        const sheet = whole.getWorksheet(tabella)!;
        const columns = new Map<string, number>();
        sheet.getRow(1).eachCell((cell, column) => columns.set(String(cell.value), column));
        const keys = new Set<string>();
        sheet.eachRow((row, number) => {
          if (number === 1) return;
          const value = (name: string) => String(row.getCell(columns.get(name) ?? 0).value ?? '');
          keys.add(tabella === 'obiettivi' ? value('codice') : `${value('codice')} ${value('id')}`);
        });
        return [tabella, [...keys]];
      }),
    );
    expect(expected.obiettivi).toHaveLength(3);
    expect(await xlsxKeys(path)).toEqual(expected);
  });

  it('reads a key cell that is a link by its text (a whole read gave «[object Object]»)', async () => {
    const workbook = new ExcelJS.Workbook();
    const obiettivi = workbook.addWorksheet('obiettivi');
    obiettivi.addRow(['codice']);
    obiettivi.getCell('A2').value = { text: '2021_B01_00', hyperlink: 'https://example.org/' };
    const path = join(tempDir(), 'obiettivi.xlsx');
    await workbook.xlsx.writeFile(path);
    expect(await xlsxKeys(path)).toEqual({ obiettivi: ['2021_B01_00'], fasi: null, indicatori: null });
  });
});
