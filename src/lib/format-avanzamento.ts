import { formatPercent } from './format';
import { t } from './i18n';

/** An avanzamento (0..100) rounded to a whole percent, or "non rilevato" when it cannot be computed. */
export function formatAvanzamento(value: number | null): string {
  return value === null ? t('objective.avanzamento.none') : formatPercent(Math.round(value));
}
