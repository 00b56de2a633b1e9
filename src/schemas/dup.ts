import { z } from 'astro/zod';
import { text } from './common';

const codice = z
  .string({ error: 'deve essere un testo' })
  .regex(/^[A-Za-z0-9_.-]+$/, { error: 'il codice DUP contiene solo lettere, cifre, _ . e -' });

/** One programme of the DUP (Documento Unico di Programmazione). */
export const ProgrammaSchema = z.strictObject({
  codice: codice.describe('Codice del programma (per esempio DUP_10_0101_1103)'),
  titolo: text.describe('Titolo del programma'),
});

/** One missione with its programmes. */
export const MissioneSchema = z.strictObject({
  codice: codice.describe('Codice della missione (per esempio DUP_10_0101)'),
  titolo: text.describe('Titolo della missione'),
  programmi: z
    .array(ProgrammaSchema, { error: 'deve essere un elenco di programmi' })
    .describe('Programmi della missione'),
});

/** One obiettivo di mandato with its missioni. */
export const MandatoSchema = z.strictObject({
  codice: codice.describe('Codice dell’obiettivo di mandato (per esempio DUP_10)'),
  titolo: text.describe('Titolo dell’obiettivo di mandato'),
  missioni: z.array(MissioneSchema, { error: 'deve essere un elenco di missioni' }).describe('Missioni del mandato'),
});

/** content/dup.yaml: the DUP hierarchy mandato → missione → programma. */
export const DupSchema = z.strictObject({
  mandati: z
    .array(MandatoSchema, { error: 'deve essere un elenco di mandati' })
    .describe('Obiettivi di mandato del DUP'),
});

export type Dup = z.infer<typeof DupSchema>;
