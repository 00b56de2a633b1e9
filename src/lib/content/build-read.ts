import { resolve } from 'node:path';
import { loadContent, type Content } from './load';
import { readValidated, VALIDATED_FILE_ENV } from './validated';

/**
 * One read of content/ per `astro build`, shared by the pages (collection.ts) and the integrations that
 * run after them (open data, share images). Each integration opens the memo at `astro:build:start` and
 * closes it when its `astro:build:done` is over; the last close drops it, whatever order Astro runs the
 * hooks in. content/ does not change during a build (the build validates it first). Outside a build
 * (`astro dev`, tests) nothing is open and every call reads afresh, so the dev server always sees the
 * editor's last save. Callers must not mutate the shared result.
 *
 * The state lives on globalThis: the integrations run this module as loaded by the Astro config, the pages
 * run the copy bundled into the prerender chunks, and both must see the same memo.
 */
interface BuildRead {
  open: number;
  memo: Map<string, Content>;
}

const KEY = Symbol.for('peg-aperto.build-read');

function state(): BuildRead {
  const global = globalThis as { [KEY]?: BuildRead };
  return (global[KEY] ??= { open: 0, memo: new Map() });
}

export function openBuildRead(): void {
  state().open += 1;
}

export function closeBuildRead(): void {
  const read = state();
  read.open = Math.max(0, read.open - 1);
  if (read.open === 0) read.memo.clear();
}

/**
 * loadContent, read once per content folder while a build holds the memo open. Under `npm run build`,
 * objectives whose front matter is as the validator parsed it are taken from its parse (validated.ts).
 */
export function loadContentForBuild(contentDir: string): Content {
  const { open, memo } = state();
  if (open === 0) return loadContent(contentDir);
  const key = resolve(contentDir);
  let content = memo.get(key);
  if (!content) {
    content = loadContent(contentDir, readValidated(process.env[VALIDATED_FILE_ENV]));
    memo.set(key, content);
  }
  return content;
}
