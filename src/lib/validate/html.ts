import { isSafeUrl, urlScheme } from '../../schemas/url-policy';
import type { Finding, FieldPath } from './problem';

/**
 * Raw HTML the site would show as text (it is never rendered): an element tag, a comment, or a URL
 * scheme that runs code (`javascript:`, `vbscript:`, `data:text/html`). Markdown autolinks
 * (`<https://…>`, `<nome@comune.it>`) and comparisons (`a < b`) do not match: a tag name must be
 * followed by whitespace, `/` or `>`.
 */
const HTML = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|(?:java|vb)script\s*:|data\s*:\s*text\/html/i;
const SCRIPT_SCHEME = /^(?:java|vb)script|^data/i;

// Payloads hide behind entities (`&lt;script&gt;`, `&#106;avascript:`) and control characters inside a
// scheme (`java&#x09;script:`), which browsers ignore: decode both before looking again.
const ENTITY = /&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|(lt|gt|quot|apos|amp|colon|tab|newline));?/gi;
const NAMED: Record<string, string> = {
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  amp: '&',
  colon: ':',
  tab: '\t',
  newline: '\n',
};

function decode(text: string): string {
  return text
    .replace(ENTITY, (_, hex?: string, dec?: string, name?: string) =>
      name
        ? NAMED[name.toLowerCase()]!
        : String.fromCodePoint(Math.min(parseInt(hex ?? dec!, hex ? 16 : 10), 0x10ffff)),
    )
    .replace(/(?<=[a-z])[\t\n\r]+(?=[a-z:])/gi, '');
}

/** The offending snippet of `text`, or undefined when it has none. */
export function findHtml(text: string): { index: number; snippet: string } | undefined {
  let match = HTML.exec(text);
  let index = match?.index ?? 0;
  if (!match && /&|[\t\n\r]/.test(text)) {
    match = HTML.exec(decode(text));
    // The decoded text is shorter: point at the first entity, where the hidden markup starts.
    index = Math.max(0, text.search(/&#?[a-z0-9]+;?/i));
  }
  if (!match) return undefined;
  const snippet = match[0].length > 40 ? `${match[0].slice(0, 37)}…` : match[0];
  return { index, snippet };
}

/**
 * Cheap pre-check on raw YAML text: when it has no HTML and no escape sequence (`\u003c` could
 * spell `<` in a double-quoted string), no parsed string can have HTML and the walk is skipped.
 */
export function mayContainHtml(yaml: string): boolean {
  // Entities and tabs can hide markup too (see decode); only texts that have them pay for decoding.
  return HTML.test(yaml) || /\\[xuUtnr]/.test(yaml) || (/[&\t]/.test(yaml) && HTML.test(decode(yaml)));
}

// Link targets in Markdown: `[testo](target)`, `![alt](target)` and autolinks `<scheme:…>`.
const LINK_TARGET = /\]\(\s*<?([^)\s>]+)|<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi;

/**
 * A Markdown link whose scheme the page drops (src/schemas/url-policy.ts: ftp:, file: …), so the editor
 * learns it before a citizen finds a dead link. Schemes that run code are already found by findHtml.
 */
export function findUnsafeLink(line: string): { index: number; snippet: string } | undefined {
  for (const match of line.matchAll(LINK_TARGET)) {
    const target = decode(match[1] ?? match[2]!);
    if (!isSafeUrl(target))
      return { index: match.index + match[0].indexOf(match[1] ?? match[2]!), snippet: `${urlScheme(target)}:` };
  }
  return undefined;
}

function message(snippet: string, where: string): string {
  return SCRIPT_SCHEME.test(snippet) || /^[a-z][a-z0-9+.-]*:$/i.test(snippet)
    ? `contiene un indirizzo ${snippet.replace(/\s/g, '')}, non ammesso: usa un indirizzo https://`
    : `contiene HTML (${snippet}): il sito lo mostra come testo; ${where}`;
}

/**
 * HTML in any string of the front matter, reported at that field. The path is copied only on a hit.
 * YAML aliases can make the data a graph (`&a [*a]` is an array containing itself): each object is
 * visited once, or this never ends.
 */
export function htmlInData(
  data: unknown,
  path: (string | number)[] = [],
  findings: Finding[] = [],
  seen = new Set<object>(),
): Finding[] {
  if (typeof data === 'string') {
    const found = findHtml(data);
    if (found)
      findings.push({
        rule: 'html',
        path: [...path] as FieldPath,
        message: message(found.snippet, 'scrivi solo testo'),
      });
  } else if (data === null || typeof data !== 'object' || seen.has(data)) {
    return findings;
  } else if (Array.isArray(data)) {
    seen.add(data);
    for (let i = 0; i < data.length; i++) {
      path.push(i);
      htmlInData(data[i], path, findings, seen);
      path.pop();
    }
  } else {
    seen.add(data);
    for (const key in data) {
      path.push(key);
      htmlInData((data as Record<string, unknown>)[key], path, findings, seen);
      path.pop();
    }
  }
  return findings;
}

/** HTML in the Markdown body, outside code (fenced blocks and `inline code` are meant as text). One warning per line. */
export function htmlInBody(body: string, firstLine: number): Finding[] {
  if (!findHtml(body) && !findUnsafeLink(body)) return [];
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
    const found = findHtml(withoutCode) ?? findUnsafeLink(withoutCode);
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
