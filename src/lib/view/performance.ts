import type { Atto, Documento, TipoPiano } from '../../schemas/performance';
import type { Tempestivita } from '../derived/scadenze';
import { formatDate, formatNumber } from './format';
import { t } from './i18n';

/** "Deliberazione n. 45 del 12 marzo 2020 (Giunta comunale)": organ and type as the act writes them. */
export function attoText(atto: Atto | null): string {
  if (atto === null) return t('performance.doc.attoNonNoto');
  return t('performance.doc.attoValore', {
    tipo: atto.tipo,
    organo: atto.organo,
    numero: atto.numero,
    data: formatDate(atto.data),
  });
}

/** Name of the plan that holds a year's objectives. */
export function pianoNome(tipo: TipoPiano): string {
  return t(`performance.tipo.${tipo.toLowerCase()}`);
}

/** "pubblicata in ritardo di 12 giorni", "pubblicata nei termini", "non ancora pubblicata". */
export function tempestivitaText(value: Tempestivita): string {
  return value.stato === 'in ritardo'
    ? t('performance.tempestivita.in ritardo', { count: value.giorni })
    : t(`performance.tempestivita.${value.stato}`);
}

/** An amount in euro, or null. */
export function euroText(value: number | null): string | null {
  return value === null ? null : t('performance.euro', { valore: formatNumber(value) });
}

/** Whether a document is published (has a PDF). */
export function isPublished(documento: Documento): documento is Documento & { file: string } {
  return documento.file !== null;
}
