import { spawnSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import matter from 'gray-matter';
import { matterOptions } from '../content/load';

/**
 * "Storico modifiche" of every content file, computed from git at build time with a constant number of
 * processes for the whole site (two `git log` and one `git cat-file --batch`), never one per page:
 * at 10,000 objectives that is the difference between seconds and minutes.
 *
 * 1. `git log --name-status` lists every commit that touched each file (renames followed).
 * 2. `git log -G valore_atteso` keeps only the (commit, file) pairs whose diff adds or removes a
 *    `valore_atteso:` line, so old and new versions are read only where a target may have changed.
 * 3. `git cat-file --batch` reads those versions in one process; indicators are compared by `id`.
 *
 * Git problems never fail the build: the index reports `non-disponibile` and pages say so.
 */

export interface Commit {
  sha: string;
  /** Committer date, YYYY-MM-DD (from git, never from the clock: builds stay reproducible). */
  data: string;
  /** Author name only: emails are personal data and never published. */
  autore: string;
  /** First line of the commit message. */
  messaggio: string;
}

/** A change of an indicator's valore_atteso between two versions of the file (variazione di PEG). */
export interface Variazione {
  indicatore: string;
  descrizione: string;
  da: number | null;
  a: number | null;
  data: string;
  sha: string;
}

export interface FileHistory {
  /** Newest first. */
  commits: Commit[];
  /** Newest first. */
  variazioni: Variazione[];
}

/** completo: full history; parziale: shallow clone; non-disponibile: no git, no repository or git failed. */
export type HistoryStatus = 'completo' | 'parziale' | 'non-disponibile';

export interface HistoryIndex {
  status: HistoryStatus;
  get(filePath: string): FileHistory;
}

const EMPTY: FileHistory = Object.freeze({ commits: [], variazioni: [] }) as FileHistory;
const RECORD = '\x1e';
const FIELD = '\x1f';
const FORMAT = `--format=${RECORD}%H${FIELD}%cs${FIELD}%an${FIELD}%s`;

function git(cwd: string, args: string[], input?: string) {
  const result = spawnSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd,
    input: input === undefined ? undefined : Buffer.from(input),
    maxBuffer: 1024 * 1024 * 1024,
  });
  return result.status === 0 ? result.stdout : null;
}

interface Touch {
  commit: Commit;
  status: string;
  /** Path before the commit (differs from `path` only for renames). */
  from: string;
  path: string;
}

/** Parses `git log FORMAT --name-status` output into one Touch per (commit, file). */
function parseLog(output: string): Touch[] {
  const touches: Touch[] = [];
  for (const record of output.split(RECORD).slice(1)) {
    const [header = '', ...lines] = record.split('\n');
    const [sha = '', data = '', autore = '', messaggio = ''] = header.split(FIELD);
    const commit: Commit = { sha, data, autore, messaggio };
    for (const line of lines) {
      const [status = '', first = '', second] = line.split('\t');
      if (!first) continue;
      touches.push({ commit, status: status.charAt(0), from: first, path: second ?? first });
    }
  }
  return touches;
}

interface Indicator {
  descrizione: string;
  valore_atteso: number | null;
}

/** The indicators of one version of an objective file; null when that version does not parse. */
function indicatorsOf(source: string): Map<string, Indicator> | null {
  try {
    const data = matter(source, matterOptions).data as { indicatori?: unknown };
    if (!Array.isArray(data.indicatori)) return new Map();
    const indicators = new Map<string, Indicator>();
    for (const item of data.indicatori as Record<string, unknown>[]) {
      if (!item || typeof item.id !== 'string') continue;
      const value = item.valore_atteso;
      indicators.set(item.id, {
        descrizione: typeof item.descrizione === 'string' ? item.descrizione : '',
        valore_atteso: typeof value === 'number' ? value : null,
      });
    }
    return indicators;
  } catch {
    return null;
  }
}

