import { getContent, type ObiettivoPage } from './content';
import { buildIndexes, type Indexes } from './lib/queries';

/** The indexes of src/lib/queries.ts over getContent(), built once per build like the content itself. */
let cache: Promise<Indexes<ObiettivoPage>> | undefined;

export function getIndexes(): Promise<Indexes<ObiettivoPage>> {
  cache ??= getContent().then(({ obiettivi, dup }) => buildIndexes(obiettivi, dup));
  return cache;
}
