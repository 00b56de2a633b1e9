import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Font } from 'satori';

/**
 * Titillium Web (the typeface of the Italian public administration's design system) from
 * @fontsource/titillium-web, with DejaVu Sans for what Titillium lacks (≥ ≤ →, Greek, Cyrillic):
 * a missing glyph would vanish from the image, and "≥ 90%" silently becoming "90%" changes its meaning.
 * Satori reads TTF, OTF and WOFF but not WOFF2; both packages ship WOFF next to WOFF2.
 *
 * Satori falls back to another font for a missing glyph only across font names, so each file gets its
 * own name; layouts ask for FONT_FAMILY and satori finds the rest. Loaded once per process: parsing
 * fonts costs more than laying out one image.
 */

export const FONT_FAMILY = 'Titillium Web';

const WEIGHTS = [400, 700] as const;
const FILES = [
  { name: FONT_FAMILY, file: (w: number) => `@fontsource/titillium-web/files/titillium-web-latin-${w}-normal.woff` },
  {
    name: `${FONT_FAMILY} Ext`,
    file: (w: number) => `@fontsource/titillium-web/files/titillium-web-latin-ext-${w}-normal.woff`,
  },
  { name: 'DejaVu Sans', file: (w: number) => `@fontsource/dejavu-sans/files/dejavu-sans-latin-${w}-normal.woff` },
];

// Resolve from the project root, not from this module: Astro bundles this file into the output
// folder, which may live outside the project (PEG_OUT_DIR) where node_modules is not reachable.
const projectRequire = createRequire(join(process.cwd(), 'package.json'));

function loadFonts(): { fonts: Font[]; hash: string } {
  const hash = createHash('sha256');
  const fonts: Font[] = [];
  for (const { name, file } of FILES) {
    for (const weight of WEIGHTS) {
      const data = readFileSync(projectRequire.resolve(file(weight)));
      hash.update(data);
      fonts.push({ name, data, weight, style: 'normal' });
    }
  }
  return { fonts, hash: hash.digest('hex') };
}

let loaded: { fonts: Font[]; hash: string } | undefined;

/** The fonts for satori and a hash of their bytes (a font update must change every image's cache key). */
export function shareFonts(): { fonts: Font[]; hash: string } {
  loaded ??= loadFonts();
  return loaded;
}
