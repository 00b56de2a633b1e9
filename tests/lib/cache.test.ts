import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  cached,
  cacheFile,
  cacheKey,
  MAX_AGE_DAYS,
  placeCached,
  placeCachedDir,
  storeCached,
  storeCachedDir,
} from '../../src/lib/outputs/cache';
import { tempCacheDir } from '../support/temp';

const cacheDir = tempCacheDir('peg-cache-');
afterEach(() => {
  vi.restoreAllMocks();
});

const produceText = (text: string) => vi.fn(async () => Buffer.from(text));

describe('cached', () => {
  it('produces on a miss and serves the stored file on a hit without producing again', async () => {
    const first = produceText('uno');
    expect((await cached('prova', { titolo: 'A', v: 1 }, first, { ext: 'txt' })).toString()).toBe('uno');
    expect(first).toHaveBeenCalledTimes(1);

    const second = produceText('due');
    expect((await cached('prova', { titolo: 'A', v: 1 }, second, { ext: 'txt' })).toString()).toBe('uno');
    expect(second).not.toHaveBeenCalled();
  });

  it('produces again when any input or the producer version changes', async () => {
    await cached('prova', { titolo: 'A', v: 1 }, produceText('uno'), { ext: 'txt' });
    const changedInput = produceText('due');
    expect((await cached('prova', { titolo: 'B', v: 1 }, changedInput, { ext: 'txt' })).toString()).toBe('due');
    const changedVersion = produceText('tre');
    expect((await cached('prova', { titolo: 'A', v: 2 }, changedVersion, { ext: 'txt' })).toString()).toBe('tre');
    expect(changedInput).toHaveBeenCalledTimes(1);
    expect(changedVersion).toHaveBeenCalledTimes(1);
  });

  it('keys on content, not on the order of object keys', () => {
    expect(cacheKey({ a: 1, b: { c: [1, 2], d: null } })).toBe(cacheKey({ b: { d: null, c: [1, 2] }, a: 1 }));
    expect(cacheKey({ a: [1, 2] })).not.toBe(cacheKey({ a: [2, 1] }));
    // Maps and Sets by their entries: plain JSON writes every one of them as {}.
    expect(cacheKey({ a: new Set(['x']) })).not.toBe(cacheKey({ a: new Set(['y']) }));
    expect(cacheKey({ a: new Map([['x', 1]]) })).not.toBe(cacheKey({ a: new Map([['x', 2]]) }));
    expect(cacheKey({ a: new Map([['x', 1]]) })).not.toBe(cacheKey({ a: {} }));
    expect(cacheKey({ a: new Map([['x', { b: 1, c: 2 }]]) })).toBe(cacheKey({ a: new Map([['x', { c: 2, b: 1 }]]) }));
  });

  it('produces again, and replaces the file, when a stored file fails the valid check', async () => {
    const valid = (hit: Buffer) => hit.toString().endsWith('.');
    await cached('prova', 'k', produceText('intero.'), { ext: 'txt', valid });
    const file = join(cacheDir(), 'prova', `${cacheKey('k')}.txt`);
    writeFileSync(file, 'inter');
    const again = produceText('intero.');
    expect((await cached('prova', 'k', again, { ext: 'txt', valid })).toString()).toBe('intero.');
    expect(again).toHaveBeenCalledOnce();
    expect(readFileSync(file, 'utf8')).toBe('intero.');
  });

  it('stores one file per key, named by its hash, in the namespace folder, with no temporary files left', async () => {
    await cached('prova', ['x'], produceText('x'), { ext: 'bin' });
    await cached('prova', ['x'], produceText('x'), { ext: 'bin' });
    await cached('prova', ['y'], produceText('y'), { ext: 'bin' });
    expect(readdirSync(join(cacheDir(), 'prova')).sort()).toEqual(
      [`${cacheKey(['x'])}.bin`, `${cacheKey(['y'])}.bin`].sort(),
    );
    expect(readFileSync(join(cacheDir(), 'prova', `${cacheKey(['y'])}.bin`), 'utf8')).toBe('y');
  });

  it('still returns the output, with a warning, when the cache folder cannot be written', async () => {
    // A regular file where the folder should be: unwritable even for root, unlike a chmod.
    writeFileSync(join(cacheDir(), 'file'), '');
    vi.stubEnv('PEG_CACHE_DIR', join(cacheDir(), 'file'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await cached('prova', 1, produceText('ok'), { ext: 'txt' })).toString()).toBe('ok');
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/^cache: cannot store .*\/file\/prova\/[0-9a-f]{64}\.txt: ENOTDIR/);
  });

  it('deletes files unused for MAX_AGE_DAYS and refreshes the time of every hit', async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);
    mkdirSync(join(cacheDir(), 'prova'));
    const entry = (key: string, days: number) => {
      const file = join(cacheDir(), 'prova', `${cacheKey(key)}.txt`);
      writeFileSync(file, key);
      utimesSync(file, daysAgo(days), daysAgo(days));
      return file;
    };
    const used = entry('usato', MAX_AGE_DAYS - 1);
    entry('abbandonato', MAX_AGE_DAYS + 1);

    const produce = produceText('nuovo');
    expect((await cached('prova', 'usato', produce, { ext: 'txt' })).toString()).toBe('usato');
    expect(produce).not.toHaveBeenCalled();
    expect(readdirSync(join(cacheDir(), 'prova'))).toEqual([`${cacheKey('usato')}.txt`]);
    expect(statSync(used).mtimeMs).toBeGreaterThan(daysAgo(1).getTime());
  });

  it('rejects namespaces and extensions that could leave the cache folder', async () => {
    await expect(cached('../fuori', 1, produceText(''), { ext: 'txt' })).rejects.toThrowErrorMatchingInlineSnapshot(
      `[Error: cache: namespace "../fuori" must be lowercase kebab-case]`,
    );
    await expect(cached('prova', 1, produceText(''), { ext: 'png/../x' })).rejects.toThrowErrorMatchingInlineSnapshot(
      `[Error: cache: extension "png/../x" must be lowercase letters and digits]`,
    );
  });
});

