/**
 * WCAG 2.1 contrast for the share image's colours. The comune's colour is a brand colour, not a
 * promise of legibility: text always gets a colour that reaches 4.5:1 (AA for body text) on its
 * background. The contrast formula is the page layout's (src/lib/view/color.ts).
 */
import { contrastRatio } from '../../view/color';

function channels(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`share-image: "${hex}" is not a #RRGGBB colour`);
  return [match[1], match[2], match[3]].map((c) => parseInt(c as string, 16)) as [number, number, number];
}

const AA = 4.5;
export const WHITE = '#ffffff';
export const INK = '#1b1f23';

/** White or near-black, whichever reads better on `background`. */
export function textOn(background: string): string {
  return contrastRatio(WHITE, background) >= contrastRatio(INK, background) ? WHITE : INK;
}

/** `color` darkened just enough (towards black) to reach AA on `background`; unchanged if it already does. */
export function readableAccent(color: string, background: string): string {
  const rgb = channels(color);
  for (let k = 1; k >= 0; k -= 0.02) {
    const hex = `#${rgb
      .map((c) =>
        Math.round(c * k)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`;
    if (contrastRatio(hex, background) >= AA) return hex;
  }
  return INK;
}
