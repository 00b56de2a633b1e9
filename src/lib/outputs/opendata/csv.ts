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
export function toCsv<R>(columns: readonly Column<R>[], rows: readonly R[]): string {
  return stringify(
    rows.map((row) => columns.map((column) => cell(column.value(row), CSV_DECIMALS[column.name]))),
    { header: true, columns: columns.map((column) => column.name), record_delimiter: 'windows', bom: true },
  );
}

/** The objectives with `url` made absolute on the site's address (ente.yaml sito_url). */
function withAbsoluteUrls(obiettivi: readonly OpenDataObiettivo[], siteUrl: string): OpenDataObiettivo[] {
  return obiettivi.map((o) => ({ ...o, url: new URL(o.url, siteUrl).href }));
}

/** One of the three tables for a set of open-data objectives; `siteUrl` makes the URLs absolute. */
export function csvTable(tabella: Tabella, records: readonly OpenDataObiettivo[], siteUrl: string): string {
  const obiettivi = withAbsoluteUrls(records, siteUrl);
  switch (tabella) {
    case 'obiettivi':
      return toCsv(obiettiviColumns(), obiettivi);
    case 'fasi':
      return toCsv(
        fasiColumns(),
        obiettivi.flatMap((o) => o.fasi.map((fase) => ({ codice: o.codice, fase }))),
      );
    case 'indicatori':
      return toCsv(
        indicatoriColumns(anniStorico(obiettivi)),
        obiettivi.flatMap((o) => o.indicatori.map((indicatore) => ({ codice: o.codice, indicatore }))),
      );
  }
}
