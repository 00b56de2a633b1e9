import satori from 'satori';
import sharp from 'sharp';
import type { Esito } from '../../derived/metrics';
import type { ShareCard } from './card';
import { INK, WHITE, readableAccent, textOn } from '../../view/color';
import { FONT_FAMILY, shareFonts } from './fonts';

/**
 * Lays out a ShareCard as a 1200×630 PNG (the size Open Graph and Twitter's large card expect):
 * satori turns an element tree into an SVG with text as paths, sharp (libvips) rasterises it.
 * Element trees are plain objects, so no React or JSX is needed.
 */

export const SHARE_IMAGE_WIDTH = 1200;
export const SHARE_IMAGE_HEIGHT = 630;

/** Bump when the layout or the PNG encoding changes: it is part of every cached image's key. */
export const RENDERER_VERSION = 1;

/** Title size and line height of objective cards: three lines must leave room for the figures. */
export const TITLE_FONT_SIZE = 48;
export const TITLE_LINE_HEIGHT = 1.12;

const MUTED = '#4b5563'; // 7.6:1 on white
const SUBTLE_INK = '#374151'; // 10.3:1 on white
const RULE = '#e5e7eb';
const ESITO_COLOR: Record<Esito, string> = {
  raggiunto: '#1e7d3a',
  'parzialmente raggiunto': '#c27c0e',
  'non raggiunto': '#c0392b',
  'non rilevato': '#9aa3ad',
  'da verificare': '#7b4fb0',
};

type Style = Record<string, string | number>;
/** Shaped like a React element (key included) so satori's types accept it with or without @types/react. */
interface Node {
  type: string;
  key: null;
  props: { style: Style; children?: Node | string | (Node | string)[] };
}

function box(style: Style, children?: Node['props']['children']): Node {
  return { type: 'div', key: null, props: { style: { display: 'flex', ...style }, children } };
}

/** A paragraph clamped to `lines` with an ellipsis (satori clamps only block-level plain text). */
function clamped(text: string, lines: number, style: Style): Node {
  return { type: 'div', key: null, props: { style: { display: 'block', lineClamp: lines, ...style }, children: text } };
}

function band(card: ShareCard): Node {
  const color = textOn(card.color);
  return box(
    {
      height: 88,
      padding: '0 64px',
      backgroundColor: card.color,
      alignItems: 'center',
      justifyContent: 'space-between',
      gap: 32,
    },
    [
      clamped(card.publisher, 1, { fontSize: 34, fontWeight: 700, color, flexShrink: 1 }),
      box({ fontSize: 28, color, flexShrink: 0 }, card.badge),
    ],
  );
}

function figures(card: ShareCard, accent: string): Node[] {
  return card.figures.map((figure) =>
    box({ flexDirection: 'column', flexShrink: 0 }, [
      box({ fontSize: 80, fontWeight: 700, color: accent, lineHeight: 1 }, figure.value),
      box({ fontSize: 24, color: MUTED, marginTop: 6 }, figure.label),
    ]),
  );
}

function outcomes(card: ShareCard): Node[] {
  if (card.outcomesLabel === null) return [];
  const total = card.outcomes.reduce((sum, o) => sum + o.count, 0);
  const bar = box(
    { height: 18, borderRadius: 9, overflow: 'hidden', backgroundColor: RULE, marginTop: 10 },
    card.outcomes.map((o) => box({ width: `${(o.count / total) * 100}%`, backgroundColor: ESITO_COLOR[o.esito] })),
  );
  const legend = box(
    { flexWrap: 'wrap', columnGap: 28, rowGap: 4, marginTop: 12 },
    card.outcomes.map((o) =>
      box({ alignItems: 'center', fontSize: 28, color: INK }, [
        box({ width: 16, height: 16, borderRadius: 8, backgroundColor: ESITO_COLOR[o.esito], marginRight: 10 }),
        o.text,
      ]),
    ),
  );
  return [
    box({ width: 2, alignSelf: 'stretch', backgroundColor: RULE, flexShrink: 0 }),
    box({ flexDirection: 'column', flexGrow: 1, flexShrink: 1 }, [
      box({ fontSize: 24, color: MUTED }, card.outcomesLabel),
      ...(total > 0 ? [bar, legend] : []),
    ]),
  ];
}

/** The element tree of a card; exported for tests that inspect the layout without rasterising. */
export function shareTree(card: ShareCard): Node {
  const accent = readableAccent(card.color, WHITE);
  const subtitle = card.subtitle
    ? [
        ...(card.subtitle.label === null
          ? []
          : [
              box(
                {
                  fontSize: 20,
                  fontWeight: 700,
                  color: MUTED,
                  marginTop: 16,
                  textTransform: 'uppercase',
                  letterSpacing: 1,
                },
                card.subtitle.label,
              ),
            ]),
        // Large and dark: objectives of one PEG often share a title, the centro tells them apart.
        clamped(card.subtitle.text, 2, {
          fontSize: 30,
          lineHeight: 1.2,
          color: SUBTLE_INK,
          marginTop: card.subtitle.label === null ? 16 : 0,
        }),
      ]
    : [];
  // Short titles (the site card's) get display size; objective titles need three lines at most.
  const titleSize = card.title.length <= 40 ? 80 : TITLE_FONT_SIZE;
  return box(
    {
      width: SHARE_IMAGE_WIDTH,
      height: SHARE_IMAGE_HEIGHT,
      flexDirection: 'column',
      backgroundColor: WHITE,
      fontFamily: FONT_FAMILY,
    },
    [
      band(card),
      box({ flexDirection: 'column', flexGrow: 1, padding: '32px 64px 36px' }, [
        box({ fontSize: 28, fontWeight: 700, color: accent }, card.kicker),
        clamped(card.title, 3, {
          fontSize: titleSize,
          fontWeight: 700,
          lineHeight: TITLE_LINE_HEIGHT,
          color: INK,
          marginTop: 4,
        }),
        ...subtitle,
        box({ flexGrow: 1, minHeight: 24 }),
        box({ alignItems: 'flex-end', gap: 48, flexShrink: 0 }, [...figures(card, accent), ...outcomes(card)]),
      ]),
    ],
  );
}

/** The card as SVG, text drawn as paths (no font needed to display it). */
export function renderShareSvg(card: ShareCard): Promise<string> {
  return satori(shareTree(card), { width: SHARE_IMAGE_WIDTH, height: SHARE_IMAGE_HEIGHT, fonts: shareFonts().fonts });
}

/** Renders a card as a PNG of SHARE_IMAGE_WIDTH × SHARE_IMAGE_HEIGHT pixels. */
export async function renderShareImage(card: ShareCard): Promise<Buffer> {
  const svg = await renderShareSvg(card);
  // A palette PNG: flat colours and anti-aliased text fit 256 colours and the file halves (≈40 KB).
  // No dithering: at low quantising effort it sprinkled patterns over the white background.
  return sharp(Buffer.from(svg)).png({ palette: true, dither: 0, compressionLevel: 6 }).toBuffer();
}
