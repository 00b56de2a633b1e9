import { z } from 'astro/zod';
import { optionalText, text } from './common';
import { TIPI_INDICATORE_BASE } from './indicatore';
import { WEB_PROTOCOL } from './url-policy';

// Only web addresses (url-policy.ts): these become links in every page's header and footer, and a
// javascript: URL would run on click.
const url = z.url({
  protocol: WEB_PROTOCOL,
  error: 'scrivi un indirizzo completo, per esempio https://www.comune.esempio.it',
});
const optionalUrl = url.nullable();

/** content/ente.yaml: the comune that publishes the site, its look and its rules. */
export const EnteSchema = z
  .strictObject({
    nome: text.describe('Nome dell’ente come appare nel sito (per esempio Comune di Cinisello Balsamo)'),
    codice_ipa: z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? 'manca il codice IPA dell’ente: cercalo su IndicePA, https://www.indicepa.gov.it (per un comune è di solito c_ seguito dal codice catastale, per esempio c_c707)'
            : 'deve essere un testo, il codice IPA dell’ente (per esempio c_c707)',
      })
      .regex(/^[a-z0-9_]{2,20}$/i, {
        error:
          'il codice IPA è fatto di lettere, cifre e _ (per esempio c_c707): copialo da IndicePA, https://www.indicepa.gov.it',
      })
      .describe(
        'Codice IPA dell’ente (IndicePA, https://www.indicepa.gov.it), per esempio c_c707: identifica l’ente nei dati aperti',
      ),
    url: url.describe('Indirizzo del sito istituzionale dell’ente'),
    sito_url: url.describe('Indirizzo pubblico di questo sito (serve per i link canonici e le anteprime)'),
    logo: optionalText.describe('Percorso del logo dentro public/ (per esempio /logo.svg), null se assente'),
    colore_primario: z
      .string({ error: 'deve essere un testo' })
      .regex(/^#[0-9a-fA-F]{6}$/, { error: 'scrivi il colore in esadecimale, per esempio #0b5e5b' })
      .describe('Colore principale del sito, in esadecimale (#RRGGBB)'),
    licenza: z
      .literal('CC-BY-4.0', { error: 'i dati si pubblicano con licenza CC-BY-4.0' })
      .describe('Licenza dei dati aperti'),
    amministrazione_trasparente: url.describe('Indirizzo della sezione Amministrazione trasparente del sito dell’ente'),
    link: z
      .strictObject({
        performance: optionalUrl.describe('Pagina Performance della sezione Amministrazione trasparente'),
        note_legali: optionalUrl.describe('Pagina delle note legali dell’ente (null: si usa quella di questo sito)'),
        privacy: url.describe('Informativa privacy dell’ente'),
        dichiarazione_accessibilita: url.describe('Dichiarazione di accessibilità (AgID) dell’ente'),
      })
      .describe('Collegamenti del piè di pagina'),
    contatti: z
      .strictObject({
        indirizzo: optionalText.describe('Indirizzo della sede'),
        telefono: optionalText.describe('Numero di telefono del centralino'),
        email: optionalText.describe('Indirizzo email dell’ufficio che cura i dati'),
        pec: optionalText.describe('Posta elettronica certificata'),
      })
      .describe('Contatti dell’ente'),
    repository: z
      .strictObject({
        url: url.describe('Indirizzo del repository dei contenuti (per i link “Modifica questa pagina” e ai commit)'),
        ramo: text.default('main').describe('Ramo principale del repository'),
      })
      .nullable()
      .describe('Repository git dei contenuti; null se non pubblico'),
    soglie_esito: z
      .strictObject({
        raggiunto: z
          .number({ error: 'deve essere un numero' })
          .positive()
          .describe('Grado di raggiungimento (%) da cui un indicatore è raggiunto'),
        parzialmente_raggiunto: z
          .number({ error: 'deve essere un numero' })
          .min(0)
          .describe('Grado di raggiungimento (%) da cui un indicatore è parzialmente raggiunto'),
      })
      .refine((s) => s.parzialmente_raggiunto <= s.raggiunto, {
        error: 'la soglia di parzialmente_raggiunto non può superare quella di raggiunto',
        path: ['parzialmente_raggiunto'],
      })
      .describe('Soglie in percentuale per l’esito degli indicatori'),
    tipi_indicatore: z
      .array(text, { error: 'deve essere un elenco di tipi' })
      .default([...TIPI_INDICATORE_BASE])
      .describe('Tipi di indicatore ammessi'),
  })
  .describe('Dati dell’ente che pubblica gli obiettivi');

export type Ente = z.infer<typeof EnteSchema>;
