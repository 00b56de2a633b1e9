import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import JSZip from 'jszip';
import type { Ente } from '../../schemas/ente';
import type { Obiettivo } from '../../schemas/obiettivo';
import { DIREZIONI } from '../../schemas/indicatore';
import { jsonSchemas } from '../editor/json-schema';
import { anniStorico, fasiColumns, indicatoriColumns, obiettiviColumns, type Column } from './opendata/columns';
import { neutraliseFormula } from './opendata/formula';
import { openDataDocument, type OpenDataObiettivo } from './opendata/records';
import { bodySections } from '../content/body-sections';
import { objectiveUrl } from '../routes';
import { StreamedWorkbook } from './xlsx-stream';

export { bodyFromSections, bodySections, SECTION_HEADINGS } from '../content/body-sections';

/**
 * The open data as an Excel workbook (/opendata/obiettivi.xlsx): the three tables of the CSV contract
 * with the same columns (src/lib/outputs/opendata/columns.ts), a sheet with the narrative sections of each
 * objective, and a sheet that documents every column. Numbers are number cells, dates date cells,
 * URLs absolute. `npm run import -- obiettivi.xlsx` reads it back (src/lib/import/xlsx.ts).
 */

/** Sheet names: part of the contract, the importer looks them up by name. */
export const FOGLI = {
  obiettivi: 'obiettivi',
  fasi: 'fasi',
  indicatori: 'indicatori',
  testi: 'testi',
  colonne: 'colonne',
} as const;

/** Columns of the `testi` sheet: the two sections of the Markdown body, as Markdown. */
export const TESTI_COLUMNS = [
  { name: 'codice', description: 'Codice dell’obiettivo a cui appartengono i testi' },
  {
    name: 'introduzione',
    description: 'Testo prima della sezione «Modalità di attuazione» (Markdown), di solito vuoto',
  },
  { name: 'modalita_di_attuazione', description: 'Sezione «Modalità di attuazione» della scheda (Markdown)' },
  { name: 'stato_di_attuazione', description: 'Sezione «Stato di attuazione» della scheda (Markdown)' },
] as const;

export type Kind = 'date' | 'number' | 'boolean' | 'text' | 'json';

type JsonSchema = {
  type?: string | string[];
  format?: string;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
};

function kindOf(schema: JsonSchema): Kind {
  const variants = (schema.anyOf ?? [schema]).filter((s) => s.type !== 'null');
  const first = variants[0] ?? {};
  // `type` may be a list (`["number", "null"]` for a nullable number).
  const types = [first.type ?? []].flat().filter((t) => t !== 'null');
  if (first.format === 'date') return 'date';
  if (types.includes('number') || types.includes('integer')) return 'number';
  if (types.includes('boolean')) return 'boolean';
  if (types.includes('array') || types.includes('object')) return 'json';
  return 'text';
}

/**
 * Kind of each editable column of each table, read from the JSON Schema generated from the Zod schemas
 * (so a new date or number key gets the right cell type without being listed here).
 */
export function columnKinds(): Record<'obiettivi' | 'fasi' | 'indicatori', Map<string, Kind>> {
  const schema = jsonSchemas()['obiettivo.schema.json'] as JsonSchema;
  const props = schema.properties!;
  const of = (properties: Record<string, JsonSchema>) =>
    new Map(Object.entries(properties).map(([key, value]) => [key, kindOf(value)] as const));
  const obiettivi = of(props);
  for (const key of Object.keys(props.dup!.properties!)) obiettivi.set(`dup_${key}`, 'text');
  const items = (key: string) => (props[key] as { items: { properties: Record<string, JsonSchema> } }).items.properties;
  return { obiettivi, fasi: of(items('fasi')), indicatori: of(items('indicatori')) };
}

/** A fixed date for the file's metadata and zip entries: the same content gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/** "2020-12-31" → a date cell at UTC midnight (Excel has no time zones; exceljs reads it back in UTC). */
function dateCell(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

function cellValue(value: unknown, kind: Kind | undefined): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') return neutraliseFormula(JSON.stringify(value));
  const text = String(value);
  if (kind === 'date') return dateCell(text);
  return neutraliseFormula(text);
}

