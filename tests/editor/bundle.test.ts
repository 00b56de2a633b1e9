import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editorBundle } from '../../src/lib/editor/bundle';
import { tempCacheDir } from '../support/temp';

describe('editor script (/admin/cms.js)', () => {
  const cacheDir = tempCacheDir('peg-editor-bundle-', 'block');
  const stored = () =>
    readdirSync(join(cacheDir(), 'editor-bundle')).map((name) => join(cacheDir(), 'editor-bundle', name));

  it('is bundled once with its configuration, then served from the cache', async () => {
    const first = await editorBundle({ backend: { name: 'primo' } });
    expect(first).toContain('primo');
    expect(first.length).toBeGreaterThan(1_000_000); // Decap CMS itself, not a stub
    expect(stored()).toHaveLength(1);
    // What the cache holds is what is served: a marked entry comes back as it is.
    writeFileSync(stored()[0]!, `${first}\n// dalla cache`);
    expect(await editorBundle({ backend: { name: 'primo' } })).toBe(`${first}\n// dalla cache`);
  });

  it('is bundled again when the configuration changes', async () => {
    const second = await editorBundle({ backend: { name: 'secondo' } });
    expect(second).toContain('secondo');
    expect(second).not.toContain('primo');
    expect(stored()).toHaveLength(2);
  });
});
