import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import satori, { type SatoriNode } from 'satori';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { loadContent } from '../../src/lib/content/load';
import {
  cachedShareImage,
  objectiveCard,
  renderShareImage,
  SHARE_IMAGE_HEIGHT,
  SHARE_IMAGE_WIDTH,
  shareImageAlt,
  siteCard,
  type ShareCard,
} from '../../src/lib/outputs/share-image';
import { contrastRatio } from '../../src/lib/view/color';
import { readableAccent, textOn } from '../../src/lib/view/color';
import { FONT_FAMILY, shareFonts } from '../../src/lib/outputs/share-image/fonts';
import {
  renderShareSvg,
  shareTree,
  TITLE_FONT_SIZE,
  TITLE_LINE_HEIGHT,
} from '../../src/lib/outputs/share-image/render';
import {
  renderMissingInBackground,
  shareImages,
  writeShareImages,
  type ShareImage,
} from '../../src/lib/outputs/share-image/images';
import type { Obiettivo } from '../../src/schemas/obiettivo';
import { tempCacheDir, tempDir } from '../support/temp';

const content = loadContent('content');
const { ente } = content;
const handTyped = content.obiettivi.find((o) => o.file === 'obiettivi/2020/a01-00.md')!.data;

/** An objective with one indicator per esito, so every wording appears. */
function mixed(): Obiettivo {
  const indicatore = (id: string, atteso: number | null, raggiunto: number | null) => ({
    id,
    descrizione: 'Indicatore',
    tipo: 'EFFICACIA',
    direzione: 'crescente' as const,
    unita_di_misura: null,
    valore_atteso: atteso,
    valore_raggiunto: raggiunto,
    storico: {},
    note: null,
    verificato: false,
  });
  const fase = (id: string, peso: number, avanzamento: number | null) => ({
    id,
    titolo: 'Fase',
    inizio_previsto: null,
    fine_prevista: null,
    inizio_effettivo: null,
    fine_effettiva: null,
    peso,
    avanzamento,
    responsabile: null,
    centro_di_responsabilita: null,
    note: null,
  });
  return {
    ...handTyped,
    codice: '2021_B02_01',
    anno: 2021,
    titolo: 'Riqualificazione dell’area verde di via Libertà',
    centro_di_responsabilita: 'SETTORE LAVORI PUBBLICI',
    fasi: [fase('F01', 60, 100), fase('F02', 40, 50)],
    indicatori: [
      ...['I01', 'I02', 'I03', 'I04', 'I05', 'I06'].map((id) => indicatore(id, 10, 10)),
      indicatore('I07', 10, 7),
      indicatore('I08', 10, 2),
      indicatore('I09', 10, null),
    ],
  };
}

async function decode(png: Buffer) {
  const { format, width, height } = await sharp(png).metadata();
  return { format, width, height, under100KB: png.length <= 100 * 1024 };
}

/** Satori's layout of a card: every text node with its box, to check clamping and fit. */
async function textBoxes(card: ShareCard): Promise<SatoriNode[]> {
  const nodes: SatoriNode[] = [];
  await satori(shareTree(card), {
    width: SHARE_IMAGE_WIDTH,
    height: SHARE_IMAGE_HEIGHT,
    fonts: shareFonts().fonts,
    onNodeDetected: (node) => {
      if (node.textContent) nodes.push(node);
    },
  });
  return nodes;
}

