import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { loadContent } from '../../src/lib/content/load';
import { objectivePages } from '../../src/lib/content/pages';
import { toOpenData } from '../../src/lib/outputs/opendata/records';
import {
  cachedWorkbook,
  WORKBOOK_VERSION,
  workbookCodeParts,
  type WorkbookBody,
  type WorkbookData,
} from '../../src/lib/outputs/opendata/workbook-cache';
import { obiettiviXlsx } from '../../src/lib/outputs/xlsx';
import { tempCacheDir } from '../support/temp';

const folder = 'tests/fixtures/content/multi-year';

function workbookData(edit: (data: WorkbookData) => void = () => {}): WorkbookData {
  const content = loadContent(folder);
  const pages = objectivePages(content, folder);
  const data = { ente: content.ente, pages, records: [] as WorkbookData['records'] };
  edit(data);
  return { ...data, records: data.pages.map((p) => toOpenData(p, data.ente.soglie_esito)) };
}

function cachedPath(body: WorkbookBody): string {
  if (Buffer.isBuffer(body)) throw new Error('the workbook was not stored in the cache');
  return body.cachedFile;
}

describe('cached XLSX workbooks', () => {
  tempCacheDir('peg-workbook-cache-');
  const code = workbookCodeParts();

  it('serves the same data from the cache without calling the writer again', async () => {
    const produce = vi.fn(async () => Buffer.from('workbook'));
    const first = cachedPath(await cachedWorkbook(workbookData(), code, produce));
    const second = cachedPath(await cachedWorkbook(workbookData(), code, produce));
    expect(produce).toHaveBeenCalledTimes(1);
    expect(second).toBe(first);
    expect(readFileSync(second, 'utf8')).toBe('workbook');
  });

  it('writes a new workbook when one objective field, ente.yaml or the code version changes', async () => {
    const produce = vi.fn(async (data: WorkbookData) => Buffer.from(data.pages[0]!.data.titolo));
    const files = new Set<string>();
    const variants: [WorkbookData, unknown][] = [
      [workbookData(), code],
      [
        workbookData(({ pages }) => {
          const fase = pages.at(-1)!.data.fasi[0]!;
          pages.at(-1)!.data.fasi[0] = { ...fase, titolo: `${fase.titolo}.` };
        }),
        code,
      ],
      [workbookData(({ pages }) => (pages[1]!.body += '\nUna riga in più.\n')), code],
      [workbookData((data) => (data.ente = { ...data.ente, sito_url: 'https://altro.example.it/' })), code],
      [workbookData((data) => (data.ente = { ...data.ente, nome: 'Comune di Altrove' })), code],
      [workbookData(), workbookCodeParts(WORKBOOK_VERSION + 1)],
    ];
    for (const [data, parts] of variants) files.add(cachedPath(await cachedWorkbook(data, parts, produce)));
    expect(files.size).toBe(variants.length);
    expect(produce).toHaveBeenCalledTimes(variants.length);
  });

  it('stores the bytes of a fresh exceljs write', async () => {
    const data = workbookData();
    const file = cachedPath(await cachedWorkbook(data, code));
    const fresh = await obiettiviXlsx({ ente: data.ente, obiettivi: data.pages });
    expect(readFileSync(file).equals(fresh)).toBe(true);
    // A hit hands back the same file, still equal to a fresh write.
    expect(cachedPath(await cachedWorkbook(workbookData(), code))).toBe(file);
  });
});