/** Reads many blobs (`<rev>:<path>`) in one `git cat-file --batch`; missing ones are left out. */
function readBlobs(cwd: string, specs: string[]): Map<string, string> {
  const blobs = new Map<string, string>();
  if (specs.length === 0) return blobs;
  const output = git(cwd, ['cat-file', '--batch'], specs.join('\n') + '\n');
  if (!output) return blobs;
  let offset = 0;
  for (const spec of specs) {
    const end = output.indexOf(0x0a, offset);
    if (end < 0) break;
    const header = output.toString('utf8', offset, end);
    offset = end + 1;
    const match = /^\S+ blob (\d+)$/.exec(header);
    if (!match) continue; // "<spec> missing": e.g. the parent lies beyond a shallow clone's boundary
    const size = Number(match[1]);
    blobs.set(spec, output.toString('utf8', offset, offset + size));
    offset += size + 1;
  }
  return blobs;
}

function compare(before: Map<string, Indicator>, after: Map<string, Indicator>, commit: Commit): Variazione[] {
  const changes: Variazione[] = [];
  for (const [id, now] of after) {
    const old = before.get(id);
    if (!old || old.valore_atteso === now.valore_atteso) continue;
    changes.push({
      indicatore: id,
      descrizione: now.descrizione,
      da: old.valore_atteso,
      a: now.valore_atteso,
      data: commit.data,
      sha: commit.sha,
    });
  }
  return changes;
}

function buildIndex(dir: string): HistoryIndex {
  const unavailable: HistoryIndex = { status: 'non-disponibile', get: () => EMPTY };
  const top = git(dir, ['rev-parse', '--show-toplevel']);
  if (!top) return unavailable;
  const root = top.toString('utf8').trim();
  const log = git(dir, ['log', FORMAT, '--name-status', '-M', '--', '.']);
  if (!log) return unavailable;
  const shallow = git(dir, ['rev-parse', '--is-shallow-repository'])?.toString('utf8').trim() === 'true';

  // Newest first: a rename seen at commit C maps the older name to the file's current name.
  const currentName = new Map<string, string>();
  const finalPathOf = new Map<string, string>(); // `${sha}\0${path at that commit}` → current path
  const histories = new Map<string, FileHistory>();
  for (const touch of parseLog(log.toString('utf8'))) {
    const current = currentName.get(touch.path) ?? touch.path;
    if (touch.status === 'R') currentName.set(touch.from, current);
    finalPathOf.set(`${touch.commit.sha}\0${touch.path}`, current);
    let history = histories.get(current);
    if (!history) histories.set(current, (history = { commits: [], variazioni: [] }));
    history.commits.push(touch.commit);
  }

  const changed = git(dir, ['log', FORMAT, '--name-status', '-M', '-G', 'valore_atteso', '--', '.']);
  const candidates = parseLog(changed?.toString('utf8') ?? '').filter((t) => t.status === 'M' || t.status === 'R');
  const blobs = readBlobs(
    root,
    candidates.flatMap((t) => [`${t.commit.sha}^:${t.from}`, `${t.commit.sha}:${t.path}`]),
  );
  for (const touch of candidates) {
    const before = blobs.get(`${touch.commit.sha}^:${touch.from}`);
    const after = blobs.get(`${touch.commit.sha}:${touch.path}`);
    const history = histories.get(finalPathOf.get(`${touch.commit.sha}\0${touch.path}`) ?? touch.path);
    if (before === undefined || after === undefined || !history) continue;
    const old = indicatorsOf(before);
    const now = indicatorsOf(after);
    if (old && now) history.variazioni.push(...compare(old, now, touch.commit));
  }

  return {
    status: shallow ? 'parziale' : 'completo',
    get: (filePath) => histories.get(relative(root, resolve(filePath)).split(sep).join('/')) ?? EMPTY,
  };
}

const cache = new Map<string, HistoryIndex>();

/** Builds (once per folder) the history of every file below `dir`; never throws. */
export function historyIndex(dir: string): HistoryIndex {
  const absolute = resolve(dir);
  let index = cache.get(absolute);
  if (!index) {
    try {
      index = buildIndex(absolute);
    } catch (error) {
      // Never fail the build for history; say why in the build log for developers.
      console.warn(`history: git history not available (${(error as Error).message})`);
      index = { status: 'non-disponibile', get: () => EMPTY };
    }
    cache.set(absolute, index);
  }
  return index;
}

/** Link to a commit on the forge configured in ente.yaml (`repository.url`), or null when there is none. */
export function commitUrl(repositoryUrl: string | null | undefined, sha: string): string | null {
  if (!repositoryUrl) return null;
  return `${repositoryUrl.replace(/\/+$/, '').replace(/\.git$/, '')}/commit/${sha}`;
}