/** Where the sheets go: exceljs's in-memory workbook, or one written row by row (xlsx-stream.ts). */
interface Sheets {
  addSheet(name: string, options: Partial<ExcelJS.AddWorksheetOptions>): ExcelJS.Worksheet;
  /** Awaited after each row: the streamed workbook waits there for its zip to catch up. */
  pace(): Promise<void>;
  /** After the sheet's last row. */
  endSheet(sheet: ExcelJS.Worksheet): void;
}

interface Table<R> {
  name: string;
  columns: readonly Pick<Column<R>, 'name' | 'value'>[];
  rows: readonly R[];
  kinds: Map<string, Kind>;
  /** Column widths that differ from the kind's (1-based column number). */
  widths?: Readonly<Record<number, number>>;
}

async function addTable<R>(sheets: Sheets, { name, columns, rows, kinds, widths = {} }: Table<R>): Promise<void> {
  const sheet = sheets.addSheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column, i) => {
    const kind = kinds.get(column.name) ?? (column.name.startsWith('storico_') ? 'number' : undefined);
    return {
      header: column.name,
      key: column.name,
      width: widths[i + 1] ?? (kind === 'date' ? 12 : kind === 'number' || kind === 'boolean' ? 10 : 30),
      style: kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
    };
  });
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const row of rows) {
    sheet.addRow(columns.map((column) => cellValue(column.value(row), kinds.get(column.name)))).commit();
    await sheets.pace();
  }
  if (columns.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: columns.length } };
  sheets.endSheet(sheet);
}

export interface XlsxInput {
  ente: Ente;
  obiettivi: readonly { data: Obiettivo; body: string; url: string }[];
}

/** The workbook of a set of objectives (all years or one), as bytes. */
export async function obiettiviXlsx(input: XlsxInput): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await writeObiettiviXlsx(
    input,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    }),
  );
  return Buffer.concat(chunks);
}

/**
 * The same workbook written to `out` row by row (xlsx-stream.ts): memory grows with the distinct texts,
 * not with the cells, and the bytes are those of exceljs's in-memory writer.
 */
export async function writeObiettiviXlsx(input: XlsxInput, out: Writable): Promise<void> {
  const tables = obiettiviTables(input);
  const workbook = new StreamedWorkbook(
    out,
    tables.map((table) => ({
      name: table.name,
      dimension: `A1:${columnLetter(table.columns.length)}${table.rows.length + 1}`,
    })),
    { creator: input.ente.nome, date: FIXED_DATE },
  );
  const sheets: Sheets = {
    addSheet: (name, options) => workbook.addSheet(name, options),
    pace: () => workbook.pace(),
    endSheet: (sheet) => (sheet as unknown as { commit(): void }).commit(),
  };
  try {
    for (const table of tables) await addTable(sheets, table);
  } catch (error) {
    workbook.abort(error as Error);
    throw error;
  }
  await workbook.finish();
}

