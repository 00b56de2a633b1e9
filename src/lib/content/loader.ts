import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import type { Loader } from 'astro/loaders';
import { listObiettivoFiles, matterOptions, toContentPath } from './load';

/**
 * Loads content/obiettivi/<anno>/<slug>.md with our own YAML settings instead of Astro's glob loader,
 * so the collection sees exactly what the validator saw (dates stay ISO strings, one YAML parser).
 * Entries are keyed by codice; unchanged files (same path and digest) are not parsed again.
 */
export function obiettiviLoader({ contentDir }: { contentDir: string }): Loader {
  return {
    name: 'peg-obiettivi',
    async load({ store, parseData, generateDigest }) {
      // Entries are keyed by codice, which is inside the YAML; finding an unchanged file's entry by path
      // and digest skips the YAML parse too, the largest cost of a warm build at 10,000 objectives.
      const byPath = new Map(store.values().map((entry) => [entry.filePath, entry]));
      const seen = new Set<string>();
      for (const path of listObiettivoFiles(contentDir)) {
        const source = readFileSync(path, 'utf8');
        const filePath = toContentPath(process.cwd(), path);
        const digest = generateDigest(source);
        const cached = byPath.get(filePath);
        if (cached?.digest === digest) {
          seen.add(cached.id);
          continue;
        }
        const parsed = matter(source, matterOptions);
        const raw = parsed.data as Record<string, unknown>;
        const id = String(raw.codice ?? toContentPath(contentDir, path));
        seen.add(id);
        const data = await parseData({ id, data: raw, filePath: path });
        store.set({ id, data, body: parsed.content, filePath, digest });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
    },
  };
}
