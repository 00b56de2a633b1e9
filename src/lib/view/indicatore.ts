import type { Ente } from '../../schemas/ente';
import type { Indicatore } from '../../schemas/indicatore';
import { scostamento, valutazioneIndicatore, type Dubbio, type Esito } from '../derived/metrics';
import { formatNumber, formatRatio, formatSigned } from './format';
import { t } from './i18n';

/**
 * What the objective page shows of its indicators, in words and numbers ready to print, plus the
 * data the client charts draw. Derived numbers come from metrics.ts only (valutazioneIndicatore).
 */

/**
 * What follows a number for its unit: "%" sticks to it, a word is spaced ("12 giorni"), none is "".
 * `numero` says the value is a count: "6.000" reads right, "6.000 numero" does not.
 */
export function unitSuffix(unita: string | null): string {
  if (unita === null || unita.toLowerCase() === 'numero') return '';
  return unita === '%' ? '%' : ` ${unita}`;
}

/** A number with its unit: "50%", "12 giorni", "6.670" (no unit given). */
export function withUnit(value: number, unita: string | null): string {
  return `${formatNumber(value)}${unitSuffix(unita)}`;
}

/** A value as the citizen reads it: binary indicators say Sì/No, others an Italian number with its unit. */
export function formatValore(
  indicatore: Pick<Indicatore, 'direzione'> & Partial<Pick<Indicatore, 'unita_di_misura'>>,
  value: number | null,
): string {
  if (value === null) return t('indicator.none');
  if (indicatore.direzione === 'binario' && (value === 0 || value === 1))
    return t(value === 1 ? 'binario.si' : 'binario.no');
  return withUnit(value, indicatore.unita_di_misura ?? null);
}

/** A reason of dubbiIndicatore in words for the citizen. */
export function dubbioText(indicatore: Pick<Indicatore, 'unita_di_misura'>, dubbio: Dubbio): string {
  if (dubbio.tipo === 'binario')
    return t('indicator.dubbio.binario', {
      campo: t(dubbio.campo === 'valore_atteso' ? 'indicator.dubbio.atteso' : 'indicator.dubbio.raggiunto'),
      valore: formatNumber(dubbio.valore),
    });
  return t('indicator.dubbio.rapporto', {
    raggiunto: withUnit(dubbio.raggiunto, indicatore.unita_di_misura),
    atteso: withUnit(dubbio.atteso, indicatore.unita_di_misura),
  });
}

export interface IndicatoreView {
  id: string;
  descrizione: string;
  direzione: Indicatore['direzione'];
  esito: Esito;
  /** Grado di raggiungimento in percent, or null (none, da verificare, or binary: shown as Sì/No). */
  gradoPercent: number | null;
  /** Grado in words for tables: "111%", "Sì", "No", "non rilevato", "dato da verificare". */
  gradoText: string;
  /** The target in words: "6.000", "al massimo 500" (decrescente), "Sì". */
  atteso: string;
  raggiunto: string;
  /**
   * How far from the target, signed so that better is positive: "+670" (crescente), "418 sotto il massimo",
   * "12 oltre il massimo" (decrescente); null for binary, missing or da verificare values.
   */
  scostamento: string | null;
  /** Why the values are da verificare, in Italian; empty when they are published normally. */
  dubbi: string[];
}

/** Scostamento with better = positive; decrescente in words, since "below the ceiling" is the good side. */
function scostamentoText(indicatore: Indicatore): string | null {
  const gap = scostamento(indicatore);
  if (gap === null) return null;
  const unita = indicatore.unita_di_misura;
  if (indicatore.direzione === 'crescente') return `${formatSigned(gap)}${unitSuffix(unita)}`;
  if (gap === 0) return t('indicator.scostamento.sulMassimo');
  const valore = withUnit(Math.abs(gap), unita);
  return t(gap > 0 ? 'indicator.scostamento.sotto' : 'indicator.scostamento.oltre', { valore });
}

