/**
 * Values as the PEG software prints them: Italian numbers (`1.234,50`, `0,00%`) and dates (`31/12/2024`).
 * Each parser returns `undefined` for text that is not such a value, so callers can name the bad cell.
 */

const ITALIAN_NUMBER = /^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?(?:\s?%)?$/;
const ITALIAN_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** `1.234,50` → 1234.5, `0,00%` → 0; `undefined` when the text is not a number. */
export function parseItalianNumber(text: string): number | undefined {
  const value = text.trim();
  if (!ITALIAN_NUMBER.test(value)) return undefined;
  return Number(value.replace(/\s?%$/, '').replaceAll('.', '').replace(',', '.'));
}

/** `31/12/2024` → `2024-12-31`; `undefined` when the text is not a date that exists in the calendar. */
export function parseItalianDate(text: string): string | undefined {
  const match = ITALIAN_DATE.exec(text.trim());
  if (!match) return undefined;
  const [, day, month, year] = match;
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

/** True when the text looks like a date or a number: such a line carries data and must not be lost. */
export function carriesData(line: string): boolean {
  if (line.includes('\t')) return true;
  return /\b\d{1,2}\/\d{1,2}\/\d{4}\b/.test(line) || /(?:^|\s)-?\d{1,3}(?:\.\d{3})*,\d+%?(?:\s|$)/.test(line);
}
