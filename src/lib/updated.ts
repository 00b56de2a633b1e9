import type { Obiettivo } from '../schemas/obiettivo';
import type { LastModifiedIndex } from './git/last-modified';

/**
 * Date an objective was last updated: its file's last commit (git), else — outside git or before the
 * first commit — the latest date written in the objective itself, else 1 January of its year.
 * Never the clock: the same content builds the same feed, sitemap and catalogue.
 */
export function updatedDate(index: LastModifiedIndex, item: { data: Obiettivo; filePath: string }): string {
  const fromGit = index.get(item.filePath);
  if (fromGit) return fromGit;
  const dates = item.data.fasi.flatMap((f) => [
    f.inizio_previsto,
    f.fine_prevista,
    f.inizio_effettivo,
    f.fine_effettiva,
  ]);
  const latest = dates
    .filter((d): d is string => d !== null)
    .sort()
    .at(-1);
  return latest ?? `${item.data.anno}-01-01`;
}
