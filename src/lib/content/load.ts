import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { load as loadYaml } from 'js-yaml';
import { DupSchema, type Dup } from '../../schemas/dup';
import { EnteSchema, type Ente } from '../../schemas/ente';
import { ObiettivoSchema, type Obiettivo } from '../../schemas/obiettivo';
import { objectiveFilesOrThrow, toContentPath } from './entries';

/**
 * Reads content/ once. This is the happy path used by pages and open data after the validator
 * has passed; the validator (src/lib/validate) is what turns bad input into editor messages.
 */

/** gray-matter with our js-yaml, so one YAML parser (and one set of rules) reads every file. */
export const matterOptions = {
  engines: { yaml: (source: string) => (loadYaml(source) ?? {}) as object },
} as const;

export interface ObiettivoEntry {
  /** Path relative to the content folder, with forward slashes: `obiettivi/2020/a01-00.md`. */
  file: string;
  data: Obiettivo;
  /** Markdown body (Modalità di attuazione, Stato di attuazione). */
  body: string;
}

export interface Content {
  ente: Ente;
  dup: Dup;
  obiettivi: ObiettivoEntry[];
}

/**
 * The objective files, sorted so that every build reads them in the same order. Throws, listing them,
 * when content/ has entries that are not content (src/lib/content/entries.ts): never a silent subset.
 */
export function listObiettivoFiles(contentDir: string): string[] {
  return objectiveFilesOrThrow(contentDir);
}

export { toContentPath };

/** Parses one objective file; throws on invalid content (run the validator first for messages). */
export function parseObiettivo(source: string): { data: Obiettivo; body: string } {
  const parsed = matter(source, matterOptions);
  return { data: ObiettivoSchema.parse(parsed.data), body: parsed.content };
}

/** Loads and schema-parses all of content/. */
export function loadContent(contentDir: string): Content {
  const ente = EnteSchema.parse(loadYaml(readFileSync(join(contentDir, 'ente.yaml'), 'utf8')));
  const dup = DupSchema.parse(loadYaml(readFileSync(join(contentDir, 'dup.yaml'), 'utf8')));
  const obiettivi = listObiettivoFiles(contentDir).map((path) => ({
    file: toContentPath(contentDir, path),
    ...parseObiettivo(readFileSync(path, 'utf8')),
  }));
  return { ente, dup, obiettivi };
}
