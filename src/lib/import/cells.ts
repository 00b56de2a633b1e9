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
    return this.parsed(cell, column, parseItalianNumber, 'un numero (per esempio 1.234,50)');
  }

  date(cell: string | undefined, column: string): string | null {
    return this.parsed(cell, column, parseItalianDate, 'una data GG/MM/AAAA esistente');
  }

  /** An empty cell is null; a cell `parse` refuses is reported, saying what was `expected`, and read as null. */
  private parsed<T>(
    cell: string | undefined,
    column: string,
    parse: (value: string) => T | undefined,
    expected: string,
  ): T | null {
    const value = this.text(cell);
    if (value === null) return null;
    const parsed = parse(value);
    if (parsed === undefined) {
      this.diagnostics.error(this.line, `${this.what}: «${value}» nella colonna ${column} non è ${expected}`);
    }
    return parsed ?? null;
  }
}
