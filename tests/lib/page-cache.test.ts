import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { beginIncrementalBuild, endIncrementalBuild } from '../../src/lib/build/incremental';
import { codeDigest } from '../../src/lib/outputs/code-digest';
import { tempDir } from '../support/temp';

const PAGE = 'src/pages/obiettivi/[anno]/[slug]/index.astro';

/** The .astro files a page renders: the page, its layout and every component they import, recursively. */
function astroTree(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^import\s[^'"]*['"](\.[^'"]+\.astro)['"]/gm)) {
      visit(resolve(dirname(file), spec!));
    }
  };
  visit(resolve(entry));
  return [...seen].map((file) => relative(process.cwd(), file)).sort();
}

// Whole-site data: content of every objective, indexes over them, git history. A page reads it only through these.
const SITE_DATA = /\b(getContent|getIndexes|getOpenData|historyIndex|updatedOf|getCollection|getEntry|loadContent)\(/;

/** Every line of the page's .astro tree that reads whole-site data, as `file: line`. */
function siteDataReads(page: string): string[] {
  return astroTree(page).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => SITE_DATA.test(line))
      .map((line) => `${file}: ${line.trim()}`),
  );
}

describe('page cache keys', () => {
  it('covers every read of whole-site data on the page (update page-cache.ts, then this list)', () => {
    const reads = siteDataReads(PAGE);
    // Each line is keyed in src/lib/outputs/page-cache.ts: ente and dup whole, the objective's own entry and
    // history, latestYear(obiettivi) for the menu, and the office/person labels PagefindFilters looks up.
    expect(reads).toEqual([
      'src/components/PagefindFilters.astro: const { centroPerSlug, personaPerSlug } = await getIndexes();',
      'src/components/SiteFooter.astro: const { ente } = await getContent();',
      'src/components/SiteHeader.astro: const { ente, obiettivi } = await getContent();',
      'src/layouts/Base.astro: const { ente } = await getContent();',
      `${PAGE}: const { ente, dup } = await getContent();`,
      `${PAGE}: history: historyIndex(contentDir),`,
    ]);
  });

  it('covers every read of whole-site data on the yearly Relazione page', () => {
    const relazione = 'src/pages/performance/relazione/[anno]/index.astro';
    // Keyed in relazionePagePaths: the site key (ente, dup, latest year for the menu), the year's objectives
    // (its props) whole and content/performance/ whole.
    expect(siteDataReads(relazione)).toEqual([
      'src/components/SiteFooter.astro: const { ente } = await getContent();',
      'src/components/SiteHeader.astro: const { ente, obiettivi } = await getContent();',
      'src/layouts/Base.astro: const { ente } = await getContent();',
      `${relazione}: const { ente, performance } = await getContent();`,
    ]);
  });

  it('changes the code digest when any file under src/ or astro.config.mjs changes, or a file is added', () => {
    const root = tempDir('peg-code-');
    mkdirSync(join(root, 'src', 'i18n'), { recursive: true });
    writeFileSync(join(root, 'src', 'i18n', 'it.json'), '{"a":"uno"}');
    writeFileSync(join(root, 'astro.config.mjs'), 'export default {};');
    const first = codeDigest(root, { fresh: true });
    expect(codeDigest(root, { fresh: true })).toBe(first);

    writeFileSync(join(root, 'src', 'i18n', 'it.json'), '{"a":"due"}');
    const second = codeDigest(root, { fresh: true });
    expect(second).not.toBe(first);

    writeFileSync(join(root, 'astro.config.mjs'), 'export default { site: "x" };');
    const third = codeDigest(root, { fresh: true });
    expect(third).not.toBe(second);

    writeFileSync(join(root, 'src', 'new.ts'), '');
    expect(codeDigest(root, { fresh: true })).not.toBe(third);
  });
});

describe('incremental build marker', () => {
  it('keeps the manifest after a build that finished, and discards it after one that did not', () => {
    const env = { PEG_CACHE_DIR: tempDir('peg-astro-cache-') };
    const manifest = join(env.PEG_CACHE_DIR, 'incremental-build.json');

    beginIncrementalBuild(env);
    writeFileSync(manifest, '{}');
    endIncrementalBuild(env);
    beginIncrementalBuild(env);
    expect(existsSync(manifest)).toBe(true);

    // That build never reached endIncrementalBuild (killed, or astro build failed): its copies may be newer than its keys.
    beginIncrementalBuild(env);
    expect(existsSync(manifest)).toBe(false);
  });
});
