import type { Ente } from '../schemas/ente';
import type { Indicatore } from '../schemas/indicatore';
import { esitoIndicatore, gradoRaggiungimento, type Esito } from './metrics';
import { formatNumber, formatRatio, formatSigned } from './format';
import { t } from './i18n';

/**
 * What the objective page shows of its indicators, in words and numbers ready to print, plus the
 * data the client charts draw. Derived numbers come from metrics.ts only.
 */

/** A value as the citizen reads it: binary indicators say Sì/No, others an Italian number. */
export function formatValore(indicatore: Pick<Indicatore, 'direzione'>, value: number | null): string {
  if (value === null) return t('indicator.none');
  if (indicatore.direzione === 'binario' && (value === 0 || value === 1))
    return t(value === 1 ? 'binario.si' : 'binario.no');
  return formatNumber(value);
}

export interface IndicatoreView {
  id: string;
  descrizione: string;
  esito: Esito;
  /** Grado di raggiungimento in percent, or null (not measurable, or binary: shown as Sì/No). */
  gradoPercent: number | null;
  /** Grado in words for tables: "111%", "Sì", "No", "non rilevato". */
  gradoText: string;
  atteso: string;
  raggiunto: string;
  /** raggiunto − atteso with its sign; null for binary or missing values. */
  scostamento: string | null;
}

export function indicatoreView(indicatore: Indicatore, soglie: Ente['soglie_esito']): IndicatoreView {
  const grado = gradoRaggiungimento(indicatore);
  const binario = indicatore.direzione === 'binario';
  const { valore_atteso: atteso, valore_raggiunto: raggiunto } = indicatore;
  let gradoText: string;
  if (grado === null) gradoText = t('indicator.none');
  else if (binario) gradoText = formatValore(indicatore, raggiunto);
  else gradoText = formatRatio(grado);
  return {
    id: indicatore.id,
    descrizione: indicatore.descrizione,
    esito: esitoIndicatore(indicatore, soglie),
    gradoPercent: grado === null || binario ? null : grado * 100,
    gradoText,
    atteso: formatValore(indicatore, atteso),
    raggiunto: formatValore(indicatore, raggiunto),
    scostamento: binario || atteso === null || raggiunto === null ? null : formatSigned(raggiunto - atteso),
  };
}

/** Bars beyond this are drawn cut (their label keeps the true value): a 10× outlier must not flatten the rest. */
export const OVERVIEW_MAX = 250;

export interface OverviewChart {
  kind: 'overview';
  /** Two lines per bar (Chart.js draws arrays as multi-line labels): "I01 · 111%", "raggiunto". */
  labels: [string, string][];
  values: (number | null)[];
  esiti: Esito[];
  max: number;
  targetLabel: string;
}

/** Data of the overview chart, in file order: one bar per indicator, none for binary or missing ones. */
export function overviewChart(views: IndicatoreView[]): OverviewChart {
  const values = views.map((v) => (v.gradoPercent === null ? null : Math.round(v.gradoPercent * 10) / 10));
  const highest = Math.max(100, ...values.map((v) => v ?? 0));
  return {
    kind: 'overview',
    labels: views.map((v) => [`${v.id} · ${v.gradoText}`, t(`esito.${v.esito}`)]),
    values: values.map((v) => (v === null ? null : Math.min(v, OVERVIEW_MAX))),
    esiti: views.map((v) => v.esito),
    max: Math.min(Math.ceil(highest / 25) * 25, OVERVIEW_MAX),
    targetLabel: t('chart.label.target'),
  };
}

export interface IndicatorChart {
  kind: 'indicator';
  labels: string[];
  datasets: { label: string; values: (number | null)[]; role: 'atteso' | 'raggiunto' }[];
}

/** Years of the storico (ascending) then the PEG year: raggiunto for each, atteso for the PEG year. */
export function indicatorChart(indicatore: Indicatore, anno: number): IndicatorChart {
  const years = Object.keys(indicatore.storico)
    .map(Number)
    .filter((year) => year !== anno)
    .sort((a, b) => a - b);
  const labels = [...years.map(String), String(anno)];
  return {
    kind: 'indicator',
    labels,
    datasets: [
      {
        label: t('indicator.atteso'),
        role: 'atteso',
        values: [...years.map(() => null), indicatore.valore_atteso],
      },
      {
        label: t('indicator.raggiunto'),
        role: 'raggiunto',
        values: [...years.map((year) => indicatore.storico[String(year)] ?? null), indicatore.valore_raggiunto],
      },
    ],
  };
}

/** One sentence on what the indicator chart shows. */
export function indicatorSummary(indicatore: Indicatore, anno: number): string {
  const atteso = formatValore(indicatore, indicatore.valore_atteso);
  const raggiunto = formatValore(indicatore, indicatore.valore_raggiunto);
  const storico = Object.entries(indicatore.storico)
    .filter(([year]) => Number(year) !== anno)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([year, value]) => `${year} ${formatValore(indicatore, value)}`);
  return storico.length > 0
    ? t('chart.indicator.summaryStorico', { atteso, raggiunto, anno, storico: storico.join(', ') })
    : t('chart.indicator.summary', { atteso, raggiunto, anno });
}
