/**
 * The comune's primary colour (ente.yaml `colore_primario`) feeds Bootstrap Italia, which derives its
 * palette from hue/saturation/brightness (HSB) Sass variables. The build refuses a colour that cannot
 * carry white text at WCAG AA contrast, since header, buttons and links all use it. The share images
 * use the same contrast formula to pick legible text colours.
 */

/** WCAG AA for body text: the site's colour must carry white text; share-image text must reach it. */
const AA = 4.5;

export interface Hsb {
  h: number;
  s: number;
  b: number;
}

/** `#0b5e5b` → [11, 94, 91]. */
function bytes(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`color: "${hex}" is not a #RRGGBB colour`);
  return [match[1], match[2], match[3]].map((c) => parseInt(c as string, 16)) as [number, number, number];
}

function channels(hex: string): [number, number, number] {
  return bytes(hex).map((c) => c / 255) as [number, number, number];
}

/** `#0b5e5b` → { h: 178, s: 88, b: 37 } (degrees, percent, percent; rounded as Bootstrap Italia expects). */
export function hexToHsb(hex: string): Hsb {
  const [r, g, b] = channels(hex);
  const max = Math.max(r, g, b);
  const delta = max - Math.min(r, g, b);
  let h = 0;
  if (delta > 0) {
    if (max === r) h = ((g - b) / delta) % 6;
    else if (max === g) h = (b - r) / delta + 2;
    else h = (r - g) / delta + 4;
  }
  return {
    h: Math.round((h * 60 + 360) % 360),
    s: Math.round(max === 0 ? 0 : (delta / max) * 100),
    b: Math.round(max * 100),
  };
}

function luminance(hex: string): number {
  const linear = channels(hex).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * linear[0]! + 0.7152 * linear[1]! + 0.0722 * linear[2]!;
}

/** WCAG 2.1 contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Sass variables that make Bootstrap Italia use this colour as $primary. */
export function primarySass(hex: string): string {
  const ratio = contrastRatio(hex, '#ffffff');
  if (ratio < AA) {
    throw new Error(
      `ente.yaml: colore_primario ${hex} ha contrasto ${ratio.toFixed(2).replace('.', ',')}:1 con il bianco, ne serve almeno 4,5:1 (WCAG AA): scegli un colore più scuro`,
    );
  }
  const { h, s, b } = hexToHsb(hex);
  return `$primary-h: ${h}; $primary-s: ${s}; $primary-b: ${b};\n`;
}

export const WHITE = '#ffffff';
export const INK = '#1b1f23';

/** White or near-black, whichever reads better on `background`. */
export function textOn(background: string): string {
  return contrastRatio(WHITE, background) >= contrastRatio(INK, background) ? WHITE : INK;
}

/** `color` darkened just enough (towards black) to reach AA on `background`; unchanged if it already does. */
export function readableAccent(color: string, background: string): string {
  const rgb = bytes(color);
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
