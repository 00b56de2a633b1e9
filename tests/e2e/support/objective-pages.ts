import { resolve } from 'node:path';
import { loadContent } from '../../../src/lib/content/load';
import { indicatorChart, indicatoreView, overviewChart, overviewHasContent } from '../../../src/lib/view/indicatore';
import { slugFromCodice } from '../../../src/lib/derived/slugs';

/** Every objective of a content folder with its page path and the texts its page must show. */
export function objectivePages(contentDir: string) {
  const content = loadContent(resolve(contentDir));
  return content.obiettivi.map(({ data }) => ({
    codice: data.codice,
    /** Canvases the page must draw: the overview when it has a bar or mark, one per indicator with past years. */
    canvases:
      (data.indicatori.length > 0 &&
      overviewHasContent(overviewChart(data.indicatori.map((i) => indicatoreView(i, content.ente.soglie_esito))))
        ? 1
        : 0) + data.indicatori.filter((i) => indicatorChart(i, data.anno) !== null).length,
    /** Chart figures (each with its data table): the overview, and one per indicator with past years. */
    figures:
      (data.indicatori.length > 0 ? 1 : 0) +
      data.indicatori.filter((i) => indicatorChart(i, data.anno) !== null).length,
    path: `/obiettivi/${data.anno}/${slugFromCodice(data.codice)}/`,
    fasi: data.fasi.map((f) => ({ id: f.id, titolo: f.titolo })),
    indicatori: data.indicatori.map((i) => ({
      id: i.id,
      descrizione: i.descrizione,
      binario: i.direzione === 'binario',
    })),
  }));
}

/** Whitespace-insensitive comparison: the page wraps long titles, content files may too. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
