import { mkdir, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Content, ObiettivoEntry } from '../../content/load';
import { objectiveShareImageUrl, SITE_SHARE_IMAGE_URL } from '../../routes';
import { startWorker } from '../../build/workers';
import { cacheFile, placeCached, storeCached } from '../cache';
import { objectiveCard, siteCard, type ShareCard } from './card';
import { SHARE_IMAGE_CACHE, shareImageKey } from './index';
import { renderShareImage } from './render';
import type { RenderReply, RenderRequest } from './worker';

/**
 * Every share image of the site, written as files outside Astro's page pipeline. A build renders the
 * images the cache lacks into the cache while Astro renders the pages (renderMissingInBackground, from
 * `astro:build:start`), then copies every image from the cache into the output folder once the pages
 * are done (writeShareImages, at `astro:build:done`), rendering on the spot whatever is still missing.
 * The same list serves `astro dev` (integration.ts).
 */

export interface ShareImage {
  /** Address on the site (src/lib/routes.ts), e.g. /obiettivi/2020/a01-00/anteprima.png */
  url: string;
  card: ShareCard;
}

/** The site-wide image and one per objective: the images the pages' og:image point to. */
export function shareImages(content: {
  ente: Content['ente'];
  obiettivi: readonly Pick<ObiettivoEntry, 'data'>[];
}): ShareImage[] {
  const obiettivi = content.obiettivi.map((o) => o.data);
  return [
    { url: SITE_SHARE_IMAGE_URL, card: siteCard(content.ente, obiettivi) },
    ...obiettivi.map((o) => ({ url: objectiveShareImageUrl(o), card: objectiveCard(o, content.ente) })),
  ];
}

/** Most workers started: each loads its own satori, fonts and libvips. */
const MAX_WORKERS = 4;
/**
 * Up to this many missing images render on the calling thread: starting a worker (tsx, satori, sharp,
 * fonts) took 1.8 s on the loaded 2-core machine, and an editor's pull request changes one or two.
 */
const IN_PROCESS_MAX = 16;

/** Workers worth starting for `count` images on `cores` cores: one per IN_PROCESS_MAX images, up to the cap. */
const poolSize = (count: number, cores: number) => Math.min(cores, MAX_WORKERS, Math.ceil(count / IN_PROCESS_MAX));

const renderError = (message: string) => new Error(`immagine di anteprima: ${message}`);

/**
 * Worker threads rendering `cards`, each taking the next card when it is free. Workers can join while
 * it runs (grow); a failure ends it at once, drain() lets the cards already sent finish first.
 */
class RenderPool {
  private next = 0;
  private handled = 0;
  private draining = false;
  private ended = false;
  private keepAlive = false;
  private readonly workers: Worker[] = [];
  private settle!: () => void;
  /** The first failure (a card that does not render, a worker that died, a `done` that threw). */
  error: Error | undefined;
  /** Resolves, never rejects, once every card sent is handled and the workers are terminated. */
  readonly settled = new Promise<void>((resolve) => (this.settle = resolve));

  constructor(
    private readonly cards: ShareCard[],
    private readonly done: (index: number, png: Uint8Array) => Promise<void>,
  ) {
    if (cards.length === 0) void this.end();
  }

  /** Workers started so far. */
  get started(): number {
    return this.workers.length;
  }

  /** Cards no worker has taken yet. */
  get unsent(): number {
    return this.draining || this.ended ? 0 : this.cards.length - this.next;
  }

  /** Starts workers until `threads` run (never more than there are cards left). */
  grow(threads: number): void {
    while (!this.ended && this.workers.length < threads && this.workers.length < this.unsent) this.start();
  }

  /**
   * Whether the workers keep the process alive. In the background they must not: if Astro fails before
   * `astro:build:done`, nothing waits for them and the process has to be able to exit.
   */
  ref(keepAlive: boolean): void {
    this.keepAlive = keepAlive;
    for (const worker of this.workers) {
      if (keepAlive) worker.ref();
      else worker.unref();
    }
  }

