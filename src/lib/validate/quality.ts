import type { Obiettivo } from '../../schemas/obiettivo';
import { dubbiIndicatore } from '../derived/metrics';
import { formatEditorNumber } from '../view/format';
import { formulaWarnings } from './formula';
import type { Finding } from './problem';

const FASE_DATE_KEYS = ['inizio_previsto', 'fine_prevista', 'inizio_effettivo', 'fine_effettiva'] as const;

/** How an editor confirms a value the validator doubts (the page then shows it, with the note). */
const CONFIRM = 'se il valore è giusto, aggiungi verificato: true e spiega nelle note';

/**
 * Implausible indicator values (dubbiIndicatore), until an editor confirms them with `verificato: true`;
 * and `verificato: true` where nothing is implausible, which would hide a later mistake.
 */
function indicatorWarnings(data: Obiettivo): Finding[] {
  const findings: Finding[] = [];
  data.indicatori.forEach((indicatore, index) => {
    const dubbi = dubbiIndicatore(indicatore);
    if (indicatore.verificato) {
      if (dubbi.length === 0)
        findings.push({
          rule: 'verificato-superfluo',
          path: ['indicatori', index, 'verificato'],
          message: 'i valori non hanno nulla di strano: verificato: true non serve, toglilo (o scrivi false)',
        });
      return;
    }
    for (const dubbio of dubbi) {
      if (dubbio.tipo === 'binario')
        findings.push({
          rule: 'binario',
          path: ['indicatori', index, dubbio.campo],
          message: `indicatore binario con valore ${formatEditorNumber(dubbio.valore)}: scrivi 1 (sì) o 0 (no), oppure cambia direzione; ${CONFIRM}`,
        });
      else
        findings.push({
          rule: 'rapporto',
          path: ['indicatori', index, 'valore_raggiunto'],
          message: `raggiunto ${formatEditorNumber(dubbio.raggiunto)} contro atteso ${formatEditorNumber(dubbio.atteso)}: controlla l’unità di misura (per esempio 1 invece di 100%); ${CONFIRM}`,
        });
    }
  });
  return findings;
}

/** Stati that say the objective is finished, or not yet finished (compared lower-case). */
const STATI_CONCLUSI = new Set(['concluso', 'conclusa', 'completato', 'completata', 'terminato', 'chiuso']);
const STATI_APERTI = new Set(['in corso', 'da avviare', 'non avviato', 'avviato']);

/** `stato` against the fasi' avanzamento: a concluded objective with open fasi, or the reverse. */
function statoFasi(data: Obiettivo): Finding[] {
  const stato = data.stato?.trim().replace(/\s+/g, ' ');
  if (!stato || data.fasi.length === 0) return [];
  const key = stato.toLowerCase();
  const open = data.fasi.filter((fase) => fase.avanzamento === null || fase.avanzamento < 100);
  const list = (fasi: typeof data.fasi) =>
    fasi
      .slice(0, 3)
      .map((fase) =>
        fase.avanzamento === null
          ? `${fase.id}: senza avanzamento`
          : `${fase.id}: ${formatEditorNumber(fase.avanzamento)}%`,
      )
      .join(', ') + (fasi.length === 4 ? ' e un’altra' : fasi.length > 4 ? ` e altre ${fasi.length - 3}` : '');
  if (STATI_CONCLUSI.has(key) && open.length > 0)
    return [
      {
        rule: 'stato-fasi',
        path: ['stato'],
        message: `lo stato è «${stato}» ma non tutte le fasi sono al 100% (${list(open)}): aggiorna l’avanzamento delle fasi oppure lo stato`,
      },
    ];
  if (key === 'da avviare') {
    const started = data.fasi.filter((fase) => (fase.avanzamento ?? 0) > 0);
    if (started.length > 0)
      return [
        {
          rule: 'stato-fasi',
          path: ['stato'],
          message: `lo stato è «${stato}» ma alcune fasi sono avviate (${list(started)}): aggiorna lo stato (per esempio In corso)`,
        },
      ];
  }
  if (STATI_APERTI.has(key) && open.length === 0)
    return [
      {
        rule: 'stato-fasi',
        path: ['stato'],
        message: `lo stato è «${stato}» ma tutte le fasi sono al 100%: se l’obiettivo è concluso scrivi stato: Concluso`,
      },
    ];
  return [];
}

/** Data-quality warnings of docs/contract.md §2: they never fail the build. */
export function qualityWarnings(data: Obiettivo): Finding[] {
  const findings: Finding[] = [...indicatorWarnings(data), ...statoFasi(data)];
  data.fasi.forEach((fase, index) => {
    for (const key of FASE_DATE_KEYS) {
      const date = fase[key];
      if (!date) continue;
      const year = Number(date.slice(0, 4));
      if (Math.abs(year - data.anno) > 1)
        findings.push({
          rule: 'date-anno',
          path: ['fasi', index, key],
          message: `la data ${date} è lontana dall’anno del PEG (${data.anno}): controlla l’anno`,
        });
    }
  });
  findings.push(...formulaWarnings(data));
  return findings;
}
