import { existsSync, readFileSync } from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import { fileState } from './serialize';

/**
 * Safe writes. Every file is planned first; a file an editor changed since the last import (its
 * fingerprint no longer matches, or it has none) is only replaced with --force. The writes themselves
 * are one transaction (commit.ts).
 */
export type Action = 'nuovo' | 'aggiornato' | 'invariato' | 'sovrascritto' | 'rifiutato';

export interface PlannedFile {
  path: string;
  text: string;
  action: Action;
  /** Unified diff from the file on disk to the new text, for refused and forced files. */
  diff?: string;
}

export function planFile(path: string, text: string, force: boolean): PlannedFile {
  if (!existsSync(path)) return { path, text, action: 'nuovo' };
  const current = readFileSync(path, 'utf8');
  if (current === text) return { path, text, action: 'invariato' };
  if (fileState(current) === 'importato-invariato') return { path, text, action: 'aggiornato' };
  const diff = createTwoFilesPatch(path, path, current, text, 'file attuale (modificato)', 'nuova importazione', {
    context: 2,
  });
  return { path, text, action: force ? 'sovrascritto' : 'rifiutato', diff };
}