  /** Sends no more cards; ends once the ones sent are handled. */
  drain(): void {
    this.draining = true;
    this.endWhenIdle();
  }

  /** Terminates the workers; the cards not handled stay unrendered. */
  async end(): Promise<void> {
    if (!this.ended) {
      this.ended = true;
      await Promise.all(this.workers.map((worker) => worker.terminate()));
      this.settle();
    }
    return this.settled;
  }

  private fail(error: Error): void {
    this.error ??= error;
    void this.end();
  }

  private endWhenIdle(): void {
    if (this.handled === this.next && (this.draining || this.next === this.cards.length)) void this.end();
  }

  private start(): void {
    const worker = startWorker(import.meta.url, 'worker');
    if (!this.keepAlive) worker.unref();
    this.workers.push(worker);
    const send = () => {
      if (this.unsent === 0) return this.endWhenIdle();
      const id = this.next++;
      worker.postMessage({ id, card: this.cards[id]! } satisfies RenderRequest);
    };
    worker.on('message', (reply: RenderReply) => {
      if ('error' in reply) return this.fail(renderError(reply.error));
      this.done(reply.id, reply.png).then(
        () => {
          this.handled++;
          send();
        },
        (error: unknown) => this.fail(error as Error),
      );
    });
    worker.once('error', (error) => this.fail(error as Error));
    worker.once('exit', (code) => {
      if (!this.ended) this.fail(new Error(`share-image worker exited with code ${code}`));
    });
    send();
  }
}

/** Renders `cards` one after another on this thread, until the first error or `stopped()`. */
async function renderHere(
  cards: ShareCard[],
  done: (index: number, png: Uint8Array) => Promise<void>,
  stopped: () => boolean = () => false,
): Promise<void> {
  for (const [index, card] of cards.entries()) {
    if (stopped()) return;
    // The message a worker sends (worker.ts), so both ways fail the build alike.
    const png = await renderShareImage(card).catch((error: unknown) => {
      throw renderError(String((error as Error).stack ?? error));
    });
    await done(index, png);
  }
}

interface Missing {
  image: ShareImage;
  /** Its file in the cache (cacheFile). */
  file: string;
}

/** The images whose file is not in the cache, with that file. */
async function missingFromCache(images: ShareImage[]): Promise<Missing[]> {
  const { namespace, options } = SHARE_IMAGE_CACHE;
  const missing: Missing[] = [];
  for (const image of images) {
    const file = await cacheFile(namespace, shareImageKey(image.card), options);
    if (!(await stat(file).catch(() => null))) missing.push({ image, file });
  }
  return missing;
}

/** What the background work did, for writeShareImages. */
interface BackgroundResult {
  /** Cache files it rendered, whether or not they could be stored. */
  rendered: Set<string>;
  /** PNGs the cache could not store, by cache file: written from memory. */
  unstored: Map<string, Uint8Array>;
  workers: number;
}

/** Images the cache lacked, being rendered into it while Astro renders the pages. */
export interface BackgroundRender {
  /**
   * Waits for the work, with every core once the pages are done; rejects with the first rendering
   * error. For writeShareImages.
   */
  finish(): Promise<BackgroundResult>;
  /** Stops the work and ends its workers: a build that failed, or one that never reaches build:done. */
  cancel(): Promise<void>;
  /** Resolves, never rejects, when the work has stopped (done, failed or cancelled) and its workers ended. */
  readonly idle: Promise<void>;
}

/**
 * Starts rendering the images of `images` that the cache lacks into the cache, without waiting. Astro
 * renders pages on one thread, so while it does, a pool of one worker per other core (at least one)
 * renders; finish() adds workers for what is left. At most IN_PROCESS_MAX missing images, or a single
 * core, render on this thread, one after another: most of an image's time is libvips on libuv's pool,
 * so it overlaps Astro all the same, and a worker's start-up would cost more than it saves. Errors are
 * kept for finish(), never left as an unhandled rejection; a PNG the cache cannot store is kept in
 * memory and nothing more is rendered ahead (writeShareImages renders the rest on the spot).
 */
