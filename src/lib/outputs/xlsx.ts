import ExcelJS from 'exceljs';
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

function addTable<R>(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly Pick<Column<R>, 'name' | 'value'>[],
  rows: readonly R[],
  kinds: Map<string, Kind>,
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => {
    const kind = kinds.get(column.name) ?? (column.name.startsWith('storico_') ? 'number' : undefined);
    return {
      header: column.name,
      key: column.name,
      width: kind === 'date' ? 12 : kind === 'number' || kind === 'boolean' ? 10 : 30,
      style: kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
    };
  });
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((column) => cellValue(column.value(row), kinds.get(column.name))));
  if (columns.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: columns.length } };
}

export interface XlsxInput {
  ente: Ente;
  obiettivi: readonly { data: Obiettivo; body: string; url: string }[];
}

/** The workbook of a set of objectives (all years or one), as bytes. */
export async function obiettiviXlsx(input: XlsxInput): Promise<Buffer> {
  return toBytes(obiettiviWorkbook(input));
}

function obiettiviWorkbook({ ente, obiettivi }: XlsxInput): ExcelJS.Workbook {
  // Absolute like the CSV and the DCAT catalogue: a downloaded file has no page to be relative to.
  const records: OpenDataObiettivo[] = openDataDocument(
    ente,
    obiettivi.map((o) => ({ data: o.data, url: new URL(o.url, ente.sito_url).href })),
  ).obiettivi;
  const kinds = columnKinds();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = ente.nome;
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const obiettiviCols = obiettiviColumns();
  const fasiCols = fasiColumns();
  const indicatoriCols = indicatoriColumns(anniStorico(records));
  addTable(workbook, FOGLI.obiettivi, obiettiviCols, records, kinds.obiettivi);
  addTable(
    workbook,
    FOGLI.fasi,
    fasiCols,
    records.flatMap((o) => o.fasi.map((fase) => ({ codice: o.codice, fase }))),
    kinds.fasi,
  );
  addTable(
    workbook,
    FOGLI.indicatori,
    indicatoriCols,
    records.flatMap((o) => o.indicatori.map((indicatore) => ({ codice: o.codice, indicatore }))),
    kinds.indicatori,
  );
  addTable(
    workbook,
    FOGLI.testi,
    TESTI_COLUMNS.map((c) => ({ name: c.name, value: (row: Record<string, string>) => row[c.name] })),
    obiettivi.map((o) => ({ ...bodySections(o.body), codice: o.data.codice })),
    new Map(),
  );
  const documentation = [
    ...obiettiviCols.map((c) => ({ foglio: FOGLI.obiettivi, ...c })),
    ...fasiCols.map((c) => ({ foglio: FOGLI.fasi, ...c })),
    ...indicatoriCols.map((c) => ({ foglio: FOGLI.indicatori, ...c })),
    ...TESTI_COLUMNS.map((c) => ({ foglio: FOGLI.testi, ...c, derived: false })),
  ];
  addTable(
    workbook,
    FOGLI.colonne,
    [
      { name: 'foglio', value: (r: (typeof documentation)[number]) => r.foglio },
      { name: 'colonna', value: (r) => r.name },
      { name: 'descrizione', value: (r) => r.description },
      { name: 'calcolata', value: (r) => (r.derived ? 'sì: calcolata dal sito, ignorata in importazione' : 'no') },
    ],
    documentation,
    new Map(),
  );
  workbook.getWorksheet(FOGLI.colonne)!.getColumn(3).width = 100;
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
  const workbook = obiettiviWorkbook({
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
