import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent, parseObiettivo } from '../../src/lib/content/load';
import { runXlsxImport } from '../../src/lib/import/xlsx';
import { esempioObiettivo } from '../../src/lib/editor/modello-xlsx';
import { bodySections, modelloXlsx, obiettiviXlsx } from '../../src/lib/outputs/xlsx';
import { objectiveUrl } from '../../src/lib/routes';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'peg-xlsx-'));
  temps.push(dir);
  return dir;
}

/** The workbook /opendata/obiettivi.xlsx publishes for a content folder (the endpoint's own function). */
async function published(contentDir: string): Promise<Buffer> {
  const { ente, obiettivi } = loadContent(contentDir);
  return obiettiviXlsx({ ente, obiettivi: obiettivi.map((o) => ({ ...o, url: objectiveUrl(o.data) })) });
}

/** A fresh content folder with the ente.yaml and dup.yaml of `from`, and the workbook written in it. */
async function importInto(from: string, bytes: Buffer | ExcelJS.Workbook) {
  const content = temp();
  cpSync(join(from, 'ente.yaml'), join(content, 'ente.yaml'));
  cpSync(join(from, 'dup.yaml'), join(content, 'dup.yaml'));
  // Outside the content folder: the reader refuses files it does not know there.
  const file = join(temp(), 'obiettivi.xlsx');
  if (Buffer.isBuffer(bytes)) writeFileSync(file, bytes);
  else await bytes.xlsx.writeFile(file);
  const result = await runXlsxImport({ exportPath: file, outDir: join(content, 'obiettivi'), force: false });
  return { content, result, output: result.output.map((line) => line.replaceAll(file, 'obiettivi.xlsx')) };
}

describe.each(['content', 'tests/fixtures/content/multi-year'])('round trip of %s through obiettivi.xlsx', (from) => {
  it('imports back into the same content, field by field and section by section', async () => {
    const { content, result, output } = await importInto(from, await published(from));
    expect(output.join('\n')).not.toContain('errore');
    expect(result.exitCode).toBe(0);
    const original = loadContent(from);
    const imported = loadContent(content);
    expect(imported.obiettivi.map((o) => o.file)).toEqual(original.obiettivi.map((o) => o.file));
    for (const [index, o] of original.obiettivi.entries()) {
      const back = imported.obiettivi[index]!;
      expect(back.data, o.file).toEqual(o.data);
      expect(bodySections(back.body), o.file).toEqual(bodySections(o.body));
    }
  });
});

describe('an importer-written file', () => {
  it('comes back byte for byte, except the line naming the source', async () => {
    const { content } = await importInto('content', await published('content'));
    const dir = 'content/obiettivi/2020';
    for (const name of readdirSync(dir)) {
      const lines = (path: string) => readFileSync(path, 'utf8').split('\n');
      const [, before, ...rest] = lines(join(dir, name));
      const [, after, ...restBack] = lines(join(content, 'obiettivi/2020', name));
      expect(after).toMatch(/^# importato da obiettivi\.xlsx — impronta sha256:[0-9a-f]{64}$/);
      expect(before).toMatch(/^# importato da /);
      expect(restBack, name).toEqual(rest);
    }
  });

  it('changes one line when one value changes in the workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await published('content')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('indicatori')!;
    const raggiunto = headerColumn(sheet, 'valore_raggiunto');
    const row = findRow(sheet, '2020_A01_00', 'I02');
    sheet.getRow(row).getCell(raggiunto).value = 123;
    const { content } = await importInto('content', workbook);
    const before = readFileSync('content/obiettivi/2020/a01-00.md', 'utf8').split('\n');
    const after = readFileSync(join(content, 'obiettivi/2020/a01-00.md'), 'utf8').split('\n');
    const changed = after.map((line, i) => [line, before[i]] as const).filter(([a, b]) => a !== b);
    // The fingerprint line and the one value.
    expect(changed).toHaveLength(2);
    expect(changed[1]![0]).toContain('valore_raggiunto: 123');
    expect(parseObiettivo(after.join('\n')).data.indicatori[1]!.valore_raggiunto).toBe(123);
  });
});

function headerColumn(sheet: ExcelJS.Worksheet, name: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, column) => {
    if (cell.value === name) found = column;
  });
  if (!found) throw new Error(`no column ${name}`);
  return found;
}

function findRow(sheet: ExcelJS.Worksheet, codice: string, id?: string): number {
  let found = 0;
  sheet.eachRow((row, number) => {
    if (row.getCell(1).value === codice && (id === undefined || row.getCell(2).value === id)) found ||= number;
  });
  if (!found) throw new Error(`no row ${codice} ${id}`);
  return found;
}

