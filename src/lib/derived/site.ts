import { contentDir, getContent, type ObiettivoPage } from '../content/collection';
import { historyIndex } from './git/history';
import { buildIndexes, type Indexes } from './indexes';
import { updatedDate } from './updated';

/**
 * Build-once data derived from getContent() for the pages: the indexes of src/lib/derived/indexes.ts and
 * last-update dates. Like getContent, each is computed once per build.
 */
let indexes: Promise<Indexes<ObiettivoPage>> | undefined;

export function getIndexes(): Promise<Indexes<ObiettivoPage>> {
  indexes ??= getContent().then(({ obiettivi, dup }) => buildIndexes(obiettivi, dup));
  return indexes;
}

/** Last-update date (git: last change of its data) of an objective page. */
export function updatedOf(page: ObiettivoPage): string {
  return updatedDate(historyIndex(contentDir), page);
}
