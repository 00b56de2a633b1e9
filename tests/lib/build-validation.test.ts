import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startValidation } from '../../src/lib/build/validation';
import { forkModule } from '../../src/lib/build/workers';
import { loadContent } from '../../src/lib/content/load';
import { buildIndexes } from '../../src/lib/derived/indexes';
import { editorBundleFor } from '../../src/lib/editor/bundle';
import { generateContent } from '../../src/lib/dev/generate';
import { readValidated } from '../../src/lib/content/validated';
import { cacheFile } from '../../src/lib/outputs/cache';
import { shareImages } from '../../src/lib/outputs/share-image/images';
import { SHARE_IMAGE_CACHE, shareImageKey } from '../../src/lib/outputs/share-image/index';
import { runValidate } from '../../src/lib/validate/cli';
import { fixture } from '../support/fixtures';
import { tempDir } from '../support/temp';

/** The step on `dir` with a cache folder of its own; what it reports, and that folder. */
async function run(dir: string, file = join(tempDir(), 'obiettivi.v8')) {
  const cache = tempDir('peg-cache-');
  const step = startValidation(dir, file, { ...process.env, PEG_CACHE_DIR: cache });
  const validation = await step.validation.catch((error: Error) => error);
  return { validation, images: await step.images, cache, file };
}

describe('the build’s first step, in a child process', () => {
  it('prints what npm run validate prints, leaves the validator’s parse and renders the missing share images', async () => {
    const dir = 'tests/fixtures/content/multi-year';
    const inProcess = await runValidate([], { PEG_CONTENT_DIR: dir }, { keepData: true });
    const { validation, images, cache, file } = await run(dir);
    expect(validation).toEqual({ stdout: inProcess.stdout, exitCode: 0, obiettivi: inProcess.report.obiettivi });
    const handed = readValidated(file);
    expect(handed?.size).toBeGreaterThan(0);
    expect(handed).toEqual(inProcess.report.validated);

    // Exactly the images Astro's integration lists from the pages' read of content/: it finds them all cached.
    const expected = shareImages(loadContent(dir));
    expect(images).toEqual({ images: expected.length, workers: expect.any(Number) });
    vi.stubEnv('PEG_CACHE_DIR', cache);
    try {
      for (const { card } of expected)
        expect(
          existsSync(await cacheFile(SHARE_IMAGE_CACHE.namespace, shareImageKey(card), SHARE_IMAGE_CACHE.options)),
        ).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(
      readdirSync(join(cache, SHARE_IMAGE_CACHE.namespace), { recursive: true }).filter((f) =>
        String(f).endsWith('.png'),
      ),
    ).toHaveLength(expected.length);
  });

  it('bundles the editor’s script that /admin/cms.js will ask for, so Astro finds it cached', async () => {
    const dir = 'tests/fixtures/content/multi-year';
    const { images, cache } = await run(dir);
    expect(images).not.toHaveProperty('editorError');
    const bundles = () => readdirSync(join(cache, 'editor-bundle'));
    expect(bundles()).toHaveLength(1);
    // The endpoint's inputs, as Astro's pages read them: the same cache entry, nothing bundled again.
    const content = loadContent(dir);
    const { anni } = buildIndexes(
      content.obiettivi.map((o) => ({ ...o, url: '' })),
      content.dup,
    );
    expect(anni.length).toBeGreaterThan(1);
    vi.stubEnv('PEG_CACHE_DIR', cache);
    try {
      const served = await editorBundleFor(content.ente, anni, true);
      expect(served).toBe(readFileSync(join(cache, 'editor-bundle', bundles()[0]!), 'utf8'));
      expect(bundles()).toHaveLength(1);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('reports an editor’s errors with exit code 1, and leaves no data and renders no image', async () => {
    const { dir } = await fixture('codice-duplicato');
    const inProcess = await runValidate([], { PEG_CONTENT_DIR: dir });
    expect(inProcess.exitCode).toBe(1);
    const { validation, images, cache, file } = await run(dir);
    expect(validation).toEqual({ stdout: inProcess.stdout, exitCode: 1, obiettivi: inProcess.report.obiettivi });
    expect(images).toBeUndefined();
    expect(existsSync(file)).toBe(false);
    expect(existsSync(join(cache, SHARE_IMAGE_CACHE.namespace))).toBe(false);
  });

  it('stops rendering images when the build that started it is gone', async () => {
    // Sixty objectives: their images take the child seconds, the end of the channel reaches it at once.
    const dir = tempDir('peg-content-');
    for (const file of generateContent({ count: 60 })) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.text);
    }
    const cache = tempDir('peg-cache-');
    // The child as the build starts it; the test plays the build, which dies once validation has answered.
    const child = forkModule(
      new URL('../../src/lib/build/validation.ts', import.meta.url).href,
      'validation-child',
      [dir, join(tempDir(), 'obiettivi.v8')],
      { env: { ...process.env, PEG_CACHE_DIR: cache }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
    );
    const messages: unknown[] = [];
    child.on('message', (message) => {
      messages.push(message);
      if (messages.length === 1) child.disconnect();
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(messages).toEqual([expect.objectContaining({ exitCode: 0, obiettivi: 60 })]);
    expect(code).toBe(1);
    const rendered = existsSync(join(cache, SHARE_IMAGE_CACHE.namespace))
      ? readdirSync(join(cache, SHARE_IMAGE_CACHE.namespace), { recursive: true }).filter((f) =>
          String(f).endsWith('.png'),
        ).length
      : 0;
    expect(rendered).toBeLessThan(shareImages(loadContent(dir)).length);
  });

  it('fails with the child’s error when it cannot finish', async () => {
    const file = join(tempDir(), 'cartella-sparita', 'obiettivi.v8');
    const { validation, images } = await run('tests/fixtures/content/valido', file);
    expect(validation).toBeInstanceOf(Error);
    expect((validation as Error).message).toMatch(/ENOENT.*cartella-sparita/);
    expect(images).toBeUndefined();
  });
});
