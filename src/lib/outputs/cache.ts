import { createHash } from 'node:crypto';
import { constants, createWriteStream } from 'node:fs';
import { copyFile, mkdir, open, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Content-addressed cache for derived files (share images today, anything costly tomorrow). A file's
 * name is the SHA-256 of exactly the inputs that shape it, so a rebuild after editing one objective
 * redoes only that objective's file and never has to decide whether an old file is stale: a different
 * input is a different name. The folder survives `astro build` (which empties dist/) and CI caches
 * can keep it between runs.
 *
 * Old names are never reused, so they pile up: a hit refreshes its file's time, and the first use of a
 * namespace in a process deletes files nobody used for MAX_AGE_DAYS.
 */

/** Where cached files live: PEG_CACHE_DIR, or node_modules/.cache/peg-aperto (the convention of Babel, ESLint, Vite). */
export function cacheDir(): string {
  return process.env.PEG_CACHE_DIR ?? join(process.cwd(), 'node_modules', '.cache', 'peg-aperto');
}

/**
 * JSON with object keys sorted, so `{a, b}` and `{b, a}` hash the same. A Map or a Set is written with its
 * entries (plain JSON writes both as `{}`, and a key would miss every change inside them).
 */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return { $map: [...v] };
    if (v instanceof Set) return { $set: [...v] };
    return v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v;
  });
}

/** SHA-256 (hex) of the key parts. Callers include a version of their producer among the parts. */
export function cacheKey(keyParts: unknown): string {
  return createHash('sha256').update(stableJson(keyParts)).digest('hex');
}

const NAME = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Files unused for this long are deleted. Pruning runs before the build asks for anything, so after a
 * longer pause every image is rendered again once: a few seconds for a year's objectives.
 */
export const MAX_AGE_DAYS = 90;

const pruning = new Map<string, Promise<void>>();

async function prune(dir: string): Promise<void> {
  const cutoff = Date.now() - MAX_AGE_DAYS * 24 * 60 * 60 * 1000;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const file = join(dir, name);
    // Another build may delete the same file first: a vanished file is not an error.
    const info = await stat(file).catch(() => null);
    if (info?.isFile() && info.mtimeMs < cutoff) await rm(file, { force: true }).catch(() => {});
  }
}

/** Prunes `dir` once per process; every caller waits for the same pass. */
function pruneOnce(dir: string): Promise<void> {
  let pass = pruning.get(dir);
  if (!pass) {
    pass = prune(dir);
    pruning.set(dir, pass);
  }
  return pass;
}

export interface CacheOptions {
  /** File extension without the dot, e.g. `png`. */
  ext: string;
  /** Checks a stored file before serving it; one that fails (corrupted on disk) is produced again. */
  valid?: (hit: Buffer) => boolean;
}

/**
 * The path of the cached file for `keyParts` in `namespace`, present or not. The first call for a
 * namespace in a process prunes its folder, so wait for it before looking for the file.
 */
export async function cacheFile(namespace: string, keyParts: unknown, options: CacheOptions): Promise<string> {
  if (!NAME.test(namespace)) throw new Error(`cache: namespace "${namespace}" must be lowercase kebab-case`);
  if (!NAME.test(options.ext))
    throw new Error(`cache: extension "${options.ext}" must be lowercase letters and digits`);
  const dir = join(cacheDir(), namespace);
  await pruneOnce(dir);
  return join(dir, `${cacheKey(keyParts)}.${options.ext}`);
}

/** Marks a cached file as used now, so pruning keeps it; a read-only cache still serves hits. */
export async function touchCached(file: string): Promise<void> {
  const now = new Date();
  await utimes(file, now, now).catch(() => {});
}

/**
 * Stores `output` as the cached `file` (from cacheFile). Writes go to a temporary file renamed into
 * place, so a build killed midway or two builds running at once never leave a half-written file under
 * a valid name. A cache folder that cannot be written (read-only checkout) costs speed, not the build:
 * false, with a warning.
 */
export async function storeCached(file: string, output: Uint8Array | Readable): Promise<boolean> {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await mkdir(dirname(file), { recursive: true });
    // A stream goes to disk as it comes, never whole in memory.
    if (output instanceof Readable) await pipeline(output, createWriteStream(temp));
    else await writeFile(temp, output);
    await rename(temp, file);
    return true;
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {}); // nothing to clean if the folder itself failed
    console.warn(`cache: cannot store ${file}: ${(error as Error).message}`);
    return false;
  }
}

/**
 * Puts the cached `file` at `target`: a copy, a copy-on-write clone where the file system offers one
 * (COPYFILE_FICLONE falls back to a plain copy). Not a hard link: a published file edited in place (a
 * deploy step, a hand fix in dist/) would then change the cached copy, and every later build would
 * publish those bytes under a key that says otherwise. False when the file is not in the cache.
 */
export async function placeCached(file: string, target: string): Promise<boolean> {
  try {
    await copyFile(file, target, constants.COPYFILE_FICLONE);
  } catch (error) {
    // ENOENT is either side: a missing cache file is a miss, a missing target folder is the caller's bug.
    // ENOTDIR too: a file where the cache folder should be (it cannot be written, and holds nothing).
    const { code } = error as NodeJS.ErrnoException;
    if ((code === 'ENOENT' || code === 'ENOTDIR') && !(await stat(file).catch(() => null))) return false;
    throw error;
  }
  await touchCached(file);
  return true;
}

