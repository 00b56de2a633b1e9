import { resolve } from 'node:path';
import { loadContent, type Content } from './load';

/**
 * One read of content/ for the integrations that run after `astro build`'s pages (open data, share
 * images): each used to call loadContent itself, ≈1–2 CPU s apiece at 1,000 objectives
 * (docs/benchmarks.md). Each integration opens the memo at `astro:build:start` and closes it when its
 * `astro:build:done` is over; the last close drops it, whatever order Astro runs the hooks in. content/
 * does not change during a build (the build validates it first). Outside a build (`astro dev`, tests)
 * nothing is open and every call reads afresh, so the dev server always sees the editor's last save.
 * Callers must not mutate the shared result.
 */
let open = 0;
const memo = new Map<string, Content>();

export function openBuildRead(): void {
  open += 1;
}

export function closeBuildRead(): void {
  open = Math.max(0, open - 1);
  if (open === 0) memo.clear();
}

/** loadContent, read once per content folder while a build holds the memo open. */
export function loadContentForBuild(contentDir: string): Content {
  if (open === 0) return loadContent(contentDir);
  const key = resolve(contentDir);
  let content = memo.get(key);
  if (!content) {
    content = loadContent(contentDir);
    memo.set(key, content);
  }
  return content;
}
