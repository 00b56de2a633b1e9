import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Font } from 'satori';

/**
 * Titillium Web (the typeface of the Italian public administration's design system) from
 * @fontsource/titillium-web. Satori reads TTF, OTF and WOFF but not WOFF2, and that package ships
 * WOFF next to WOFF2. The latin subset has à è é ì ò ù and ’; latin-ext covers names such as
 * Ł or ș, and satori picks whichever font has the glyph.
 *
 * Loaded once per process: parsing fonts costs more than laying out one image.
 */

export const FONT_FAMILY = 'Titillium Web';

const WEIGHTS = [400, 700] as const;
const SUBSETS = ['latin', 'latin-ext'] as const;

// Resolve from the project root, not from this module: Astro bundles this file into the output
// folder, which may live outside the project (PEG_OUT_DIR) where node_modules is not reachable.
const projectRequire = createRequire(join(process.cwd(), 'package.json'));

function loadFonts(): { fonts: Font[]; hash: string } {
  const hash = createHash('sha256');
  const fonts: Font[] = [];
  for (const subset of SUBSETS) {
    for (const weight of WEIGHTS) {
      const file = projectRequire.resolve(
        `@fontsource/titillium-web/files/titillium-web-${subset}-${weight}-normal.woff`,
      );
      const data = readFileSync(file);
      hash.update(data);
      fonts.push({ name: FONT_FAMILY, data, weight, style: 'normal' });
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
