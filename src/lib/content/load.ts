import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import matter from 'gray-matter';
import { load as loadYaml } from 'js-yaml';
import { DupSchema, type Dup } from '../../schemas/dup';
import { EnteSchema, type Ente } from '../../schemas/ente';
import { ObiettivoSchema, type Obiettivo } from '../../schemas/obiettivo';
import {
  PerformanceAnnoSchema,
  SistemaSchema,
  type PerformanceAnno,
  type Sistema,
} from '../../schemas/performance';
import { ContentEntriesError, objectiveFilesOrThrow, scanContent, toContentPath } from './entries';
import { validatedData, type ValidatedObjectives } from './validated';

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
  performance: PerformanceContent;
}

export interface PerformanceContent {
  /** content/performance/<anno>.yaml, by year ascending. */
  anni: PerformanceAnno[];
  sistema: Sistema | null;
  /** The PDFs of content/performance/documenti/: file name → absolute path, sorted by name. */
  documenti: { name: string; path: string }[];
}

/** Reads content/performance/ (absent folder: nothing); throws on entry problems or invalid files. */
export function loadPerformance(contentDir: string): PerformanceContent {
  const { performance, problems } = scanContent(contentDir);
  const own = problems.filter((p) => toContentPath(contentDir, p.path).startsWith('performance/'));
  if (own.length > 0)
    throw new ContentEntriesError(
      `content/performance/ ha elementi da sistemare (npm run validate li elenca):\n${own.map((p) => `${toContentPath(process.cwd(), p.path)}: ${p.message}`).join('\n')}`,
    );
  const read = (path: string) => loadYaml(readFileSync(path, 'utf8'));
  return {
    anni: performance.anni.map((path) => PerformanceAnnoSchema.parse(read(path))).sort((a, b) => a.anno - b.anno),
    sistema: performance.sistema ? SistemaSchema.parse(read(performance.sistema)) : null,
    documenti: performance.documenti.map((path) => ({ name: basename(path), path })),
  };
}

/**
 * The objective files, sorted so that every build reads them in the same order. Throws, listing them,
 * when content/ has entries that are not content (src/lib/content/entries.ts): never a silent subset.
 */
export function listObiettivoFiles(contentDir: string): string[] {
  return objectiveFilesOrThrow(contentDir);
}

export { toContentPath };

/**
 * Parses one objective file; throws on invalid content (run the validator first for messages). With
 * `validated`, a front matter the validator has parsed as it stands is not parsed again (./validated.ts).
 */
export function parseObiettivo(source: string, validated?: ValidatedObjectives): { data: Obiettivo; body: string } {
  let known: Obiettivo | undefined;
  const options = validated
    ? { engines: { yaml: (region: string) => (known = validatedData(region, validated)) ?? matterOptions.engines.yaml(region) } }
    : matterOptions;
  const parsed = matter(source, options);
  return { data: known ?? ObiettivoSchema.parse(parsed.data), body: parsed.content };
}

/**
 * `parse` of one file, its failure as an Italian ContentEntriesError naming the file and each field: what
 * `astro dev` shows when an editor's save does not validate (the validator gives the line).
 */
function parseFile<T>(path: string, parse: (source: string) => T): T {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
    const details = issues
      ? issues.map((issue) => `  - ${issue.path.map(String).join('.') || 'file'}: ${issue.message}`)
      : [`  - ${(error as Error).message}`];
    throw new ContentEntriesError(
      [`${toContentPath(process.cwd(), path)} non è valido (npm run validate indica riga e campo):`, ...details].join(
        '\n',
      ),
    );
  }
}

/** content/ente.yaml, schema-parsed; a file that does not parse throws a ContentEntriesError naming it. */
export function loadEnte(contentDir: string): Ente {
  return parseFile(join(contentDir, 'ente.yaml'), (source) => EnteSchema.parse(loadYaml(source)));
}

/**
 * Loads and schema-parses all of content/; a file that does not parse throws a ContentEntriesError naming it.
 * `validated`: objectives the validator parsed in this process, reused where their text has not changed.
 */
export function loadContent(contentDir: string, validated?: ValidatedObjectives): Content {
  const ente = loadEnte(contentDir);
  const dup = parseFile(join(contentDir, 'dup.yaml'), (source) => DupSchema.parse(loadYaml(source)));
  const obiettivi = listObiettivoFiles(contentDir).map((path) => ({
    file: toContentPath(contentDir, path),
    ...parseFile(path, (source) => parseObiettivo(source, validated)),
  }));
  return { ente, dup, obiettivi, performance: loadPerformance(contentDir) };
}
