/**
 * Italian number and date formatting for the overview pages. Temporary: the objective-page work adds
 * src/lib/format.ts; when both are in main these callers switch to it and this file goes.
 */
const integer = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 0 });
const dateFormat = new Intl.DateTimeFormat('it-IT', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** 1234 → "1.234". */
export function formatInteger(value: number): string {
  return integer.format(value);
}

/** A 0..100 value as "87%" in Italian style (rounded); null → "non rilevato". */
export function formatPercent(value: number | null): string {
  return value === null ? 'non rilevato' : `${integer.format(value)}%`;
}

/** "2020-12-31" → "31 dicembre 2020". */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(`${iso}T00:00:00Z`));
}
