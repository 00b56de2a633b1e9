import { z } from 'astro/zod';
import { finiteNumber, localId, optionalDate, optionalText, percentuale, text } from './common';

/** One fase (phase) of an objective: planned and actual dates, weight, progress, owner. */
export const FaseSchema = z.strictObject({
  id: localId('F').describe(
    'Identificativo stabile della fase nell’obiettivo (F01, F02 …): compare negli indirizzi #F01',
  ),
  titolo: text.describe('Titolo della fase, come nel PEG'),
  inizio_previsto: optionalDate.describe('Data di inizio prevista (AAAA-MM-GG)'),
  fine_prevista: optionalDate.describe('Data di fine prevista (AAAA-MM-GG), null se non indicata'),
  inizio_effettivo: optionalDate.describe('Data di inizio effettiva (AAAA-MM-GG), null se non ancora iniziata'),
  fine_effettiva: optionalDate.describe('Data di fine effettiva (AAAA-MM-GG), null se non ancora conclusa'),
  peso: finiteNumber
    .min(0, { error: 'il peso non può essere negativo' })
    .max(100, { error: 'il peso non può superare 100' })
    .describe('Peso della fase in percentuale: i pesi delle fasi di un obiettivo sommano a 100'),
  avanzamento: percentuale('l’avanzamento').describe('Percentuale di avanzamento da 0 a 100; null se non rilevata'),
  responsabile: optionalText.describe('Responsabile della fase (COGNOME NOME)'),
  centro_di_responsabilita: optionalText.describe('Centro di responsabilità della fase (anche abbreviato)'),
  note: optionalText.describe('Note sulla fase, null se assenti'),
});

export type Fase = z.infer<typeof FaseSchema>;
