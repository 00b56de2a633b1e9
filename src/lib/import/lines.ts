/**
 * The export as numbered lines, and the record of where each line went. "Nothing lost": every line
 * is either placed (data, heading, page header, blank) or reported with its number.
 */

export interface Line {
  /** 1-based line number in the export. */
  number: number;
  text: string;
}

export function splitLines(source: string): Line[] {
  const lines = source
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .replaceAll('\u00A0', ' ')
    .split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines.map((text, index) => ({ number: index + 1, text }));
}

export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** Tracks the placement of each line; a line is placed when every piece of it was placed. */
export class Placement {
  private readonly unplaced = new Map<number, string[]>();
  private readonly seen = new Set<number>();

  placed(line: number): void {
    this.seen.add(line);
  }

  notPlaced(line: number, piece: string): void {
    this.seen.add(line);
    const pieces = this.unplaced.get(line) ?? [];
    pieces.push(piece);
    this.unplaced.set(line, pieces);
  }

  /** Lines reported as not placed, plus any line no parser looked at. */
  unplacedLines(lines: Line[]): Line[] {
    return lines
      .filter((line) => !isBlank(line.text) && (this.unplaced.has(line.number) || !this.seen.has(line.number)))
      .map((line) => ({ number: line.number, text: line.text }));
  }
}
