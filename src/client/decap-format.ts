import { parse } from 'yaml';
import { bodyFromSections, bodySections } from '../lib/content/body-sections';
import { toYaml } from '../lib/import/yaml';

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
  for (const field of known) if (field.name in source) out[field.name] = ordered(source[field.name], field.fields);
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
        Object.entries(data).filter(([key]) => key !== COMMENT_FIELD && !(BODY_KEYS as readonly string[]).includes(key)),
      );
      const text = (key: (typeof BODY_KEYS)[number]) => (typeof data[key] === 'string' ? (data[key] as string).trim() : '');
      const body = bodyFromSections({
        introduzione: text('introduzione'),
        modalita_di_attuazione: text('modalita_di_attuazione'),
        stato_di_attuazione: text('stato_di_attuazione'),
      });
      return `---\n${comment}${toYaml(ordered(rest, front))}---\n\n${body}`;
    },
  };
}

/** ente.yaml and dup.yaml: the header comment kept, keys in schema order. */
export function yamlFormat(fieldsOf: (data: Record<string, unknown>) => FieldSpec[]) {
  const headers = new Map<string, string>();
  const kind = (data: Record<string, unknown>) => ('mandati' in data ? 'dup' : 'ente');
  return {
    fromFile(content: string): Record<string, unknown> {
      const { comment } = splitComment(content);
      const data = (parse(content) ?? {}) as Record<string, unknown>;
      headers.set(kind(data), comment);
      return data;
    },
    toFile(data: Record<string, unknown>): string {
      const header = headers.get(kind(data));
      return `${header ? `${header}\n` : ''}${toYaml(ordered(data, fieldsOf(data)))}`;
    },
  };
}
