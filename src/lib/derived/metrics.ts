import type { Ente } from '../../schemas/ente';
import type { Fase } from '../../schemas/fase';
import type { Indicatore } from '../../schemas/indicatore';

/**
 * Derived values of docs/contract.md §2. One function per metric: pages, open data and the
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

/** How much of an objective's weight the weighted progress rests on. */
export interface CoperturaAvanzamento {
  /** Σ peso of the fasi that report avanzamento, as a share of Σ peso of all fasi (0..1); null without weight. */
  quotaPeso: number | null;
  /** Fasi with avanzamento null. */
  fasiSenzaDato: number;
  /** All fasi. */
  fasi: number;
}

/**
 * Coverage of avanzamentoPonderato: a 100% that rests on 81% of the weight must say so wherever it is shown.
 */
export function coperturaAvanzamento(fasi: readonly Pick<Fase, 'peso' | 'avanzamento'>[]): CoperturaAvanzamento {
  let covered = 0;
  let total = 0;
  let missing = 0;
  for (const fase of fasi) {
    total += fase.peso;
    if (fase.avanzamento === null) missing += 1;
    else covered += fase.peso;
  }
  return { quotaPeso: total > 0 ? covered / total : null, fasiSenzaDato: missing, fasi: fasi.length };
}

/** Σ peso of the fasi: 100 when the weights are complete (the validator's [pesi-fasi] rule checks it). */
export function sommaPesi(fasi: readonly Pick<Fase, 'peso'>[]): number {
  return fasi.reduce((total, fase) => total + fase.peso, 0);
}

/**
 * Mean of the objectives' avanzamento ponderato, over those that report one (0..100; null if none), with
 * how many did (the mean's denominator). Each objective counts alike: its weights already sum to 100.
 */
export function avanzamentoMedio(obiettivi: readonly { fasi: readonly Pick<Fase, 'peso' | 'avanzamento'>[] }[]): {
  media: number | null;
  obiettivi: number;
} {
  let sum = 0;
  let counted = 0;
  for (const { fasi } of obiettivi) {
    const avanzamento = avanzamentoPonderato(fasi);
    if (avanzamento === null) continue;
    sum += avanzamento;
    counted += 1;
  }
  return { media: counted > 0 ? sum / counted : null, obiettivi: counted };
}

/** A stato that the fasi contradict: declared concluded with unfinished fasi, or open with every fase at 100. */
export type StatoIncoerente =
  { tipo: 'concluso'; fasiIncomplete: number } | { tipo: 'completo'; fasiSenzaDato: number };

/** Free-text stati that mean "finished" (In Corso, Avviato … mean open). */
const STATO_CONCLUSO = /\b(conclus|complet|terminat|chius|realizzat)/i;

/**
 * Whether the stato written by the editor disagrees with the fasi: "Concluso" while some fase is below 100 or
 * has no avanzamento, or an open stato while every fase reporting avanzamento is at 100. Null when they agree,
 * when stato is not set, or when no fase reports avanzamento (nothing to contradict).
 */
export function statoIncoerente(
  stato: string | null,
  fasi: readonly Pick<Fase, 'avanzamento'>[],
): StatoIncoerente | null {
  if (stato === null || stato.trim() === '' || fasi.length === 0) return null;
  const reported = fasi.filter((f) => f.avanzamento !== null);
  if (STATO_CONCLUSO.test(stato)) {
    const incomplete = fasi.filter((f) => f.avanzamento !== 100).length;
    return incomplete > 0 ? { tipo: 'concluso', fasiIncomplete: incomplete } : null;
  }
  if (reported.length === 0 || reported.some((f) => f.avanzamento! < 100)) return null;
  return { tipo: 'completo', fasiSenzaDato: fasi.length - reported.length };
}

type Valori = Pick<Indicatore, 'direzione' | 'valore_atteso' | 'valore_raggiunto'>;

/** raggiunto/atteso beyond this factor (either way) is more likely a unit mismatch than a result. */
export const SUSPICIOUS_RATIO = 10;

/** Why a value is implausible; the validator words each kind for the editor, pages for the citizen. */
export type Dubbio =
  | { tipo: 'binario'; campo: 'valore_atteso' | 'valore_raggiunto'; valore: number }
  | { tipo: 'rapporto'; atteso: number; raggiunto: number };

/**
 * Implausible values of an indicator (docs/contract.md §2, data-quality checks): a binary value other than
 * 0/1, or raggiunto/atteso beyond SUSPICIOUS_RATIO either way. The validator warns on each; pages and open
 * data publish the indicator as "da verificare" (no grado, no esito) while `verificato` is not true.
 */
