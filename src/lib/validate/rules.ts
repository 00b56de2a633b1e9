import type { Level } from './problem';

/** One rule of the validator: its stable id, whether it stops the build, and what it checks. */
export interface Rule {
  id: string;
  /** `errore` stops `npm run validate` and the build; `avviso` is printed and the build goes on. */
  livello: Level;
  descrizione: string;
}

/**
 * Every rule the validator applies, by level, each id with what it checks. Ids appear in brackets at the end
 * of each message, in `--format json` and in docs/validazione.md; never rename one (CI filters may match them).
 */
const ERRORI = {
  file: 'The file cannot be read as text: missing, empty, over the size limit, binary or not UTF-8.',
  'file-estraneo':
    'An entry of content/ that is not content: wrong extension, backup or lock file, hidden file, FIFO/socket/device, folder or file in the wrong place, year folder not of 4 digits.',
  collegamento: 'A symbolic link in content/ (refused wherever it points: each objective is one real file).',
  frontmatter: 'An objective file must start with a `---` line, a YAML map, and a closing `---` line.',
  yaml: 'YAML syntax error (including a key written twice in the same map).',
  schema: 'A field does not match the schema (type, required field, allowed values, ranges).',
  'chiave-sconosciuta': 'A key the schema does not know (usually misspelt); the nearest valid key is suggested.',
  numero:
    'A number written the Italian way (40.000, 80,5, 75%, € 1.200, 1 200, Sì), read from its source text, with the exact fix.',
  'valore-vuoto':
    'A numeric field left empty (`valore_raggiunto:`, `~`, `""`): write the number, or `null` on purpose.',
  data: 'A date that is not `YYYY-MM-DD` or does not exist in the calendar (2020-02-31).',
  'date-ordine': 'A start date after its end date (planned, actual, soggetti).',
  'pesi-fasi': 'The pesi of an objective’s fasi do not sum to 100 (±0.01).',
  'codice-duplicato': 'Two objective files use the same codice (across all years).',
  'codice-percorso': 'codice, anno and the file path disagree: the file must be obiettivi/<anno>/<slug>.md.',
  'dup-mancante': 'A DUP code of the objective is not defined in dup.yaml.',
  'dup-catena': 'The DUP codes exist but do not form one chain (programma in missione in mandato).',
  'dup-duplicato': 'A DUP code is defined twice in dup.yaml.',
  'id-duplicato': 'Two fasi or two indicatori of one objective have the same id.',
  'tipo-indicatore': 'An indicator tipo that is not listed in ente.yaml `tipi_indicatore`.',
  'storico-anno': 'A storico year that is not earlier than the objective’s anno.',
  indirizzo:
    'A name that becomes a page address (responsabile, centro di responsabilità, DUP code) is empty of letters and digits, a placeholder (`n.d.`), reserved (`index`), or two DUP codes differ only in case.',
  'verificato-note': 'An indicator with `verificato: true` and no `note` explaining why its value is right.',
  importazione:
    'An import was interrupted after its commit point: its journal is still in the content folder (files may be mixed).',
  'performance-anno': 'content/performance/<anno>.yaml whose `anno` differs from its file name.',
  'performance-documento':
    'A document of content/performance/ names a PDF that is not in performance/documenti/, or the same PDF twice.',
} as const;

/** Rules that only warn (livello `avviso`): the build still passes. */
const AVVISI = {
  'indirizzo-lungo': 'A name whose address would be over 150 characters: the address is shortened with a stable hash.',
  html: 'Raw HTML, an event handler or a `javascript:` URL in a text (shown as text, never rendered), or a link in the body whose scheme the page drops (only http, https, mailto, tel: src/schemas/url-policy.ts).',
  'sezione-mancante': 'The body lacks `## Modalità di attuazione` or `## Stato di attuazione`.',
  binario: 'A binario indicator whose atteso or raggiunto is not 0 or 1.',
  rapporto: 'raggiunto/atteso is over 10× or under 1/10: probably a unit mismatch (1 vs 100).',
  'date-anno': 'A fase date outside the PEG year ±1.',
  'verificato-superfluo': '`verificato: true` on an indicator whose values are not implausible.',
  'stato-fasi': 'stato and the fasi disagree: concluded with fasi under 100%, or in progress with every fase at 100%.',
  formula: 'A text starting with =, +, -, @, tab or CR: spreadsheets would run it as a formula (CSV neutralises it).',
  'documento-non-citato': 'A PDF in content/performance/documenti/ that no document names (published anyway).',
} as const;

export type RuleId = keyof typeof ERRORI | keyof typeof AVVISI;

const rows = (livello: Level, descrizioni: Record<string, string>) =>
  Object.entries(descrizioni).map(([id, descrizione]) => ({ id: id as RuleId, livello, descrizione }));

/** Every rule in one list: the errors, then the warnings. */
export const RULES: readonly (Rule & { id: RuleId })[] = [...rows('errore', ERRORI), ...rows('avviso', AVVISI)];

/** Rules that only warn (livello `avviso`): the build still passes. */
export const WARNING_RULES: ReadonlySet<RuleId> = new Set(Object.keys(AVVISI) as RuleId[]);

/** The level of every finding of a rule. */
export function ruleLevel(rule: RuleId): Level {
  return WARNING_RULES.has(rule) ? 'avviso' : 'errore';
}
