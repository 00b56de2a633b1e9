import type { Ente } from '../schemas/ente';
import type { Indicatore } from '../schemas/indicatore';
import { esitoIndicatore, ESITI, type Esito } from './metrics';
import { slugify } from './queries';

/** Counts of an objective's indicators by esito, in the fixed order of ESITI, zeros left out. */
export function esitiCount(
  indicatori: readonly Indicatore[],
  soglie: Ente['soglie_esito'],
): { esito: Esito; n: number }[] {
  const counts = new Map<Esito, number>();
  for (const indicatore of indicatori) {
    const esito = esitoIndicatore(indicatore, soglie);
    counts.set(esito, (counts.get(esito) ?? 0) + 1);
  }
  return ESITI.filter((esito) => counts.has(esito)).map((esito) => ({ esito, n: counts.get(esito)! }));
}

/** URL/filter value of an esito: "parzialmente raggiunto" → "parzialmente-raggiunto". */
export function esitoSlug(esito: Esito): string {
  return slugify(esito);
}