export function dubbiIndicatore(indicatore: Valori): Dubbio[] {
  const { valore_atteso: atteso, valore_raggiunto: raggiunto } = indicatore;
  if (indicatore.direzione === 'binario') {
    const dubbi: Dubbio[] = [];
    for (const [campo, valore] of [
      ['valore_atteso', atteso],
      ['valore_raggiunto', raggiunto],
    ] as const)
      if (valore !== null && valore !== 0 && valore !== 1) dubbi.push({ tipo: 'binario', campo, valore });
    return dubbi;
  }
  if (atteso === null || raggiunto === null || atteso === 0 || raggiunto === 0) return [];
  const ratio = Math.abs(raggiunto / atteso);
  return ratio > SUSPICIOUS_RATIO || ratio < 1 / SUSPICIOUS_RATIO ? [{ tipo: 'rapporto', atteso, raggiunto }] : [];
}

/** True when the indicator's values are implausible and the editor has not confirmed them. */
export function daVerificare(indicatore: Valori & Partial<Pick<Indicatore, 'verificato'>>): boolean {
  return indicatore.verificato !== true && dubbiIndicatore(indicatore).length > 0;
}

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

/**
 * Scostamento of an indicator, signed so that better is positive: raggiunto − atteso (crescente),
 * atteso − raggiunto (decrescente: below the ceiling is the good side); null for binario or a missing value.
 */
export function scostamento(indicatore: Valori): number | null {
  const { direzione, valore_atteso: atteso, valore_raggiunto: raggiunto } = indicatore;
  if (direzione === 'binario' || atteso === null || raggiunto === null) return null;
  return direzione === 'crescente' ? raggiunto - atteso : atteso - raggiunto;
}

/**
 * "da verificare": an implausible value the editor has not confirmed (daVerificare). It is published as such,
 * with no grado, and counted apart: never as raggiunto, never in an average.
 */
export const ESITI = ['raggiunto', 'parzialmente raggiunto', 'non raggiunto', 'non rilevato', 'da verificare'] as const;
export type Esito = (typeof ESITI)[number];

type ValoriVerificati = Valori & Partial<Pick<Indicatore, 'verificato'>>;

/** What is published of an indicator: the grado to show (null when none may be shown), its esito, and why. */
export interface Valutazione {
  /** gradoRaggiungimento, or null when there is none or the values are da verificare. */
  grado: number | null;
  esito: Esito;
  /** The reasons of a "da verificare" esito (dubbiIndicatore); empty otherwise. */
  dubbi: Dubbio[];
}

/**
 * The one decision on how an indicator is published. Implausible, unconfirmed values (daVerificare) get esito
 * "da verificare" and no grado; otherwise the grado and the esito from the thresholds of ente.yaml: grado ≥
 * raggiunto → "raggiunto", ≥ parzialmente_raggiunto → "parzialmente raggiunto", else "non raggiunto"; no grado
 * → "non rilevato". Thresholds are inclusive, with 1e-9 % of slack for float division
 * (0.3 / 0.30000000000000004).
 */
export function valutazioneIndicatore(indicatore: ValoriVerificati, soglie: Ente['soglie_esito']): Valutazione {
  if (indicatore.verificato !== true) {
    const dubbi = dubbiIndicatore(indicatore);
    if (dubbi.length > 0) return { grado: null, esito: 'da verificare', dubbi };
  }
  const grado = gradoRaggiungimento(indicatore);
  if (grado === null) return { grado, esito: 'non rilevato', dubbi: [] };
  const percent = grado * 100;
  // A tiny tolerance so that 0.999999… from float division still counts as 100%.
  if (percent + 1e-9 >= soglie.raggiunto) return { grado, esito: 'raggiunto', dubbi: [] };
  if (percent + 1e-9 >= soglie.parzialmente_raggiunto) return { grado, esito: 'parzialmente raggiunto', dubbi: [] };
  return { grado, esito: 'non raggiunto', dubbi: [] };
}

/** Esito of an indicator (valutazioneIndicatore). */
export function esitoIndicatore(indicatore: ValoriVerificati, soglie: Ente['soglie_esito']): Esito {
  return valutazioneIndicatore(indicatore, soglie).esito;
}

/** Indicators of a list by esito, every esito present with its count (0 included); "da verificare" apart. */
export function countEsiti(
  indicatori: readonly ValoriVerificati[],
  soglie: Ente['soglie_esito'],
): Record<Esito, number> {
  const counts = Object.fromEntries(ESITI.map((esito) => [esito, 0])) as Record<Esito, number>;
  for (const indicatore of indicatori) counts[esitoIndicatore(indicatore, soglie)] += 1;
  return counts;
}
