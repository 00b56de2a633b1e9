import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readSheetColumns } from '../../src/lib/build/xlsx-columns';
import { loadContent } from '../../src/lib/content/load';
import { objectivePages } from '../../src/lib/content/pages';
import { obiettiviXlsx } from '../../src/lib/outputs/xlsx';

/**
 * The streamed reader of a workbook's columns gives what exceljs's whole-workbook reader gives for the
 * same cells, on the project's own workbooks and on the other ways a valid workbook may spell them, and
 * refuses a damaged workbook instead of reading it short.
 */

const folder = 'tests/fixtures/content/multi-year';
const SHEETS = ['obiettivi', 'fasi', 'indicatori'] as const;

/** Every column of every sheet as exceljs reads it, as text; a column holding a date is left out. */
async function viaExceljs(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: Record<string, Record<string, string>[]> = {};
  for (const name of SHEETS) {
    const sheet = workbook.getWorksheet(name)!;
    const columns = new Map<string, number>();
    sheet.getRow(1).eachCell((cell, column) => columns.set(String(cell.value), column));
    const dates = new Set<string>();
    const rows: Record<string, string>[] = [];
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const values: Record<string, string> = {};
      for (const [column, index] of columns) {
        const value = row.getCell(index).value;
        if (value instanceof Date) dates.add(column);
        values[column] = String(value ?? '');
      }
      rows.push(values);
    });
    sheets[name] = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([c]) => !dates.has(c))));
  }
  return sheets;
}

describe('columns of a workbook read as streams', () => {
  it('gives exceljs’s text for every column of the project’s workbook, on sheets far larger than a chunk', async () => {
    const content = loadContent(folder);
    const pages = objectivePages(content, folder);
    // 40 copies of each objective: every sheet is many inflated chunks, so texts with accents and
    // escaped characters cross chunk boundaries.
    const bytes = await obiettiviXlsx({
      ente: content.ente,
      obiettivi: Array.from({ length: 40 }, () => pages).flat(),
    });
    const expected = await viaExceljs(bytes);
    for (const sheet of SHEETS) {
      const columns = Object.keys(expected[sheet]![0]!);
      expect(columns).toContain('codice');
      if (sheet !== 'obiettivi') expect(columns).toContain('id');
      const read = await readSheetColumns(bytes, [sheet], columns);
      expect(read[sheet]).toEqual(expected[sheet]);
    }
    expect(expected.obiettivi).toHaveLength(40 * pages.length);
  });

  it('reads prefixed elements, cells and rows without references, inline, rich and phonetic strings', async () => {
    const bytes = await zipWorkbook({
      prefix: 'x:',
      strings: [
        'codice',
        'id',
        '<x:r><x:t>2021_</x:t></x:r><x:r><x:t>A01_00</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ignorato</x:t></x:rPh>',
      ],
      sheets: {
        fasi: [
          '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>',
          '<x:row><x:c t="s"><x:v>2</x:v></x:c><x:c t="inlineStr"><x:is><x:t>F&amp;01</x:t><x:rPh sb="0" eb="1"><x:t>no</x:t></x:rPh></x:is></x:c></x:row>',
          '<x:row><x:c t="inlineStr"><x:is><x:t>2021_B01_00</x:t></x:is></x:c><x:c><x:v>7.50</x:v></x:c></x:row>',
          '<x:row><x:c t="b"><x:v>1</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>F03</x:v></x:c></x:row>',
        ],
      },
    });
    expect(await readSheetColumns(bytes, ['fasi', 'obiettivi'], ['codice', 'id'])).toEqual({
      fasi: [
        { codice: '2021_A01_00', id: 'F&01' },
        { codice: '2021_B01_00', id: '7.5' },
        { codice: 'true', id: 'F03' },
      ],
      obiettivi: null,
    });
  });

  it('skips rows without a value, gives empty text for an empty or missing column, takes a repeated header’s last', async () => {
    const bytes = await zipWorkbook({
      strings: ['codice', 'titolo', 'Uno', 'Due'],
      sheets: {
        obiettivi: [
          row(1, ['A1', 's', 0], ['B1', 's', 1], ['C1', 's', 0]),
          row(2, ['A2', 'inlineStr', 'vecchio'], ['B2', 's', 2], ['C2', 'inlineStr', '2021_A01_00']),
          '<row r="3"><c r="A3" s="1"/><c r="C3" s="1"/></row>',
          row(5, ['B5', 's', 3]),
          row(6, ['AA6', 'inlineStr', 'fuori tabella']),
        ],
      },
    });
    expect(await readSheetColumns(bytes, ['obiettivi'], ['codice', 'id'])).toEqual({
      obiettivi: [
        { codice: '2021_A01_00', id: '' },
        { codice: '', id: '' },
        { codice: '', id: '' },
      ],
    });
  });

  it.each([
    ['bytes that are not a zip', async () => Buffer.from('non è un file Excel')],
    [
      'a zip without a workbook',
      async () => await new JSZip().file('a.txt', 'a').generateAsync({ type: 'nodebuffer' }),
    ],
    [
      'a sheet cut short',
      () =>
        zipWorkbook({ strings: ['codice'], sheets: { obiettivi: [row(1, ['A1', 's', 0]), '<row r="2"><c r="A2"'] } }),
    ],
    [
      'a shared string past the end of the table',
      () =>
        zipWorkbook({ strings: ['codice'], sheets: { obiettivi: [row(1, ['A1', 's', 0]), row(2, ['A2', 's', 9])] } }),
    ],
    [
      'a row given twice',
      () =>
        zipWorkbook({
          strings: ['codice'],
          sheets: {
            obiettivi: [row(1, ['A1', 's', 0]), row(2, ['A2', 'inlineStr', 'x']), row(2, ['A2', 'inlineStr', 'y'])],
          },
        }),
    ],
    [
      'rows out of order',
      () =>
        zipWorkbook({
          strings: ['codice'],
          sheets: {
            obiettivi: [row(1, ['A1', 's', 0]), row(3, ['A3', 'inlineStr', 'x']), row(2, ['A2', 'inlineStr', 'y'])],
          },
        }),
    ],
  ])('refuses %s', async (_, bytes) => {
    await expect(readSheetColumns(await bytes(), ['obiettivi'], ['codice'])).rejects.toThrow();
  });
});

