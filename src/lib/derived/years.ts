/** The latest PEG year among the objectives, computed once per list (the header asks on every page). */
const cache = new WeakMap<readonly { data: { anno: number } }[], number | null>();

export function latestYear(obiettivi: readonly { data: { anno: number } }[]): number | null {
  let year = cache.get(obiettivi);
  if (year === undefined) {
    year = obiettivi.reduce<number | null>((max, o) => (max === null || o.data.anno > max ? o.data.anno : max), null);
    cache.set(obiettivi, year);
  }
  return year;
}

/**
 * The years of the objectives, each once, latest first: the site's year lists (getIndexes) and the editor's
 * year choice, which the build bundles before Astro from the validator's parse (build/validation-child.ts).
 */
export function yearsLatestFirst(anni: Iterable<number>): number[] {
  return [...new Set(anni)].sort((a, b) => b - a);
}