/**
 * Returns the cached file for `keyParts` in `namespace`, or calls `produce`, stores its result and
 * returns it.
 */
export async function cached(
  namespace: string,
  keyParts: unknown,
  produce: () => Promise<Uint8Array> | Uint8Array,
  options: CacheOptions,
): Promise<Buffer> {
  const file = await cacheFile(namespace, keyParts, options);
  try {
    const hit = await readFile(file);
    if (options.valid?.(hit) !== false) {
      await touchCached(file);
      return hit;
    }
  } catch {
    // Missing, or unreadable: either way a miss. The write below reports a folder that is unusable.
  }
  const output = Buffer.from(await produce());
  await storeCached(file, output);
  return output;
}

/** A folder stored by storeCachedDir: its files' relative paths (with `/`), sorted, and the SHA-256 of each one's bytes. */
type DirManifest = [path: string, sha256: string][];

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Where the file with these bytes' hash lives: one copy per content, shared by every folder entry that holds it. */
const dirBlob = (namespace: string, hash: string) => cacheFile(namespace, ['file', hash], { ext: 'blob' });

/**
 * Stores the folder `dir` (every file below it) as the entry for `keyParts` in `namespace`: each file under
 * the hash of its bytes, then a manifest naming them. The manifest is written last and atomically, so a
 * build killed midway leaves files no manifest names (pruned in time), never an entry that hits with a
 * file missing. Files already stored (the same bytes in another entry) are not written again. False, with
 * a warning, when the cache cannot be written.
 */
export async function storeCachedDir(namespace: string, keyParts: unknown, dir: string): Promise<boolean> {
  const manifest: DirManifest = [];
  const paths = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
  for (const path of paths) {
    const bytes = await readFile(join(dir, path));
    const hash = sha256(bytes);
    const blob = await dirBlob(namespace, hash);
    // Present already: refresh its time, so pruning cannot take it from under this new manifest.
    if ((await stat(blob).catch(() => null))?.isFile()) await touchCached(blob);
    else if (!(await storeCached(blob, bytes))) return false;
    manifest.push([path, hash]);
  }
  return storeCached(await cacheFile(namespace, keyParts, { ext: 'json' }), Buffer.from(JSON.stringify(manifest)));
}

/**
 * Places the folder stored for `keyParts` in `namespace` at `target` (created), each file as placeCached
 * does. False when there is no such entry, or a file it names is gone (pruned, deleted by hand): then
 * `target` may hold part of the folder, and the caller writes it afresh.
 */
export async function placeCachedDir(namespace: string, keyParts: unknown, target: string): Promise<boolean> {
  const file = await cacheFile(namespace, keyParts, { ext: 'json' });
  let manifest: DirManifest;
  try {
    manifest = JSON.parse(await readFile(file, 'utf8')) as DirManifest;
  } catch {
    return false; // missing, or unreadable: a miss
  }
  const made = new Set<string>();
  for (const [path, hash] of manifest) {
    const to = join(target, path);
    const parent = dirname(to);
    if (!made.has(parent)) {
      await mkdir(parent, { recursive: true });
      made.add(parent);
    }
    if (!(await placeCached(await dirBlob(namespace, hash), to))) return false;
  }
  await touchCached(file);
  return true;
}

/** What a cached output is: a file in the cache, to copy or stream. */
export interface CachedBody {
  cachedFile: string;
}

/** Whether `file` starts with `head` and ends with `tail`, reading only those bytes. */
async function framed(file: string, { head, tail }: { head: Buffer; tail: Buffer }): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return false;
  try {
    const { size } = await handle.stat();
    if (size < head.length + tail.length) return false;
    const first = Buffer.alloc(head.length);
    const last = Buffer.alloc(tail.length);
    await handle.read(first, 0, head.length, 0);
    await handle.read(last, 0, tail.length, size - tail.length);
    return first.equals(head) && last.equals(tail);
  } finally {
    await handle.close();
  }
}

export interface OutputOptions {
  /** File extension without the dot. */
  ext: string;
  /**
   * How every whole output starts and ends: a stored file that does not (truncated, emptied on disk) is
   * produced again. Only these bytes are read, so a large hit is not read to be checked.
   */
  frame?: { head: Buffer; tail: Buffer };
}

/**
 * The cached file for `keyParts` in `namespace`, made by `produce` first when it is missing. A stream
 * is written to the cache as it comes. When the cache cannot be written, `produce`'s output (produced
 * again if it was a stream the failed write used up).
 */
export async function cachedOutput<T extends Uint8Array | Readable>(
  namespace: string,
  keyParts: unknown,
  options: OutputOptions,
  produce: () => T | Promise<T>,
): Promise<CachedBody | T> {
  const file = await cacheFile(namespace, keyParts, { ext: options.ext });
  const present = options.frame
    ? await framed(file, options.frame)
    : await stat(file).then(
        () => true,
        () => false,
      );
  if (present) return { cachedFile: file };
  const output = await produce();
  if (await storeCached(file, output)) return { cachedFile: file };
  return output instanceof Readable ? produce() : output;
}