/** 1 → A, 27 → AA. */
function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The five sheets of the workbook of `input`, in order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one table per row type
function obiettiviTables({ ente, obiettivi }: XlsxInput): Table<any>[] {
  // Absolute like the CSV and the DCAT catalogue: a downloaded file has no page to be relative to.
  const records: OpenDataObiettivo[] = openDataDocument(
    ente,
    obiettivi.map((o) => ({ data: o.data, url: new URL(o.url, ente.sito_url).href })),
  ).obiettivi;
  const kinds = columnKinds();
  const obiettiviCols = obiettiviColumns();
  const fasiCols = fasiColumns();
  const indicatoriCols = indicatoriColumns(anniStorico(records));
  const documentation = [
    ...obiettiviCols.map((c) => ({ foglio: FOGLI.obiettivi, ...c })),
    ...fasiCols.map((c) => ({ foglio: FOGLI.fasi, ...c })),
    ...indicatoriCols.map((c) => ({ foglio: FOGLI.indicatori, ...c })),
    ...TESTI_COLUMNS.map((c) => ({ foglio: FOGLI.testi, ...c, derived: false })),
  ];
  return [
    { name: FOGLI.obiettivi, columns: obiettiviCols, rows: records, kinds: kinds.obiettivi },
    {
      name: FOGLI.fasi,
      columns: fasiCols,
      rows: records.flatMap((o) => o.fasi.map((fase) => ({ codice: o.codice, fase }))),
      kinds: kinds.fasi,
    },
    {
      name: FOGLI.indicatori,
      columns: indicatoriCols,
      rows: records.flatMap((o) => o.indicatori.map((indicatore) => ({ codice: o.codice, indicatore }))),
      kinds: kinds.indicatori,
    },
    {
      name: FOGLI.testi,
      columns: TESTI_COLUMNS.map((c) => ({ name: c.name, value: (row: Record<string, string>) => row[c.name] })),
      rows: obiettivi.map((o) => ({ ...bodySections(o.body), codice: o.data.codice })),
      kinds: new Map(),
    },
    {
      name: FOGLI.colonne,
      columns: [
        { name: 'foglio', value: (r: (typeof documentation)[number]) => r.foglio },
        { name: 'colonna', value: (r) => r.name },
        { name: 'descrizione', value: (r) => r.description },
        { name: 'calcolata', value: (r) => (r.derived ? 'sì: calcolata dal sito, ignorata in importazione' : 'no') },
      ],
      rows: documentation,
      kinds: new Map(),
      widths: { 3: 100 },
    },
  ];
}

/**
 * The workbook of `input` in exceljs's in-memory model: the template's starting point (it adds drop-down
 * lists), and what the streamed workbook must equal byte for byte (tests/lib/xlsx-stream.test.ts).
 */
export async function inMemoryObiettiviXlsx(input: XlsxInput): Promise<Buffer> {
  return toBytes(await obiettiviWorkbook(input));
}

async function obiettiviWorkbook(input: XlsxInput): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = input.ente.nome;
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const sheets: Sheets = {
    addSheet: (name, options) => workbook.addWorksheet(name, options),
    pace: () => Promise.resolve(),
    endSheet: () => {},
  };
  for (const table of obiettiviTables(input)) await addTable(sheets, table);
  return workbook;
}

async function toBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return deterministic(Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** Rows of the template that get the drop-down lists (an office rarely has more indicators than this). */
const TEMPLATE_ROWS = 1000;

/**
 * `npm run modello-xlsx`: the workbook for an office starting from scratch. Same sheets and columns as
 * the published file, one example objective with a fase and an indicatore, drop-down lists for tipo
 * (ente.yaml tipi_indicatore) and direzione.
 */
export async function modelloXlsx(ente: Ente, esempio: { data: Obiettivo; body: string }): Promise<Buffer> {
  const workbook = await obiettiviWorkbook({
    ente,
    obiettivi: [{ ...esempio, url: objectiveUrl(esempio.data) }],
  });
  const sheet = workbook.getWorksheet(FOGLI.indicatori)!;
  const list = (column: string, values: readonly string[], what: string) => {
    let letter = '';
    sheet.getRow(1).eachCell((cell) => {
      if (cell.value === column) letter = cell.address.replace(/\d+$/, '');
    });
    if (!letter) throw new Error(`modello-xlsx: no column ${column}`);
    // exceljs accepts a range here, though its typings only declare per-cell validation.
    (
      sheet as unknown as { dataValidations: { add: (range: string, v: ExcelJS.DataValidation) => void } }
    ).dataValidations.add(`${letter}2:${letter}${TEMPLATE_ROWS}`, {
      type: 'list',
      allowBlank: column !== 'tipo',
      formulae: [`"${values.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: `Valore di ${column} non ammesso`,
      error: `Scegli ${what} dall’elenco.`,
    });
  };
  list('tipo', ente.tipi_indicatore, 'un tipo di indicatore di ente.yaml');
  list('direzione', DIREZIONI, 'crescente, decrescente oppure binario');
  return toBytes(workbook);
}

/** Rewrites the zip with fixed entry dates: exceljs stamps every entry with the current time. */
async function deterministic(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  zip.forEach((_, file) => {
    file.date = FIXED_DATE;
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
