/**
 * The likely cause of a YAML syntax error, read from the lines around js-yaml's mark. js-yaml reports
 * the symptom ("bad indentation", "duplicated mapping key"); its literal advice would mislead an editor
 * (re-indenting a title with a colon, or deleting a whole fase whose dash is missing).
 */

export interface Hint {
  /** 0-based line and column inside the YAML text. */
  line: number;
  col: number;
  message: string;
}

/** Item noun of the lists an editor writes: «ogni fase comincia con «- id:»». */
const ITEMS: Record<string, string> = {
  fasi: 'ogni fase',
  indicatori: 'ogni indicatore',
  soggetti_coinvolti: 'ogni soggetto coinvolto',
  mandati: 'ogni mandato',
  missioni: 'ogni missione',
  programmi: 'ogni programma',
};

/** `  - key: value  # comment` → its parts; undefined for lines that are not a key. */
const KEY_LINE = /^([ \t]*)(-[ \t]+)?([^\s:#"'{[][^:#]*?)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;

interface KeyLine {
  /** Column of the key. */
  indent: number;
  /** Column of the dash when the line starts a list item. */
  dash?: number;
  key: string;
  value: string;
  /** Column of the value. */
  valueCol: number;
}

function keyLine(text: string | undefined): KeyLine | undefined {
  const match = text === undefined ? null : KEY_LINE.exec(text);
  if (!match) return undefined;
  const lead = match[1]!.length;
  const dash = match[2] ? lead : undefined;
  const indent = lead + (match[2]?.length ?? 0);
  const value = match[4] ?? '';
  return { indent, dash, key: match[3]!, value, valueCol: value ? text!.indexOf(value, indent + match[3]!.length) : 0 };
}

const blank = (text: string) => /^[ \t]*(?:#.*)?$/.test(text);
const indentOf = (text: string) => /^[ \t]*/.exec(text)![0].length;

/** Straight-quoted YAML for a text: double quotes, or single ones when it has `"` or `\` (an escape in double quotes). */
function quoted(text: string): string {
  return /["\\]/.test(text) ? `'${text.replaceAll("'", "''")}'` : `"${text}"`;
}

/** The value of a `key: value` line: a bare dash, curly quotes, or a colon inside unquoted text. */
function valueHint(lines: string[], index: number, required: ReadonlySet<string>): Hint | undefined {
  const parsed = keyLine(lines[index]);
  if (!parsed?.value) return undefined;
  const { key, valueCol } = parsed;
  const value = parsed.value.replace(/[ \t]+#.*$/, '');
  if (value === '-')
    return {
      line: index,
      col: valueCol,
      message: required.has(key)
        ? `«-» non è un valore: ${key} è obbligatorio, scrivi il suo valore`
        : `per un valore mancante scrivi null, non «-»: ${key}: null (e spiega nelle note perché manca)`,
    };
  if (/^[“”‘’„«]/.test(value))
    return {
      line: index,
      col: valueCol,
      message: `usa le virgolette diritte " invece di “ ”: scrivi ${key}: ${quoted(value.replace(/^[“”‘’„«]|[“”‘’»]$/g, ''))}`,
    };
  if (/^["']/.test(value) || !/:(?:[ \t]|$)/.test(value)) return undefined;
  return {
    line: index,
    col: valueCol,
    message: `il testo contiene «: »: mettilo tra virgolette diritte "…": scrivi ${key}: ${quoted(value)}`,
  };
}

/** The list an item belongs to (`fasi`), from the key line above its dash. */
function listName(lines: string[], dashLine: number, dash: number): string | undefined {
  for (let i = dashLine - 1; i >= 0; i--) {
    const text = lines[i]!;
    if (blank(text)) continue;
    if (indentOf(text) >= dash && /^[ \t]*-/.test(text)) continue;
    if (indentOf(text) > dash) continue;
    return keyLine(text)?.key;
  }
  return undefined;
}

/**
 * The list item that contains line `index` as one of its keys at column `indent`: the `- ` line above at
 * `indent - 2` with only deeper or equal lines between. Undefined when the line is not inside a list item.
 */
function itemStart(lines: string[], index: number, indent: number): number | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const text = lines[i]!;
    if (blank(text)) continue;
    const parsed = keyLine(text);
    if (parsed?.dash !== undefined && parsed.indent === indent) return i;
    if (indentOf(text) < indent) return undefined;
  }
  return undefined;
}

/** `atDash`: the key sits where the dash belongs, so the item's lines also need two more spaces. */
function missingDash(lines: string[], index: number, start: number, atDash = false): Hint {
  const line = keyLine(lines[index])!;
  const first = keyLine(lines[start])!;
  const name = listName(lines, start, first.dash!);
  const shown = lines[index]!.trim().replace(/[ \t]+#.*$/, '');
  const what = shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
  const every = (name && ITEMS[name]) ?? 'ogni elemento dell’elenco';
  return {
    line: index,
    col: atDash ? line.indent : Math.max(0, line.indent - 2),
    message: `manca il trattino «- » prima di «${what}»: ${every} comincia con «- ${first.key}:»${atDash ? ' e le sue righe sono rientrate come quelle sopra' : ''}`,
  };
}

/** Earlier line of the same mapping with the same key at the same column, if any. */
function earlierKey(lines: string[], index: number, line: KeyLine, stop: number): number | undefined {
  for (let i = index - 1; i >= stop; i--) {
    const text = lines[i]!;
    if (blank(text)) continue;
    if (indentOf(text) < line.indent && keyLine(text)?.dash !== line.indent - 2) return undefined;
    const other = keyLine(text);
    if (other?.indent === line.indent && other.key === line.key) return i;
  }
  return undefined;
}

/** Keys written more than once among the keys of one list item, from its dash line to its last line. */
function repeatedKeys(lines: string[], start: number, indent: number): number {
  const seen = new Set<string>();
  let repeated = 0;
  for (let i = start; i < lines.length; i++) {
    const text = lines[i]!;
    if (blank(text)) continue;
    const parsed = keyLine(text);
    if (i > start && (indentOf(text) < indent || parsed?.dash !== undefined)) break;
    if (parsed?.indent !== indent) continue;
    if (seen.has(parsed.key)) repeated++;
    seen.add(parsed.key);
  }
  return repeated;
}

/**
 * Hint for js-yaml's "duplicated mapping key" at `index`. Inside a list item, the item's first key (`id`)
 * written again, or several keys written twice, mean a new item whose dash is missing: deleting the
 * "duplicate" would delete that item. A single repeated key is a real duplicate.
 */
function duplicateKey(lines: string[], index: number, firstLine: number): Hint | undefined {
  const line = keyLine(lines[index]);
  if (!line) return undefined;
  const start = itemStart(lines, index, line.indent);
  if (start !== undefined) {
    const first = keyLine(lines[start])!;
    if (first.key === line.key || repeatedKeys(lines, start, line.indent) >= 2) return missingDash(lines, index, start);
  }
  const earlier = earlierKey(lines, index, line, start ?? 0);
  return {
    line: index,
    col: line.indent,
    message:
      earlier === undefined
        ? `la chiave «${line.key}» è scritta due volte: tieni solo la riga con il valore giusto`
        : `la chiave «${line.key}» è già scritta alla riga ${firstLine + earlier}: tieni solo la riga con il valore giusto`,
  };
}

/**
 * The first item of a known list (`fasi:`) written without its dash: YAML reads it as a map and fails
 * later, at the next item's dash or at the item's second line. Looks up from `index` for the list key.
 */
function firstItemWithoutDash(lines: string[], index: number): Hint | undefined {
  let parent: number | undefined;
  let below = indentOf(lines[index]!);
  for (let i = index; i >= 0; i--) {
    const text = lines[i]!;
    if (blank(text)) continue;
    const parsed = keyLine(text);
    if (i < index && indentOf(text) < below) {
      if (parsed && parsed.dash === undefined && parsed.value === '' && parsed.key in ITEMS) {
        parent = i;
        break;
      }
      below = indentOf(text);
    }
  }
  if (parent === undefined) return undefined;
  const parentIndent = indentOf(lines[parent]!);
  let first = parent + 1;
  while (first < lines.length && blank(lines[first]!)) first++;
  const item = keyLine(lines[first]);
  if (!item || item.dash !== undefined || item.indent <= parentIndent) return undefined;
  // Where the other items put their dash: there, or two columns left of the keys.
  let dashCol: number | undefined;
  for (let i = first + 1; i < lines.length; i++) {
    const text = lines[i]!;
    if (blank(text)) continue;
    if (indentOf(text) <= parentIndent) break;
    const other = keyLine(text);
    if (other?.dash !== undefined) {
      dashCol = other.dash;
      break;
    }
  }
  const atDash = dashCol === item.indent;
  const shown = lines[first]!.trim().replace(/[ \t]+#.*$/, '');
  const what = shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
  const key = keyLine(lines[parent])!.key;
  return {
    line: first,
    col: atDash ? item.indent : Math.max(parentIndent, item.indent - 2),
    message: `manca il trattino «- » prima di «${what}»: ${ITEMS[key]} comincia con «- ${item.key}:»${atDash ? ' e le sue righe sono rientrate come quelle sotto' : ''}`,
  };
}

/** Hint for js-yaml's "bad indentation": an item whose dash is missing, or a value YAML cannot read. */
function badIndentation(lines: string[], index: number, required: ReadonlySet<string>): Hint | undefined {
  const first = firstItemWithoutDash(lines, index);
  if (first) return first;
  const line = keyLine(lines[index]);
  if (line && line.dash === undefined) {
    // A key at the column of the dashes above it: the item's dash is missing.
    for (let i = index - 1; i >= 0; i--) {
      const text = lines[i]!;
      if (blank(text) || indentOf(text) > line.indent) continue;
      const above = keyLine(text);
      if (above?.dash === line.indent) return missingDash(lines, index, i, true);
      break;
    }
  }
  return valueHint(lines, index, required);
}

/**
 * Italian hint for a js-yaml error at 0-based `line`, or undefined to keep the generic reason.
 * `firstLine` is the file line of the YAML's first line, for line numbers inside messages;
 * `required` the keys that cannot be null (requiredKeys of the file's schema).
 */
export function yamlHint(
  yaml: string,
  reason: string,
  line: number,
  firstLine: number,
  required: ReadonlySet<string>,
): Hint | undefined {
  const lines = yaml.split('\n').map((text) => text.replace(/\r$/, ''));
  if (line < 0 || line >= lines.length) return undefined;
  if (/^duplicated mapping key/.test(reason)) return duplicateKey(lines, line, firstLine);
  if (/bad indentation of a (mapping|sequence) entry/.test(reason)) return badIndentation(lines, line, required);
  return valueHint(lines, line, required);
}
