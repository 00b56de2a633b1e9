import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../support/temp';

/** A throwaway git repository whose `content/` starts as a copy of a fixture folder (removed after the test). */
export interface TempRepo {
  root: string;
  content: string;
  git(...args: string[]): string;
  /** Commits everything with fixed author, committer and date, so tests are reproducible. */
  commit(message: string, isoDate: string, author?: string): string;
  /** Replaces one exact substring of a file under content/ (fails loudly when it is not there). */
  edit(file: string, from: string, to: string): void;
}

export function tempRepo(fixture = 'tests/fixtures/content/editor'): TempRepo {
  const root = tempDir('peg-repo-');
  const content = join(root, 'content');
  cpSync(fixture, content, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
  git('init', '--quiet', '--initial-branch=main');
  return {
    root,
    content,
    git,
    commit(message, isoDate, author = 'Maria Rossi') {
      git('add', '--all');
      execFileSync('git', ['commit', '--quiet', '--no-gpg-sign', '-m', message], {
        cwd: root,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: author,
          GIT_AUTHOR_EMAIL: 'redazione@comune.esempio.it',
          GIT_COMMITTER_NAME: author,
          GIT_COMMITTER_EMAIL: 'redazione@comune.esempio.it',
          GIT_AUTHOR_DATE: isoDate,
          GIT_COMMITTER_DATE: isoDate,
        },
      });
      return git('rev-parse', 'HEAD').trim();
    },
    edit(file, from, to) {
      const path = join(content, file);
      const source = readFileSync(path, 'utf8');
      if (!source.includes(from)) throw new Error(`test: "${from}" not found in ${file}`);
      writeFileSync(path, source.replace(from, to));
    },
  };
}
