import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import type { ShareCard } from './card';
import { renderShareImage } from './render';

/**
 * Worker thread of the share-image pool (images.ts): renders the cards it is sent, one at a time, and
 * posts each PNG back. One libvips thread per worker: the pool already gives each core one image.
 */
export interface RenderRequest {
  id: number;
  card: ShareCard;
}
export type RenderReply = { id: number; png: Uint8Array } | { id: number; error: string };

sharp.concurrency(1);
const port = parentPort!;
port.on('message', ({ id, card }: RenderRequest) => {
  renderShareImage(card).then(
    (png) => port.postMessage({ id, png } satisfies RenderReply),
    (error: unknown) => port.postMessage({ id, error: String((error as Error).stack ?? error) } satisfies RenderReply),
  );
});
