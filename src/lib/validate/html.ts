import type { Finding, FieldPath } from './problem';

/**
 * Raw HTML the site would show as text (it is never rendered): an element tag, a comment, or a
 * `javascript:` URL. Markdown autolinks (`<https://…>`, `<nome@comune.it>`) and comparisons (`a < b`)
 * do not match: a tag name must be followed by whitespace, `/` or `>`.
 */
const HTML = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|javascript\s*:/i;

/** The offending snippet of `text`, or undefined when it has none. */
export function findHtml(text: string): { index: number; snippet: string } | undefined {
  const match = HTML.exec(text);
  if (!match) return undefined;
  const snippet = match[0].length > 40 ? `${match[0].slice(0, 37)}…` : match[0];
  return { index: match.index, snippet };
}

/**
 * Cheap pre-check on raw YAML text: when it has no HTML and no escape sequence (`\u003c` could
 * spell `<` in a double-quoted string), no parsed string can have HTML and the walk is skipped.
 */
export function mayContainHtml(yaml: string): boolean {
  return HTML.test(yaml) || /\\[xuU]/.test(yaml);
}

function message(snippet: string, where: string): string {
  return /^javascript/i.test(snippet)
    ? `contiene un indirizzo javascript:, non ammesso: usa un indirizzo https://`
    : `contiene HTML (${snippet}): il sito lo mostra come testo; ${where}`;
}

/** HTML in any string of the front matter, reported at that field. The path is copied only on a hit. */
export function htmlInData(data: unknown, path: (string | number)[] = [], findings: Finding[] = []): Finding[] {
  if (typeof data === 'string') {
    const found = findHtml(data);
    if (found)
      findings.push({
        rule: 'html',
        path: [...path] as FieldPath,
        message: message(found.snippet, 'scrivi solo testo'),
      });
  } else if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) {
      path.push(i);
      htmlInData(data[i], path, findings);
      path.pop();
    }
  } else if (data !== null && typeof data === 'object') {
    for (const key in data) {
      path.push(key);
      htmlInData((data as Record<string, unknown>)[key], path, findings);
      path.pop();
    }
  }
  return findings;
}

/** HTML in the Markdown body, outside code (fenced blocks and `inline code` are meant as text). One warning per line. */
export function htmlInBody(body: string, firstLine: number): Finding[] {
  if (!findHtml(body)) return [];
  const findings: Finding[] = [];
  let fence: string | undefined;
  body.split('\n').forEach((line, index) => {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      return;
    }
    if (fence) return;
    const withoutCode = line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
    const found = findHtml(withoutCode);
    if (found)
      findings.push({
        rule: 'html',
        line: firstLine + index,
        col: found.index + 1,
        message: message(found.snippet, 'usa Markdown (**grassetto**, *corsivo*, [testo](https://…))'),
      });
  });
  return findings;
}