export function indicatoreView(indicatore: Indicatore, soglie: Ente['soglie_esito']): IndicatoreView {
  const { grado, esito, dubbi } = valutazioneIndicatore(indicatore, soglie);
  const binario = indicatore.direzione === 'binario';
  const daVerificare = esito === 'da verificare';
  const { valore_atteso: atteso, valore_raggiunto: raggiunto } = indicatore;
  let gradoText: string;
  if (daVerificare) gradoText = t('esito.da verificare');
  else if (grado === null) gradoText = t('indicator.none');
  else if (binario) gradoText = formatValore(indicatore, raggiunto);
  else gradoText = formatRatio(grado);
  const attesoText = formatValore(indicatore, atteso);
  return {
    id: indicatore.id,
    descrizione: indicatore.descrizione,
    direzione: indicatore.direzione,
    esito,
    gradoPercent: grado === null || binario ? null : grado * 100,
    gradoText,
    atteso:
      indicatore.direzione === 'decrescente' && atteso !== null
        ? t('indicator.atteso.massimo', { valore: attesoText })
        : attesoText,
    raggiunto: formatValore(indicatore, raggiunto),
    scostamento: daVerificare ? null : scostamentoText(indicatore),
    dubbi: dubbi.map((dubbio) => dubbioText(indicatore, dubbio)),
  };
}

/**
 * The scale of the overview chart (the rule the method note states): 0 to the highest grado rounded up to
 * a multiple of OVERVIEW_STEP, at least 100%, at most OVERVIEW_MAX. A bar beyond is drawn to the edge
 * and marked "▶ oltre 250%", so a 10× outlier never flattens the rest and is never silently cut.
 */
export const OVERVIEW_MAX = 250;
export const OVERVIEW_STEP = 50;

/** What a row of the overview chart draws: a bar (possibly cut at the edge) or a mark in words. */
export type OverviewMark = 'bar' | 'oltre' | 'si' | 'no' | 'da verificare' | 'non rilevato';

export interface OverviewChart {
  kind: 'overview';
  /** Two lines per row (Chart.js draws arrays as multi-line labels): "I01 · 111%", "raggiunto". */
  labels: [string, string][];
  /** Bar length in percent, cut at max; null where the row is a mark. */
  values: (number | null)[];
  marks: OverviewMark[];
  /** Text drawn on the row for every mark but "bar": "▶ oltre 250%", "✓ Sì", "? dato da verificare". */
  markTexts: (string | null)[];
  esiti: Esito[];
  max: number;
  targetLabel: string;
}

function overviewMark(view: IndicatoreView): OverviewMark {
  if (view.esito === 'da verificare') return 'da verificare';
  if (view.direzione === 'binario' && view.esito !== 'non rilevato') return view.esito === 'raggiunto' ? 'si' : 'no';
  if (view.gradoPercent === null) return 'non rilevato';
  return view.gradoPercent > OVERVIEW_MAX ? 'oltre' : 'bar';
}

/** Text of a mark: the symbol says the same as the words, so neither colour nor shape is the only cue. */
export function overviewMarkText(mark: OverviewMark): string | null {
  switch (mark) {
    case 'bar':
      return null;
    case 'oltre':
      return t('chart.mark.oltre', { max: formatNumber(OVERVIEW_MAX) });
    case 'si':
      return t('chart.mark.si');
    case 'no':
      return t('chart.mark.no');
    case 'da verificare':
      return t('chart.mark.daVerificare');
    case 'non rilevato':
      return t('chart.mark.nonRilevato');
  }
}

/** The scale's end for these grado values (percent): see OVERVIEW_MAX. */
export function overviewMax(values: readonly (number | null)[]): number {
  const highest = Math.max(100, ...values.map((v) => v ?? 0));
  return Math.min(Math.ceil(highest / OVERVIEW_STEP) * OVERVIEW_STEP, OVERVIEW_MAX);
}

