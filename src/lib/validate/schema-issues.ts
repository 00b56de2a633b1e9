import type { z } from 'astro/zod';
import { dottedPath, type Finding, type FieldPath } from './problem';
import { nearest } from './suggest';

/** Zod 4 schema internals we walk: keys allowed at a path, numeric fields, nullable keys. */
export interface SchemaDef {
  type: string;
  shape?: Record<string, { def: SchemaDef }>;
  innerType?: { def: SchemaDef };
  in?: { def: SchemaDef };
  element?: { def: SchemaDef };
  valueType?: { def: SchemaDef };
}

export const defOf = (schema: z.ZodType) => (schema as unknown as { def: SchemaDef }).def;

/** The schema under nullable/default/pipe wrappers, and whether null is allowed on the way. */
export function unwrapNullable(def: SchemaDef): { def: SchemaDef; nullable: boolean } {
  let current = def;
  let nullable = false;
  for (;;) {
    if (current.type === 'nullable') nullable = true;
    const inner = current.innerType ?? (current.type === 'pipe' ? current.in : undefined);
    if (!inner) return { def: current, nullable };
    current = inner.def;
  }
}

function unwrap(def: SchemaDef): SchemaDef {
  return unwrapNullable(def).def;
}

const requiredKeysCache = new WeakMap<z.ZodType, ReadonlySet<string>>();

/** Keys that never accept `null` where the schema has them: a missing value cannot be written null. */
export function requiredKeys(schema: z.ZodType): ReadonlySet<string> {
  const cached = requiredKeysCache.get(schema);
  if (cached) return cached;
  const nullable = new Set<string>();
  const never = new Set<string>();
  const seen = new Set<SchemaDef>();
  const visit = (def: SchemaDef) => {
    const inner = unwrap(def);
    if (seen.has(inner)) return;
    seen.add(inner);
    if (inner.type === 'object' && inner.shape)
      for (const [key, value] of Object.entries(inner.shape)) {
        (unwrapNullable(value.def).nullable ? nullable : never).add(key);
        visit(value.def);
      }
    else if (inner.type === 'array' && inner.element) visit(inner.element.def);
    else if (inner.type === 'record' && inner.valueType) visit(inner.valueType.def);
  };
  visit(defOf(schema));
  const result = new Set([...never].filter((key) => !nullable.has(key)));
  requiredKeysCache.set(schema, result);
  return result;
}

/** Keys of the strict object at `path` in `schema`, or [] when the path leads elsewhere. */
export function keysAt(schema: z.ZodType, path: FieldPath): string[] {
  let def = unwrap(defOf(schema));
  for (const segment of path) {
    if (def.type === 'object' && def.shape && typeof segment === 'string' && def.shape[segment])
      def = def.shape[segment].def;
    else if (def.type === 'array' && def.element && typeof segment === 'number') def = def.element.def;
    else if (def.type === 'record' && def.valueType) def = def.valueType.def;
    else return [];
    def = unwrap(def);
  }
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

const TYPE_NAMES: Record<string, string> = {
  string: 'un testo',
  number: 'un numero',
  int: 'un numero intero',
  boolean: 'sì o no (true/false)',
  object: 'un gruppo di campi chiave: valore',
  array: 'un elenco (righe che iniziano con «- »)',
  record: 'un gruppo di campi chiave: valore',
};

function describeValue(value: unknown): string {
  if (value === null) return 'null (vuoto)';
  if (Array.isArray(value)) return 'un elenco';
  if (typeof value === 'object') return 'un gruppo di campi chiave: valore';
  if (typeof value === 'string') return 'un testo';
  if (typeof value === 'number') return 'un numero';
  if (typeof value === 'boolean') return 'sì/no';
  return typeof value;
}

/**
 * Italian messages for issues whose schema gives none (Zod's defaults are English). Schema messages win:
 * Zod 4 uses this map only where the schema has no `error` of its own.
 */
export const italianErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'campo obbligatorio';
      return `deve essere ${TYPE_NAMES[issue.expected] ?? issue.expected}, non ${describeValue(issue.input)}`;
    case 'invalid_value':
      return `valore non ammesso: scrivi ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return `deve essere almeno ${String(issue.minimum)}`;
    case 'too_big':
      return `non può superare ${String(issue.maximum)}`;
    default:
      return undefined;
  }
};

function valueAt(data: unknown, path: FieldPath): { present: boolean; value?: unknown } {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return { present: false };
    current = (current as Record<string | number, unknown>)[segment];
  }
  return { present: true, value: current };
}

/** Zod rejects .inf and .nan as "not a number"; the editor wrote a number, so say what is wrong with it. */
const NOT_FINITE = 'deve essere un numero finito (.inf e .nan non sono ammessi)';

/** Turns Zod issues into findings: unknown keys with a suggestion, dates as [data], missing keys named. */
export function issuesToFindings(issues: readonly z.core.$ZodIssue[], schema: z.ZodType, data: unknown): Finding[] {
  const findings: Finding[] = [];
  // A misspelt key (`pes`) also leaves its right spelling (`peso`) missing: say it once, at the typo.
  const explained = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = issue.path as FieldPath;
    const allowed = keysAt(schema, path);
    for (const key of issue.keys) {
      const guess = nearest(key, allowed);
      if (guess) explained.add(dottedPath([...path, guess]));
      const hint = guess ? `forse intendevi ${guess}?` : `le chiavi ammesse qui sono: ${allowed.join(', ')}`;
      findings.push({
        rule: 'chiave-sconosciuta',
        path: [...path, key],
        at: 'key',
        message: `chiave sconosciuta «${key}»: ${hint}`,
      });
    }
  }
  // Missing keys of one object are grouped: an almost empty objective gives one line, not ten.
  const missingByParent = new Map<string, { parent: FieldPath; keys: string[]; hints: string[] }>();
  for (const issue of issues) {
    const path = issue.path as FieldPath;
    if (issue.code === 'unrecognized_keys') continue;
    if (issue.code === 'invalid_format' && issue.format === 'date') {
      findings.push({ rule: 'data', path, message: issue.message });
      continue;
    }
    const found = valueAt(data, path);
    if (path.length > 0 && !found.present) {
      if (explained.has(dottedPath(path))) continue;
      const parent = path.slice(0, -1);
      const group = missingByParent.get(dottedPath(parent)) ?? { parent, keys: [], hints: [] };
      group.keys.push(String(path[path.length - 1]));
      // A schema that says where to find a missing value ("manca il codice IPA: cercalo su …") keeps its words.
      if (issue.message.startsWith('manca ')) group.hints.push(issue.message);
      missingByParent.set(dottedPath(parent), group);
      continue;
    }
    const notFinite = typeof found.value === 'number' && !Number.isFinite(found.value);
    findings.push({ rule: 'schema', path, message: notFinite ? NOT_FINITE : issue.message });
  }
  for (const { parent, keys, hints } of missingByParent.values()) {
    findings.push(
      keys.length === 1 && hints.length === 1
        ? { rule: 'schema', path: [...parent, keys[0]!], message: hints[0]! }
        : keys.length === 1
          ? {
              rule: 'schema',
              path: [...parent, keys[0]!],
              message: `campo obbligatorio: aggiungi la riga «${keys[0]}:» (scrivi null se il valore non c’è)`,
            }
          : {
              rule: 'schema',
              path: parent,
              message: `mancano i campi obbligatori ${keys.join(', ')}: aggiungili (scrivi null dove il valore non c’è)`,
            },
    );
  }
  return findings;
}
