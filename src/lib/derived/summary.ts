import type { Ente } from '../../schemas/ente';
import type { Obiettivo } from '../../schemas/obiettivo';
import {
  avanzamentoMedio,
  coperturaAvanzamento,
  countEsiti,
  ESITI,
  type CoperturaAvanzamento,
  type Esito,
} from './metrics';

/** Headline figures of a set of objectives: counts, average progress, indicators by esito. */
export interface Summary {
  obiettivi: number;
  fasi: number;
  indicatori: number;
  /** Mean of the objectives' avanzamento ponderato (those that report one), 0..100; null if none. */
  avanzamentoMedio: number | null;
  /** How many objectives report an avanzamento ponderato (the mean's denominator). */
  obiettiviConAvanzamento: number;
  /** Coverage over all the fasi of the set (each objective's weights sum to 100, so objectives count alike). */
  copertura: CoperturaAvanzamento;
  esiti: Record<Esito, number>;
}

/** Computes the figures only through src/lib/derived/metrics.ts, so pages and open data agree. */
export function summarize(obiettivi: readonly { data: Obiettivo }[], soglie: Ente['soglie_esito']): Summary {
  const esiti = Object.fromEntries(ESITI.map((esito) => [esito, 0])) as Record<Esito, number>;
  let fasi = 0;
  let indicatori = 0;
  for (const { data } of obiettivi) {
    fasi += data.fasi.length;
    indicatori += data.indicatori.length;
    const counts = countEsiti(data.indicatori, soglie);
    for (const esito of ESITI) esiti[esito] += counts[esito];
  }
  const medio = avanzamentoMedio(obiettivi.map(({ data }) => data));
  return {
    obiettivi: obiettivi.length,
    fasi,
    indicatori,
    avanzamentoMedio: medio.media,
    obiettiviConAvanzamento: medio.obiettivi,
    copertura: coperturaAvanzamento(obiettivi.flatMap(({ data }) => data.fasi)),
    esiti,
  };
}
