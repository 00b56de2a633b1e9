import { hash } from 'node:crypto';
import { ObiettivoSchema, type Obiettivo } from '../../schemas/obiettivo';
import { frontMatterKey } from '../content/validated';
import { bodyWarnings } from './body';
import { splitFrontMatter } from './frontmatter';
import { htmlInData, mayContainHtml } from './html';
import { objectiveRules, type ObjectiveContext } from './objective-rules';
import { labelFields, type Finding } from './problem';
import { qualityWarnings } from './quality';
import { readSource } from './source';
import { urlValueFindings } from './url-values';
import { parseWithSchema } from './yaml-file';

/** One file's findings plus what is needed to place them. Plain data: it crosses worker threads. */
export interface FileResult {
  /** Path shown to the editor. */
  path: string;
  /** Absolute path, to read the YAML again if a later (cross-file) finding needs a position. */
  source: string;
  /** The YAML text, kept only when the file has findings (10,000 clean files need not sit in memory). */
  yaml?: string;
  /** File line of the YAML's first line: 1 for .yaml files, 2 for front matter. */
  yamlLine: number;
  findings: Finding[];
}

export interface ObjectiveResult extends FileResult {
  /** Path inside the content folder: obiettivi/2020/a01-00.md */
  contentPath: string;
  /** Set when the front matter passed the schema; used by the rules across files. */
  key?: { codice: string; anno: number };
  /** With `keepData`, the schema's output under its front matter's key, for the build (content/validated.ts). */
  parsed?: { key: string; data: Obiettivo };
  /** With `memoKey`, the key of the text this result was made from (./memo.ts); absent when the file was unreadable. */
  memoKey?: string;
}

export interface ObjectiveFile {
  source: string;
  contentPath: string;
  path: string;
}

/**
 * Key of one objective file's result in the build's memo (./memo.ts): what the editor sees as its path,
 * its path inside content/ (the rules across files compare it with the codice) and its text.
 */
export function objectiveMemoKey(file: ObjectiveFile, text: string): string {
  return hash('sha256', `${file.path}\0${file.contentPath}\0${text}`);
}

/**
 * Everything that can be checked within one objective file. Reads and parses the file once; with
 * `keepData`, returns what the schema made of it too; with `memoKey`, the key of the text it read.
 */
export function checkObjective(
  file: ObjectiveFile,
  context: ObjectiveContext,
  keepData = false,
  memoKey = false,
): ObjectiveResult {
  const source = readSource(file.source);
  if ('finding' in source) return { ...file, yamlLine: 2, findings: [source.finding] };
  const base = { ...file, yamlLine: 2, ...(memoKey && { memoKey: objectiveMemoKey(file, source.text) }) };
  const split = splitFrontMatter(source.text);
  if ('finding' in split) return { ...base, findings: [split.finding] };
  const parsed = parseWithSchema(
    split.yaml,
    split.yamlLine,
    ObiettivoSchema,
    'i dati dell’obiettivo (tra le righe ---)',
  );
  const findings: Finding[] = [...parsed.findings];
  if (parsed.data)
    findings.push(
      ...objectiveRules(parsed.data, context),
      ...urlValueFindings(parsed.data),
      ...qualityWarnings(parsed.data),
    );
  if (parsed.raw && mayContainHtml(split.yaml)) findings.push(...htmlInData(parsed.raw));
  findings.push(...bodyWarnings(split.body, split.bodyLine));
  labelFields(findings, parsed.raw);
  const key = parsed.data ? { codice: parsed.data.codice, anno: parsed.data.anno } : undefined;
  const kept = keepData && parsed.data ? { key: frontMatterKey(split.yaml), data: parsed.data } : undefined;
  return {
    ...base,
    yaml: findings.length > 0 ? split.yaml : undefined,
    yamlLine: split.yamlLine,
    findings,
    key,
    parsed: kept,
  };
}
