import type { Obiettivo } from '../../schemas/obiettivo';
import type { HistoryIndex } from './git/history';

/**
 * Date an objective was last updated: the last commit that changed its DATA (git; a commit that only
 * reformats the file does not count), else — outside git or before the first commit — the latest date
 * written in the objective itself, else 1 January of its year.
 * Never the clock: the same content builds the same feed, sitemap and catalogue.
 */
export function updatedDate(
  index: Pick<HistoryIndex, 'lastChange'>,
  item: { data: Obiettivo; filePath: string },
): string {
  const fromGit = index.lastChange(item.filePath);
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
