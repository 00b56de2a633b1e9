import { pageType } from './dist-stats';

/**
 * Sums the per-route render times Astro prints while generating (`├─ /path/index.html (+12ms)`), by page
 * type: where the build spends its rendering time, without a profiler. Non-HTML routes (open data files,
 * feeds) are grouped by their folder, marked "(file)".
 */
export function renderSecondsByType(buildLog: string): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const match of buildLog.matchAll(/[├└]─ (\/\S*) \(\+(\d+(?:\.\d+)?)(ms|s)\)/g)) {
    const [, file, amount, unit] = match;
    const seconds = Number(amount) / (unit === 'ms' ? 1000 : 1);
    const type = file!.endsWith('.html')
      ? pageType(file!.replace(/index\.html$/, '').replace(/\.html$/, '/'))
      : `${file!.split('/')[1]} (file)`;
    totals[type] = (totals[type] ?? 0) + seconds;
  }
  for (const type of Object.keys(totals)) totals[type] = Math.round(totals[type]! * 100) / 100;
  return totals;
}
