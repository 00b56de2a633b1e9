import type { Obiettivo } from '../../schemas/obiettivo';
import { dubbiIndicatore } from '../metrics';
import { formatNumber } from './format-number';
import { formulaWarnings } from './formula';
import type { Finding } from './problem';

const FASE_DATE_KEYS = ['inizio_previsto', 'fine_prevista', 'inizio_effettivo', 'fine_effettiva'] as const;

/** Data-quality warnings of DESIGN.md section 3: they never fail the build. */
export function qualityWarnings(data: Obiettivo): Finding[] {
  const findings: Finding[] = [];
  data.indicatori.forEach((indicatore, index) => {
    for (const dubbio of dubbiIndicatore(indicatore)) {
      if (dubbio.tipo === 'binario')
        findings.push({
          rule: 'binario',
          path: ['indicatori', index, dubbio.campo],
          message: `indicatore binario con valore ${formatNumber(dubbio.valore)}: scrivi 1 (sì) o 0 (no), oppure cambia direzione`,
        });
      else
        findings.push({
          rule: 'rapporto',
          path: ['indicatori', index, 'valore_raggiunto'],
          message: `raggiunto ${formatNumber(dubbio.raggiunto)} contro atteso ${formatNumber(dubbio.atteso)}: controlla l’unità di misura (per esempio 1 invece di 100%)`,
        });
    }
  });
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