type Cell = [ref: string, type: 's' | 'inlineStr', value: string | number];

/** A <row> of cells: shared strings by index, inline strings by text. */
function row(number: number, ...cells: Cell[]): string {
  const xml = cells.map(([ref, type, value]) =>
    type === 's'
      ? `<c r="${ref}" t="s"><v>${value}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`,
  );
  return `<row r="${number}">${xml.join('')}</row>`;
}

/**
 * A minimal workbook: sheets of the given rows, and a shared-string table of the given items (plain text,
 * or the XML of a rich string). `prefix` spells every element of the spreadsheet namespace with it.
 */
async function zipWorkbook(options: { strings: string[]; sheets: Record<string, string[]>; prefix?: string }) {
  const p = options.prefix ?? '';
  const ns = `xmlns${p ? `:${p.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const names = Object.keys(options.sheets);
  const zip = new JSZip();
  zip.file(
    '_rels/.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<${p}workbook ${ns} xmlns:r="${rel}"><${p}sheets>${names
      .map((name, i) => `<${p}sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 2}"/>`)
      .join('')}</${p}sheets></${p}workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/sharedStrings" Target="/xl/sharedStrings.xml"/>${names
      .map((_, i) => `<Relationship Id="rId${i + 2}" Type="${rel}/worksheet" Target="worksheets/foglio${i + 1}.xml"/>`)
      .join('')}</Relationships>`,
  );
  names.forEach((name, i) =>
    zip.file(
      `xl/worksheets/foglio${i + 1}.xml`,
      `<${p}worksheet ${ns}><${p}sheetData>${options.sheets[name]!.join('')}</${p}sheetData></${p}worksheet>`,
    ),
  );
  zip.file(
    'xl/sharedStrings.xml',
    `<${p}sst ${ns}>${options.strings.map((s) => `<${p}si>${s.startsWith('<') ? s : `<${p}t>${s}</${p}t>`}</${p}si>`).join('')}</${p}sst>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
