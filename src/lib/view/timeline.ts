import type { Fase } from '../../schemas/fase';
import { formatMonthShort, isoToTime } from './format';
import { t } from './i18n';

/**
 * Geometry of the fasi timeline, computed at build time and drawn as SVG without JavaScript:
 * one month axis covering the PEG year and every date of the fasi, planned and actual bars as
 * percentages of that axis, and each fase's lateness in words.
 */

const DAY = 86_400_000;

export interface Span {
  /** Left edge, percent of the axis. */
  x: number;
  /** Width, percent of the axis (at least a sliver, so a one-day fase stays visible). */
  width: number;
}

export interface Month {
  x: number;
  width: number;
  label: string;
  /** First month of a year: its label carries the year. */
  year: number | null;
}

export interface Axis {
  start: number;
  end: number;
  months: Month[];
}

type Dates = Pick<Fase, 'inizio_previsto' | 'fine_prevista' | 'inizio_effettivo' | 'fine_effettiva'>;

/** Month axis from the first day of the earliest month to the end of the latest one (at least the PEG year). */
export function timelineAxis(anno: number, fasi: readonly Dates[]): Axis {
  const times = fasi
    .flatMap((f) => [f.inizio_previsto, f.fine_prevista, f.inizio_effettivo, f.fine_effettiva])
    .filter((d): d is string => d !== null)
    .map(isoToTime);
  const first = new Date(Math.min(Date.UTC(anno, 0, 1), ...times));
  const last = new Date(Math.max(Date.UTC(anno, 11, 31), ...times));
  const start = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1);
  const end = Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1);
  const months: Month[] = [];
  for (let m = start; m < end;) {
    const date = new Date(m);
    const next = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    months.push({
      x: ((m - start) / (end - start)) * 100,
      width: ((next - m) / (end - start)) * 100,
      label: formatMonthShort(m),
      year: date.getUTCMonth() === 0 || m === start ? date.getUTCFullYear() : null,
    });
    m = next;
  }
  return { start, end, months };
}

/** Bar of a date range on the axis; an end date covers its whole day. Null when the start is unknown. */
export function span(axis: Axis, from: string | null, to: string | null): Span | null {
  if (from === null) return null;
  const left = isoToTime(from);
  const right = to === null ? left : isoToTime(to) + DAY;
  const total = axis.end - axis.start;
  return {
    x: ((left - axis.start) / total) * 100,
    width: Math.max(((right - left) / total) * 100, 0.5),
  };
}

export type FaseTiming = 'in-anticipo' | 'nei-tempi' | 'in-ritardo' | 'in-corso' | 'non-iniziata' | 'senza-date';

/** Days between two ISO dates (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((isoToTime(b) - isoToTime(a)) / DAY);
}

/**
 * Lateness of a fase in words, from its dates only: the build never reads the clock, so a fase
 * without an actual end is "in corso", not "in ritardo" (that would change with the day of the build).
 */
export function faseTiming(fase: Dates): { kind: FaseTiming; days: number; text: string } {
  if (fase.fine_effettiva !== null && fase.fine_prevista !== null) {
    const days = daysBetween(fase.fine_prevista, fase.fine_effettiva);
    if (days > 0) return { kind: 'in-ritardo', days, text: t('fase.timing.late', { count: days }) };
    if (days < 0) return { kind: 'in-anticipo', days, text: t('fase.timing.early', { count: -days }) };
    return { kind: 'nei-tempi', days: 0, text: t('fase.timing.onTime') };
  }
  if (fase.fine_effettiva !== null) return { kind: 'senza-date', days: 0, text: t('fase.timing.endedNoPlan') };
  if (fase.inizio_effettivo !== null) return { kind: 'in-corso', days: 0, text: t('fase.timing.ongoing') };
  return { kind: 'non-iniziata', days: 0, text: t('fase.timing.notStarted') };
}