/** Data of the overview chart, in file order: one row per indicator, a bar or a mark in words. */
export function overviewChart(views: IndicatoreView[]): OverviewChart {
  const values = views.map((v) => (v.gradoPercent === null ? null : Math.round(v.gradoPercent * 10) / 10));
  const marks = views.map(overviewMark);
  const max = overviewMax(values);
  return {
    kind: 'overview',
    labels: views.map((v) => [`${v.id} · ${v.gradoText}`, t(`esito.${v.esito}`)]),
    values: values.map((v) => (v === null ? null : Math.min(v, max))),
    marks,
    markTexts: marks.map(overviewMarkText),
    esiti: views.map((v) => v.esito),
    max,
    targetLabel: t('chart.label.target'),
  };
}

/** True when the overview chart has something to draw (a bar or a mark): otherwise no canvas is emitted. */
export function overviewHasContent(chart: OverviewChart): boolean {
  return chart.marks.some((mark) => mark !== 'non rilevato');
}

export interface IndicatorChart {
  kind: 'indicator';
  labels: string[];
  /** raggiunto of each year (storico, then the PEG year). */
  values: (number | null)[];
  valuesLabel: string;
  /** The PEG year's target, drawn as a line: a floor (crescente) or a ceiling (decrescente). */
  target: { value: number; label: string } | null;
  /** Tooltip text of each value, with its unit ("75 giorni"). */
  valueTexts: string[];
  /** What the axis writes after each tick number (unitSuffix). */
  unitSuffix: string;
}

/**
 * Years of the storico (ascending) then the PEG year, raggiunto for each; the target is a line, never a
 * bar, so a decrescente target (a ceiling) does not read as a result. Null when there is no past year:
 * the PEG year alone is already in words on the page, and a two-bar chart would repeat it.
 */
export function indicatorChart(indicatore: Indicatore, anno: number): IndicatorChart | null {
  if (indicatore.direzione === 'binario') return null;
  const years = Object.keys(indicatore.storico)
    .map(Number)
    .filter((year) => year !== anno)
    .sort((a, b) => a - b);
  if (years.length === 0) return null;
  const values = [...years.map((year) => indicatore.storico[String(year)] ?? null), indicatore.valore_raggiunto];
  if (values.every((v) => v === null)) return null;
  const atteso = indicatore.valore_atteso;
  return {
    kind: 'indicator',
    labels: [...years.map(String), String(anno)],
    values,
    valuesLabel: t('indicator.raggiunto'),
    target:
      atteso === null
        ? null
        : {
            value: atteso,
            label: t(indicatore.direzione === 'decrescente' ? 'chart.target.massimo' : 'chart.target.atteso', {
              valore: formatValore(indicatore, atteso),
              anno,
            }),
          },
    valueTexts: values.map((v) => formatValore(indicatore, v)),
    unitSuffix: unitSuffix(indicatore.unita_di_misura),
  };
}

/** One sentence on what the indicator chart shows. */
export function indicatorSummary(indicatore: Indicatore, anno: number): string {
  const attesoValue = formatValore(indicatore, indicatore.valore_atteso);
  const atteso =
    indicatore.direzione === 'decrescente' && indicatore.valore_atteso !== null
      ? t('indicator.atteso.massimo', { valore: attesoValue })
      : attesoValue;
  const raggiunto = formatValore(indicatore, indicatore.valore_raggiunto);
  const storico = storicoText(indicatore, anno);
  return storico !== null
    ? t('chart.indicator.summaryStorico', { atteso, raggiunto, anno, storico })
    : t('chart.indicator.summary', { atteso, raggiunto, anno });
}

/** Past years in words, ascending: "2018 110, 2019 92"; null without any. */
export function storicoText(indicatore: Indicatore, anno: number): string | null {
  const storico = Object.entries(indicatore.storico)
    .filter(([year]) => Number(year) !== anno)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([year, value]) => `${year} ${formatValore(indicatore, value)}`);
  return storico.length > 0 ? storico.join(', ') : null;
}
