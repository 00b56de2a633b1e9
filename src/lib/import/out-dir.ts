import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * `--out` must be the objectives folder: files go to `<out>/<anno>/<slug>.md` and dup.yaml to the
 * folder above, which the validator and the site read as the content folder. Accepted: a folder
 * named `obiettivi` (existing or not), or a new or empty folder. Anything else would write where
 * nothing reads, or mix objectives with ente.yaml: refused with one line (undefined = accepted).
 */
export function checkOutDir(outDir: string): string | undefined {
  const out = resolve(outDir);
  const hint = 'indica la cartella degli obiettivi (per il sito: --out content/obiettivi); nessun file scritto';
  let stat;
  try {
    stat = statSync(out);
  } catch {
    stat = undefined;
  }
  if (stat && !stat.isDirectory()) return `--out ${outDir} è un file, non una cartella: ${hint}`;
  if (/^\d{4}$/.test(basename(out)))
    return `--out ${outDir} è la cartella di un anno: gli anni li crea l’importazione; usa --out ${dirname(outDir)}; nessun file scritto`;
  for (const name of ['ente.yaml', 'dup.yaml'])
    if (existsSync(join(out, name)))
      return `--out ${outDir} contiene ${name}: è la cartella dei contenuti, non quella degli obiettivi; usa --out ${join(outDir, 'obiettivi')}; nessun file scritto`;
  if (basename(out) === 'obiettivi') return undefined;
  if (basename(out) === 'content')
    return `--out ${outDir} è la cartella dei contenuti: usa --out ${join(outDir, 'obiettivi')}; nessun file scritto`;
  if (stat && readdirSync(out).length > 0)
    return `--out ${outDir} non è una cartella «obiettivi» né una cartella nuova e vuota: ${hint}`;
  return undefined;
}
