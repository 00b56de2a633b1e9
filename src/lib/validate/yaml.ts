import { load, YAMLException } from 'js-yaml';
import type { Finding } from './problem';
import { yamlHint } from './yaml-hints';

/** js-yaml reasons an editor meets, in Italian. Anything else is shown with its original reason. */
const REASONS: [RegExp, string][] = [
  [/^duplicated mapping key/, 'questa chiave è scritta due volte: tienine una sola'],
  [/tab characters must not be used in indentation/, 'usa spazi, non tabulazioni, per rientrare le righe'],
  [
    /bad indentation of a (mapping entry|sequence entry)/,
    'rientro sbagliato: allinea questa riga alle chiavi dello stesso livello',
  ],
  [/deficient indentation/, 'rientro insufficiente o parentesi/virgolette non chiuse prima di questa riga'],
  [
    /end of the stream or a document separator is expected/,
    'testo inatteso: controlla rientri e «:» delle righe vicine',
  ],
  [/unexpected end of the stream within a (double|single) quoted scalar/, 'virgolette aperte e mai chiuse'],
  [/missed comma between flow collection entries/, 'manca una virgola tra gli elementi tra parentesi'],
  [/incomplete explicit mapping pair/, 'coppia chiave: valore incompleta'],
  [
    /can not read a block mapping entry; a multiline key may not be an implicit key/,
    'chiave su più righe: manca «:» o c’è un rientro sbagliato',
  ],
  [/can not read an implicit mapping pair; a colon is missed/, 'manca «:» dopo la chiave'],
  [/unknown tag/, 'etichetta YAML sconosciuta (testo che inizia con !): metti il valore tra virgolette'],
  [/end of the stream or a document separator/, 'testo inatteso dopo i dati'],
];

function italianReason(reason: string): string {
  for (const [pattern, message] of REASONS) if (pattern.test(reason)) return message;
  return `errore di sintassi YAML (${reason})`;
}

export type YamlResult = { value: unknown } | { finding: Finding };

/**
 * Parses YAML with js-yaml (fast, no positions kept). `firstLine` is the file line of the YAML's
 * first line, so that marks (zero-based) become file lines: line = firstLine + mark.line. `required`:
 * keys that cannot be null, for the advice on a bare `-`.
 */
export function parseYaml(yaml: string, firstLine: number, required: ReadonlySet<string> = new Set()): YamlResult {
  try {
    return { value: load(yaml) };
  } catch (error) {
    if (error instanceof YAMLException) {
      if (/input is empty/.test(error.reason)) return { value: null };
      const hint = error.mark ? yamlHint(yaml, error.reason, error.mark.line, firstLine, required) : undefined;
      if (hint)
        return { finding: { rule: 'yaml', line: firstLine + hint.line, col: hint.col + 1, message: hint.message } };
      return {
        finding: {
          rule: 'yaml',
          line: firstLine + (error.mark?.line ?? 0),
          col: (error.mark?.column ?? 0) + 1,
          message: italianReason(error.reason),
        },
      };
    }
    throw error;
  }
}
