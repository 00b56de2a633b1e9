import type { Finding } from './problem';

export interface SplitFile {
  /** The YAML between the two `---` lines. */
  yaml: string;
  /** File line (1-based) of the first YAML line: 2 when the file starts with `---`. */
  yamlLine: number;
  body: string;
  /** File line (1-based) of the first body line. */
  bodyLine: number;
}

const DELIMITER = /^---[ \t]*\r?$/;

/**
 * Splits an objective file into front matter and Markdown body, as gray-matter does for valid files,
 * but reports a missing opening or closing `---` with its line instead of silently reading no data.
 */
export function splitFrontMatter(text: string): SplitFile | { finding: Finding } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstBreak = source.indexOf('\n');
  const firstLine = firstBreak === -1 ? source : source.slice(0, firstBreak);
  if (!DELIMITER.test(firstLine)) {
    return {
      finding: {
        rule: 'frontmatter',
        line: 1,
        col: 1,
        message: 'il file deve iniziare con una riga --- seguita dai dati dell’obiettivo (codice, anno, titolo …) e da un’altra riga ---',
      },
    };
  }
  let line = 2;
  let start = firstBreak + 1;
  while (firstBreak !== -1 && start <= source.length) {
    const end = source.indexOf('\n', start);
    const current = source.slice(start, end === -1 ? source.length : end);
    if (DELIMITER.test(current)) {
      const yaml = source.slice(firstBreak + 1, start);
      const body = end === -1 ? '' : source.slice(end + 1);
      return { yaml, yamlLine: 2, body, bodyLine: line + 1 };
    }
    if (end === -1) break;
    start = end + 1;
    line++;
  }
  return {
    finding: {
      rule: 'frontmatter',
      line: 1,
      col: 1,
      message: 'manca la riga --- che chiude i dati dell’obiettivo: aggiungila prima del testo (## Modalità di attuazione)',
    },
  };
}
