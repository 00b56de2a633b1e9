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

/** Line (1-based) just after the `end` offset: counts newlines, which is cheap next to parsing. */
function countLines(text: string, end: number): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** A [frontmatter] error: always at the file's first line, where the front matter must start. */
function frontMatterProblem(message: string): { finding: Finding } {
  return { finding: { rule: 'frontmatter', line: 1, col: 1, message } };
}

/**
 * Splits an objective file into front matter and Markdown body, as gray-matter does for valid files,
 * but reports a missing opening or closing `---` with its line instead of silently reading no data.
 */
export function splitFrontMatter(text: string): SplitFile | { finding: Finding } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstBreak = source.indexOf('\n');
  const firstLine = firstBreak === -1 ? source : source.slice(0, firstBreak);
  if (!DELIMITER.test(firstLine)) {
    return frontMatterProblem(
      'il file deve iniziare con una riga --- seguita dai dati dell’obiettivo (codice, anno, titolo …) e da un’altra riga ---',
    );
  }
  // Jump from one "\n---" to the next instead of visiting every line: front matter is most of the file.
  for (
    let at = source.indexOf('\n---', firstBreak);
    firstBreak !== -1 && at !== -1;
    at = source.indexOf('\n---', at + 1)
  ) {
    const end = source.indexOf('\n', at + 1);
    if (!DELIMITER.test(source.slice(at + 1, end === -1 ? source.length : end))) continue;
    const yaml = source.slice(firstBreak + 1, at + 1);
    const body = end === -1 ? '' : source.slice(end + 1);
    return { yaml, yamlLine: 2, body, bodyLine: countLines(source, at + 1) + 1 };
  }
  return frontMatterProblem(
    'manca la riga --- che chiude i dati dell’obiettivo: aggiungila prima del testo (## Modalità di attuazione)',
  );
}
