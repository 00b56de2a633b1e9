import type { Ente } from '../schemas/ente';
import type { Fase } from '../schemas/fase';
import type { Indicatore } from '../schemas/indicatore';

/**
 * Derived values of DESIGN.md section 3. One function per metric: pages, open data and the
 * validator's warnings all call these, never their own arithmetic.
 */

/**
 * Avanzamento ponderato: Σ(peso × avanzamento) / Σ peso over the fasi that report avanzamento.
 * Returns null when no fase reports it or their weights sum to 0 (nothing to average).
 */
export function avanzamentoPonderato(fasi: readonly Pick<Fase, 'peso' | 'avanzamento'>[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const fase of fasi) {
    if (fase.avanzamento === null) continue;
    weighted += fase.peso * fase.avanzamento;
    weights += fase.peso;
  }
  return weights > 0 ? weighted / weights : null;
}

type Valori = Pick<Indicatore, 'direzione' | 'valore_atteso' | 'valore_raggiunto'>;

/**
 * Grado di raggiungimento of an indicator as a ratio (1 = fully achieved):
 * raggiunto/atteso (crescente), atteso/raggiunto (decrescente), 1 or 0 (binario: raggiunto = atteso).
 * Not capped above: 1.6 means 160% (the page shows over-achievement).
 *
 * Edge cases (pinned in tests/lib/metrics.test.ts):
 * - a missing value → null (esito "non rilevato");
 * - crescente, atteso 0 → 1 for any raggiunto ≥ 0, else 0; raggiunto < 0 against atteso > 0 → 0;
 * - decrescente, raggiunto 0 → 1 when atteso ≥ 0; atteso 0 with raggiunto > 0 → 0;
 * - a negative atteso, or a negative raggiunto on a decrescente indicator → null: no ratio means
 *   anything there, and inventing one would misreport the esito.
 */
export function gradoRaggiungimento(indicatore: Valori): number | null {
  const { direzione, valore_atteso: atteso, valore_raggiunto: raggiunto } = indicatore;
  if (atteso === null || raggiunto === null) return null;
  if (direzione === 'binario') return raggiunto === atteso ? 1 : 0;
  if (direzione === 'decrescente') {
    // Nothing left (raggiunto 0) meets any non-negative ceiling; the ratio itself would be infinite.
    if (raggiunto === 0) return atteso >= 0 ? 1 : null;
    const ratio = atteso / raggiunto;
    // Negative values make a ratio meaningless (e.g. atteso -5, raggiunto 5): report none rather than a lie.
    return atteso < 0 || raggiunto < 0 ? null : ratio;
  }
  if (atteso === 0) return raggiunto >= 0 ? 1 : 0;
  // A negative target (e.g. a balance of -100) has no meaningful ratio with "higher is better".
  if (atteso < 0) return null;
  // Below zero against a positive target is simply not achieved: 0, not "non rilevato" (it was measured).
  return Math.max(0, raggiunto / atteso);
}

export const ESITI = ['raggiunto', 'parzialmente raggiunto', 'non raggiunto', 'non rilevato'] as const;
export type Esito = (typeof ESITI)[number];

/**
 * Esito of an indicator from its grado and the thresholds (percent) of ente.yaml: grado ≥ raggiunto →
 * "raggiunto", ≥ parzialmente_raggiunto → "parzialmente raggiunto", else "non raggiunto"; no grado →
 * "non rilevato". Thresholds are inclusive, with 1e-9 % of slack for float division (0.3 / 0.30000000000000004).
 */
export function esitoIndicatore(indicatore: Valori, soglie: Ente['soglie_esito']): Esito {
  const grado = gradoRaggiungimento(indicatore);
  if (grado === null) return 'non rilevato';
  const percent = grado * 100;
  // A tiny tolerance so that 0.999999… from float division still counts as 100%.
  if (percent + 1e-9 >= soglie.raggiunto) return 'raggiunto';
  if (percent + 1e-9 >= soglie.parzialmente_raggiunto) return 'parzialmente raggiunto';
  return 'non raggiunto';
}

/** Indicators of a list by esito, every esito present with its count (0 included). */
export function countEsiti(indicatori: readonly Valori[], soglie: Ente['soglie_esito']): Record<Esito, number> {
  const counts = Object.fromEntries(ESITI.map((esito) => [esito, 0])) as Record<Esito, number>;
  for (const indicatore of indicatori) counts[esitoIndicatore(indicatore, soglie)] += 1;
  return counts;
}
