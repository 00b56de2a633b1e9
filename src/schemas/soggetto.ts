import { z } from 'astro/zod';
import { optionalDate, optionalText, percentuale, text } from './common';

/** A person involved in an objective, only in their role (never evaluations or scores). */
export const SoggettoSchema = z.strictObject({
  nominativo: text.describe('Nome e cognome della persona coinvolta'),
  relazione: optionalText.describe('Ruolo rispetto all’obiettivo (per esempio Posizione Organizzativa)'),
  impegno: percentuale('l’impegno').describe('Impegno sull’obiettivo in percentuale'),
  inizio: optionalDate.describe('Data di inizio del coinvolgimento (AAAA-MM-GG)'),
  fine: optionalDate.describe('Data di fine del coinvolgimento (AAAA-MM-GG), null se in corso'),
});

export type Soggetto = z.infer<typeof SoggettoSchema>;
