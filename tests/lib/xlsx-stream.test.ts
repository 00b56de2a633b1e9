import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load';
import { objectivePages } from '../../src/lib/content/pages';
import { FOGLI, inMemoryObiettiviXlsx, obiettiviXlsx, type XlsxInput } from '../../src/lib/outputs/xlsx';

const folder = 'tests/fixtures/content/multi-year';

function input(select: (pages: XlsxInput['obiettivi']) => XlsxInput['obiettivi'] = (pages) => pages): XlsxInput {
  const content = loadContent(folder);
  return { ente: content.ente, obiettivi: select(objectivePages(content, folder)) };
}

describe('workbook written row by row', () => {
  it.each([
    ['every year', (pages: XlsxInput['obiettivi']) => pages],
    ['one year', (pages: XlsxInput['obiettivi']) => pages.filter((p) => p.data.anno === pages[0]!.data.anno)],
    ['no objectives', () => []],
  ])('has the bytes of exceljs’s in-memory writer: %s', async (_, select) => {
    const streamed = await obiettiviXlsx(input(select));
    expect(streamed.equals(await inMemoryObiettiviXlsx(input(select)))).toBe(true);
  });

  it('keeps the bytes when the zip falls behind the rows (sheets far larger than a stream buffer)', async () => {
    // 60 copies of each objective: every sheet is several times the 16 KB a stream buffers before waiting.
    const many = input((pages) => Array.from({ length: 60 }, () => pages).flat());
    const streamed = await obiettiviXlsx(many);
    expect(streamed.equals(await inMemoryObiettiviXlsx(many))).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(streamed as unknown as ArrayBuffer);
    expect(workbook.getWorksheet(FOGLI.obiettivi)!.rowCount).toBe(many.obiettivi.length + 1);
  });
});
