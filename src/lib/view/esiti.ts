import type { Ente } from '../../schemas/ente';
import type { Indicatore } from '../../schemas/indicatore';
import { countEsiti, ESITI, type Esito } from '../derived/metrics';
import { slugify } from '../derived/slugs';
import { t } from './i18n';

/** Counts of an objective's indicators by esito, in the fixed order of ESITI, zeros left out. */
export function esitiCount(
  indicatori: readonly Indicatore[],
  soglie: Ente['soglie_esito'],
): { esito: Esito; n: number }[] {
  const counts = countEsiti(indicatori, soglie);
  return ESITI.filter((esito) => counts[esito] > 0).map((esito) => ({ esito, n: counts[esito] }));
}

/** URL/filter value of an esito: "parzialmente raggiunto" → "parzialmente-raggiunto". */
export function esitoSlug(esito: Esito): string {
  return slugify(esito);
}

/** "3 su 8 indicatori raggiunti", with ", 2 da verificare" when some are: they are counted apart, never hidden. */
export function raggiuntiText(counts: Record<Esito, number>, totale: number): string {
  const daVerificare = counts['da verificare'];
  return daVerificare > 0
    ? t('objective.summary.daVerificare', { raggiunti: counts.raggiunto, totale, daVerificare })
    : t('objective.summary.raggiunti', { raggiunti: counts.raggiunto, totale });
}
