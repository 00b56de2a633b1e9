import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { timePhase } from '../../build/phases';
import { loadContentForBuild, closeBuildRead, openBuildRead } from '../../content/build-read';
import { loadContent } from '../../content/load';
import { SITE_SHARE_IMAGE_URL } from '../../routes';
import {
  renderMissingInBackground,
  shareImages,
  writeShareImages,
  type BackgroundRender,
  type ShareImage,
} from './images';
import { cachedShareImage } from './index';

/**
 * The share images as an Astro integration rather than as pages: `astro build` renders the images the
 * cache lacks while it renders the pages (from `astro:build:start`) and writes them all into the output
 * folder once the pages are done (images.ts); `astro dev` serves them from the same list. Content is read
 * with the plain reader (src/lib/content/load.ts), the one reconciliation uses too.
 */
export function shareImageIntegration(contentDir: string): AstroIntegration {
  let build: { images: ShareImage[]; background: BackgroundRender } | undefined;
  return {
    name: 'peg-share-images',
    hooks: {
      // content/ is read once for this, the pages and the open data (src/lib/content/build-read.ts).
      'astro:build:start': async () => {
        openBuildRead();
        // A build of this process that failed before build:done left its work behind (programmatic builds).
        await build?.background.cancel();
        const images = shareImages(loadContentForBuild(contentDir));
        build = { images, background: renderMissingInBackground(images) };
      },
      'astro:build:done': async ({ dir, logger }) => {
        const current = build;
        build = undefined;
        try {
          const images = current?.images ?? shareImages(loadContentForBuild(contentDir));
          const stats = await timePhase('immagini di anteprima', () =>
            writeShareImages(fileURLToPath(dir), images, current?.background),
          );
          logger.info(
            `${stats.rendered + stats.cached} immagini di anteprima: ${stats.rendered} generate` +
              (stats.workers > 0 ? ` (${stats.workers} thread)` : '') +
              `, ${stats.cached} dalla cache`,
          );
        } finally {
          // Ends the workers when writing failed midway.
          await current?.background.cancel();
          closeBuildRead();
        }
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const path = new URL(req.url ?? '/', 'http://localhost').pathname;
          // Every share image's name is the site-wide one's: a cheap test before reading content/.
          if (!path.endsWith(SITE_SHARE_IMAGE_URL)) return next();
          const image = shareImages(loadContent(contentDir)).find((i) => i.url === path);
          if (!image) return next();
          cachedShareImage(image.card).then((png) => {
            res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': png.length });
            res.end(png);
          }, next);
        });
      },
    },
  };
}
