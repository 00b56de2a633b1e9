import { statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DupSchema } from '../../schemas/dup';
import { EnteSchema } from '../../schemas/ente';
import { PerformanceAnnoSchema, SistemaSchema } from '../../schemas/performance';
import { slugFromCodice } from '../derived/slugs';
import { scanContent, toContentPath } from '../content/entries';
import type { ValidatedObjectives } from '../content/validated';
import type { FileResult, ObjectiveResult } from './check-objective';
import { checkObjectives } from './check-objectives';
import { checkObjectivesWithMemo } from './memo';
import { indexDup } from './dup-index';
import { splitFrontMatter } from './frontmatter';
import { htmlInData } from './html';
import { Locator } from './locate';
import type { ObjectiveContext } from './objective-rules';
import type { Problem } from './problem';
import { dottedPath, labelFields } from './problem';
import { performanceFindings } from './performance';
import { ruleLevel } from './rules';
import { readSource } from './source';
import { dupCodeFindings } from './url-values';
import { parseWithSchema } from './yaml-file';

export interface ValidationReport {
  problems: Problem[];
  /** Files read: ente.yaml, dup.yaml, every objective file and the performance files. */
  files: number;
  obiettivi: number;
  /** With `keepData`: every objective that passed the schema, by its front matter's key. */
  validated?: ValidatedObjectives;
  /** With `memo: 'deferred'`: writes the validation memo for the next build. */
  saveMemo?: () => Promise<void>;
}

export interface ValidateOptions {
  /** Working directory: printed paths are relative to it (the repository root). */
  cwd?: string;
  /** Use worker threads where they pay (check-objectives.ts); only where the runtime can load TypeScript workers (tsx). */
  parallel?: boolean;
  /** Keep what the schema made of each objective, for the build's last read of content/ (content/validated.ts). */
  keepData?: boolean;
  /**
   * Reuse the results of the objective files unchanged since the last build, from the cache folder
   * (./memo.ts), and write it for the next one: at once, or, with 'deferred', when the caller calls
   * ValidationReport.saveMemo.
   */
  memo?: boolean | 'deferred';
}

/** Path shown to editors: relative to the repository root (cwd), absolute when outside it. */
function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path.split(sep).join('/') : rel.split(sep).join('/');
}

function checkYamlFile<T>(
  source: string,
  path: string,
  schema: Parameters<typeof parseWithSchema<T>>[2],
  what: string,
  refused: ReadonlySet<string>,
) {
  // Already reported as an entry that is not a file (link, folder, FIFO): not opened, not reported twice.
  if (refused.has(source))
    return { result: { path, source, yamlLine: 1, findings: [] } as FileResult, data: undefined };
  const text = readSource(source);
  if ('finding' in text)
    return { result: { path, source, yamlLine: 1, findings: [text.finding] } as FileResult, data: undefined };
  const parsed = parseWithSchema(text.text, 1, schema, what);
  // ente.yaml and dup.yaml texts reach every page (name, footer, DUP titles): same HTML check as objectives.
  const findings = labelFields(
    parsed.raw ? [...parsed.findings, ...htmlInData(parsed.raw)] : parsed.findings,
    parsed.raw,
  );
  return {
    result: { path, source, yaml: text.text, yamlLine: 1, findings } as FileResult,
    data: parsed.data,
  };
}

/**
 * codice is unique across years and agrees with the file's path. With duplicates, the file whose path
 * matches the codice keeps it and the others get one [codice-duplicato] line (not a second path error).
 */
function crossFileRules(objectives: ObjectiveResult[]): void {
  const byCodice = new Map<string, ObjectiveResult[]>();
  for (const objective of objectives) {
    if (!objective.key) continue;
    const list = byCodice.get(objective.key.codice) ?? [];
    list.push(objective);
    byCodice.set(objective.key.codice, list);
  }
  for (const [codice, list] of byCodice) {
    const expected = `obiettivi/${codice.slice(0, 4)}/${slugFromCodice(codice)}.md`;
    const owner = list.find((o) => o.contentPath === expected) ?? list[0]!;
    for (const objective of list) {
      const data = objective.key!;
      if (objective !== owner) {
        objective.findings.push({
          rule: 'codice-duplicato',
          path: ['codice'],
          message: `il codice ${codice} è già usato in ${owner.path}: ogni obiettivo ha un codice diverso`,
        });
      } else if (String(data.anno) !== codice.slice(0, 4)) {
        objective.findings.push({
          rule: 'codice-percorso',
          path: ['anno'],
          message: `l’anno ${data.anno} non coincide con l’anno del codice ${codice}`,
        });
      } else if (objective.contentPath !== expected) {
        objective.findings.push({
          rule: 'codice-percorso',
          path: ['codice'],
          message: `con il codice ${codice} il file deve essere ${expected}, non ${objective.contentPath}: rinominalo o correggi il codice`,
        });
      }
    }
  }
}

/** The YAML of a file that had no finding of its own until the rules across files ran. */
function yamlOf(file: FileResult): string {
  const source = readSource(file.source);
  if ('finding' in source) return '';
  const split = file.yamlLine === 1 ? undefined : splitFrontMatter(source.text);
  return split === undefined ? source.text : 'yaml' in split ? split.yaml : '';
}

