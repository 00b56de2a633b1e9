import { z } from 'astro/zod';
import { isoDate, optionalDate, text } from './common';

/**
 * The Performance section of Amministrazione trasparente (d.lgs. 33/2013 art. 10 and 20, d.lgs. 150/2009
 * art. 10, DPR 81/2022): per year content/performance/<anno>.yaml, and the Sistema di misurazione e
 * valutazione in content/performance/sistema.yaml. PDFs the comune already has live in
 * content/performance/documenti/. A document the comune does not have is written with `file: null` and the
 * reason in `non_disponibile`: the site says it is missing rather than inventing it.
 */

/**
 * Blanks left in a template and published as such ("decreto n. __ del __", "XX/XX/XXXX"): a real act has a
 * number and a date.
 */
const PLACEHOLDER = /_{2,}|\bX{2}\/X{2}\/X{2,4}\b|\bn\.\s*(?:\.{2,}|…)|\.{3,}|…/i;

/** Text that is not a template blank. */
const filled = text.refine((value) => !PLACEHOLDER.test(value), {
  error:
    'contiene uno spazio da riempire di un modello (per esempio «n. __ del __» o «XX/XX/XXXX»): scrivi il valore vero, oppure null con il motivo in non_disponibile',
});

/** The act that adopted a document: organo, tipo, numero, data. */
export const AttoSchema = z
  .strictObject({
    organo: filled.describe(
      'Organo che ha adottato l’atto (per esempio Giunta comunale, Sindaco, Nucleo di valutazione)',
    ),
    tipo: filled.describe('Tipo di atto (per esempio Deliberazione, Decreto, Verbale)'),
    numero: filled.describe('Numero dell’atto, come scritto sull’atto (per esempio 45 o 12/2021)'),
    data: isoDate.describe('Data dell’atto (AAAA-MM-GG)'),
  })
  .describe('Atto di adozione');

export type Atto = z.infer<typeof AttoSchema>;

/** Name of a PDF in content/performance/documenti/: lower case, digits, dashes. */
const FILE_NAME = /^[a-z0-9][a-z0-9-]*\.pdf$/;

/** One published document: a PDF of the comune, or an explicit "non disponibile" with the reason. */
export const DocumentoSchema = z
  .strictObject({
    titolo: filled.describe('Titolo del documento, come nell’atto'),
    file: z
      .string({ error: 'deve essere il nome di un file PDF oppure null' })
      .regex(FILE_NAME, {
        error:
          'scrivi il nome del file PDF in content/performance/documenti/, minuscolo, senza spazi (per esempio relazione-performance-2020.pdf)',
      })
      .nullable()
      .describe('Nome del PDF in content/performance/documenti/; null se il documento non è disponibile'),
    non_disponibile: filled
      .nullable()
      .default(null)
      .describe('Perché il documento non è pubblicato (obbligatorio quando file è null)'),
    atto: AttoSchema.nullable().describe('Atto che ha adottato il documento; null se non noto'),
    data_pubblicazione: optionalDate.describe(
      'Data di pubblicazione nella sezione Amministrazione trasparente (AAAA-MM-GG)',
    ),
  })
  .refine((d) => d.file !== null || d.non_disponibile !== null, {
    error:
      'il documento non ha un file: scrivi il nome del PDF oppure, nella riga non_disponibile, il motivo (per esempio «la relazione non è ancora stata adottata»)',
    path: ['file'],
  })
  .describe('Documento pubblicato');

export type Documento = z.infer<typeof DocumentoSchema>;

/** Where the objectives of a year are planned; the pages call the plan by this name. */
export const TIPI_PIANO = ['PEG', 'PDO', 'PIAO'] as const;
export type TipoPiano = (typeof TIPI_PIANO)[number];

/**
 * Words of a staff category (Dirigenti, Posizioni organizzative, Categoria D, Area dei funzionari …). A
 * category made only of capitalised words none of which is one of these looks like a person's name.
 */
const STAFF_WORDS =
  /dirigen|segretari|direttor|posizion|organizzativ|personale|dipendent|comparto|categori|area|funzionari|istruttor|operator|collaborator|qualificazion|responsabil|incaric|tempo|livello|profil|polizia|educat|insegnant|total|altri|tutti|^[a-d]\d?$/i;

