import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOpenDataInChild } from '../../src/lib/build/opendata';
import { writeOpenData } from '../../src/lib/outputs/opendata/integration';
import { tempCacheDir, tempDir } from '../support/temp';

/**
 * A large site's open data, written by a child process after `astro build`: the same files, byte for byte,
 * as Astro's process writes, and an Italian error when they cannot be written.
 */

const folder = 'tests/fixtures/content/multi-year';

/** Every file below `dir`, as relative path → bytes. */
function files(dir: string): Map<string, Buffer> {
  const paths = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
  return new Map(paths.map((path) => [path, readFileSync(join(dir, path))]));
}

describe('open data written after Astro, in a child process', () => {
  const cacheDir = tempCacheDir('peg-opendata-child-');

  it('writes the files Astro’s process writes, byte for byte', async () => {
    const inProcess = tempDir('peg-site-');
    const count = await writeOpenData(inProcess, folder);
    const child = tempDir('peg-site-');
    // A cache of its own: the child must make every file, not copy the ones just written.
    const written = await writeOpenDataInChild(child, folder, { ...process.env, PEG_CACHE_DIR: tempDir('peg-cache-') });
    expect(written).toBe(count);
    const expected = files(inProcess);
    expect(expected.size).toBe(count);
    expect([...files(child).keys()]).toEqual([...expected.keys()]);
    for (const [path, bytes] of files(child)) expect(bytes.equals(expected.get(path)!), path).toBe(true);
  });

  it('rejects in Italian when the files cannot be written, and says why', async () => {
    const site = tempDir('peg-site-');
    // A file where the opendata folder must go.
    writeFileSync(join(site, 'opendata'), '');
    await expect(writeOpenDataInChild(site, folder, { ...process.env, PEG_CACHE_DIR: cacheDir() })).rejects.toThrow(
      /^dati aperti non scritti: .*opendata/,
    );
  });
});
