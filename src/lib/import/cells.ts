import type { Diagnostics } from './diagnostics';
import { plainText } from './inline';
import { parseItalianDate, parseItalianNumber } from './values';

/** A table row: TAB-separated cells, trimmed, with their line for messages. */
export interface Row {
  line: number;
  cells: string[];
}

export function toRow(line: number, text: string): Row {
  return { line, cells: text.split('\t').map((cell) => cell.trim()) };
}

/** Reads typed cells and reports bad ones with the line, the column and the text found. */
export class CellReader {
  constructor(
    private readonly diagnostics: Diagnostics,
    private readonly line: number,
    private readonly what: string,
  ) {}

  text(cell: string | undefined): string | null {
    const value = plainText(cell ?? '');
    return value === '' ? null : value;
  }

  number(cell: string | undefined, column: string): number | null {
    const value = plainText(cell ?? '');
    if (value === '') return null;
    const number = parseItalianNumber(value);
    if (number === undefined) this.bad(column, value, 'un numero (per esempio 1.234,50)');
    return number ?? null;
  }

  date(cell: string | undefined, column: string): string | null {
    const value = plainText(cell ?? '');
    if (value === '') return null;
    const date = parseItalianDate(value);
    if (date === undefined) this.bad(column, value, 'una data GG/MM/AAAA esistente');
    return date ?? null;
  }

  private bad(column: string, value: string, expected: string): void {
    this.diagnostics.error(this.line, `${this.what}: «${value}» nella colonna ${column} non è ${expected}`);
  }
}
