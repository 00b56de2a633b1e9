import { getCollection } from 'astro:content';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { DupSchema, type Dup } from '../../schemas/dup';
import { EnteSchema, type Ente } from '../../schemas/ente';
import { loadPerformance, type PerformanceContent } from './load';
import { byCodice, objectivePage, type ObiettivoPage } from './pages';

export type { ObiettivoPage };

/**
 * Query-once access to the content for pages: every page asks here, nothing calls getCollection
 * in a loop (at thousands of pages that is what makes builds slow).
 */

export const contentDir = process.env.PEG_CONTENT_DIR ?? './content';

let cache: Promise<{ ente: Ente; dup: Dup; obiettivi: ObiettivoPage[]; performance: PerformanceContent }> | undefined;

async function loadAll() {
  const ente = EnteSchema.parse(loadYaml(readFileSync(join(contentDir, 'ente.yaml'), 'utf8')));
  const dup = DupSchema.parse(loadYaml(readFileSync(join(contentDir, 'dup.yaml'), 'utf8')));
  const entries = await getCollection('obiettivi');
  const obiettivi = entries
    .map((entry) => objectivePage({ data: entry.data, body: entry.body ?? '', filePath: entry.filePath ?? '' }))
    .sort(byCodice);
  return { ente, dup, obiettivi, performance: loadPerformance(contentDir) };
}

/** The whole content, loaded once per build. */
export function getContent() {
  cache ??= loadAll();
  return cache;
}

/**
 * getStaticPaths of every per-objective route (/obiettivi/<anno>/<slug>/ and the files under it),
 * so the page and its share image can never disagree on which objectives exist.
 */
export async function objectivePaths() {
  const { obiettivi } = await getContent();
  return obiettivi.map((obiettivo) => ({
    params: { anno: String(obiettivo.data.anno), slug: obiettivo.slug },
    props: { obiettivo },
  }));
}
