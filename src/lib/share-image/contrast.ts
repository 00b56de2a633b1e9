/**
 * WCAG 2.1 contrast for the share image's colours. The comune's colour is a brand colour, not a
 * promise of legibility: text always gets a colour that reaches 4.5:1 (AA for body text) on its
 * background. (The page layout has the same formula in src/lib/color.ts; fold them when both land.)
 */

function channels(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`share-image: "${hex}" is not a #RRGGBB colour`);
  return [match[1], match[2], match[3]].map((c) => parseInt(c as string, 16)) as [number, number, number];
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio of two #RRGGBB colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
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
