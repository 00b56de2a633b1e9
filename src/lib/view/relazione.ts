import type { Ente } from '../../schemas/ente';
import type { Obiettivo } from '../../schemas/obiettivo';
import { formatAvanzamento } from './format';
import { formatDateShort, formatPercent } from './format';
import { t } from './i18n';
import { indicatoreView, type IndicatoreView } from './indicatore';
import { byCodice } from '../derived/indexes';
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

/**
 * Rows one PDF of the Relazione holds at most, counted as `printedRows` counts them (high). At 2,000 such rows
 * a part of generated objectives is ≈5 MB: a third of the 15 MB the Funzione Pubblica's portal accepts, room
 * for long notes, light on a phone. Chromium's memory follows the part: printing a 1,000-objective year whole
 * took 8 GB (one 119 MB file); in 2,000-row parts its renderer peaked at ≈0.8 GB, in 3,000-row parts
 * (≈8 MB files) at 1.1 GB, with the garbage of the parts before (collected after each part since: ≈0.4 GB).
 */
export const PDF_PART_ROWS = 2000;

/**
 * The rows an objective adds to the printed Relazione, counted high: heading and details, its fasi, its
 * indicators, and each indicator once more for the table of deviations (where only those not reached appear).
 */
const printedRows = (o: Pick<Obiettivo, 'indicatori' | 'fasi'>) => 6 + o.fasi.length + 2 * o.indicatori.length;

/** One part of the Relazione PDF of a year: its number (from 1) and the codes of its objectives, in page order. */
export interface RelazioneParte {
  numero: number;
  codici: string[];
}

/**
 * The parts the Relazione of a year is printed in: objectives in page order (by codice) filled into parts of
 * at most PDF_PART_ROWS rows (an objective never split; one larger than that is a part of its own). A year
 * that fits is one part, printed as one PDF. The page (its PDF links and which part each section belongs to),
 * the printer and the reconciliation of the built site all take the parts from here.
 */
export function relazioneParti(
  obiettivi: readonly Pick<Obiettivo, 'codice' | 'indicatori' | 'fasi'>[],
  maxRows = PDF_PART_ROWS,
): RelazioneParte[] {
  const parti: RelazioneParte[] = [];
  let rows = 0;
  for (const obiettivo of [...obiettivi].sort(byCodice)) {
    const weight = printedRows(obiettivo);
    const last = parti.at(-1);
    if (last && rows + weight <= maxRows) {
      last.codici.push(obiettivo.codice);
      rows += weight;
    } else {
      parti.push({ numero: parti.length + 1, codici: [obiettivo.codice] });
      rows = weight;
    }
  }
  return parti;
}

/** The words for a part: the text of its PDF link (`pdf`), or the note that opens the printed part (`nota`). */
export function parteText(kind: 'pdf' | 'nota', anno: number, parte: RelazioneParte, totale: number): string {
  const key = kind === 'pdf' ? 'relazione.pdf.parte' : 'relazione.parte.nota';
  return t(parte.codici.length === 1 ? `${key}Uno` : key, {
    anno,
    numero: parte.numero,
    totale,
    primo: parte.codici[0]!,
    ultimo: parte.codici.at(-1)!,
  });
}
