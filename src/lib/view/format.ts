/**
 * Numbers, dates and percentages the Italian way (Intl it-IT). Dates are ISO calendar dates from the
 * content; they are formatted in UTC so that no server or browser time zone shifts a day.
 */

// Italian CLDR leaves four-digit numbers ungrouped (6000); the PEG documents write 6.000, so always group.
const integer = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 0, useGrouping: 'always' });
const decimal = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2, useGrouping: 'always' });
const percent = new Intl.NumberFormat('it-IT', { style: 'percent', maximumFractionDigits: 0 });
const longDate = new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat('it-IT', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthShort = new Intl.DateTimeFormat('it-IT', { month: 'short', timeZone: 'UTC' });

/** 6670 → "6.670", 2.5 → "2,5" (up to two decimals, none when the value is whole). */
export function formatNumber(value: number): string {
  return (Number.isInteger(value) ? integer : decimal).format(value);
}

/** A ratio as a whole percentage: 1.112 → "111%". */
export function formatRatio(ratio: number): string {
  return percent.format(ratio);
}

/** A value already in percent (peso, avanzamento): 33.3 → "33,3%". */
export function formatPercent(value: number): string {
  return `${formatNumber(value)}%`;
}

/** Milliseconds since 1970 of an ISO date at UTC midnight. */
export function isoToTime(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

/** "2020-12-31" → "31 dicembre 2020". */
export function formatDate(iso: string): string {
  return longDate.format(isoToTime(iso));
}

/** "2020-12-31" → "31/12/2020" (tables). */
export function formatDateShort(iso: string): string {
  return shortDate.format(isoToTime(iso));
}

/** Short month name of a time at UTC: "gen", "feb" … */
export function formatMonthShort(time: number): string {
  return monthShort.format(time).replace('.', '');
}

const signed = new Intl.NumberFormat('it-IT', {
  maximumFractionDigits: 2,
  signDisplay: 'exceptZero',
  useGrouping: 'always',
});

/** A difference with its sign: 670 → "+670", -418 → "-418", 0 → "0". */
export function formatSigned(value: number): string {
  return signed.format(value);
}
