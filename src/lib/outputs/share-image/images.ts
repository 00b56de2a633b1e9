import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Content } from '../../content/load';
import { objectiveShareImageUrl, SITE_SHARE_IMAGE_URL } from '../../routes';
import { startWorker } from '../../build/workers';
import { cacheFile, placeCached, storeCached } from '../cache';
import { objectiveCard, siteCard, type ShareCard } from './card';
import { SHARE_IMAGE_CACHE, shareImageKey } from './index';
import { renderShareImage } from './render';
import type { RenderReply, RenderRequest } from './worker';

/**
 * Every share image of the site, written as files outside Astro's page pipeline: a cached image is a
 * copy from the cache (no rendering, no Request/Response), a missing one is rendered in a pool of
 * worker threads and stored in the cache on the way. The same list serves `astro dev` (integration.ts).
 */

export interface ShareImage {
  /** Address on the site (src/lib/routes.ts), e.g. /obiettivi/2020/a01-00/anteprima.png */
  url: string;
  card: ShareCard;
}

/** The site-wide image and one per objective: the images the pages' og:image point to. */
export function shareImages(content: Pick<Content, 'ente' | 'obiettivi'>): ShareImage[] {
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

/** Renders `cards` on up to `threads` worker threads, each taking the next card when it is free. */
async function renderInWorkers(
  cards: ShareCard[],
  threads: number,
  done: (index: number, png: Uint8Array) => Promise<void>,
): Promise<void> {
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= cards.length) return resolve();
        const id = next++;
        worker.postMessage({ id, card: cards[id]! } satisfies RenderRequest);
      };
      worker.on('message', (reply: RenderReply) => {
        if ('error' in reply) return reject(new Error(`immagine di anteprima: ${reply.error}`));
        done(reply.id, reply.png).then(send, reject);
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`share-image worker exited with code ${code}`)));
      send();
    });
  const workers = Array.from({ length: threads }, () => startWorker(import.meta.url, 'worker'));
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

export interface ShareImageStats {
  /** Images linked or copied from the cache. */
  cached: number;
  /** Images rendered (and stored in the cache). */
  rendered: number;
  /** Worker threads started (0: rendered on the calling thread, or nothing to render). */
  workers: number;
}

/** Writes every image of `images` into `outDir`, rendering only what the cache does not have. */
export async function writeShareImages(outDir: string, images: ShareImage[]): Promise<ShareImageStats> {
  const { namespace, options } = SHARE_IMAGE_CACHE;
  const missing: { image: ShareImage; file: string; target: string }[] = [];
  for (const image of images) {
    const file = await cacheFile(namespace, shareImageKey(image.card), options);
    const target = join(outDir, image.url);
    await mkdir(dirname(target), { recursive: true });
    if (!(await placeCached(file, target))) missing.push({ image, file, target });
  }
  const write = async (index: number, png: Uint8Array) => {
    const { file, target } = missing[index]!;
    // The output is linked from the cache when it could be stored there, written apart otherwise.
    if (!((await storeCached(file, png)) && (await placeCached(file, target)))) await writeFile(target, png);
  };
  const cached = images.length - missing.length;
  const cores = availableParallelism();
  if (missing.length <= IN_PROCESS_MAX || cores < 2) {
    for (const [index, { image }] of missing.entries()) await write(index, await renderShareImage(image.card));
    return { cached, rendered: missing.length, workers: 0 };
  }
  const threads = Math.min(cores, MAX_WORKERS, Math.ceil(missing.length / IN_PROCESS_MAX));
  await renderInWorkers(
    missing.map((m) => m.image.card),
    threads,
    write,
  );
  return { cached, rendered: missing.length, workers: threads };
}
