import { defineCollection } from 'astro:content';
import { ObiettivoSchema } from './schemas/obiettivo';
import { obiettiviLoader } from './lib/content/loader';

/** Collections = loader + schema. The loader reads files with the same parser as the validator. */
const obiettivi = defineCollection({
  loader: obiettiviLoader({ contentDir: process.env.PEG_CONTENT_DIR ?? './content' }),
  schema: ObiettivoSchema,
});

export const collections = { obiettivi };