export function renderMissingInBackground(images: ShareImage[]): BackgroundRender {
  const cores = availableParallelism();
  const rendered = new Set<string>();
  const unstored = new Map<string, Uint8Array>();
  let pool: RenderPool | undefined;
  let cancelled = false;
  let finishing = false;
  let error: Error | undefined;
  // Once the pages are done (finish), every core may render, by the same rule as a fresh start.
  const size = (unsent: number) =>
    finishing ? poolSize(unsent, cores) : Math.max(1, Math.min(cores - 1, poolSize(unsent, cores)));

  const work = (async () => {
    const missing = await missingFromCache(images);
    if (cancelled) return;
    const store = async (index: number, png: Uint8Array) => {
      const { file } = missing[index]!;
      rendered.add(file);
      if (await storeCached(file, png)) return;
      unstored.set(file, png);
      cancelled = true; // the cache cannot be written: render no more ahead
      pool?.drain();
    };
    const cards = missing.map((m) => m.image.card);
    if (missing.length <= IN_PROCESS_MAX || cores < 2) {
      await renderHere(cards, store, () => cancelled);
      return;
    }
    pool = new RenderPool(cards, store);
    pool.ref(finishing);
    pool.grow(size(missing.length));
    await pool.settled;
    if (pool.error) throw pool.error;
  })().catch((failure: unknown) => {
    error = failure as Error;
  });

  return {
    idle: work,
    async finish() {
      finishing = true;
      pool?.ref(true);
      pool?.grow(size(pool.unsent));
      await work;
      if (error) throw error;
      return { rendered, unstored, workers: pool?.started ?? 0 };
    },
    async cancel() {
      cancelled = true;
      await pool?.end();
      await work;
    },
  };
}

export interface ShareImageStats {
  /** Images copied from the cache that this build did not render. */
  cached: number;
  /** Images rendered (and stored in the cache): in the background and on the spot. */
  rendered: number;
  /** Worker threads started in all (0: rendered on the calling thread, or nothing to render). */
  workers: number;
}

/**
 * Writes every image of `images` into `outDir`: after `background`'s work (renderMissingInBackground
 * on the same list), each from the cache, rendering on the spot whatever the cache still lacks.
 */
export async function writeShareImages(
  outDir: string,
  images: ShareImage[],
  background?: BackgroundRender,
): Promise<ShareImageStats> {
  const early = background ? await background.finish() : undefined;
  const { namespace, options } = SHARE_IMAGE_CACHE;
  const missing: { image: ShareImage; file: string; target: string }[] = [];
  let cached = 0;
  for (const image of images) {
    const file = await cacheFile(namespace, shareImageKey(image.card), options);
    const target = join(outDir, image.url);
    await mkdir(dirname(target), { recursive: true });
    const png = early?.unstored.get(file);
    if (png) await writeFile(target, png);
    else if (await placeCached(file, target)) cached += early?.rendered.has(file) ? 0 : 1;
    else missing.push({ image, file, target });
  }
  const write = async (index: number, png: Uint8Array) => {
    const { file, target } = missing[index]!;
    // The output is copied from the cache when it could be stored there, written apart otherwise.
    if (!((await storeCached(file, png)) && (await placeCached(file, target)))) await writeFile(target, png);
  };
  const cards = missing.map((m) => m.image.card);
  const cores = availableParallelism();
  let workers = 0;
  if (missing.length <= IN_PROCESS_MAX || cores < 2) await renderHere(cards, write);
  else {
    const pool = new RenderPool(cards, write);
    pool.ref(true);
    pool.grow(poolSize(missing.length, cores));
    await pool.settled;
    if (pool.error) throw pool.error;
    workers = pool.started;
  }
  return {
    cached,
    rendered: (early?.rendered.size ?? 0) + missing.length,
    workers: (early?.workers ?? 0) + workers,
  };
}
