import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const digests = new Map<string, string>();

/**
 * SHA-256 of the paths and bytes of every file under src/ and of astro.config.mjs, once per process: the
 * code part of the keys of what the build keeps between builds (pages, the editor script, the validator's
 * results). Keying on the whole tree is coarse on purpose: a code change is rare beside content changes, and
 * a key that missed a module would keep a stale result.
 */
export function codeDigest(root = process.cwd(), { fresh = false } = {}): string {
  const known = digests.get(root);
  if (known !== undefined && !fresh) return known;
  const hash = createHash('sha256');
  const files = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .concat(resolve(root, 'astro.config.mjs'))
    .sort();
  for (const file of files) {
    hash.update(file.slice(root.length)).update('\0').update(readFileSync(file)).update('\0');
  }
  const digest = hash.digest('hex');
  digests.set(root, digest);
  return digest;
}
