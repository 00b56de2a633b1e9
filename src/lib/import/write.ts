import { commitFiles, pendingJournal } from './commit';
import type { PlannedFile } from './files';

/**
 * The last step of every import (export text or workbook): shows the diff of each refused or forced
 * file, then writes all planned files in one transaction. Returns false (messages in `out`) when
 * nothing was written.
 */
export function writePlanned(contentDir: string, planned: PlannedFile[], out: string[]): boolean {
  const refused = planned.filter((file) => file.action === 'rifiutato');
  for (const file of planned.filter((f) => f.diff)) {
    out.push(
      file.action === 'rifiutato'
        ? `${file.path}  errore  il file è stato modificato dopo l’importazione (o non viene da un’importazione): non lo sovrascrivo; rileggi le differenze e, se vuoi sostituirlo, ripeti con --force`
        : `${file.path}  avviso  file modificato sovrascritto per --force`,
      ...file
        .diff!.trimEnd()
        .split('\n')
        .map((line) => `    ${line}`),
    );
  }
  if (refused.length > 0) {
    out.push(`✖ ${refused.length} file modificati: nessun file scritto.`);
    return false;
  }
  try {
    commitFiles(
      contentDir,
      planned.filter((file) => file.action !== 'invariato'),
    );
  } catch (error) {
    // Disk full, no permission: before the journal nothing changed; after it, the next run completes.
    const code = (error as NodeJS.ErrnoException).code ?? 'errore';
    const committed = pendingJournal(contentDir) !== undefined;
    out.push(
      `${contentDir}  errore  scrittura dei file non riuscita (${code}): ` +
        (committed
          ? 'alcuni file sono già nuovi; libera spazio o sistema i permessi e ripeti lo stesso comando per completare'
          : 'nessun file è cambiato; libera spazio o sistema i permessi e riprova'),
    );
    return false;
  }
  return true;
}
