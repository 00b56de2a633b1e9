import type { Ente } from '../../schemas/ente';
import type { Obiettivo } from '../../schemas/obiettivo';
import { formatAvanzamento } from './format';
import { formatDateShort, formatPercent } from './format';
import { t } from './i18n';
import { indicatoreView, type IndicatoreView } from './indicatore';
import { avanzamentoPonderato, countEsiti, coperturaAvanzamento, type Esito } from '../derived/metrics';

/**
 * View model of the Relazione sulla Performance generated from the objectives of a year: every figure comes
 * from src/lib/derived/metrics.ts (through indicatoreView), the page and its PDF only lay it out.
 */
export interface RelazioneIndicatore extends IndicatoreView {
  unita: string | null;
  /** The editor's note: the motivation of the value. */
  note: string | null;
}

export interface RelazioneObiettivo {
  codice: string;
  titolo: string;
  url: string;
  centro: string;
  responsabile: string;
  stato: string | null;
  avanzamento: string;
  /** "su 81% del peso delle fasi, 1 fase senza dato", or null when every fase reports progress. */
  copertura: string | null;
  esiti: Record<Esito, number>;
  indicatori: RelazioneIndicatore[];
  fasi: {
    id: string;
    titolo: string;
    peso: string;
    avanzamento: string;
    fine_prevista: string;
    fine_effettiva: string;
    note: string | null;
  }[];
}

const dash = '–';

export function relazioneObiettivo(data: Obiettivo, url: string, soglie: Ente['soglie_esito']): RelazioneObiettivo {
  const copertura = coperturaAvanzamento(data.fasi);
  return {
    codice: data.codice,
    titolo: data.titolo,
    url,
    centro: data.centro_di_responsabilita,
    responsabile: data.responsabile,
    stato: data.stato,
    avanzamento: formatAvanzamento(avanzamentoPonderato(data.fasi)),
    copertura:
      copertura.fasiSenzaDato > 0 && copertura.quotaPeso !== null
        ? t('relazione.copertura', {
            quota: formatPercent(Math.round(copertura.quotaPeso * 100)),
            count: copertura.fasiSenzaDato,
          })
        : null,
    esiti: countEsiti(data.indicatori, soglie),
    indicatori: data.indicatori.map((indicatore) => ({
      ...indicatoreView(indicatore, soglie),
      unita: indicatore.unita_di_misura,
      note: indicatore.note,
    })),
    fasi: data.fasi.map((fase) => ({
      id: fase.id,
      titolo: fase.titolo,
      peso: formatPercent(fase.peso),
      avanzamento: fase.avanzamento === null ? t('indicator.none') : formatPercent(fase.avanzamento),
      fine_prevista: fase.fine_prevista ? formatDateShort(fase.fine_prevista) : dash,
      fine_effettiva: fase.fine_effettiva ? formatDateShort(fase.fine_effettiva) : dash,
      note: fase.note,
    })),
  };
}

/** Indicators that deviate: not reached, partly reached, not measured or to be verified, with their objective. */
export function scostamenti(obiettivi: readonly RelazioneObiettivo[]) {
  return obiettivi.flatMap((o) =>
    o.indicatori
      .filter((i) => i.esito !== 'raggiunto')
      .map((indicatore) => ({ codice: o.codice, titolo: o.titolo, url: o.url, indicatore })),
  );
}