describe('objectiveCard', () => {
  it('words the key figures with metrics.ts: avanzamento ponderato and indicators by esito', () => {
    expect(objectiveCard(mixed(), ente)).toMatchInlineSnapshot(`
      {
        "badge": "PEG 2021",
        "color": "#0b5e5b",
        "figures": [
          {
            "label": "avanzamento ponderato",
            "value": "80%",
          },
        ],
        "kicker": "Obiettivo 2021_B02_01",
        "outcomes": [
          {
            "count": 6,
            "esito": "raggiunto",
            "text": "6 raggiunti",
          },
          {
            "count": 1,
            "esito": "parzialmente raggiunto",
            "text": "1 parzialmente",
          },
          {
            "count": 1,
            "esito": "non raggiunto",
            "text": "1 non raggiunto",
          },
          {
            "count": 1,
            "esito": "non rilevato",
            "text": "1 non rilevato",
          },
        ],
        "outcomesLabel": "9 indicatori",
        "publisher": "Comune di Cinisello Balsamo",
        "subtitle": {
          "label": "Centro di responsabilità",
          "text": "SETTORE LAVORI PUBBLICI",
        },
        "title": "Riqualificazione dell’area verde di via Libertà",
      }
    `);
  });

  it('counts implausible unconfirmed values apart, as da verificare, never among the raggiunti', () => {
    const base = mixed();
    const [first] = base.indicatori;
    const obiettivo = {
      ...base,
      indicatori: [
        { ...first!, id: 'I01', valore_atteso: 1, valore_raggiunto: 100 },
        { ...first!, id: 'I02', valore_atteso: 1, valore_raggiunto: 100, verificato: true },
      ],
    };
    const card = objectiveCard(obiettivo, ente);
    expect(card.outcomes).toEqual([
      { esito: 'raggiunto', count: 1, text: '1 raggiunto' },
      { esito: 'da verificare', count: 1, text: '1 da verificare' },
    ]);
    expect(shareImageAlt(card)).toContain('2 indicatori: 1 raggiunto, 1 da verificare.');
  });

  it('says when no fase reports progress and the objective has no indicators', () => {
    const card = objectiveCard({ ...mixed(), fasi: [], indicatori: [] }, ente);
    expect([card.figures, card.outcomes, card.outcomesLabel]).toMatchInlineSnapshot(`
      [
        [
          {
            "label": "avanzamento non rilevato",
            "value": "n.d.",
          },
        ],
        [],
        "nessun indicatore",
      ]
    `);
  });
});

describe('shareImageAlt', () => {
  it('puts what the image shows into one sentence for og:image:alt', () => {
    expect(shareImageAlt(objectiveCard(mixed(), ente))).toMatchInlineSnapshot(
      `"Comune di Cinisello Balsamo, PEG 2021. Obiettivo 2021_B02_01: Riqualificazione dell’area verde di via Libertà. Avanzamento ponderato: 80%; 9 indicatori: 6 raggiunti, 1 parzialmente, 1 non raggiunto, 1 non rilevato."`,
    );
    expect(shareImageAlt(siteCard(ente, [{ anno: 2020 }, { anno: 2021 }]))).toMatchInlineSnapshot(
      `"Comune di Cinisello Balsamo, Amministrazione trasparente. Piano esecutivo di gestione: Obiettivi di PEG. Anni pubblicati: 2020–2021, obiettivi: 2."`,
    );
  });
});

describe('siteCard', () => {
  it('shows the years published as a range only when no year is missing', () => {
    const years = (...anni: number[]) =>
      siteCard(
        ente,
        anni.map((anno) => ({ anno })),
      ).figures;
    expect(years(2020, 2021, 2022, 2020)).toMatchInlineSnapshot(`
      [
        {
          "label": "anni pubblicati",
          "value": "2020–2022",
        },
        {
          "label": "obiettivi",
          "value": "4",
        },
      ]
    `);
    expect(years(2019, 2021)).toMatchInlineSnapshot(`
      [
        {
          "label": "anni pubblicati",
          "value": "2019, 2021",
        },
        {
          "label": "obiettivi",
          "value": "2",
        },
      ]
    `);
    expect(years(2020)).toMatchInlineSnapshot(`
      [
        {
          "label": "anno pubblicato",
          "value": "2020",
        },
        {
          "label": "obiettivo",
          "value": "1",
        },
      ]
    `);
  });
});

