import type { Ente } from '../../../schemas/ente';
import type { Obiettivo } from '../../../schemas/obiettivo';
import { avanzamentoPonderato, coperturaAvanzamento, countEsiti, ESITI, type Esito } from '../../derived/metrics';
import { avanzamentoParts, coverageText } from '../../view/format';

/**
 * What a share image shows, already worded: the renderer only lays it out. A card holds exactly
 * the inputs that shape the picture, so it doubles as the cache key; editing a fase's title or the
 * objective's text changes no card and redoes no image.
 */
export interface ShareCard {
  /** Ente name, in the coloured band. */
  publisher: string;
  /** ente.yaml colore_primario. */
  color: string;
  /** Short tag at the right of the band, e.g. "PEG 2020". */
  badge: string;
  /** Line above the title, e.g. the objective's code. */
  kicker: string;
  title: string;
  /** Text under the title (centro di responsabilità) with an optional label above it, or null. */
  subtitle: { label: string | null; text: string } | null;
  /** Big numbers with their caption. */
  figures: { value: string; label: string }[];
  /** Indicators by esito, in the order of ESITI, zero counts left out. */
  outcomes: { esito: Esito; count: number; text: string }[];
  /** Caption of the outcomes, e.g. "8 indicatori", or null when there are none to show. */
  outcomesLabel: string | null;
}

// UI strings of the image. TODO(lead): move to src/i18n/it.json under `share.*` once it is merged.
const ESITO_TEXT: Record<Esito, [one: string, other: string]> = {
  raggiunto: ['raggiunto', 'raggiunti'],
  'parzialmente raggiunto': ['parzialmente', 'parzialmente'],
  'non raggiunto': ['non raggiunto', 'non raggiunti'],
  'non rilevato': ['non rilevato', 'non rilevati'],
  'da verificare': ['da verificare', 'da verificare'],
};
const count = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

/** The card of one objective: code, title, centro di responsabilità, avanzamento and esiti. */
export function objectiveCard(
  obiettivo: Obiettivo,
  ente: Pick<Ente, 'nome' | 'colore_primario' | 'soglie_esito'>,
): ShareCard {
  const avanzamento = avanzamentoPonderato(obiettivo.fasi);
  const parts = avanzamentoParts(avanzamento, coperturaAvanzamento(obiettivo.fasi));
  const coverage = coverageText(parts);
  const tally = countEsiti(obiettivo.indicatori, ente.soglie_esito);
  const outcomes = ESITI.filter((esito) => tally[esito] > 0).map((esito) => {
    const n = tally[esito];
    return { esito, count: n, text: count(n, ...ESITO_TEXT[esito]) };
  });
  const total = obiettivo.indicatori.length;
  return {
    publisher: ente.nome,
    color: ente.colore_primario,
    badge: `PEG ${obiettivo.anno}`,
    kicker: `Obiettivo ${obiettivo.codice}`,
    title: obiettivo.titolo,
    subtitle: { label: 'Centro di responsabilità', text: obiettivo.centro_di_responsabilita },
    figures: [
      {
        value: avanzamento === null ? 'n.d.' : parts.figure,
        // A 100% resting on part of the weight says so on the image too.
        label:
          avanzamento === null
            ? 'avanzamento non rilevato'
            : coverage === ''
              ? 'avanzamento ponderato'
              : `avanzamento ${parts.sulPeso ? '' : 'ponderato; '}${coverage}`,
      },
    ],
    outcomes,
    outcomesLabel: total === 0 ? 'nessun indicatore' : count(total, 'indicatore', 'indicatori'),
  };
}

/** The site-wide card for pages that are not an objective: ente, "Obiettivi di PEG", years published. */
export function siteCard(
  ente: Pick<Ente, 'nome' | 'colore_primario'>,
  obiettivi: Pick<Obiettivo, 'anno'>[],
): ShareCard {
  const years = [...new Set(obiettivi.map((o) => o.anno))].sort((a, b) => a - b);
  const first = years[0];
  const last = years.at(-1);
  // A dash claims every year in between: use it only when that is true or the list would not fit.
  const span =
    first === undefined || last === undefined
      ? '–'
      : last - first === years.length - 1 || years.length > 3
        ? years.length === 1
          ? `${first}`
          : `${first}–${last}`
        : years.join(', ');
  return {
    publisher: ente.nome,
    color: ente.colore_primario,
    badge: 'Amministrazione trasparente',
    kicker: 'Piano esecutivo di gestione',
    title: 'Obiettivi di PEG',
    subtitle: { label: null, text: 'Obiettivi, fasi e indicatori dell’ente, con i risultati raggiunti' },
    figures: [
      { value: span, label: years.length === 1 ? 'anno pubblicato' : 'anni pubblicati' },
      { value: String(obiettivi.length), label: obiettivi.length === 1 ? 'obiettivo' : 'obiettivi' },
    ],
    outcomes: [],
    outcomesLabel: null,
  };
}

/**
 * The image's content as one sentence, for og:image:alt and twitter:image:alt: people who cannot
 * see the preview get the same figures.
 */
export function shareImageAlt(card: ShareCard): string {
  const listed = card.figures.map((f) => `${f.label}: ${f.value}`).join(', ');
  const figures = listed.charAt(0).toUpperCase() + listed.slice(1);
  const outcomes = card.outcomes.length > 0 ? `: ${card.outcomes.map((o) => o.text).join(', ')}` : '';
  const indicators = card.outcomesLabel === null ? '' : `; ${card.outcomesLabel}${outcomes}`;
  return `${card.publisher}, ${card.badge}. ${card.kicker}: ${card.title}. ${figures}${indicators}.`;
}
