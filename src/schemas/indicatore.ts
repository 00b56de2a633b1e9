import { z } from 'astro/zod';
import { finiteNumber, localId, optionalText, text } from './common';

/** How an indicator's achieved value compares with the expected one. */
export const DIREZIONI = ['crescente', 'decrescente', 'binario'] as const;
export type Direzione = (typeof DIREZIONI)[number];

/** Indicator types every ente accepts; ente.yaml `tipi_indicatore` may list more. */
export const TIPI_INDICATORE_BASE = ['EFFICACIA', 'EFFICIENZA', 'QUALITA', 'QUANTITATIVO'] as const;

/** A four-digit year used as key of `storico`. YAML reads `2019:` as a number, JSON keys are strings. */
const yearKey = z.string().regex(/^\d{4}$/, { error: 'gli anni dello storico si scrivono con quattro cifre (2019)' });

/** One indicator of an objective: expected versus achieved value, with past years. */
export const IndicatoreSchema = z.strictObject({
  id: localId('I').describe(
    'Identificativo stabile dell’indicatore nell’obiettivo (I01, I02 …): compare negli indirizzi #I01',
  ),
  descrizione: text.describe('Descrizione dell’indicatore, come nel PEG'),
  tipo: text.describe(
    'Tipo di indicatore: EFFICACIA, EFFICIENZA, QUALITA, QUANTITATIVO o un altro tipo elencato in ente.yaml',
  ),
  direzione: z
    .enum(DIREZIONI, { error: 'scrivi crescente, decrescente oppure binario' })
    .default('crescente')
    .describe('crescente: più alto è meglio (predefinito); decrescente: più basso è meglio; binario: sì = 1, no = 0'),
  unita_di_misura: optionalText
    .default(null)
    .describe('Unità di misura dei valori (%, giorni, euro, numero …); null se non indicata'),
  valore_atteso: finiteNumber.nullable().describe('Valore atteso (obiettivo) dell’indicatore'),
  valore_raggiunto: finiteNumber.nullable().describe('Valore raggiunto; null se non ancora rilevato'),
  storico: z
    .record(yearKey, finiteNumber.nullable(), { error: 'lo storico è un elenco anno: valore (per esempio 2019: 10)' })
    .default({})
    .describe('Valori raggiunti negli anni precedenti, per anno (per esempio 2019: 10)'),
  note: optionalText.describe('Note sull’indicatore, null se assenti'),
  verificato: z
    .boolean({ error: 'scrivi true oppure false' })
    .default(false)
    .describe(
      'true quando un valore che il validatore segnala come poco plausibile è stato controllato: va spiegato nelle note',
    ),
});

export type Indicatore = z.infer<typeof IndicatoreSchema>;
