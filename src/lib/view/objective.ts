import type { Dup } from '../../schemas/dup';
import type { Ente } from '../../schemas/ente';
import type { Obiettivo } from '../../schemas/obiettivo';
import { dupChain, type DupLevel } from '../derived/dup';
import type { FileHistory, HistoryIndex } from '../derived/git/history';
import {
  avanzamentoPonderato,
  coperturaAvanzamento,
  countEsiti,
  statoIncoerente,
  type Esito,
} from '../derived/metrics';
import { objectiveCard, shareImageAlt } from '../outputs/share-image/card';
import { objectiveShareImageUrl, yearUrl } from '../routes';
import { trasparenzaTrail, type Crumb } from './breadcrumb';
import { raggiuntiText } from './esiti';
import { avanzamentoParts, coverageText, formatAvanzamento, formatDate, type AvanzamentoParts } from './format';
import { t } from './i18n';
import { indicatoreView, type IndicatoreView } from './indicatore';
import { renderMarkdown } from './markdown';

/** What the header of an objective page shows: computed once here, only rendered by ObjectiveHeader. */
export interface ObjectiveHeaderData {
  dupChain: DupLevel[];
  /** The avanzamento ponderato, one decimal, with the coverage phrase apart ("sul 81% del peso; …"). */
  avanzamento: AvanzamentoParts;
  coverage: string;
  /** How the figure was computed: "media pesata di 3 fasi" or "nessuna fase riporta l'avanzamento". */
  how: string;
  /** One line under the figure: how many indicators reached their target; null without indicators. */
  indicatorsLine: string | null;
  /** Why the stato written by the editor disagrees with the fasi; null when they agree. */
  statoNote: string | null;
}

/** Everything an objective page renders, shaped once (like Starlight's route data): components only render. */
export interface ObjectiveRouteData {
  obiettivo: Obiettivo;
  /** Canonical path and its absolute URL (copy-link buttons, citation). */
  path: string;
  pageUrl: string;
  title: string;
  description: string;
  breadcrumb: Crumb[];
  image: string;
  imageAlt: string;
  header: ObjectiveHeaderData;
  views: IndicatoreView[];
  counts: Record<Esito, number>;
  /** Date of the last change of the objective's data (git), or null. */
  updated: string | null;
  /** "Modifica su …" link to the file in the comune's repository, or null. */
  editUrl: string | null;
  citation: string;
  /** The narrative as HTML; '' when the body is empty. */
  narrative: string;
  /** The page's table of contents: only the sections that are on the page. */
  sections: { id: string; label: string }[];
  history: FileHistory;
  historyStatus: HistoryIndex['status'];
  /** Fase and indicator ids, so the change history links to the items still on the page. */
  ids: string[];
}

export interface ObjectivePageInput {
  data: Obiettivo;
  body: string;
  /** Source file relative to the repository root. */
  filePath: string;
  url: string;
}

function statoNote(o: Obiettivo): string | null {
  const incoerente = statoIncoerente(o.stato, o.fasi);
  if (incoerente === null || o.stato === null) return null;
  if (incoerente.tipo === 'concluso')
    return t('objective.stato.concluso', { stato: o.stato, count: incoerente.fasiIncomplete });
  return incoerente.fasiSenzaDato === 0
    ? t('objective.stato.completo', { stato: o.stato })
    : t('objective.stato.completoParziale', { stato: o.stato, count: incoerente.fasiSenzaDato });
}

/** The route data of /obiettivi/<anno>/<slug>/: the page asks once, its components receive parts of it. */
export function objectiveRouteData(
  page: ObjectivePageInput,
  { ente, dup, site, history }: { ente: Ente; dup: Dup; site: URL | string; history: HistoryIndex },
): ObjectiveRouteData {
  const o = page.data;
  const views = o.indicatori.map((indicatore) => indicatoreView(indicatore, ente.soglie_esito));
  const counts = countEsiti(o.indicatori, ente.soglie_esito);
  const avanzamento = avanzamentoPonderato(o.fasi);
  const copertura = coperturaAvanzamento(o.fasi);
  const parts = avanzamentoParts(avanzamento, copertura, 1);
  // "Ultimo aggiornamento": the last change of this objective's data, not of its file's formatting.
  const updated = history.lastChange(page.filePath);
  const narrative = page.body.trim() === '' ? '' : renderMarkdown(page.body);
  const measured = o.fasi.filter((f) => f.avanzamento !== null).length;
  const sections = [
    { id: 'indicatori', label: t('section.indicatori'), show: true },
    { id: 'fasi', label: t('section.fasi'), show: true },
    { id: 'attuazione', label: t('section.attuazione'), show: narrative !== '' },
    { id: 'soggetti', label: t('section.soggetti'), show: o.soggetti_coinvolti.length > 0 },
    { id: 'storico-modifiche', label: t('storico.title'), show: true },
    { id: 'citare', label: t('section.press'), show: true },
  ];
  return {
    obiettivo: o,
    path: page.url,
    pageUrl: new URL(page.url, site).href,
    title: t('objective.pageTitle', { codice: o.codice, titolo: o.titolo, ente: ente.nome }),
    description: t('objective.description', {
      anno: o.anno,
      codice: o.codice,
      ente: ente.nome,
      titolo: o.titolo,
      avanzamento: formatAvanzamento(avanzamento, copertura),
    }),
    breadcrumb: [
      ...trasparenzaTrail(ente),
      { label: t('breadcrumb.obiettiviAnno', { anno: o.anno }), href: yearUrl(o.anno) },
      { label: o.codice },
    ],
    image: objectiveShareImageUrl(o),
    imageAlt: shareImageAlt(objectiveCard(o, ente)),
    header: {
      dupChain: dupChain(dup, o.dup),
      avanzamento: parts,
      coverage: coverageText(parts),
      how:
        avanzamento === null ? t('objective.avanzamento.howNone') : t('objective.avanzamento.how', { count: measured }),
      indicatorsLine: views.length > 0 ? raggiuntiText(counts, views.length) : null,
      statoNote: statoNote(o),
    },
    views,
    counts,
    updated,
    editUrl:
      ente.repository && page.filePath && !page.filePath.startsWith('..')
        ? `${ente.repository.url}/edit/${ente.repository.ramo}/${page.filePath}`
        : null,
    citation: updated
      ? t('press.citationText', { ente: ente.nome, anno: o.anno, codice: o.codice, data: formatDate(updated) })
      : t('press.citationNoDate', { ente: ente.nome, anno: o.anno, codice: o.codice }),
    narrative,
    sections: sections.filter((s) => s.show).map(({ id, label }) => ({ id, label })),
    history: history.get(page.filePath),
    historyStatus: history.status,
    ids: [...o.fasi.map((f) => f.id), ...o.indicatori.map((i) => i.id)],
  };
}
