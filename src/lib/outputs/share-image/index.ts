import sharp from 'sharp';
import satoriPackage from 'satori/package.json' with { type: 'json' };
import { cached } from '../cache';
import type { ShareCard } from './card';
import { shareFonts } from './fonts';
import { RENDERER_VERSION, renderShareImage } from './render';

export { objectiveCard, shareImageAlt, siteCard, type ShareCard } from './card';
export { renderShareImage, SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH } from './render';

/** Cache namespace and extension of share images (src/lib/outputs/cache.ts). */
export const SHARE_IMAGE_CACHE = { namespace: 'share-image', options: { ext: 'png' } } as const;

/**
 * Everything that shapes a card's PNG, as cache key: the card itself, the layout version, the font
 * bytes and the versions of satori and libvips.
 */
export function shareImageKey(card: ShareCard): unknown {
  return {
    card,
    renderer: RENDERER_VERSION,
    font: shareFonts().hash,
    satori: satoriPackage.version,
    sharp: sharp.versions,
  };
}

/** The PNG of a card, from the content-hash cache when nothing that shapes it has changed. */
export function cachedShareImage(card: ShareCard): Promise<Buffer> {
  return cached(
    SHARE_IMAGE_CACHE.namespace,
    shareImageKey(card),
    () => renderShareImage(card),
    SHARE_IMAGE_CACHE.options,
  );
}
