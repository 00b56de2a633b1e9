import { z } from 'astro/zod';
import { optionalText, text } from './common';
import { FaseSchema } from './fase';
import { IndicatoreSchema } from './indicatore';
import { SoggettoSchema } from './soggetto';

/** Objective code: year, area letter with number, sub-number, as the PEG software writes it. */
export const CODICE_PATTERN = /^(\d{4})_([A-Z]\d{2,3})_(\d{2})$/;

/** Links of the objective to the DUP hierarchy; codes are defined in content/dup.yaml. */
export const DupLinkSchema = z.strictObject({
  mandato: text.describe('Codice dell’obiettivo di mandato del DUP (per esempio DUP_10)'),
  missione: text.describe('Codice dell’obiettivo di missione del DUP (per esempio DUP_10_0101)'),
  programma: text.describe('Codice dell’obiettivo di programma del DUP (per esempio DUP_10_0101_1103)'),
});

/** Front matter of one objective file, content/obiettivi/<anno>/<slug>.md. Keys are the open-data keys. */
export const ObiettivoSchema = z.strictObject({
  codice: z
    .string({ error: (issue) => (issue.input === undefined ? 'campo obbligatorio' : 'deve essere un testo') })
    .regex(CODICE_PATTERN, { error: 'il codice si scrive ANNO_LETTERA+NUMERO_NUMERO, per esempio 2020_A01_00' })
    .describe('Codice unico dell’obiettivo, per esempio 2020_A01_00: inizia con l’anno'),
  anno: z
    .int({ error: 'l’anno è un numero intero di quattro cifre' })
    .min(2000, { error: 'l’anno deve essere compreso tra 2000 e 2100' })
    .max(2100, { error: 'l’anno deve essere compreso tra 2000 e 2100' })
    .describe('Anno del PEG; coincide con l’inizio del codice e con la cartella del file'),
  titolo: text.describe('Titolo dell’obiettivo'),
  assessorato: optionalText.describe('Assessorato di riferimento (per esempio Sindaco)'),
  centro_di_responsabilita: text.describe('Centro di responsabilità (settore o unità organizzativa)'),
  responsabile: text.describe('Responsabile dell’obiettivo (COGNOME NOME)'),
  stato: optionalText.describe('Stato dell’obiettivo (per esempio In corso, Concluso)'),
  dup: DupLinkSchema.describe('Collegamento al DUP: mandato → missione → programma'),
  soggetti_coinvolti: z
    .array(SoggettoSchema, { error: 'deve essere un elenco' })
    .default([])
    .describe('Persone coinvolte, solo nel loro ruolo'),
  fasi: z
    .array(FaseSchema, { error: 'deve essere un elenco di fasi' })
    .default([])
    .describe('Fasi (attività) dell’obiettivo'),
  indicatori: z
    .array(IndicatoreSchema, { error: 'deve essere un elenco di indicatori' })
    .default([])
    .describe('Indicatori di risultato dell’obiettivo'),
});

export type Obiettivo = z.infer<typeof ObiettivoSchema>;
export type ObiettivoInput = z.input<typeof ObiettivoSchema>;
