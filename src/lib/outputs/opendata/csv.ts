import { Readable, pipeline } from 'node:stream';
import { stringify as stringifyStream, type Options } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';
import { anniStorico, fasiColumns, indicatoriColumns, obiettiviColumns, type Column } from './columns';
import { neutraliseFormula } from './formula';
import type { OpenDataObiettivo } from './records';

/** The three CSV tables of docs/contract.md §4. */
export const TABELLE = ['obiettivi', 'fasi', 'indicatori'] as const;
export type Tabella = (typeof TABELLE)[number];

/**
 * Decimals of the computed ratios in the CSV: enough for any use, short enough to read in a
 * spreadsheet (the JSON keeps full precision).
 */
export const CSV_DECIMALS: Readonly<Record<string, number>> = { grado_raggiungimento: 4, avanzamento_ponderato: 2 };

/**
 * A cell: empty for null, ISO dates and `.` decimals as they are, nested values as JSON. Numbers stay
 * numbers (`-5`); a text starting like a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading `'`.
 */
function cell(value: unknown, decimals?: number): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return decimals === undefined ? value : Number(value.toFixed(decimals));
  if (typeof value === 'object') return JSON.stringify(value);
  return neutraliseFormula(String(value));
}

/**
 * RFC 4180: header row, comma, CRLF line ends, quotes only where needed (csv-stringify does the quoting).
 * A UTF-8 byte order mark goes first: without it Excel reads the file in the local code page and breaks
 * the accents; CSV parsers skip it (csv-parse `bom: true`, Python `utf-8-sig`, R `fileEncoding = "UTF-8-BOM"`).
 */
function csvOptions<R>(columns: readonly Column<R>[]): Options {
  return { header: true, columns: columns.map((column) => column.name), record_delimiter: 'windows', bom: true };
}

function* cells<R>(columns: readonly Column<R>[], rows: Iterable<R>): Generator<(string | number)[]> {
  for (const row of rows) yield columns.map((column) => cell(column.value(row), CSV_DECIMALS[column.name]));
}

export function toCsv<R>(columns: readonly Column<R>[], rows: readonly R[]): string {
  return stringify([...cells(columns, rows)], csvOptions(columns));
}

/** `url` made absolute on the site's address (ente.yaml sito_url): a downloaded file has no page to be relative to. */
function withAbsoluteUrl(obiettivo: OpenDataObiettivo, siteUrl: string): OpenDataObiettivo {
  return { ...obiettivo, url: new URL(obiettivo.url, siteUrl).href };
}

/** What is done with a table's columns and rows, whatever the row type. */
type WithTable<T> = <R>(columns: readonly Column<R>[], rows: Iterable<R>) => T;

/** The columns and rows of one of the three tables; rows are produced one at a time, as they are read. */
function table<T>(tabella: Tabella, records: readonly OpenDataObiettivo[], siteUrl: string, use: WithTable<T>): T {
  function* each<R>(rows: (o: OpenDataObiettivo) => Iterable<R>): Generator<R> {
    for (const o of records) yield* rows(withAbsoluteUrl(o, siteUrl));
  }
  switch (tabella) {
    case 'obiettivi':
      return use(
        obiettiviColumns(),
        each((o) => [o]),
      );
    case 'fasi':
      return use(
        fasiColumns(),
        each((o) => o.fasi.map((fase) => ({ codice: o.codice, fase }))),
      );
    case 'indicatori':
      return use(
        indicatoriColumns(anniStorico(records)),
        each((o) => o.indicatori.map((indicatore) => ({ codice: o.codice, indicatore }))),
      );
  }
}

/** One of the three tables for a set of open-data objectives; `siteUrl` makes the URLs absolute. */
export function csvTable(tabella: Tabella, records: readonly OpenDataObiettivo[], siteUrl: string): string {
  return table(tabella, records, siteUrl, (columns, rows) => toCsv(columns, [...rows]));
}

/**
 * The same table as csvTable, as a stream: rows go through csv-stringify one at a time, so the file is
 * never whole in memory (obiettivi.csv of every year at 10,000 objectives).
 */
export function csvTableStream(tabella: Tabella, records: readonly OpenDataObiettivo[], siteUrl: string): Readable {
  return table(tabella, records, siteUrl, (columns, rows) => {
    const csv = stringifyStream(csvOptions(columns));
    // An error in a row (or in csv-stringify) ends the returned stream with that error.
    pipeline(Readable.from(cells(columns, rows)), csv, () => {});
    return csv;
  });
}
