import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import type { Loader } from 'astro/loaders';
import { listObiettivoFiles, matterOptions, toContentPath } from '../lib/content/load';

/**
 * Loads content/obiettivi/<anno>/<slug>.md with our own YAML settings instead of Astro's glob loader,
 * so the collection sees exactly what the validator saw (dates stay ISO strings, one YAML parser).
 * Entries are keyed by codice; unchanged files (same digest) are not parsed again.
 */
export function obiettiviLoader({ contentDir }: { contentDir: string }): Loader {
  return {
    name: 'peg-obiettivi',
    async load({ store, parseData, generateDigest }) {
      const seen = new Set<string>();
      for (const path of listObiettivoFiles(contentDir)) {
        const source = readFileSync(path, 'utf8');
        const parsed = matter(source, matterOptions);
        const raw = parsed.data as Record<string, unknown>;
        const id = String(raw.codice ?? toContentPath(contentDir, path));
        seen.add(id);
        const digest = generateDigest(source);
        if (store.get(id)?.digest === digest) continue;
        const data = await parseData({ id, data: raw, filePath: path });
        store.set({ id, data, body: parsed.content, filePath: toContentPath(process.cwd(), path), digest });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
    },
  };
}
