import { formatPercent } from './format';
import { t } from './i18n';
import type { CoperturaAvanzamento } from '../derived/metrics';

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
