import { join } from 'node:path';
import type { Obiettivo } from '../../schemas/obiettivo';
import { slugFromCodice } from '../derived/slugs';
import { objectiveUrl } from '../routes';
import { toContentPath, type Content } from './load';

/**
 * An objective as pages and open data see it, whichever reader loaded it: Astro's collection for the
 * pages (collection.ts), loadContent for the open-data files written after the pages (outputs/opendata/files.ts).
 */
export interface ObiettivoPage {
  data: Obiettivo;
  body: string;
  /** Path of the source file relative to the repository root. */
  filePath: string;
  slug: string;
  /** Canonical path (docs/contract.md §3): /obiettivi/<anno>/<slug>/ */
  url: string;
}

export function objectivePage(entry: { data: Obiettivo; body: string; filePath: string }): ObiettivoPage {
  return { ...entry, slug: slugFromCodice(entry.data.codice), url: objectiveUrl(entry.data) };
}

/** Every list of objectives is in codice order, so every build writes them in the same order. */
export function byCodice(a: ObiettivoPage, b: ObiettivoPage): number {
  return a.data.codice.localeCompare(b.data.codice);
}

/** The objectives of loadContent() as pages, with the same filePath as the collection's loader gives. */
export function objectivePages(content: Content, contentDir: string): ObiettivoPage[] {
  return content.obiettivi
    .map(({ file, data, body }) =>
      objectivePage({ data, body, filePath: toContentPath(process.cwd(), join(contentDir, file)) }),
    )
    .sort(byCodice);
}
