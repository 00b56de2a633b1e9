import type { Obiettivo } from '../../schemas/obiettivo';
import { formatNumber } from './format-number';
import type { Finding } from './problem';

/** raggiunto/atteso beyond this factor (either way) is more likely a unit mismatch than a result. */
export const SUSPICIOUS_RATIO = 10;

const FASE_DATE_KEYS = ['inizio_previsto', 'fine_prevista', 'inizio_effettivo', 'fine_effettiva'] as const;

/** Data-quality warnings of DESIGN.md section 3: they never fail the build. */
export function qualityWarnings(data: Obiettivo): Finding[] {
  const findings: Finding[] = [];
  data.indicatori.forEach((indicatore, index) => {
    const { valore_atteso: atteso, valore_raggiunto: raggiunto } = indicatore;
    if (indicatore.direzione === 'binario') {
      for (const [key, value] of [
        ['valore_atteso', atteso],
        ['valore_raggiunto', raggiunto],
      ] as const) {
        if (value !== null && value !== 0 && value !== 1)
          findings.push({
            rule: 'binario',
            path: ['indicatori', index, key],
            message: `indicatore binario con valore ${formatNumber(value)}: scrivi 1 (sì) o 0 (no), oppure cambia direzione`,
          });
      }
      return;
    }
    if (atteso === null || raggiunto === null || atteso === 0 || raggiunto === 0) return;
    const ratio = Math.abs(raggiunto / atteso);
    if (ratio > SUSPICIOUS_RATIO || ratio < 1 / SUSPICIOUS_RATIO)
      findings.push({
        rule: 'rapporto',
        path: ['indicatori', index, 'valore_raggiunto'],
        message: `raggiunto ${formatNumber(raggiunto)} contro atteso ${formatNumber(atteso)}: controlla l’unità di misura (per esempio 1 invece di 100%)`,
      });
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
  return findings;
}
