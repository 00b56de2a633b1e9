import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { cacheDir, cacheKey, storeCached } from '../outputs/cache';
import { codeDigest } from '../outputs/code-digest';
import { objectiveMemoKey, type ObjectiveFile, type ObjectiveResult } from './check-objective';
import { checkObjectives, type CheckOptions } from './check-objectives';
import type { ObjectiveContext } from './objective-rules';
import { readSource } from './source';

/**
 * The build's memo of what the validator made of each objective file, so that a build after an editor's
 * change parses and checks only the files that changed: js-yaml, the schema and the rules were ≈6 of the
 * ≈8 CPU s the validation took at 10,000 unchanged objectives (docs/benchmarks.md, "Validation memo").
 *
 * A file's result depends on its text, its path (shown in messages, compared with the codice) and the
 * context the rules read (ente.yaml's tipi_indicatore, dup.yaml's index): the rules read no clock, no
 * environment and no other file (tests/lib/validate-memo.test.ts). An entry is keyed on the path and the
 * text (`objectiveMemoKey`); the memo as a whole on the context and on everything that could change the
 * checks themselves: the code under src/, the installed dependencies (package-lock.json), Node's version.
 * Anything that differs is a miss, checked afresh. The rules across files (a codice used twice) and the
 * positions of the findings are computed every time, from these results.
 *
 * One file in the cache folder, replaced whole after a build that checked a new file or no longer has one
 * (atomically, ../outputs/cache.ts): it holds the objectives of the last build, never more.
 */

/** Bump when the shape of an entry or of the key changes meaning. */
const MEMO_VERSION = 1;

/** What the memo keeps of one file's result: ObjectiveResult without the file's names, which key it. */
type Entry = Pick<ObjectiveResult, 'yamlLine' | 'yaml' | 'findings' | 'key' | 'parsed'>;

interface StoredMemo {
  key: string;
  entries: Map<string, Entry>;
}

/** Where the memo lives: one file, replaced whole. */
export function validationMemoFile(): string {
  return join(cacheDir(), 'validation', 'obiettivi.v8');
}

function lockfileDigest(root: string): string | null {
  try {
    return hash('sha256', readFileSync(resolve(root, 'package-lock.json')));
  } catch {
    return null;
  }
}

/** Key of the memo as a whole: the code, the dependencies, Node and the context every file is checked in. */
export function memoKey(context: ObjectiveContext, root = process.cwd()): string {
  return cacheKey({
    version: MEMO_VERSION,
    code: codeDigest(root),
    lockfile: lockfileDigest(root),
    node: process.version,
    context,
  });
}

/** The stored entries when the memo at `file` was made under `key`; empty otherwise (missing, stale, damaged). */
function readMemo(file: string, key: string): Map<string, Entry> {
  try {
    const stored = deserialize(readFileSync(file)) as Partial<StoredMemo> | null;
    return stored?.key === key && stored.entries instanceof Map ? stored.entries : new Map();
  } catch {
    return new Map();
  }
}

/** Copies of the findings: the rules across files add theirs to the result's list, and must not reach the memo. */
function toEntry({ yamlLine, yaml, findings, key, parsed }: ObjectiveResult): Entry {
  return { yamlLine, yaml, findings: findings.map((finding) => ({ ...finding })), key, parsed };
}

/** The result `entry` stands for, for `file`. Fresh arrays: the rules across files add findings to them. */
function fromEntry(file: ObjectiveFile, entry: Entry, keepData: boolean): ObjectiveResult {
  return {
    ...file,
    yamlLine: entry.yamlLine,
    yaml: entry.yaml,
    findings: entry.findings.map((finding) => ({ ...finding })),
    key: entry.key,
    parsed: keepData ? entry.parsed : undefined,
  };
}

export interface MemoStats {
  /** Files whose result came from the memo. */
  reused: number;
  /** Files parsed and checked. */
  checked: number;
}

export interface MemoCheck {
  results: ObjectiveResult[];
  stats: MemoStats;
  /**
   * Writes the memo for the next build, when it changed. Left to the caller: the build's validation child
   * calls it once its share images are rendered, so that the memo's ≈135 MB of serialized data (10,000
   * objectives) never sits in memory beside the image threads.
   */
  save: () => Promise<void>;
}

/**
 * checkObjectives with the memo at `memoFile`: files whose key is in the memo take its result, the others
 * are checked (on worker threads where they pay) and stored. Results keep the order of `files`.
 */
export async function checkObjectivesWithMemo(
  files: ObjectiveFile[],
  context: ObjectiveContext,
  options: CheckOptions & { memoFile?: string; root?: string } = {},
): Promise<MemoCheck> {
  const memoFile = options.memoFile ?? validationMemoFile();
  const key = memoKey(context, options.root);
  const stored = readMemo(memoFile, key);
  const kept = new Map<string, Entry>();
  // An empty memo (first build, or the code changed) has nothing to look up: no file is read twice.
  const results: (ObjectiveResult | undefined)[] = files.map((file) => {
    if (stored.size === 0) return undefined;
    const source = readSource(file.source);
    if ('finding' in source) return undefined;
    const fileKey = objectiveMemoKey(file, source.text);
    const entry = stored.get(fileKey);
    if (!entry) return undefined;
    kept.set(fileKey, entry);
    return fromEntry(file, entry, options.keepData ?? false);
  });
  const missing = files.filter((_, i) => results[i] === undefined);
  // Checked with their data: the memo keeps it for the next build whatever this caller asks.
  const checked = await checkObjectives(missing, context, { ...options, keepData: true, memoKeys: true });
  // A file read again by the check may have changed since the read above: each result is stored under the
  // key of the text it was made from (ObjectiveResult.memoKey), never under the first read's.
  for (const result of checked) if (result.memoKey) kept.set(result.memoKey, toEntry(result));
  let next = 0;
  const merged = results.map((result) => {
    if (result) return result;
    const fresh = checked[next++]!;
    return options.keepData ? fresh : { ...fresh, parsed: undefined };
  });
  const changed = checked.length > 0 || kept.size !== stored.size;
  return {
    results: merged,
    stats: { reused: files.length - missing.length, checked: missing.length },
    save: async () => {
      if (changed) await storeCached(memoFile, serialize({ key, entries: kept } satisfies StoredMemo));
    },
  };
}
