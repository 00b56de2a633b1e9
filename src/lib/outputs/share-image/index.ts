import sharp from 'sharp';
import satoriPackage from 'satori/package.json' with { type: 'json' };
import { cached } from '../cache';
import type { ShareCard } from './card';
import { shareFonts } from './fonts';
import { RENDERER_VERSION, renderShareImage } from './render';

export { objectiveCard, shareImageAlt, siteCard, type ShareCard } from './card';
export { renderShareImage, SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH } from './render';

/**
 * The PNG of a card, from the content-hash cache when nothing that shapes it has changed: the card
 * itself, the layout version, the font bytes and the versions of satori and libvips.
 */
export function cachedShareImage(card: ShareCard): Promise<Buffer> {
  const key = {
    card,
    renderer: RENDERER_VERSION,
    font: shareFonts().hash,
    satori: satoriPackage.version,
    sharp: sharp.versions,
  };
  return cached('share-image', key, () => renderShareImage(card), { ext: 'png' });
}
