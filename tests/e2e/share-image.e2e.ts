import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';

/** The share images as a static host serves them: the URLs the page heads point og:image to. */
describe('share images of the built site', () => {
  for (const path of ['/obiettivi/2020/a01-00/anteprima.png', '/anteprima.png']) {
    it(`serves ${path} as a 1200×630 PNG`, async () => {
      const response = await fetch(`${inject('baseURL')}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      const { format, width, height } = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect({ format, width, height }).toEqual({ format: 'png', width: 1200, height: 630 });
    });
  }
});