/** True when a category looks like "Mario Rossi" or "ROSSI MARIO" rather than a staff category. */
export function looksLikePersonName(value: string): boolean {
  const words = value.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  if (words.some((w) => STAFF_WORDS.test(w))) return false;
  return words.every((w) => /^[A-ZÀ-Ý][A-Za-zÀ-ÿ'’-]*$/.test(w));
}

/** Keys that would carry an individual's evaluation or premium: never published (Garante privacy). */
const PERSONAL_KEYS = [
  'nominativo',
  'nome',
  'cognome',
  'dipendente',
  'matricola',
  'codice_fiscale',
  'punteggio',
  'valutazione',
];

const PRIVACY =
  'i premi si pubblicano solo in forma aggregata per categoria di personale (d.lgs. 33/2013 art. 20): i nomi e le valutazioni delle singole persone non vanno mai pubblicati (Garante privacy)';

const euro = z
  .number({ error: 'deve essere un importo in euro scritto in cifre (per esempio 125000.50), oppure null' })
  .min(0, { error: 'un importo non può essere negativo' })
  .nullable();
const count = z.int({ error: 'deve essere un numero intero, oppure null' }).min(0).nullable();

/** One row of the premium figures: a category of staff, never a person. */
export const PremioCategoriaSchema = z.preprocess(
  (value, ctx) => {
    if (value && typeof value === 'object' && !Array.isArray(value))
      for (const key of Object.keys(value))
        if (PERSONAL_KEYS.includes(key.toLowerCase()))
          ctx.issues.push({
            code: 'custom',
            message: `il campo «${key}» non è ammesso: ${PRIVACY}`,
            path: [key],
            input: value,
          });
    return value;
  },
  z.strictObject({
    categoria: text
      .refine((value) => !looksLikePersonName(value), {
        error: `sembra il nome di una persona: ${PRIVACY}. Scrivi una categoria (per esempio Dirigenti, Posizioni organizzative, Personale del comparto)`,
      })
      .describe('Categoria di personale (per esempio Dirigenti, Posizioni organizzative, Personale del comparto)'),
    stanziato: euro.describe('Premi stanziati per la categoria, in euro'),
    distribuito: euro.describe('Premi effettivamente distribuiti alla categoria, in euro'),
    dipendenti: count.describe('Numero di dipendenti della categoria'),
    dipendenti_premiati: count.describe('Numero di dipendenti della categoria che hanno ricevuto un premio'),
  }),
);

/** Art. 20 figures of one year, in aggregate. */
export const PremiSchema = z
  .strictObject({
    stanziato: euro.describe('Ammontare complessivo dei premi stanziati, in euro; null se non disponibile'),
    distribuito: euro.describe('Ammontare dei premi effettivamente distribuiti, in euro; null se non disponibile'),
    non_disponibile: filled
      .nullable()
      .default(null)
      .describe('Perché gli importi non sono pubblicati (obbligatorio se mancano)'),
    categorie: z
      .array(PremioCategoriaSchema, { error: 'deve essere un elenco di categorie di personale' })
      .default([])
      .describe('Premi per categoria di personale (mai per persona)'),
    differenziazione: filled
      .nullable()
      .default(null)
      .describe('Come i premi sono stati differenziati (fasce, distribuzione dei punteggi in forma aggregata)'),
    documento: DocumentoSchema.nullable()
      .default(null)
      .describe('Atto o prospetto di distribuzione (contratto decentrato, determina)'),
  })
  .refine((p) => (p.stanziato !== null && p.distribuito !== null) || p.non_disponibile !== null, {
    error: 'mancano gli importi: scrivi stanziato e distribuito oppure, nella riga non_disponibile, il motivo',
    path: ['stanziato'],
  })
  .describe('Dati sui premi (d.lgs. 33/2013 art. 20)');

/** content/performance/<anno>.yaml */
export const PerformanceAnnoSchema = z
  .strictObject({
    anno: z
      .int({ error: 'l’anno è un numero intero di quattro cifre' })
      .min(2000, { error: 'l’anno deve essere compreso tra 2000 e 2100' })
      .max(2100, { error: 'l’anno deve essere compreso tra 2000 e 2100' })
      .describe('Anno a cui si riferiscono piano, relazione e premi; coincide con il nome del file'),
    approvazione_bilancio: optionalDate.describe(
      'Data di approvazione del bilancio di previsione (AAAA-MM-GG): sposta la scadenza del PIAO a 30 giorni dopo',
    ),
    piano: z
      .strictObject({
        tipo: z
          .enum(TIPI_PIANO, {
            error:
              'scrivi PEG (obiettivi gestionali del PEG), PDO (piano dettagliato degli obiettivi) o PIAO (sottosezione 2.2 Performance)',
          })
          .describe('Documento che contiene gli obiettivi: PEG, PDO o PIAO'),
        documento: DocumentoSchema.describe('Il piano adottato'),
      })
      .describe('Piano della Performance dell’anno'),
    relazione: z
      .strictObject({
        documento: DocumentoSchema.describe('La Relazione sulla Performance approvata dall’ente (firmata)'),
        validazione: z
          .strictObject({
            organo: filled.describe('Chi valida: Nucleo di valutazione oppure OIV'),
            data: optionalDate.describe('Data della validazione (AAAA-MM-GG); null se non disponibile'),
            documento: DocumentoSchema.describe('Il documento di validazione'),
          })
          .describe('Validazione della Relazione da parte del Nucleo di valutazione o dell’OIV'),
      })
      .describe('Relazione sulla Performance dell’anno'),
    premi: PremiSchema,
  })
  .describe('Performance di un anno: piano, relazione, premi');

export type PerformanceAnno = z.infer<typeof PerformanceAnnoSchema>;

/** content/performance/sistema.yaml: the Sistemi di misurazione e valutazione, newest first. */
export const SistemaSchema = z
  .strictObject({
    sistemi: z
      .array(
        z.strictObject({
          dal: z
            .int({ error: 'scrivi l’anno da cui vale (per esempio 2019)' })
            .min(2000)
            .max(2100)
            .describe('Primo anno in cui vale'),
          al: z
            .int({ error: 'scrivi l’ultimo anno in cui vale, oppure null se è in vigore' })
            .min(2000)
            .max(2100)
            .nullable()
            .describe('Ultimo anno in cui vale; null se in vigore'),
          documento: DocumentoSchema.describe('Il Sistema di misurazione e valutazione della Performance'),
        }),
        { error: 'deve essere un elenco di sistemi' },
      )
      .min(1, { error: 'scrivi almeno un sistema (anche con file: null e il motivo in non_disponibile)' })
      .describe('Sistemi di misurazione e valutazione adottati'),
  })
  .describe('Sistema di misurazione e valutazione della Performance');

export type Sistema = z.infer<typeof SistemaSchema>;