describe('placeCached', () => {
  it('copies a stored file to the target, replacing an earlier output, and says false on a miss', async () => {
    const file = await cacheFile('prova', 'chiave', { ext: 'txt' });
    const target = join(cacheDir(), 'uscita.txt');
    expect(await placeCached(file, target)).toBe(false);

    expect(await storeCached(file, Buffer.from('contenuto'))).toBe(true);
    writeFileSync(target, 'vecchio');
    expect(await placeCached(file, target)).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('contenuto');
    // A published file edited in place must not change what the next build publishes.
    writeFileSync(target, 'modificato a mano');
    expect(readFileSync(file, 'utf8')).toBe('contenuto');
  });

  it('says false when the cache folder is a file (it cannot be written, so nothing is stored there)', async () => {
    writeFileSync(join(cacheDir(), 'file'), '');
    vi.stubEnv('PEG_CACHE_DIR', join(cacheDir(), 'file'));
    const file = await cacheFile('prova', 'chiave', { ext: 'txt' });
    expect(await placeCached(file, join(cacheDir(), 'uscita.txt'))).toBe(false);
  });

  it('fails when the target folder is missing, rather than calling it a miss', async () => {
    const file = await cacheFile('prova', 'chiave', { ext: 'txt' });
    await storeCached(file, Buffer.from('contenuto'));
    await expect(placeCached(file, join(cacheDir(), 'manca', 'uscita.txt'))).rejects.toThrow(/ENOENT/);
  });
});

describe('storeCachedDir and placeCachedDir', () => {
  /** A folder with a subfolder and two files of the same bytes. */
  function folder(): string {
    const dir = join(cacheDir(), 'sorgente');
    mkdirSync(join(dir, 'sotto'), { recursive: true });
    writeFileSync(join(dir, 'a.js'), 'uguale');
    writeFileSync(join(dir, 'sotto', 'b.pf_fragment'), 'uguale');
    writeFileSync(join(dir, 'sotto', 'c.json'), '{"c":1}');
    return dir;
  }
  const filesOf = (dir: string) =>
    Object.fromEntries(
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => [
          join(entry.parentPath, entry.name).slice(dir.length + 1),
          readFileSync(join(entry.parentPath, entry.name), 'utf8'),
        ]),
    );

  it('places a stored folder, file for file, and stores identical bytes once', async () => {
    const source = folder();
    const target = join(cacheDir(), 'uscita');
    expect(await placeCachedDir('cartelle', 'k', target)).toBe(false);
    expect(await storeCachedDir('cartelle', 'k', source)).toBe(true);
    // One manifest, two distinct contents.
    expect(
      readdirSync(join(cacheDir(), 'cartelle'))
        .map((name) => name.split('.')[1])
        .sort(),
    ).toEqual(['blob', 'blob', 'json']);

    expect(await placeCachedDir('cartelle', 'k', target)).toBe(true);
    expect(filesOf(target)).toEqual(filesOf(source));
    expect(await placeCachedDir('cartelle', 'altra', join(cacheDir(), 'altra'))).toBe(false);
    // A placed file edited in place must not change what the next build places.
    writeFileSync(join(target, 'a.js'), 'modificato a mano');
    const again = join(cacheDir(), 'ancora');
    expect(await placeCachedDir('cartelle', 'k', again)).toBe(true);
    expect(readFileSync(join(again, 'a.js'), 'utf8')).toBe('uguale');
  });

  it('misses when a file of the entry is gone', async () => {
    await storeCachedDir('cartelle', 'k', folder());
    const blob = readdirSync(join(cacheDir(), 'cartelle')).find((name) => name.endsWith('.blob'))!;
    rmSync(join(cacheDir(), 'cartelle', blob));
    expect(await placeCachedDir('cartelle', 'k', join(cacheDir(), 'uscita'))).toBe(false);
  });

  it('leaves no entry when a file cannot be stored, so a half-stored folder never hits', async () => {
    const source = folder();
    // A folder where the file for the bytes of c.json goes: its rename fails.
    const hash = createHash('sha256').update('{"c":1}').digest('hex');
    mkdirSync(join(await cacheFile('cartelle', ['file', hash], { ext: 'blob' }), 'occupato'), { recursive: true });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await storeCachedDir('cartelle', 'k', source)).toBe(false);
    expect(readdirSync(join(cacheDir(), 'cartelle')).some((name) => name.endsWith('.json'))).toBe(false);
    expect(await placeCachedDir('cartelle', 'k', join(cacheDir(), 'uscita'))).toBe(false);
  });
});