describe('renderShareImage', () => {
  it('renders the hand-typed objective as a 1200×630 PNG under 100 KB', async () => {
    const png = await renderShareImage(objectiveCard(handTyped, ente));
    expect(await decode(png)).toEqual({ format: 'png', width: 1200, height: 630, under100KB: true });
  });

  it('renders the site-wide image as a 1200×630 PNG under 100 KB', async () => {
    const png = await renderShareImage(siteCard(ente, [handTyped]));
    expect(await decode(png)).toEqual({ format: 'png', width: 1200, height: 630, under100KB: true });
  });

  it('keeps the palette PNG faithful to a lossless render: white stays white, colours barely move', async () => {
    const card = objectiveCard(mixed(), ente);
    const lossless = await sharp(Buffer.from(await renderShareSvg(card)))
      .removeAlpha()
      .raw()
      .toBuffer();
    const quantised = await sharp(await renderShareImage(card))
      .removeAlpha()
      .raw()
      .toBuffer();
    let changedWhite = 0;
    let difference = 0;
    for (let i = 0; i < lossless.length; i += 3) {
      const white = lossless[i] === 255 && lossless[i + 1] === 255 && lossless[i + 2] === 255;
      const same = quantised[i] === 255 && quantised[i + 1] === 255 && quantised[i + 2] === 255;
      if (white && !same) changedWhite++;
      for (let c = 0; c < 3; c++) difference += Math.abs(lossless[i + c]! - quantised[i + c]!);
    }
    expect(changedWhite).toBe(0);
    expect(difference / lossless.length).toBeLessThan(0.1);
  });

  it('clamps a 400-character title to three lines and keeps every text inside the image', async () => {
    const card = objectiveCard(
      { ...mixed(), titolo: 'Attività di riqualificazione è più '.repeat(12).slice(0, 400) },
      ente,
    );
    expect(await decode(await renderShareImage(card))).toMatchObject({ width: 1200, height: 630 });
    const boxes = await textBoxes(card);
    const title = boxes.find((node) => node.textContent === card.title)!;
    const lineHeight = TITLE_FONT_SIZE * TITLE_LINE_HEIGHT;
    expect(Math.round(title.height / lineHeight)).toBe(3);
    for (const node of boxes) {
      expect(node.left + node.width, node.textContent).toBeLessThanOrEqual(SHARE_IMAGE_WIDTH);
      expect(node.top + node.height, node.textContent).toBeLessThanOrEqual(SHARE_IMAGE_HEIGHT);
    }
  });
});

describe('fonts', () => {
  /** Satori draws text as paths; the outline of one character alone, or null if nothing is drawn. */
  async function outline(char: string, fontWeight: 400 | 700): Promise<string | null> {
    const svg = await satori(
      {
        type: 'div',
        // `key` makes it a React element for satori's types when @types/react is installed (src/lib/outputs/share-image/render.ts).
        key: null,
        props: { style: { display: 'flex', fontFamily: FONT_FAMILY, fontWeight, fontSize: 40 }, children: char },
      },
      { width: 200, height: 100, fonts: shareFonts().fonts },
    );
    return /<path[^>]* d="(M[^"]+)"/.exec(svg)?.[1] ?? null;
  }
  /** A missing glyph draws nothing or the fallback font's empty box (.notdef), like a private-use character. */
  async function drawn(char: string, fontWeight: 400 | 700): Promise<boolean> {
    const path = await outline(char, fontWeight);
    return path !== null && path !== (await outline('\uE000', fontWeight));
  }

  it('draw the Italian accented letters and the typographic apostrophe, regular and bold', async () => {
    for (const char of 'àèéìòùÀÈÉÌÒÙ’') {
      expect(await drawn(char, 400), char).toBe(true);
      expect(await drawn(char, 700), char).toBe(true);
    }
  });

  it('draw names from other European languages and the symbols Titillium Web lacks', async () => {
    for (const char of 'ŁłŞşŽžČčĆćĐđ≥≤→€°½αЖ') expect(await drawn(char, 700), char).toBe(true);
  });

  it('draw no glyph for a script no font covers (so the checks above can fail)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await drawn('漢', 400)).toBe(false);
    vi.restoreAllMocks();
  });
});

