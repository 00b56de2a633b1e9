import { resolve } from 'node:path';
import { loadContent } from '../../../src/lib/content/load';
import { slugFromCodice } from '../../../src/schemas/obiettivo';

/** Every objective of a content folder with its page path and the texts its page must show. */
export function objectivePages(contentDir: string) {
  return loadContent(resolve(contentDir)).obiettivi.map(({ data }) => ({
    codice: data.codice,
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
