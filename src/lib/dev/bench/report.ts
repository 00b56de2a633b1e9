import type { PhaseRow } from './phases';

export interface BenchRow {
  objectives: number;
  pages: number;
  validate_s: number;
  /** Warm-cache build: second `npm run build` with the caches of the first (content store, images). */
  build_s: number;
  cold_build_s: number;
  floor_s: number;
  /** build_s / floor_s */
  ratio: number;
  pages_per_s: number;
  peak_rss_mb: number;
  cold_peak_rss_mb: number;
  dist_mb: number;
  /** CPU seconds (user + system, whole process tree): what a loaded machine distorts least. */
  validate_cpu_s: number;
  build_cpu_s: number;
  cold_build_cpu_s: number;
  floor_cpu_s: number;
  cpu_ratio: number;
  /** 1-minute load average when the size started: other work on the machine stretches wall times. */
  load_avg: number;
  weight: Record<string, { js_gzip_kb: number; css_gzip_kb: number; html_gzip_kb: number }>;
  /** Seconds Astro reported rendering each page type in the warm build (sum over routes). */
  render_s_by_type: Record<string, number>;
  /** The build's timed phases (src/lib/dev/bench/phases.ts), warm and cold. */
  phases_warm: PhaseRow[];
  phases_cold: PhaseRow[];
}

const n = (value: number, digits = 1) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Wall seconds with CPU seconds in brackets. */
const t = (wall: number, cpu: number) => `${n(wall, 2)} s (${n(cpu, 2)})`;

/** The Markdown table of docs/benchmarks.md, one row per size. */
export function markdownTable(rows: BenchRow[]): string {
  const head = [
    '| objectives | pages | validate | cold build | warm build | floor | warm / floor | pages/s (warm) | peak RSS warm (cold) | dist | load |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const body = rows.map(
    (r) =>
      `| ${r.objectives.toLocaleString('en-US')} | ${r.pages.toLocaleString('en-US')} | ${t(r.validate_s, r.validate_cpu_s)} | ${t(r.cold_build_s, r.cold_build_cpu_s)} | ${t(r.build_s, r.build_cpu_s)} | ${t(r.floor_s, r.floor_cpu_s)} | ${n(r.ratio)}× (${n(r.cpu_ratio)}×) | ${n(r.pages_per_s, 0)} | ${n(r.peak_rss_mb, 0)} MB (${n(r.cold_peak_rss_mb, 0)} MB) | ${n(r.dist_mb)} MB | ${n(r.load_avg)} |`,
  );
  return [...head, ...body].join('\n');
}

/** JavaScript and CSS a page of each type loads (gzip -9), from the largest run. */
export function weightTable(row: BenchRow): string {
  const lines = ['| page type | JavaScript gzip | CSS gzip | HTML gzip |', '|---|---:|---:|---:|'];
  for (const [type, w] of Object.entries(row.weight).sort()) {
    lines.push(`| ${type} | ${n(w.js_gzip_kb)} KB | ${n(w.css_gzip_kb)} KB | ${n(w.html_gzip_kb)} KB |`);
  }
  return lines.join('\n');
}

/** Where the warm build's rendering time goes, by page type (Astro's own per-route timings). */
export function renderTable(row: BenchRow): string {
  const lines = ['| page type | routes rendering time (sum) |', '|---|---:|'];
  for (const [type, seconds] of Object.entries(row.render_s_by_type).sort((a, b) => b[1] - a[1])) {
    lines.push(`| ${type} | ${n(seconds, 2)} s |`);
  }
  return lines.join('\n');
}
