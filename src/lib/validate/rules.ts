import type { Level } from './problem';

/** One rule of the validator: its stable id, whether it stops the build, and what it checks. */
export interface Rule {
  id: string;
  /** `errore` stops `npm run validate` and the build; `avviso` is printed and the build goes on. */
  livello: Level;
  descrizione: string;
}

/**
 * Every rule the validator applies, in one table. Ids appear in brackets at the end of each message, in
 * `--format json` and in docs/validazione.md; never rename one (CI filters may match them).
 */
export const RULES = [
  {
    id: 'file',
    livello: 'errore',
    descrizione: 'The file cannot be read as text: missing, empty, over the size limit, binary or not UTF-8.',
  },
  {
    id: 'file-estraneo',
    livello: 'errore',
    descrizione:
      'An entry of content/ that is not content: wrong extension, backup or lock file, hidden file, FIFO/socket/device, folder or file in the wrong place, year folder not of 4 digits.',
  },
  {
    id: 'collegamento',
    livello: 'errore',
    descrizione: 'A symbolic link in content/ (refused wherever it points: each objective is one real file).',
  },
  {
    id: 'frontmatter',
    livello: 'errore',
    descrizione: 'An objective file must start with a `---` line, a YAML map, and a closing `---` line.',
  },
  { id: 'yaml', livello: 'errore', descrizione: 'YAML syntax error (including a key written twice in the same map).' },
  {
    id: 'schema',
    livello: 'errore',
    descrizione: 'A field does not match the schema (type, required field, allowed values, ranges).',
  },
  {
    id: 'chiave-sconosciuta',
    livello: 'errore',
    descrizione: 'A key the schema does not know (usually misspelt); the nearest valid key is suggested.',
  },
  {
    id: 'numero',
    livello: 'errore',
    descrizione:
      'A number written the Italian way (40.000, 80,5, 75%, € 1.200, 1 200, Sì), read from its source text, with the exact fix.',
  },
  {
    id: 'valore-vuoto',
    livello: 'errore',
    descrizione: 'A numeric field left empty (`valore_raggiunto:`, `~`, `""`): write the number, or `null` on purpose.',
  },
  {
    id: 'data',
    livello: 'errore',
    descrizione: 'A date that is not `YYYY-MM-DD` or does not exist in the calendar (2020-02-31).',
  },
  { id: 'date-ordine', livello: 'errore', descrizione: 'A start date after its end date (planned, actual, soggetti).' },
  { id: 'pesi-fasi', livello: 'errore', descrizione: 'The pesi of an objective’s fasi do not sum to 100 (±0.01).' },
  {
    id: 'codice-duplicato',
    livello: 'errore',
    descrizione: 'Two objective files use the same codice (across all years).',
  },
  {
    id: 'codice-percorso',
    livello: 'errore',
    descrizione: 'codice, anno and the file path disagree: the file must be obiettivi/<anno>/<slug>.md.',
  },
  { id: 'dup-mancante', livello: 'errore', descrizione: 'A DUP code of the objective is not defined in dup.yaml.' },
  {
    id: 'dup-catena',
    livello: 'errore',
    descrizione: 'The DUP codes exist but do not form one chain (programma in missione in mandato).',
  },
  { id: 'dup-duplicato', livello: 'errore', descrizione: 'A DUP code is defined twice in dup.yaml.' },
  {
    id: 'id-duplicato',
    livello: 'errore',
    descrizione: 'Two fasi or two indicatori of one objective have the same id.',
  },
  {
    id: 'tipo-indicatore',
    livello: 'errore',
    descrizione: 'An indicator tipo that is not listed in ente.yaml `tipi_indicatore`.',
  },
  {
    id: 'storico-anno',
    livello: 'errore',
    descrizione: 'A storico year that is not earlier than the objective’s anno.',
  },
  {
    id: 'indirizzo',
    livello: 'errore',
    descrizione:
      'A name that becomes a page address (responsabile, centro di responsabilità, DUP code) is empty of letters and digits, a placeholder (`n.d.`), reserved (`index`), or two DUP codes differ only in case.',
  },
  {
    id: 'indirizzo-lungo',
    livello: 'avviso',
    descrizione: 'A name whose address would be over 150 characters: the address is shortened with a stable hash.',
  },
  {
    id: 'html',
    livello: 'avviso',
    descrizione:
      'Raw HTML, an event handler or a `javascript:` URL in a text (shown as text, never rendered), or a link in the body whose scheme the page drops (only http, https, mailto, tel: src/schemas/url-policy.ts).',
  },
  {
    id: 'sezione-mancante',
    livello: 'avviso',
    descrizione: 'The body lacks `## Modalità di attuazione` or `## Stato di attuazione`.',
  },
  { id: 'binario', livello: 'avviso', descrizione: 'A binario indicator whose atteso or raggiunto is not 0 or 1.' },
  {
    id: 'rapporto',
    livello: 'avviso',
    descrizione: 'raggiunto/atteso is over 10× or under 1/10: probably a unit mismatch (1 vs 100).',
  },
  { id: 'date-anno', livello: 'avviso', descrizione: 'A fase date outside the PEG year ±1.' },
  {
    id: 'verificato-note',
    livello: 'errore',
    descrizione: 'An indicator with `verificato: true` and no `note` explaining why its value is right.',
  },
  {
    id: 'verificato-superfluo',
    livello: 'avviso',
    descrizione: '`verificato: true` on an indicator whose values are not implausible.',
  },
  {
    id: 'stato-fasi',
    livello: 'avviso',
    descrizione: 'stato and the fasi disagree: concluded with fasi under 100%, or in progress with every fase at 100%.',
  },
  {
    id: 'importazione',
    livello: 'errore',
    descrizione:
      'An import was interrupted after its commit point: its journal is still in the content folder (files may be mixed).',
  },
  {
    id: 'formula',
    livello: 'avviso',
    descrizione:
      'A text starting with =, +, -, @, tab or CR: spreadsheets would run it as a formula (CSV neutralises it).',
  },
  {
    id: 'performance-anno',
    livello: 'errore',
    descrizione: 'content/performance/<anno>.yaml whose `anno` differs from its file name.',
  },
  {
    id: 'performance-documento',
    livello: 'errore',
    descrizione:
      'A document of content/performance/ names a PDF that is not in performance/documenti/, or the same PDF twice.',
  },
  {
    id: 'documento-non-citato',
    livello: 'avviso',
    descrizione: 'A PDF in content/performance/documenti/ that no document names (published anyway).',
  },
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]['id'];

/** Rules that only warn (livello `avviso`): the build still passes. */
export const WARNING_RULES: ReadonlySet<RuleId> = new Set(
  RULES.filter((rule) => rule.livello === 'avviso').map((rule) => rule.id),
);

/** The level of every finding of a rule. */
export function ruleLevel(rule: RuleId): Level {
  return WARNING_RULES.has(rule) ? 'avviso' : 'errore';
}
