import { spawnSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';

/**
 * Dates of the last commit that touched each file, from one `git log` over the whole folder
 * (one process, not one per page: at 10,000 objectives that is the difference that matters).
 * Dates come from git and never from the clock, so the same commit builds the same site.
 */
export interface LastModifiedIndex {
  /** ISO date (YYYY-MM-DD) of the last commit touching the file, or null outside git / uncommitted. */
  get(filePath: string): string | null;
  /** True when the folder is in a git work tree with history; false → callers show a fallback. */
  available: boolean;
}

const cache = new Map<string, LastModifiedIndex>();

/** Builds (once per folder) the index of last-commit dates for every file below `dir`. */
export function lastModifiedIndex(dir: string): LastModifiedIndex {
  const absolute = resolve(dir);
  const cached = cache.get(absolute);
  if (cached) return cached;
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: absolute, encoding: 'utf8' });
  const dates = new Map<string, string>();
  let available = false;
  if (top.status === 0) {
    const root = top.stdout.trim();
    // %cs = committer date, short ISO; files listed after each commit, newest commit first.
    const log = spawnSync('git', ['log', '--format=@%cs', '--name-only', '--no-renames', '--', '.'], {
      cwd: absolute,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    if (log.status === 0 && log.stdout.trim() !== '') {
      available = true;
      let current = '';
      for (const line of log.stdout.split('\n')) {
        if (line.startsWith('@')) current = line.slice(1);
        else if (line !== '' && !dates.has(line)) dates.set(line, current);
      }
    }
    const index: LastModifiedIndex = {
      available,
      get: (filePath) => dates.get(relative(root, resolve(filePath)).split(sep).join('/')) ?? null,
    };
    cache.set(absolute, index);
    return index;
  }
  const none: LastModifiedIndex = { available: false, get: () => null };
  cache.set(absolute, none);
  return none;
}
