import { parse, parseDocument, type Document } from 'yaml';
import { bodyFromSections, bodySections } from '../lib/content/body-sections';
import { toYaml, YAML_OPTIONS } from '../lib/import/yaml';

/**
 * File formats of the form editor, registered with CMS.registerCustomFormat: Decap's own YAML writer
 * would re-quote, re-order and re-wrap whole files. These write with the importer's serializer
 * (src/lib/import/yaml.ts), keys in schema order, so changing one value changes one line.
 * The objective body is edited as its two sections (src/lib/content/body-sections.ts).
 * The importer's first comment line is kept as it was: after an edit its fingerprint no longer matches,
 * which is what tells a later import that the file was changed by hand (docs/ci-and-deploy.md).
 */

export interface FieldSpec {
  name: string;
  fields?: FieldSpec[];
  widget?: string;
  default?: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const COMMENT_FIELD = 'commento_iniziale';
const BODY_KEYS = ['introduzione', 'modalita_di_attuazione', 'stato_di_attuazione'] as const;

/** Orders an object's keys as the fields (unknown keys kept, after); empty strings become null. */
function ordered(value: unknown, fields: FieldSpec[] | undefined): Json {
  if (value === '' || value === undefined) return null;
  if (Array.isArray(value)) return value.map((item) => ordered(item, fields));
  if (value === null || typeof value !== 'object') return value as Json;
  const source = value as Record<string, unknown>;
  const out: Record<string, Json> = {};
  const known = fields ?? [];
  // Decap leaves out the fields of a new item nobody touched: they get their default (null if none), as
  // `npm run nuovo` writes every key.
  for (const field of known)
    out[field.name] =
      field.name in source
        ? ordered(source[field.name], field.fields)
        : ((field.default ?? (field.widget === 'list' ? [] : null)) as Json);
  for (const key of Object.keys(source))
    if (!(key in out) && !known.some((f) => f.name === key)) out[key] = ordered(source[key], undefined);
  return out;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)^---\r?\n?([\s\S]*)$/m;

/** Leading `# …` lines of a YAML text, and the rest. */
function splitComment(text: string): { comment: string; rest: string } {
  const lines = text.split('\n');
  let count = 0;
  while (count < lines.length && lines[count]!.startsWith('#')) count++;
  return { comment: lines.slice(0, count).join('\n'), rest: lines.slice(count).join('\n') };
}

export function obiettivoFormat(fields: FieldSpec[]) {
  const front = fields.filter((f) => f.name !== COMMENT_FIELD && !(BODY_KEYS as readonly string[]).includes(f.name));
  return {
    fromFile(content: string): Record<string, unknown> {
      const match = FRONT_MATTER.exec(content);
      const yaml = match ? match[1]! : '';
      const body = match ? match[2]! : content;
      const { comment, rest } = splitComment(yaml);
      const data = (parse(rest) ?? {}) as Record<string, unknown>;
      return { ...(comment ? { [COMMENT_FIELD]: comment } : {}), ...data, ...bodySections(body) };
    },
    toFile(data: Record<string, unknown>): string {
      const comment = typeof data[COMMENT_FIELD] === 'string' ? `${data[COMMENT_FIELD] as string}\n` : '';
      const rest = Object.fromEntries(
        Object.entries(data).filter(
          ([key]) => key !== COMMENT_FIELD && !(BODY_KEYS as readonly string[]).includes(key),
        ),
      );
      const text = (key: (typeof BODY_KEYS)[number]) =>
        typeof data[key] === 'string' ? (data[key] as string).trim() : '';
      const body = bodyFromSections({
        introduzione: text('introduzione'),
        modalita_di_attuazione: text('modalita_di_attuazione'),
        stato_di_attuazione: text('stato_di_attuazione'),
      });
      return `---\n${comment}${toYaml(ordered(rest, front))}---\n\n${body}`;
    },
  };
}

/** Empty strings (a cleared form field) become null, as the schemas write absent values. */
function emptyToNull(value: unknown): unknown {
  if (value === '' || value === undefined) return null;
  if (Array.isArray(value)) return value.map(emptyToNull);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, emptyToNull(item)]));
  return value;
}

const isMap = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** Applies to the YAML document only what changed between `before` and `after`: comments and styles stay. */
function sync(document: Document, path: (string | number)[], before: unknown, after: unknown): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (isMap(before) && isMap(after)) {
    for (const key of Object.keys(after)) sync(document, [...path, key], before[key], after[key]);
    for (const key of Object.keys(before)) if (!(key in after)) document.deleteIn([...path, key]);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && path.length > 0) {
    const common = Math.min(before.length, after.length);
    for (let i = 0; i < common; i++) sync(document, [...path, i], before[i], after[i]);
    for (let i = before.length - 1; i >= after.length; i--) document.deleteIn([...path, i]);
    for (let i = common; i < after.length; i++) document.addIn(path, document.createNode(after[i]));
    return;
  }
  document.setIn(path, document.createNode(after));
}

/**
 * ente.yaml and dup.yaml: the file as it was, with only the changed values rewritten (its comments,
 * flow lists and quoting stay).
 */
export function yamlFormat() {
  const originals = new Map<string, string>();
  const kind = (data: Record<string, unknown>) => ('mandati' in data ? 'dup' : 'ente');
  return {
    fromFile(content: string): Record<string, unknown> {
      const data = (parse(content) ?? {}) as Record<string, unknown>;
      originals.set(kind(data), content);
      return data;
    },
    toFile(data: Record<string, unknown>): string {
      const original = originals.get(kind(data)) ?? '';
      const document = parseDocument(original);
      sync(document, [], document.toJS() ?? {}, emptyToNull(data));
      // Settings files follow Prettier's YAML style: `[a, b]` without inner spaces.
      return document.toString({ ...YAML_OPTIONS, flowCollectionPadding: false });
    },
  };
}
