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
  /** Field as shown to the editor (`fasi.F03.peso`), set by labelFields; else the dotted path. */
  field?: string;
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
  /** Field path for the editor (`fasi.F03.peso`, `soggetti_coinvolti.[1].fine`), empty when about the whole file. */
  field: string;
  message: string;
  rule: RuleId;
}

/** `['fasi', 2, 'peso']` → `fasi.2.peso`: the data path, 0-based, used as a key inside the validator. */
export function dottedPath(path: FieldPath | undefined): string {
  return path ? path.join('.') : '';
}

/** An item's own id (F03, I02): what editors search for in the file. */
const ITEM_ID = /^[A-Z]\d{2,3}$/;

/** `list[index]` named by its id when that id is valid and unique in the list, else `[n]`, 1-based. */
export function itemLabel(list: readonly unknown[], index: number): string {
  const idOf = (item: unknown) =>
    item !== null && typeof item === 'object' && 'id' in item && typeof item.id === 'string' && ITEM_ID.test(item.id)
      ? item.id
      : undefined;
  const id = idOf(list[index]);
  if (id !== undefined && list.filter((item) => idOf(item) === id).length === 1) return id;
  return `[${index + 1}]`;
}

/**
 * The field path as editors read it: list items by their id (`indicatori.I02.valore_raggiunto`), or by
 * 1-based position in brackets when the item has no valid, unique id (`fasi.[3].id`, `soggetti_coinvolti.[1]`).
 */
export function fieldLabel(path: FieldPath, data: unknown): string {
  let current = data;
  const parts: string[] = [];
  for (const segment of path) {
    if (typeof segment === 'number' && Array.isArray(current)) {
      parts.push(itemLabel(current, segment));
      current = current[segment];
      continue;
    }
    parts.push(String(segment));
    current =
      current !== null && typeof current === 'object' && Object.hasOwn(current, segment)
        ? (current as Record<string | number, unknown>)[segment]
        : undefined;
  }
  return parts.join('.');
}

/** Sets the editor-facing field of every finding that has a path, from the parsed data of its file. */
export function labelFields(findings: Finding[], data: unknown): Finding[] {
  for (const finding of findings)
    if (finding.path && finding.field === undefined) finding.field = fieldLabel(finding.path, data);
  return findings;
}
