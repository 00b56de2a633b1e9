import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cacheKey } from '../../src/lib/outputs/cache';
import { cachedStyles, compileStyles, STYLES_DIR, stylesKeyParts } from '../../src/lib/build/styles';
import { tempDir } from '../support/temp';

const PRIMARY = '#0b5e5b';

/**
 * A project folder of its own: a copy of src/styles (edited by the tests) and a node_modules whose
 * sass and bootstrap-italia are the real ones, except where a test swaps in a package.json.
 */
function project(): string {
  const root = tempDir('peg-styles-');
  cpSync(resolve(STYLES_DIR), join(root, STYLES_DIR), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{}');
  mkdirSync(join(root, 'node_modules'));
  for (const name of ['sass', 'bootstrap-italia'])
    symlinkSync(resolve('node_modules', name), join(root, 'node_modules', name), 'dir');
  return root;
}

const key = (root: string, primary = PRIMARY) => cacheKey(stylesKeyParts({ root, primary }));

let cache: string;
beforeEach(() => {
  cache = tempDir('peg-styles-cache-');
  vi.stubEnv('PEG_CACHE_DIR', cache);
});
afterEach(() => vi.unstubAllEnvs());

describe('styles cache key', () => {
  it('is the same for the same inputs, in any checkout', () => {
    expect(key(project())).toBe(key(project()));
  });

  it('changes with any .scss file under src/styles, including a new one', () => {
    const root = project();
    const before = key(root);
    writeFileSync(join(root, STYLES_DIR, '_print.scss'), '\n', { flag: 'a' });
    const edited = key(root);
    expect(edited).not.toBe(before);
    writeFileSync(join(root, STYLES_DIR, '_nuovo.scss'), '.a { color: red; }\n');
    expect(key(root)).not.toBe(edited);
  });

  it('ignores files that are not Sass sources (plain .css is imported by the pages themselves)', () => {
    const root = project();
    const before = key(root);
    writeFileSync(join(root, STYLES_DIR, 'peg-forms.css'), '\n', { flag: 'a' });
    expect(key(root)).toBe(before);
  });

  it('changes with the primary colour', () => {
    const root = project();
    expect(key(root, '#0b5e5b')).not.toBe(key(root, '#06357a'));
  });

  it.for(['sass', 'bootstrap-italia'])('changes with the version of %s', (name) => {
    const root = project();
    const before = key(root);
    setVersion(root, name, '0.0.0-test');
    expect(key(root)).not.toBe(before);
  });
});

/** Replaces node_modules/<name> with a folder holding only its package.json, at `version`. */
function setVersion(root: string, name: string, version?: string): void {
  const manifest = JSON.parse(readFileSync(resolve('node_modules', name, 'package.json'), 'utf8')) as object;
  const dir = join(root, 'node_modules', name);
  rmSync(dir);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify(version ? { ...manifest, version } : manifest));
}

describe('cachedStyles', () => {
  it('compiles once, then serves the cached file; a corrupt or truncated file is compiled again', async () => {
    const root = project();
    const css = await cachedStyles({ root, primary: PRIMARY });
    expect(css).toContain('--bootstrap-italia-version');
    expect(css).toContain('--esito-raggiunto: hsl(178, 78.5714285714%, 20.72%)');
    const [name] = readdirSync(join(cache, 'styles'));
    expect(name).toBe(`${key(root)}.css`);
    const file = join(cache, 'styles', name!);
    const stored = readFileSync(file, 'utf8');

    // A hit reads nothing but the cache: with Bootstrap Italia's sources gone (same version), compiling would fail.
    setVersion(root, 'bootstrap-italia');
    expect(await cachedStyles({ root, primary: PRIMARY })).toBe(css);
    rmSync(join(root, 'node_modules', 'bootstrap-italia'), { recursive: true });
    symlinkSync(resolve('node_modules', 'bootstrap-italia'), join(root, 'node_modules', 'bootstrap-italia'), 'dir');

    // Altered or cut short (a disk fault, a copy interrupted by hand): compiled again and stored whole.
    writeFileSync(file, stored.replace('--esito-raggiunto: hsl(178,', '--esito-raggiunto: hsl(179,'));
    expect(await cachedStyles({ root, primary: PRIMARY })).toBe(css);
    expect(readFileSync(file, 'utf8')).toBe(stored);
    writeFileSync(file, stored.slice(0, stored.length / 2));
    expect(await cachedStyles({ root, primary: PRIMARY })).toBe(css);
    expect(readFileSync(file, 'utf8')).toBe(stored);
  });

  it('refuses a stylesheet that loads Sass from a package the key does not cover', () => {
    const root = project();
    mkdirSync(join(root, 'node_modules', 'altro'));
    writeFileSync(join(root, 'node_modules', 'altro', '_extra.scss'), '.extra { color: red; }\n');
    writeFileSync(join(root, STYLES_DIR, 'site.scss'), "@import 'altro/extra';\n", { flag: 'a' });
    expect(() => compileStyles({ root, primary: PRIMARY })).toThrow(
      'styles: site.scss loads node_modules/altro/_extra.scss, which the cache key does not cover',
    );
  });
});
