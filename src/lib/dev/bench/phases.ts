import type { PhaseTiming } from '../../build/phases';

/**
 * The per-phase split of one build, from the lines timePhase (src/lib/build/phases.ts) appended to
 * PEG_PHASES_FILE. No list of phases is assumed: whatever phases the build timed are reported, in the
 * order they started. Nesting is told by time, so it works across processes (phases timed inside the
 * `astro build` child lie within run.ts's `astro` phase): a phase whose interval lies inside another's is
 * its child. A phase with children gets one more row, "rest of <phase>", its time minus its children's:
 * for `astro`, Astro's own work (bundling, rendering, writing pages) without the phases our integrations
 * time. Repeated phases with the same place in the tree are summed.
 */
export interface PhaseRow {
  /** Names from the top-level phase down, e.g. ['astro', 'css']. A rest row ends with its parent's name. */
  path: string[];
  /** True for the "rest of <phase>" row: the parent's time not covered by its children. */
  rest: boolean;
  seconds: number;
  cpuSeconds: number;
}

/** Tolerance when comparing clocks of different processes (performance.timeOrigin is sub-millisecond). */
const CLOCK_SLACK_MS = 1;

/** The JSON lines of a phases file; blank lines are skipped, anything else malformed is an error. */
export function parsePhases(text: string): PhaseTiming[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const timing = JSON.parse(line) as Partial<PhaseTiming>;
      if (
        typeof timing.phase !== 'string' ||
        typeof timing.start !== 'number' ||
        typeof timing.seconds !== 'number' ||
        typeof timing.cpuSeconds !== 'number'
      )
        throw new Error(`phases: line ${i + 1} is not a phase timing: ${line}`);
      return timing as PhaseTiming;
    });
}

interface Node {
  name: string;
  seconds: number;
  cpuSeconds: number;
  children: Node[];
}

const end = (t: PhaseTiming) => t.start + t.seconds * 1000;

/** Rows of the phase table, tree order (each phase before its children, siblings by start). */
export function phaseRows(timings: readonly PhaseTiming[]): PhaseRow[] {
  // Outer phases first: by start, and the longer of two that start together.
  const sorted = [...timings].sort((a, b) => a.start - b.start || b.seconds - a.seconds);
  const root: Node = { name: '', seconds: 0, cpuSeconds: 0, children: [] };
  const open: { timing: PhaseTiming; node: Node }[] = [];
  for (const timing of sorted) {
    // Inside the innermost open phase if it starts before that one ends and ends no later (give or take the
    // slack); a phase that starts as the previous one ends is its sibling, however short both are.
    const inside = (outer: PhaseTiming) =>
      timing.start + CLOCK_SLACK_MS < end(outer) && end(timing) <= end(outer) + CLOCK_SLACK_MS;
    while (open.length > 0 && !inside(open.at(-1)!.timing)) open.pop();
    const parent = open.at(-1)?.node ?? root;
    // Same name under the same parent: one row, summed.
    let node = parent.children.find((child) => child.name === timing.phase);
    if (!node) {
      node = { name: timing.phase, seconds: 0, cpuSeconds: 0, children: [] };
      parent.children.push(node);
    }
    node.seconds += timing.seconds;
    node.cpuSeconds += timing.cpuSeconds;
    open.push({ timing, node });
  }
  const rows: PhaseRow[] = [];
  const walk = (node: Node, path: string[]) => {
    rows.push({ path, rest: false, seconds: node.seconds, cpuSeconds: node.cpuSeconds });
    for (const child of node.children) walk(child, [...path, child.name]);
    if (node.children.length === 0) return;
    const sum = (key: 'seconds' | 'cpuSeconds') => node.children.reduce((total, child) => total + child[key], 0);
    // Clamped: clocks of two processes, and CPU sampled at slightly different instants, can leave -0.01 s.
    rows.push({
      path,
      rest: true,
      seconds: Math.max(0, node.seconds - sum('seconds')),
      cpuSeconds: Math.max(0, node.cpuSeconds - sum('cpuSeconds')),
    });
  };
  for (const top of root.children) walk(top, [top.name]);
  return rows;
}

/** The label of a row in the Markdown table: nested phases indented with "↳". */
export function phaseLabel(row: PhaseRow): string {
  const name = row.rest ? `rest of ${row.path.at(-1)}` : row.path.at(-1)!;
  const depth = row.path.length - (row.rest ? 0 : 1);
  return `${'↳ '.repeat(depth)}${name}`;
}

const key = (row: PhaseRow) => `${row.rest ? 'rest' : 'phase'}:${row.path.join('\u0000')}`;

/** Top-level phases summed: what a whole-process measurement can be compared with. */
export function phasesTotal(rows: readonly PhaseRow[]): { seconds: number; cpuSeconds: number } {
  const top = rows.filter((row) => row.path.length === 1 && !row.rest);
  return {
    seconds: top.reduce((total, row) => total + row.seconds, 0),
    cpuSeconds: top.reduce((total, row) => total + row.cpuSeconds, 0),
  };
}

export interface PhaseColumn {
  title: string;
  rows: readonly PhaseRow[];
  /** The whole command as measured from outside: the difference is reported as "outside the phases". */
  total: { seconds: number; cpuSeconds: number };
}

const f = (value: number | undefined) =>
  value === undefined ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 });

/**
 * Markdown table of one or more builds' phases (e.g. warm and cold), side by side: wall and CPU seconds
 * per build. Rows are the union of the builds' phases, in the order of the first build that has each.
 */
export function phaseTable(columns: readonly PhaseColumn[]): string {
  const order: PhaseRow[] = [];
  const seen = new Set<string>();
  for (const column of columns)
    for (const [i, row] of column.rows.entries()) {
      if (seen.has(key(row))) continue;
      seen.add(key(row));
      // A phase only a later build has goes after the row it followed there.
      const before = column.rows[i - 1];
      const at = before ? order.findIndex((r) => key(r) === key(before)) + 1 : order.length;
      order.splice(at, 0, row);
    }
  const lookup = columns.map((column) => new Map(column.rows.map((row) => [key(row), row])));
  const head = [
    `| phase | ${columns.map((c) => `${c.title} wall s | ${c.title} CPU s`).join(' | ')} |`,
    `|---|${columns.map(() => '---:|---:').join('|')}|`,
  ];
  const body = order.map((row) => {
    const cells = lookup.map((rows) => {
      const found = rows.get(key(row));
      return `${f(found?.seconds)} | ${f(found?.cpuSeconds)}`;
    });
    return `| ${phaseLabel(row)} | ${cells.join(' | ')} |`;
  });
  const outside = columns.map((column) => {
    const inside = phasesTotal(column.rows);
    return `${f(column.total.seconds - inside.seconds)} | ${f(column.total.cpuSeconds - inside.cpuSeconds)}`;
  });
  const total = columns.map((column) => `${f(column.total.seconds)} | ${f(column.total.cpuSeconds)}`);
  return [
    ...head,
    ...body,
    `| outside the phases (start-up, imports) | ${outside.join(' | ')} |`,
    `| **whole build** | ${total.join(' | ')} |`,
  ].join('\n');
}
