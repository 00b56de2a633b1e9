import {
  existsSync,
  fsyncSync,
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { IMPORT_JOURNAL, IMPORT_STAGING_DIR } from '../content/entries';

/**
 * All-or-nothing writes of an import (several objective files and dup.yaml). Every new file is first
 * written to a staging folder inside the content folder (same filesystem, so a move is a rename), then a
 * journal listing the moves is renamed into place: that rename is the commit point. Then each file is
 * renamed to its target and the staging folder is removed.
 *
 * A run killed before the journal exists leaves the old files untouched; the next import discards the
 * staging folder (roll back). A run killed after it leaves the journal: the next import completes the
 * moves (roll forward), and until then the validator refuses the folder ([importazione]).
 */
export const STAGING_DIR = IMPORT_STAGING_DIR;
export const JOURNAL = IMPORT_JOURNAL;

interface Journal {
  /** Paths relative to the content folder: staged file → target. */
  moves: { from: string; to: string }[];
}

/** Path of the journal of an interrupted import in a content folder, when there is one. */
export function pendingJournal(contentDir: string): string | undefined {
  const path = join(contentDir, STAGING_DIR, JOURNAL);
  return existsSync(path) ? path : undefined;
}

function writeDurably(path: string, text: string): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Test hook: with PEG_IMPORT_PAUSE=<n> the process announces the n-th step on stderr and then waits
 * forever, so a test can kill it at that exact point (no timing involved).
 */
let step = 0;
function checkpoint(label: string): void {
  const pause = process.env.PEG_IMPORT_PAUSE;
  if (!pause) return;
  step++;
  if (Number(pause) !== step) return;
  writeSync(2, `pausa ${step} ${label}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

/**
 * Finishes or discards what an interrupted import left. Returns what happened, for the summary:
 * 'completata' (journal found, moves done), 'annullata' (staging without journal, removed) or undefined.
 */
export function recover(contentDir: string): 'completata' | 'annullata' | undefined {
  const staging = join(contentDir, STAGING_DIR);
  if (!existsSync(staging)) return undefined;
  const journal = join(staging, JOURNAL);
  if (!existsSync(journal)) {
    const staged = readdirSync(staging).length > 0;
    rmSync(staging, { recursive: true, force: true });
    return staged ? 'annullata' : undefined;
  }
  const { moves } = JSON.parse(readFileSync(journal, 'utf8')) as Journal;
  // Only moves from the staging folder to inside the content folder: a journal is data, not a script.
  const inside = (path: unknown) =>
    typeof path === 'string' && !isAbsolute(path) && !path.split(/[\\/]/).includes('..');
  if (!Array.isArray(moves) || !moves.every((m) => inside(m.from) && m.from.startsWith(STAGING_DIR) && inside(m.to)))
    throw new Error(`import journal ${journal} is not a list of moves inside the content folder`);
  applyMoves(contentDir, moves);
  finish(staging);
  return 'completata';
}

function applyMoves(contentDir: string, moves: Journal['moves']): void {
  for (const move of moves) {
    const from = join(contentDir, move.from);
    // Already moved by the run that was interrupted: renames are done once.
    if (!existsSync(from)) continue;
    const to = join(contentDir, move.to);
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
    checkpoint(`spostato ${move.to}`);
  }
}

/** Writes every file (absolute or cwd-relative paths inside contentDir) in one transaction. */
export function commitFiles(contentDir: string, files: { path: string; text: string }[]): void {
  const root = resolve(contentDir);
  const staging = join(root, STAGING_DIR);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const moves: Journal['moves'] = files.map((file, index) => {
    const from = join(STAGING_DIR, `${String(index).padStart(4, '0')}.tmp`);
    writeDurably(join(root, from), file.text);
    checkpoint(`preparato ${relative(root, resolve(file.path))}`);
    return { from, to: relative(root, resolve(file.path)) };
  });
  const journal = join(staging, JOURNAL);
  writeDurably(`${journal}.tmp`, JSON.stringify({ moves } satisfies Journal, null, 1));
  renameSync(`${journal}.tmp`, journal);
  checkpoint('giornale scritto');
  applyMoves(root, moves);
  finish(staging);
  checkpoint('fatto');
}

/** The journal goes first: without it, what is left of the staging folder is only discarded. */
function finish(staging: string): void {
  unlinkSync(join(staging, JOURNAL));
  checkpoint('giornale rimosso');
  rmSync(staging, { recursive: true, force: true });
}
