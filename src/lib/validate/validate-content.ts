import { statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DupSchema } from '../../schemas/dup';
import { EnteSchema } from '../../schemas/ente';
import { ObiettivoSchema, slugFromCodice, type Obiettivo } from '../../schemas/obiettivo';
import { listObiettivoFiles, toContentPath } from '../content/load';
import { bodyWarnings } from './body';
import { indexDup } from './dup-index';
import { splitFrontMatter } from './frontmatter';
import { htmlInData } from './html';
import { Locator } from './locate';
import { objectiveRules, type ObjectiveContext } from './objective-rules';
import type { Finding, Problem } from './problem';
import { dottedPath } from './problem';
import { qualityWarnings } from './quality';
import { WARNING_RULES } from './rules';
import { readSource } from './source';
import { parseWithSchema } from './yaml-file';

export interface ValidationReport {
  problems: Problem[];
  /** Files read: ente.yaml, dup.yaml and every objective file. */
  files: number;
  obiettivi: number;
}

/** One file's findings plus what is needed to place them (its YAML, only used if a finding has a path). */
interface FileResult {
  path: string;
  yaml?: string;
  yamlLine: number;
  findings: Finding[];
}

interface ObjectiveResult extends FileResult {
  /** Path inside the content folder: obiettivi/2020/a01-00.md */
  contentPath: string;
  data?: Obiettivo;
}

/** Path shown to editors: relative to the repository root (cwd), absolute when outside it. */
function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path.split(sep).join('/') : rel.split(sep).join('/');
}

function checkYamlFile<T>(path: string, display: string, schema: Parameters<typeof parseWithSchema<T>>[2], what: string) {
  const source = readSource(path);
  if ('finding' in source) return { result: { path: display, yamlLine: 1, findings: [source.finding] }, data: undefined };
  const parsed = parseWithSchema(source.text, 1, schema, what);
  const result: FileResult = { path: display, yaml: source.text, yamlLine: 1, findings: parsed.findings };
  return { result, data: parsed.data, raw: parsed.raw };
}

function checkObjective(path: string, contentPath: string, display: string, context: ObjectiveContext): ObjectiveResult {
  const base = { path: display, contentPath, yamlLine: 2 };
  const source = readSource(path);
  if ('finding' in source) return { ...base, findings: [source.finding] };
  const split = splitFrontMatter(source.text);
  if ('finding' in split) return { ...base, findings: [split.finding] };
  const parsed = parseWithSchema(split.yaml, split.yamlLine, ObiettivoSchema, 'i dati dell’obiettivo (tra le righe ---)');
  const findings = [...parsed.findings];
  if (parsed.data) findings.push(...objectiveRules(parsed.data, context), ...qualityWarnings(parsed.data));
  if (parsed.raw) findings.push(...htmlInData(parsed.raw));
  findings.push(...bodyWarnings(split.body, split.bodyLine));
  return { ...base, yaml: split.yaml, yamlLine: split.yamlLine, findings, data: parsed.data };
}

/**
 * codice is unique across years and agrees with the file's path. With duplicates, the file whose path
 * matches the codice keeps it and the others get one [codice-duplicato] line (not a second path error).
 */
function crossFileRules(objectives: ObjectiveResult[]): void {
  const byCodice = new Map<string, ObjectiveResult[]>();
  for (const objective of objectives) {
    if (!objective.data) continue;
    const list = byCodice.get(objective.data.codice) ?? [];
    list.push(objective);
    byCodice.set(objective.data.codice, list);
  }
  for (const [codice, list] of byCodice) {
    const expected = `obiettivi/${codice.slice(0, 4)}/${slugFromCodice(codice)}.md`;
    const owner = list.find((o) => o.contentPath === expected) ?? list[0]!;
    for (const objective of list) {
      const data = objective.data!;
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

/** Gives each finding its line and column; the positional YAML parse happens only here, only if needed. */
function resolveFindings(file: FileResult): Problem[] {
  let locator: Locator | undefined;
  const problems = file.findings.map((finding): Problem => {
    let line = finding.line ?? file.yamlLine;
    let col = finding.col ?? 1;
    if (finding.path && finding.line === undefined && file.yaml !== undefined) {
      locator ??= new Locator(file.yaml, file.yamlLine);
      ({ line, col } = locator.locate(finding.path, finding.at));
    }
    return {
      file: file.path,
      line,
      col,
      level: WARNING_RULES.has(finding.rule) ? 'avviso' : 'errore',
      field: dottedPath(finding.path),
      message: finding.message,
      rule: finding.rule,
    };
  });
  return problems.sort((a, b) => a.line - b.line || a.col - b.col);
}

/** Validates a whole content folder and returns every problem of every file at once. */
export function validateContent(contentDir: string, cwd: string = process.cwd()): ValidationReport {
  const root = resolve(cwd, contentDir);
  const show = (path: string) => displayPath(path, cwd);
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    // Reported below as a missing folder.
  }
  if (!isDir) {
    const problem: Problem = { file: show(root), line: 1, col: 1, level: 'errore', field: '', rule: 'file', message: 'la cartella dei contenuti non esiste' };
    return { problems: [problem], files: 0, obiettivi: 0 };
  }

  const ente = checkYamlFile(join(root, 'ente.yaml'), show(join(root, 'ente.yaml')), EnteSchema, 'i dati di ente.yaml');
  const dup = checkYamlFile(join(root, 'dup.yaml'), show(join(root, 'dup.yaml')), DupSchema, 'i dati di dup.yaml');
  const dupIndex = dup.data ? indexDup(dup.data) : undefined;
  if (dupIndex) dup.result.findings.push(...dupIndex.findings);
  const context: ObjectiveContext = { tipiIndicatore: ente.data?.tipi_indicatore ?? null, dup: dupIndex?.index ?? null };

  const objectives = listObiettivoFiles(root).map((path) => checkObjective(path, toContentPath(root, path), show(path), context));
  crossFileRules(objectives);

  const files: FileResult[] = [ente.result, dup.result, ...objectives];
  return {
    problems: files.flatMap((file) => (file.findings.length > 0 ? resolveFindings(file) : [])),
    files: files.length,
    obiettivi: objectives.length,
  };
}