/** Gives each finding its line and column; the positional YAML parse happens only here, only if needed. */
function resolveFindings(file: FileResult): Problem[] {
  let locator: Locator | undefined;
  const problems = file.findings.map((finding): Problem => {
    // Without a path or a line the problem is about the whole file: its first line.
    let line = finding.line ?? (finding.path ? file.yamlLine : 1);
    let col = finding.col ?? 1;
    if (finding.path && finding.line === undefined) {
      locator ??= new Locator(file.yaml ?? yamlOf(file), file.yamlLine);
      ({ line, col } = locator.locate(finding.path, finding.at));
    }
    return {
      file: file.path,
      line,
      col,
      level: ruleLevel(finding.rule),
      field: finding.field ?? dottedPath(finding.path),
      message: finding.message,
      rule: finding.rule,
    };
  });
  // An error on a field says what to write there; a warning on the same field (a "-" that is both a
  // placeholder and formula-like) would only add a second, weaker instruction.
  const erroneous = new Set(problems.filter((p) => p.level === 'errore' && p.field).map((p) => p.field));
  return problems
    .filter((p) => p.level === 'errore' || !erroneous.has(p.field))
    .sort((a, b) => a.line - b.line || a.col - b.col);
}

/** Validates a whole content folder and returns every problem of every file at once. */
export async function validateContent(contentDir: string, options: ValidateOptions = {}): Promise<ValidationReport> {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, contentDir);
  const show = (path: string) => displayPath(path, cwd);
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    // Reported below as a missing folder.
  }
  if (!isDir) {
    const problem: Problem = {
      file: show(root),
      line: 1,
      col: 1,
      level: 'errore',
      field: '',
      rule: 'file',
      message: 'la cartella dei contenuti non esiste',
    };
    return { problems: [problem], files: 0, obiettivi: 0 };
  }

  const entries = scanContent(root);
  const refused = new Set(entries.problems.map((p) => p.path));
  const yamlFile = <T>(name: string, schema: Parameters<typeof parseWithSchema<T>>[2]) =>
    checkYamlFile(join(root, name), show(join(root, name)), schema, `i dati di ${name}`, refused);
  const ente = yamlFile('ente.yaml', EnteSchema);
  const dup = yamlFile('dup.yaml', DupSchema);
  const dupIndex = dup.data ? indexDup(dup.data) : undefined;
  if (dupIndex)
    dup.result.findings.push(...labelFields([...dupIndex.findings, ...dupCodeFindings(dup.data!)], dup.data));
  const context: ObjectiveContext = {
    tipiIndicatore: ente.data?.tipi_indicatore ?? null,
    dup: dupIndex?.index ?? null,
  };

  const files = entries.obiettivi.map((source) => ({
    source,
    contentPath: toContentPath(root, source),
    path: show(source),
  }));
  const checkOptions = { parallel: options.parallel, keepData: options.keepData };
  const memo = options.memo ? await checkObjectivesWithMemo(files, context, checkOptions) : undefined;
  if (memo && options.memo !== 'deferred') await memo.save();
  const objectives = memo ? memo.results : await checkObjectives(files, context, checkOptions);
  crossFileRules(objectives);

  const performanceFile = <T>(path: string, schema: Parameters<typeof parseWithSchema<T>>[2]) =>
    checkYamlFile(path, show(path), schema, `i dati di ${toContentPath(root, path)}`, refused);
  const anni = entries.performance.anni.map((path) => ({ path, ...performanceFile(path, PerformanceAnnoSchema) }));
  const sistema = entries.performance.sistema ? performanceFile(entries.performance.sistema, SistemaSchema) : undefined;
  const documentProblems = performanceFindings(
    anni.map(({ path, result, data }) => ({ name: toContentPath(root, path), result, data })),
    sistema && { result: sistema.result, data: sistema.data },
    entries.performance.documenti.map((path) => ({ name: path.slice(path.lastIndexOf(sep) + 1), path: show(path) })),
  );

  const all: FileResult[] = [
    ente.result,
    dup.result,
    ...objectives,
    ...anni.map((a) => a.result),
    ...(sistema ? [sistema.result] : []),
  ];
  // Entries that are not content (stray, misnamed, links, special files): one error line each.
  const entryProblems = [
    ...entries.problems.map((p) => ({ ...p, level: 'errore' as const })),
    ...entries.notices.map((p) => ({ ...p, level: 'avviso' as const })),
  ].map((p): Problem => ({
    file: show(p.path),
    line: 1,
    col: 1,
    level: p.level,
    field: '',
    message: p.message,
    rule: p.rule,
  }));
  const problems = [
    ...entryProblems,
    ...documentProblems,
    ...all.flatMap((file) => (file.findings.length > 0 ? resolveFindings(file) : [])),
  ];
  return {
    problems,
    files: all.length,
    obiettivi: objectives.length,
    ...(options.keepData && {
      validated: new Map(objectives.flatMap(({ parsed }) => (parsed ? [[parsed.key, parsed.data] as const] : []))),
    }),
    ...(memo && options.memo === 'deferred' && { saveMemo: memo.save }),
  };
}