describe('a bad workbook is refused with the cell named, and nothing is written', () => {
  const from = 'tests/fixtures/content/multi-year';
  async function refused(change: (workbook: ExcelJS.Workbook) => void): Promise<string[]> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await published(from)) as unknown as ArrayBuffer);
    change(workbook);
    const { content, result, output } = await importInto(from, workbook);
    expect(result.exitCode).toBe(1);
    expect(existsSync(join(content, 'obiettivi'))).toBe(false);
    expect(output.at(-1)).toMatch(
      /^✖ \d+ error[ei]: nessun file scritto\. Correggi la cartella di lavoro e riprova\.$/,
    );
    return output.filter((line) => line.includes('  errore  ')).map((line) => line.trim());
  }

  /** A change that writes `value` in the cell of `column` (a header or a number) on the row of `codice` and `id`. */
  const setCell =
    (sheetName: string, [codice, id]: [string, string?], column: string | number, value: ExcelJS.CellValue) =>
    (workbook: ExcelJS.Workbook) => {
      const sheet = workbook.getWorksheet(sheetName)!;
      const cell = typeof column === 'number' ? column : headerColumn(sheet, column);
      sheet.getRow(findRow(sheet, codice, id)).getCell(cell).value = value;
    };

  it.for<{ test: string; change: (workbook: ExcelJS.Workbook) => void; errore: string }>([
    {
      test: 'missing sheet',
      change: (w) => w.removeWorksheet(w.getWorksheet('fasi')!.id),
      errore:
        'obiettivi.xlsx fasi  errore  manca il foglio «fasi»: la cartella di lavoro deve avere i fogli obiettivi, fasi, indicatori, testi (parti da npm run modello-xlsx)',
    },
    {
      test: 'missing column',
      change: (w) => {
        const sheet = w.getWorksheet('fasi')!;
        sheet.spliceColumns(headerColumn(sheet, 'peso'), 1);
      },
      errore: 'obiettivi.xlsx fasi!1  errore  manca la colonna «peso» nella riga 1: aggiungila (anche vuota)',
    },
    {
      test: 'text in a number cell',
      change: setCell('fasi', ['2020_A01_00', 'F02'], 'peso', '40%'),
      errore:
        'obiettivi.xlsx fasi!H3  errore  peso: «40%» è un testo: deve essere un numero: scrivi solo cifre, con la virgola o il punto come Excel li mostra (per esempio 40 o 12,5)',
    },
    {
      test: 'merged cells',
      change: (w) => w.getWorksheet('fasi')!.mergeCells('K2:K3'),
      errore:
        'obiettivi.xlsx fasi!K2:K3  errore  celle unite: dividile (in Excel: Unisci e allinea al centro → Dividi celle) e scrivi il valore in ogni riga',
    },
    {
      test: 'a formula',
      change: setCell('indicatori', ['2021_A01_00', 'I01'], 'valore_atteso', { formula: 'G3*2', result: 60 }),
      errore:
        'obiettivi.xlsx indicatori!G6  errore  valore_atteso: la cella contiene una formula (=G3*2): scrivi il valore, non la formula (in Excel: Copia, poi Incolla speciale → Valori)',
    },
    {
      test: 'a fase whose objective is absent',
      change: setCell('fasi', ['2021_C03_01'], 1, '2021_C09_01'),
      errore:
        'obiettivi.xlsx fasi!A7  errore  codice: l’obiettivo 2021_C09_01 non è nel foglio «obiettivi»: aggiungilo o correggi il codice',
    },
    {
      test: 'a value the schema refuses, on its cell',
      change: setCell('fasi', ['2020_A01_00', 'F01'], 'avanzamento', 140),
      errore: 'obiettivi.xlsx fasi!I2  errore  fasi.0.avanzamento: l’avanzamento va da 0 a 100',
    },
  ])('$test', async ({ change, errore }) => {
    expect(await refused(change)).toEqual([errore]);
  });
});

describe('an import into existing content', () => {
  it('writes all files or none: one bad cell leaves every file as it was', async () => {
    const content = temp();
    cpSync('tests/fixtures/content/multi-year', content, { recursive: true });
    const snapshot = () =>
      readdirSync(join(content, 'obiettivi'), { recursive: true, encoding: 'utf8' })
        .sort()
        .map((name) => {
          const path = join(content, 'obiettivi', name);
          return existsSync(path) && name.endsWith('.md') ? [name, readFileSync(path, 'utf8')] : [name];
        });
    const before = snapshot();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await published(content)) as unknown as ArrayBuffer);
    workbook.getWorksheet('obiettivi')!.getCell('B2').value = 'duemila';
    const file = join(temp(), 'modificato.xlsx');
    await workbook.xlsx.writeFile(file);
    const result = await runXlsxImport({ exportPath: file, outDir: join(content, 'obiettivi'), force: true });
    expect(result.exitCode).toBe(1);
    expect(result.output.join('\n')).toContain('obiettivi!B2  errore  anno: «duemila» è un testo');
    expect(snapshot()).toEqual(before);
  });
});

describe('the empty workbook of npm run modello-xlsx', () => {
  it('has the columns, drop-down lists for tipo and direzione, and an example row that imports as it is', async () => {
    const { ente, dup } = loadContent('content');
    const bytes = await modelloXlsx(ente, esempioObiettivo(ente, dup, 2026));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['obiettivi', 'fasi', 'indicatori', 'testi', 'colonne']);
    const sheet = workbook.getWorksheet('indicatori')!;
    const tipo = sheet.getRow(2).getCell(headerColumn(sheet, 'tipo'));
    const direzione = sheet.getRow(40).getCell(headerColumn(sheet, 'direzione'));
    expect(tipo.dataValidation).toMatchObject({ type: 'list', formulae: [`"${ente.tipi_indicatore.join(',')}"`] });
    expect(direzione.dataValidation).toMatchObject({ type: 'list', formulae: ['"crescente,decrescente,binario"'] });
    const { content, result } = await importInto('content', bytes);
    expect(result.exitCode).toBe(0);
    expect(loadContent(content).obiettivi.map((o) => o.file)).toEqual(['obiettivi/2026/a01-00.md']);
  });
});
