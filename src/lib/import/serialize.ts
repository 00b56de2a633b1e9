import { createHash } from 'node:crypto';
import { toYaml } from './yaml';
import type { BuiltObjective } from './build';

export { toYaml, YAML_OPTIONS } from './yaml';

/**
 * Writes an objective file: YAML front matter in schema key order, block style, quotes only where
 * needed, `storico` as a flow map `{ 2019: 10 }`, then the Markdown body. The first front-matter
 * line records the export and a sha256 fingerprint of the rest of the file, so a re-import can tell
 * whether an editor changed it since (documented for editors in docs/).
 */

const FINGERPRINT = /^# importato da (.+) — impronta sha256:([0-9a-f]{64})$/m;

export function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The file text without its fingerprint line (what the fingerprint covers). */
function unsigned(objective: BuiltObjective): string {
  return `---\n${toYaml(objective.data)}---\n${objective.body === '' ? '' : `\n${objective.body}`}`;
}

export function serializeObjective(objective: BuiltObjective, exportName: string): string {
  const text = unsigned(objective);
  return text.replace(/^---\n/, `---\n# importato da ${exportName} — impronta sha256:${fingerprint(text)}\n`);
}

export type FileState = 'importato-invariato' | 'modificato' | 'senza-impronta';

/** Whether a file on disk is exactly what an import wrote (its fingerprint still matches). */
export function fileState(text: string): FileState {
  const match = FINGERPRINT.exec(text.split('\n').slice(0, 2).join('\n'));
  if (!match) return 'senza-impronta';
  const rest = text.replace(`${match[0]}\n`, '');
  return fingerprint(rest) === match[2] ? 'importato-invariato' : 'modificato';
}
