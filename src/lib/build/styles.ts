import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { cached, cacheKey } from '../outputs/cache';
import { primarySass } from '../view/color';
import { timePhase } from './phases';

/**
 * The design system's stylesheet (Bootstrap Italia + src/styles/site.scss) compiled once and kept in the
 * content-addressed cache (src/lib/outputs/cache.ts). Loading Sass and compiling took ≈2 CPU s of every
 * build, whatever its size (docs/benchmarks.md); a warm build now reads one file. The
 * import of `site.scss` in Base.astro resolves to the cached plain CSS, which Vite then bundles and
 * minifies exactly as it did Sass's output, so the built site is byte-identical.
 */

/** Bump when the compilation changes in a way the key's other parts do not show. */
const VERSION = 1;

export const STYLES_DIR = 'src/styles';
const ENTRY = 'site.scss';
/** The only packages whose Sass files the stylesheet may load: their versions are part of the key. */
const PACKAGES = ['bootstrap-italia'] as const;

/** Sass options as Vite used to pass them; paths relative to the project, so the key is the same in any checkout. */
const OPTIONS = {
  loadPaths: ['node_modules'],
  // Bootstrap Italia 2 still uses @import and global functions; its warnings are not ours to fix.
  quietDeps: true,
  silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'legacy-js-api'],
} as const;

export interface StylesInputs {
  /** Project root (where src/styles and node_modules are). */
  root: string;
  /** ente.yaml `colore_primario`. */
  primary: string;
}

/** Every .scss file under src/styles (absolute paths, sorted). */
function scssFiles(root: string): string[] {
  const dir = join(root, STYLES_DIR);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.scss'))
    .sort()
    .map((f) => join(dir, f));
}

/** Every .scss file under src/styles, as project-relative path → SHA-256 of its text. */
function sources(root: string): Record<string, string> {
  return Object.fromEntries(
    scssFiles(root).map((file) => [
      relative(root, file).split(sep).join('/'),
      createHash('sha256').update(readFileSync(file)).digest('hex'),
    ]),
  );
}

/** The installed version, read where the Sass load path finds the package (sass hides package.json from `exports`). */
function version(root: string, name: string): string {
  const manifest = join(root, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Everything the compiled CSS depends on; the cache file's name is its hash. */
export function stylesKeyParts(inputs: StylesInputs) {
  return {
    version: VERSION,
    sources: sources(inputs.root),
    packages: Object.fromEntries(['sass', ...PACKAGES].map((name) => [name, version(inputs.root, name)])),
    prelude: primarySass(inputs.primary),
    options: OPTIONS,
  };
}

/**
 * Compiles site.scss with the colour prelude, as Vite did (Sass's expanded style; Vite minifies the
 * bundle). Refuses a stylesheet that loads a file the key does not cover, so a cached result can never
 * be stale.
 */
export function compileStyles(inputs: StylesInputs): string {
  // Required where the key reads its version; and not import(): Astro's config loader would route that
  // through a module runner that is closed by the time the build asks for the stylesheet.
  const sass = createRequire(join(inputs.root, 'package.json'))('sass') as typeof import('sass');
  const entry = join(inputs.root, STYLES_DIR, ENTRY);
  const result = sass.compileString(primarySass(inputs.primary) + readFileSync(entry, 'utf8'), {
    ...OPTIONS,
    loadPaths: OPTIONS.loadPaths.map((p) => resolve(inputs.root, p)),
    silenceDeprecations: [...OPTIONS.silenceDeprecations],
    url: pathToFileURL(entry),
  });
  const covered = [STYLES_DIR, ...PACKAGES.map((p) => `node_modules/${p}`)].map((d) => resolve(inputs.root, d) + sep);
  for (const url of result.loadedUrls) {
    const file = fileURLToPath(url);
    if (!covered.some((dir) => file.startsWith(dir)))
      throw new Error(
        `styles: ${ENTRY} loads ${relative(inputs.root, file)}, which the cache key does not cover: add its package to PACKAGES in src/lib/build/styles.ts`,
      );
  }
  return result.css;
}

/** Marks a complete cache file: a truncated or altered one fails the check and is compiled again. */
const SEAL = '/*# sha256=';

const trailer = (css: string) => `${SEAL}${createHash('sha256').update(css).digest('hex')} */\n`;

function seal(css: string): Buffer {
  return Buffer.from(`${css}\n${trailer(css)}`);
}

function unseal(file: Buffer): string | undefined {
  const text = file.toString('utf8');
  const at = text.lastIndexOf(`\n${SEAL}`);
  if (at < 0) return undefined;
  const css = text.slice(0, at);
  return text.slice(at + 1) === trailer(css) ? css : undefined;
}

/** The compiled stylesheet, from the cache when its inputs have not changed. */
export async function cachedStyles(inputs: StylesInputs, keyParts = stylesKeyParts(inputs)): Promise<string> {
  const file = await cached('styles', keyParts, () => seal(compileStyles(inputs)), {
    ext: 'css',
    valid: (hit) => unseal(hit) !== undefined,
  });
  return unseal(file)!;
}

/**
 * Vite plugin: the import of src/styles/site.scss loads the cached compiled CSS (a `.css` id next to
 * it), so Vite runs no Sass at all. In `astro dev` the first request compiles; the .scss files are
 * watched, so editing one invalidates the stylesheet and the next load compiles the new key.
 */
export function precompiledStyles(primary: string): Plugin {
  let root = process.cwd();
  let entry = '';
  let compiled = '';
  // Astro's build loads the stylesheet in more than one environment: one lookup per key and process.
  let last: { key: string; css: Promise<string> } | undefined;
  return {
    name: 'peg-aperto:styles',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
      entry = join(root, STYLES_DIR, ENTRY);
      compiled = `${entry}.css`;
    },
    resolveId(source, importer) {
      const [path = '', query] = source.split('?', 2);
      if (!path.endsWith(ENTRY) && !path.endsWith(`${ENTRY}.css`)) return null;
      // An absolute file path, a URL from the project root (dev), or relative to the importing file.
      let file = path;
      if (!path.startsWith(root + sep)) {
        if (path.startsWith('/')) file = join(root, path);
        else if (importer) file = resolve(dirname(importer), path);
      }
      if (file !== entry && file !== compiled) return null;
      return query === undefined ? compiled : `${compiled}?${query}`;
    },
    async load(id) {
      if (id.split('?', 1)[0] !== compiled) return null;
      // Registers the sources as the stylesheet's dependencies in each environment's module graph.
      for (const file of scssFiles(root)) this.addWatchFile(file);
      const keyParts = stylesKeyParts({ root, primary });
      const key = cacheKey(keyParts);
      if (last?.key !== key) last = { key, css: timePhase('css', () => cachedStyles({ root, primary }, keyParts)) };
      return { code: await last.css, map: null };
    },
    // An edited .scss is reported as an edit of the stylesheet itself, so Astro refreshes the styles it
    // inlines in server-rendered pages too (Vite alone would only update the browser's copy).
    hotUpdate({ file, modules }) {
      if (!file.endsWith('.scss') || !file.startsWith(join(root, STYLES_DIR) + sep)) return;
      const stylesheet = this.environment.moduleGraph.getModuleById(compiled);
      return stylesheet ? [...modules, stylesheet] : undefined;
    },
  };
}
