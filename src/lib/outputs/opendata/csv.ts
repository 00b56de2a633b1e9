import { stringify } from 'csv-stringify/sync';
import { anniStorico, fasiColumns, indicatoriColumns, obiettiviColumns, type Column } from './columns';
import { neutraliseFormula } from './formula';
import type { OpenDataObiettivo } from './records';

/** The three CSV tables of docs/contract.md §4. */
export const TABELLE = ['obiettivi', 'fasi', 'indicatori'] as const;
export type Tabella = (typeof TABELLE)[number];

/**
 * A cell: empty for null, ISO dates and `.` decimals as they are, nested values as JSON. Numbers stay
 * numbers (`-5`); a text starting like a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading `'`.
 */
function cell(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return neutraliseFormula(String(value));
}

/** RFC 4180: header row, comma, CRLF line ends, quotes only where needed (csv-stringify does the quoting). */
export function toCsv<R>(columns: readonly Column<R>[], rows: readonly R[]): string {
  return stringify(
    rows.map((row) => columns.map((column) => cell(column.value(row)))),
    { header: true, columns: columns.map((column) => column.name), record_delimiter: 'windows', bom: false },
  );
}

/** One of the three tables for a set of open-data objectives. */
export function csvTable(tabella: Tabella, obiettivi: readonly OpenDataObiettivo[]): string {
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
