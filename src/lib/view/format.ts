import type { CoperturaAvanzamento } from '../derived/metrics';
import { t } from './i18n';

/**
 * Numbers, dates and percentages the Italian way (Intl it-IT). Dates are ISO calendar dates from the
 * content; they are formatted in UTC so that no server or browser time zone shifts a day.
 */

// Italian CLDR leaves four-digit numbers ungrouped (6000); the PEG documents write 6.000, so always group.
const integer = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 0, useGrouping: 'always' });
const decimal = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2, useGrouping: 'always' });
const percent = new Intl.NumberFormat('it-IT', { style: 'percent', maximumFractionDigits: 0, useGrouping: 'always' });
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

/** A ratio as a whole percentage, grouped like formatNumber: 1.112 → "111%", 12.5 → "1.250%". */
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

// Editors type numbers in YAML without thousands separators: messages quote them the same way.
const plain = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2, useGrouping: false });

/** Numbers in editor messages, Italian style: 99,5 and 6000 (no thousands separator, like the YAML they type). */
export function formatEditorNumber(value: number): string {
  return plain.format(value);
}

/** The pieces of the avanzamento phrase, for layouts that set the figure apart (the objective page header). */
export interface AvanzamentoParts {
  /** "100%" or "non rilevato". */
  figure: string;
  /** "sul 81% del peso" when part of the weight has no avanzamento, else null. */
  sulPeso: string | null;
  /** "2 fasi senza dato" when some fase has no avanzamento, else null. */
  senzaDato: string | null;
}

export function avanzamentoParts(
  value: number | null,
  copertura: CoperturaAvanzamento | null = null,
  decimals: 0 | 1 = 0,
): AvanzamentoParts {
  const scale = 10 ** decimals;
  const figure = value === null ? t('objective.avanzamento.none') : formatPercent(Math.round(value * scale) / scale);
  if (value === null || copertura === null) return { figure, sulPeso: null, senzaDato: null };
  const partial = copertura.quotaPeso !== null && copertura.quotaPeso < 1;
  return {
    figure,
    // Floor, never round up: 99.6% of the weight must not read as the whole weight.
    sulPeso: partial
      ? t('avanzamento.sulPeso', { quota: formatPercent(Math.floor(copertura.quotaPeso! * 100)) })
      : null,
    senzaDato: copertura.fasiSenzaDato > 0 ? t('avanzamento.senzaDato', { count: copertura.fasiSenzaDato }) : null,
  };
}

/** The rest of the phrase after the figure: "sul 81% del peso; 2 fasi senza dato", or "" at full coverage. */
export function coverageText(parts: AvanzamentoParts): string {
  if (parts.sulPeso && parts.senzaDato) return `${parts.sulPeso}; ${parts.senzaDato}`;
  return parts.sulPeso ?? parts.senzaDato ?? '';
}

/**
 * The one wording of an avanzamento ponderato (0..100) with the coverage it rests on: "100%" when every fase
 * reports avanzamento, "100% sul 81% del peso; 2 fasi senza dato" when some do not, "non rilevato" when it
 * cannot be computed. Without `copertura` (averages of averages) only the figure.
 */
export function formatAvanzamento(
  value: number | null,
  copertura: CoperturaAvanzamento | null = null,
  decimals: 0 | 1 = 0,
): string {
  const parts = avanzamentoParts(value, copertura, decimals);
  const rest = coverageText(parts);
  if (rest === '') return parts.figure;
  return parts.sulPeso ? `${parts.figure} ${rest}` : `${parts.figure}; ${rest}`;
}
