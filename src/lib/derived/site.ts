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

/** getStaticPaths of the pages of each centro di responsabilità or each person: the group is the page's prop. */
export async function groupPaths<S extends 'centri' | 'persone'>(section: S) {
  const groups: Indexes<ObiettivoPage>[S] = (await getIndexes())[section];
  return groups.map((group: Indexes<ObiettivoPage>[S][number]) => ({ params: { slug: group.slug }, props: { group } }));
}

/** Last-update date (git: last change of its data) of an objective page. */
export function updatedOf(page: ObiettivoPage): string {
  return updatedDate(historyIndex(contentDir), page);
}
