import type { RuleId } from './rules';

export type Level = 'errore' | 'avviso';

/** A path into the parsed YAML, as Zod reports it: `['fasi', 2, 'peso']`. Indexes are 0-based. */
export type FieldPath = readonly (string | number)[];

/** What a check finds, before its position is known. */
export interface Finding {
  rule: RuleId;
  message: string;
  /** Field the problem is about; its line and column are looked up only when needed. */
  path?: FieldPath;
  /** Point at the key (`peso:`) rather than its value; used for unknown keys and whole sections. */
  at?: 'key' | 'value';
  /** Known position (1-based), for problems outside the YAML tree (syntax errors, the Markdown body). */
  line?: number;
  col?: number;
}

/** One line of output. Lines and columns are 1-based, as editors count them. */
export interface Problem {
  /** Path relative to the working directory (the repository root), with forward slashes. */
  file: string;
  line: number;
  col: number;
  level: Level;
  /** Dotted field path (`fasi.2.peso`, 0-based indexes), empty when the problem is about the whole file. */
  field: string;
  message: string;
  rule: RuleId;
}

/** `['fasi', 2, 'peso']` → `fasi.2.peso`. */
export function dottedPath(path: FieldPath | undefined): string {
  return path ? path.join('.') : '';
}