describe('contrast', () => {
  it('keeps the comune’s colour for text when it reaches AA on white and darkens it when it does not', () => {
    expect(readableAccent('#0b5e5b', '#ffffff')).toBe('#0b5e5b');
    const darker = readableAccent('#ffcc00', '#ffffff');
    expect(darker).not.toBe('#ffcc00');
    expect(contrastRatio(darker, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('writes white on dark bands and ink on light ones', () => {
    expect(textOn('#0b5e5b')).toBe('#ffffff');
    expect(contrastRatio(textOn('#ffcc00'), '#ffcc00')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('cachedShareImage', () => {
  const cacheDir = tempCacheDir('peg-share-cache-', 'block');
  const files = () => readdirSync(join(cacheDir(), 'share-image'));

  it('renders an image once, reuses it while nothing shown changes, and renders again after an edit', async () => {
    const first = await cachedShareImage(objectiveCard(handTyped, ente));
    expect(files()).toHaveLength(1);

    // A fase title is not on the image: same key, same file.
    const renamedFase = { ...handTyped, fasi: handTyped.fasi.map((f) => ({ ...f, titolo: `${f.titolo} (rivista)` })) };
    expect((await cachedShareImage(objectiveCard(renamedFase, ente))).equals(first)).toBe(true);
    expect(files()).toHaveLength(1);

    const retitled = { ...handTyped, titolo: `${handTyped.titolo} e della ripresa` };
    expect((await cachedShareImage(objectiveCard(retitled, ente))).equals(first)).toBe(false);
    expect(files()).toHaveLength(2);
  });
});

/** The share images of `count` objectives like the hand-typed one, plus the site-wide image. */
function generatedImages(count: number): ShareImage[] {
  const obiettivi = Array.from({ length: count }, (_, i) => ({
    file: `obiettivi/2020/z${i}.md`,
    body: '',
    data: { ...handTyped, codice: `2020_Z${String(i).padStart(2, '0')}_00`, titolo: `${handTyped.titolo} ${i}` },
  }));
  return shareImages({ ente, obiettivi });
}

/** Every image of `images` is in `outDir` with the bytes this thread renders for its card. */
async function expectWritten(outDir: string, images: ShareImage[]): Promise<void> {
  for (const image of images) {
    expect(readFileSync(join(outDir, image.url)).equals(await renderShareImage(image.card)), image.url).toBe(true);
  }
}

/** Up to this many missing images render on the calling thread (IN_PROCESS_MAX in images.ts). */
const IN_PROCESS_MAX = 16;
const cores = availableParallelism();

describe('writeShareImages', () => {
  tempCacheDir('peg-share-write-cache-', 'block');

  // More than the build renders on its own thread, so the worker pool runs.
  const images = generatedImages(20);

  it('lists the site-wide image and one per objective at the addresses of routes.ts', () => {
    expect(images.map((i) => i.url).slice(0, 3)).toEqual([
      '/anteprima.png',
      '/obiettivi/2020/z00-00/anteprima.png',
      '/obiettivi/2020/z01-00/anteprima.png',
    ]);
    expect(images).toHaveLength(21);
  });

  it('renders the missing images (the same bytes as on this thread), then copies every one from the cache', async () => {
    const cold = tempDir('peg-share-write-');
    const first = await writeShareImages(cold, images);
    // 21 missing, over the 16 rendered on the calling thread: two workers wherever there are two cores.
    expect(first).toEqual({ cached: 0, rendered: 21, workers: cores < 2 ? 0 : 2 });
    const sample = images[5]!;
    expect(readFileSync(join(cold, sample.url)).equals(await renderShareImage(sample.card))).toBe(true);

    const warm = tempDir('peg-share-write-');
    expect(await writeShareImages(warm, images)).toEqual({ cached: 21, rendered: 0, workers: 0 });
    for (const image of images) {
      expect(readFileSync(join(warm, image.url)).equals(readFileSync(join(cold, image.url)))).toBe(true);
    }
    // The published copy is the site's own: editing it leaves the cache, and the next build, intact.
    writeFileSync(join(warm, sample.url), 'modificata');
    const again = tempDir('peg-share-write-');
    expect(await writeShareImages(again, images)).toEqual({ cached: 21, rendered: 0, workers: 0 });
    expect(readFileSync(join(again, sample.url)).equals(readFileSync(join(cold, sample.url)))).toBe(true);
  });
});

describe('renderMissingInBackground', () => {
  const cacheDir = tempCacheDir('peg-share-background-');
  /** The cache's share images, each with its inode: storing a file again (a rename) changes it. */
  const cacheListing = () => {
    const dir = join(cacheDir(), 'share-image');
    return readdirSync(dir)
      .sort()
      .map((name) => `${name} ${statSync(join(dir, name)).ino}`);
  };
  // One more than renders on the calling thread, so the worker pool runs.
  const images = generatedImages(IN_PROCESS_MAX);
  const broken = (list: ShareImage[]) =>
    list.map((image, i) => (i === 3 ? { ...image, card: { ...image.card, figures: null as never } } : image));

  it('renders into the cache on one core fewer while the pages render, then writes each image from it', async () => {
    const background = renderMissingInBackground(images);
    await background.idle;
    expect(cacheListing().filter((f) => f.includes('.png '))).toHaveLength(images.length);

    const out = tempDir('peg-share-background-');
    // Rendered in this build, so none counts as from the cache; no worker joins for work already done.
    expect(await writeShareImages(out, images, background)).toEqual({
      cached: 0,
      rendered: images.length,
      workers: cores < 2 ? 0 : Math.min(cores - 1, 2),
    });
    await expectWritten(out, images);
  });

  it('waits for the background work when the pages are done first, on every core, rendering nothing twice', async () => {
    const background = renderMissingInBackground(images);
    const out = tempDir('peg-share-background-');
    // Nothing was found missing yet, so the pool starts at its full size: two workers for 17 images.
    expect(await writeShareImages(out, images, background)).toEqual({
      cached: 0,
      rendered: images.length,
      workers: cores < 2 ? 0 : 2,
    });
    // The background stored every image before writeShareImages returned and stores nothing after.
    const stored = cacheListing();
    expect(stored).toHaveLength(images.length);
    await background.idle;
    expect(cacheListing()).toEqual(stored);
    await expectWritten(out, images);
  });

  it('renders a few missing images on this thread, in the background too', async () => {
    const few = generatedImages(2);
    const background = renderMissingInBackground(few);
    await background.idle;
    expect(cacheListing()).toHaveLength(3);
    const out = tempDir('peg-share-background-');
    expect(await writeShareImages(out, few, background)).toEqual({ cached: 0, rendered: 3, workers: 0 });
    await expectWritten(out, few);
    // The next build finds them all in the cache.
    const again = tempDir('peg-share-background-');
    expect(await writeShareImages(again, few, renderMissingInBackground(few))).toEqual({
      cached: 3,
      rendered: 0,
      workers: 0,
    });
    await expectWritten(again, few);
  });

  it('still writes every image, each rendered once, when the cache folder cannot be written', async () => {
    // A regular file where the folder should be (as in cache.test.ts).
    writeFileSync(join(cacheDir(), 'file'), '');
    vi.stubEnv('PEG_CACHE_DIR', join(cacheDir(), 'file'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const out = tempDir('peg-share-background-');
    const stats = await writeShareImages(out, images, renderMissingInBackground(images));
    // How many the background rendered before it stopped depends on timing; the sum does not.
    expect([stats.cached, stats.rendered]).toEqual([0, images.length]);
    expect(warn).toHaveBeenCalled();
    await expectWritten(out, images);
  });

  it('fails the build with the rendering error, whether rendered in workers or on this thread', async () => {
    const message = /^immagine di anteprima: TypeError: Cannot read properties of null/;
    // Each call stores the images it rendered before the error: each gets an empty cache, so the
    // 17 images go to the worker pool and the 5 to this thread every time.
    const emptyCache = () => vi.stubEnv('PEG_CACHE_DIR', tempDir('peg-share-background-'));
    for (const list of [broken(images), broken(generatedImages(4))]) {
      // Rendered on the spot, without background work.
      await expect(writeShareImages(tempDir('peg-share-background-'), list)).rejects.toThrow(message);
      emptyCache();
      // The background work's own error, not one from rendering the image again on the spot.
      await expect(renderMissingInBackground(list).finish()).rejects.toThrow(message);
      emptyCache();
      const background = renderMissingInBackground(list);
      await expect(writeShareImages(tempDir('peg-share-background-'), list, background)).rejects.toThrow(message);
      emptyCache();
    }
  });

  it('keeps an error of work nobody waits for (Astro failed) from becoming an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      for (const list of [broken(images), broken(generatedImages(4))]) {
        const background = renderMissingInBackground(list);
        await background.idle;
        await background.cancel();
      }
      // A rejection counts as unhandled only after the microtasks of its turn: let one more turn pass.
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('stops at cancel(): a build that failed leaves no rendering behind', async () => {
    const background = renderMissingInBackground(images);
    await background.cancel();
    await background.idle;
    // Cancelled before it knew what was missing: nothing was rendered or stored.
    const dir = join(cacheDir(), 'share-image');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });
});
