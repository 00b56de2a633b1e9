import { spawnSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import { diffVersioni, readVersione, type Modifica, type Versione } from './data-diff';

/**
 * The public "Storico modifiche" of every content file: per date, what changed in its DATA (see
 * data-diff.ts), computed at build time with a constant number of processes for the whole site, never one
 * per page (at 10,000 objectives that is the difference between seconds and minutes):
 *
 * 1. one `git log --raw` lists every commit that touched each file, with the blob ids before and after
 *    (renames followed);
 * 2. one `git cat-file --batch` reads the blobs of modified files; each blob is parsed once.
 *
 * Only dates come from git (never the clock, never author names or commit messages: people appear on the
 * site only as responsabili). Commits that change no data (reformatting, comments, the importer's
 * fingerprint) leave no entry and do not move the "Ultimo aggiornamento" date.
 * Git problems never fail the build: the index reports `non-disponibile` and pages say so.
 */

/** The data changes of one date, in the order of the commits (newest first). */
export interface Giorno {
  /** Committer date, YYYY-MM-DD. */
  data: string;
  modifiche: Modifica[];
}

export interface FileHistory {
  /** Newest first; only dates with at least one data change. */
  giorni: Giorno[];
}

/** completo: full history; parziale: shallow clone; non-disponibile: no git, no repository or git failed. */
export type HistoryStatus = 'completo' | 'parziale' | 'non-disponibile';

export interface HistoryIndex {
  status: HistoryStatus;
  get(filePath: string): FileHistory;
  /** Date of the last data change of the file, or null outside git / before its first commit. */
  lastChange(filePath: string): string | null;
}

const EMPTY: FileHistory = Object.freeze({ giorni: [] }) as FileHistory;
const RECORD = '\x1e';
const FIELD = '\x1f';
const FORMAT = `--format=${RECORD}%cs${FIELD}%P`;
const NO_BLOB = /^0+$/;

function git(cwd: string, args: string[], input?: string) {
  const result = spawnSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd,
    input: input === undefined ? undefined : Buffer.from(input),
    maxBuffer: 1024 * 1024 * 1024,
  });
  return result.status === 0 ? result.stdout : null;
}

interface Touch {
  data: string;
  /** The commit has no parent: the repository's first commit, or a shallow clone's boundary. */
  root: boolean;
  status: string;
  oldBlob: string;
  newBlob: string;
  /** Path after the commit; for renames `from` is the path before. */
  from: string;
  path: string;
}

/** Parses `git log FORMAT --raw --no-abbrev` output (newest commit first) into one Touch per (commit, file). */
function parseLog(output: string): Touch[] {
  const touches: Touch[] = [];
  for (const record of output.split(RECORD).slice(1)) {
    const [header = '', ...lines] = record.split('\n');
    const [data = '', parents = ''] = header.split(FIELD);
    for (const line of lines) {
      if (!line.startsWith(':')) continue;
      // :100644 100644 <old> <new> M\tpath   |   ... R097\told\tnew
      const [meta = '', first = '', second] = line.split('\t');
      const [, , oldBlob = '', newBlob = '', status = ''] = meta.split(' ');
      touches.push({
        data,
        root: parents.trim() === '',
        status: status.charAt(0),
        oldBlob,
        newBlob,
        from: first,
        path: second ?? first,
      });
    }
  }
  return touches;
}

/** Reads blobs by id in one `git cat-file --batch`; missing ones are left out. */
function readBlobs(cwd: string, ids: string[]): Map<string, string> {
  const blobs = new Map<string, string>();
  if (ids.length === 0) return blobs;
  const output = git(cwd, ['cat-file', '--batch'], ids.join('\n') + '\n');
  if (!output) return blobs;
  let offset = 0;
  for (const id of ids) {
    const end = output.indexOf(0x0a, offset);
    if (end < 0) break;
    const header = output.toString('utf8', offset, end);
    offset = end + 1;
    const match = /^\S+ blob (\d+)$/.exec(header);
    if (!match) continue; // "<id> missing": e.g. a blob beyond a shallow clone's boundary
    const size = Number(match[1]);
    blobs.set(id, output.toString('utf8', offset, offset + size));
    offset += size + 1;
  }
  return blobs;
}

function buildIndex(dir: string): HistoryIndex {
  const unavailable: HistoryIndex = { status: 'non-disponibile', get: () => EMPTY, lastChange: () => null };
  const top = git(dir, ['rev-parse', '--show-toplevel']);
  if (!top) return unavailable;
  const root = top.toString('utf8').trim();
  const log = git(dir, ['log', FORMAT, '--raw', '--no-abbrev', '-M', '--', '.']);
  if (!log) return unavailable;
  const shallow = git(dir, ['rev-parse', '--is-shallow-repository'])?.toString('utf8').trim() === 'true';

  const touches = parseLog(log.toString('utf8'));
  const modified = touches.filter((t) => t.status === 'M' || t.status === 'R');
  const blobIds = [...new Set(modified.flatMap((t) => [t.oldBlob, t.newBlob]))].filter((id) => !NO_BLOB.test(id));
  const blobs = readBlobs(root, blobIds);
  const versions = new Map<string, Versione | null>();
  const version = (id: string) => {
    if (!versions.has(id)) {
      const source = blobs.get(id);
      versions.set(id, source === undefined ? null : readVersione(source));
    }
    return versions.get(id)!;
  };

  // Newest first: a rename seen at commit C maps the older name to the file's current name.
  const currentName = new Map<string, string>();
  const histories = new Map<string, FileHistory>();
  for (const touch of touches) {
    const current = currentName.get(touch.path) ?? touch.path;
    if (touch.status === 'R') currentName.set(touch.from, current);
    let changes: Modifica[] = [];
    if (touch.status === 'A') {
      changes = [{ tipo: 'pubblicato', disponibile: shallow && touch.root }];
    } else if (touch.status === 'M' || touch.status === 'R') {
      if (touch.oldBlob === touch.newBlob) continue; // a pure rename
      const before = version(touch.oldBlob);
      const after = version(touch.newBlob);
      // A version that is not even YAML cannot be compared: say nothing rather than invent changes.
      if (before && after) changes = diffVersioni(before, after);
    }
    if (changes.length === 0) continue;
    let history = histories.get(current);
    if (!history) histories.set(current, (history = { giorni: [] }));
    const last = history.giorni.at(-1);
    if (last?.data === touch.data) last.modifiche.push(...changes);
    else history.giorni.push({ data: touch.data, modifiche: changes });
  }

  const key = (filePath: string) => relative(root, resolve(filePath)).split(sep).join('/');
  return {
    status: shallow ? 'parziale' : 'completo',
    get: (filePath) => histories.get(key(filePath)) ?? EMPTY,
    lastChange: (filePath) => histories.get(key(filePath))?.giorni[0]?.data ?? null,
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
      index = { status: 'non-disponibile', get: () => EMPTY, lastChange: () => null };
    }
    cache.set(absolute, index);
  }
  return index;
}
