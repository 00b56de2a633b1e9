import type { z } from 'astro/zod';
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Scalar,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import { numberAdvice, type NumberContext } from './italian-number';
import { dottedPath, type Finding, type FieldPath } from './problem';
import { defOf, unwrapNullable as unwrap, type SchemaDef } from './schema-issues';

/**
 * Numeric fields checked on their source text: `40.000` (YAML reads 40), `80,5`, `75%`, `Sì`, and
 * empty values (`valore_raggiunto:`, `~`, `""`) where the editor must write `null` on purpose.
 */

/** Names of the keys whose values are numbers, anywhere in the schema; record keys (storico years) as `\d+`. */
function numericKeys(def: SchemaDef, keys: Set<string>, seen: Set<SchemaDef>): void {
  const { def: inner } = unwrap(def);
  if (seen.has(inner)) return;
  seen.add(inner);
  if (inner.type === 'object' && inner.shape) {
    for (const [key, value] of Object.entries(inner.shape)) {
      const target = unwrap(value.def).def;
      // A record of numbers (`storico`) too: its flow form `{ 2019: 80,5 }` sits on the key's line.
      const numbers =
        target.type === 'number' ||
        (target.type === 'record' && target.valueType && unwrap(target.valueType.def).def.type === 'number');
      if (numbers) keys.add(key);
      numericKeys(value.def, keys, seen);
    }
  } else if (inner.type === 'array' && inner.element) numericKeys(inner.element.def, keys, seen);
  else if (inner.type === 'record' && inner.valueType) {
    if (unwrap(inner.valueType.def).def.type === 'number') keys.add('\\d+');
    numericKeys(inner.valueType.def, keys, seen);
  }
}

/** A number YAML reads as typed: not `1.234` (one to three digits, then exactly three decimals). */
const PLAIN_NUMBER = String.raw`[-+]?(?:\d{4,}(?:\.\d+)?|0\.\d+|\d{1,3}(?:\.(?:\d{1,2}|\d{4,}))?)`;
const YEAR_VALUE = String.raw`\d{4}[ \t]*:[ \t]*(?:${PLAIN_NUMBER}|null)`;
/** Values that need no second look: a plain number, null, or a flow `storico` of plain numbers. */
const CLEAN_VALUE = String.raw`[ \t]*(?:${PLAIN_NUMBER}|null|Null|NULL|\{[ \t]*(?:${YEAR_VALUE}(?:[ \t]*,[ \t]*${YEAR_VALUE})*)?[ \t]*\})[ \t]*(?:#.*)?$`;

const candidateLines = new WeakMap<z.ZodType, RegExp | null>();

/**
 * Lines of numeric keys whose value is not clean, the value in group 1; null for a schema without
 * numbers (dup.yaml). One regex over the text: clean files, nearly all of them, cost one scan.
 */
function candidatePattern(schema: z.ZodType): RegExp | null {
  let pattern = candidateLines.get(schema);
  if (pattern === undefined) {
    const keys = new Set<string>();
    numericKeys(defOf(schema), keys, new Set());
    const names = [...keys].sort().join('|');
    pattern = names
      ? new RegExp(String.raw`^[ \t]*(?:-[ \t]+)?["']?(?:${names})["']?[ \t]*:(?!${CLEAN_VALUE})(.*)$`, 'gm')
      : null;
    candidateLines.set(schema, pattern);
  }
  return pattern;
}

/**
 * Cheap pre-check on raw text: only a file with a numeric key whose value is not a plain number
 * pays for the positional parse. Over-matching here costs time, never a false error.
 */
function hasCandidates(yaml: string, schema: z.ZodType): boolean {
  const pattern = candidatePattern(schema);
  if (!pattern) return false;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(yaml); match; match = pattern.exec(yaml)) {
    // A block (`storico:` followed by more indented lines) has its own lines checked.
    if (/^[ \t]*(?:#.*)?$/.test(match[1]!)) {
      const indent = /^[ \t]*(?:-[ \t]+)?/.exec(match[0])![0].length;
      const next = /^([ \t]*)\S/m.exec(yaml.slice(match.index + match[0].length + 1));
      if (next && next[1]!.length > indent) continue;
    }
    return true;
  }
  return false;
}

interface Context extends NumberContext {
  /** The object has a `note` field where a missing value is explained. */
  withNote: boolean;
}

interface Walk {
  text: string;
  lines: LineCounter;
  firstLine: number;
  findings: Finding[];
  /** Paths whose schema errors a number finding already explains (the key `5` of `2019: 80,5`). */
  explained: Set<string>;
}

function keyText(node: unknown): string | undefined {
  return isScalar(node) ? String(node.value) : undefined;
}

function position(walk: Walk, offset: number) {
  const { line, col } = walk.lines.linePos(offset);
  return { line: line + walk.firstLine - 1, col };
}

const INDICATOR_FIELDS = new Set(['valore_atteso', 'valore_raggiunto', 'storico']);

function checkValue(walk: Walk, pair: Pair, path: FieldPath, nullable: boolean, context: Context) {
  const node = pair.value as Node | null;
  const keyStart = (pair.key as Node | null)?.range?.[0] ?? 0;
  const at = (offset: number) => position(walk, offset);
  const source = isScalar(node) && node.range ? walk.text.slice(node.range[0], node.range[1]).trim() : '';
  const empty =
    node === null ||
    (isScalar(node) && node.value === null && (source === '' || source === '~')) ||
    (isScalar(node) && node.value === '' && (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE));
  if (empty) {
    const what =
      source === '~' ? 'il segno ~ lascia il valore vuoto' : source === '' ? 'valore vuoto' : 'testo vuoto ""';
    const message = !nullable
      ? `${what}: scrivi un numero`
      : context.withNote
        ? `${what}: scrivi il numero, oppure null se manca (e spiega nelle note perché)`
        : `${what}: scrivi il numero, oppure null se manca`;
    const offset = isScalar(node) && node.range && source !== '' ? node.range[0] : keyStart;
    walk.findings.push({ rule: 'valore-vuoto', path, ...at(offset), message });
    return;
  }
  if (!isScalar(node) || !node.range) return;
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  let token = quoted ? String(node.value) : source;
  // Curly quotes are not YAML quotes: the text inside them is what the editor meant.
  const curly = /^[“”‘’«].*[“”‘’»]$/.test(token);
  if (curly) token = token.slice(1, -1);
  const message = numberAdvice(token, { ...context, quoted: quoted || curly });
  if (message) walk.findings.push({ rule: 'numero', path, ...at(node.range[0]), message });
}

function walkNode(walk: Walk, node: unknown, def: SchemaDef, path: (string | number)[], context: Context) {
  const { def: inner } = unwrap(def);
  if (inner.type === 'object' && inner.shape && isMap(node)) {
    const pairs = node.items.filter(isPair);
    const direzione = pairs.find((pair) => keyText(pair.key) === 'direzione');
    const binario = isScalar(direzione?.value) && direzione.value.value === 'binario';
    const indicatore = 'unita_di_misura' in inner.shape;
    for (const pair of pairs) {
      const key = keyText(pair.key);
      const field = key === undefined ? undefined : inner.shape[key];
      if (!field || key === undefined) continue;
      const fieldContext = {
        ...context,
        binario: binario || context.binario,
        indicatore: indicatore && INDICATOR_FIELDS.has(key),
        withNote: 'note' in inner.shape,
      };
      const target = unwrap(field.def);
      if (target.def.type === 'number') checkValue(walk, pair, [...path, key], target.nullable, fieldContext);
      else walkNode(walk, pair.value, field.def, [...path, key], fieldContext);
    }
  } else if (inner.type === 'array' && inner.element && isSeq(node)) {
    node.items.forEach((item, index) => walkNode(walk, item, inner.element!.def, [...path, index], context));
  } else if (inner.type === 'record' && inner.valueType && isMap(node)) {
    const target = unwrap(inner.valueType.def);
    const split = target.def.type === 'number' ? commaInFlow(walk, node, path, context) : new Set<unknown>();
    for (const pair of node.items.filter(isPair)) {
      const key = keyText(pair.key);
      if (key === undefined || split.has(pair)) continue;
      if (target.def.type === 'number') checkValue(walk, pair, [...path, key], target.nullable, context);
      else walkNode(walk, pair.value, inner.valueType.def, [...path, key], context);
    }
  }
}

/**
 * In a flow mapping (`storico: { 2019: 80,5 }`) a decimal comma splits the value: YAML reads 2019: 80 and
 * a key 5 without value. Reports the number as written and returns the pairs the comma produced.
 */
function commaInFlow(walk: Walk, node: YAMLMap, path: (string | number)[], context: Context): Set<unknown> {
  const split = new Set<unknown>();
  if (!node.flow || !node.range) return split;
  const pairs = node.items.filter(isPair);
  pairs.forEach((pair, index) => {
    const next = pairs[index + 1];
    const value = pair.value as Node | null;
    if (!next || !isScalar(value) || !value.range || !isScalar(next.key) || !next.key.range) return;
    if (next.value !== null && !(isScalar(next.value) && next.value.value === null)) return;
    const between = walk.text.slice(value.range[1], next.key.range[0]);
    const digits = walk.text.slice(next.key.range[0], next.key.range[1]);
    if (!/^,$/.test(between) || !/^\d+$/.test(digits)) return;
    const token = `${walk.text.slice(value.range[0], value.range[1])},${digits}`;
    const message = numberAdvice(token, context);
    if (!message) return;
    walk.findings.push({
      rule: 'numero',
      path: [...path, keyText(pair.key)!],
      ...position(walk, value.range[0]),
      message,
    });
    split.add(pair).add(next);
    walk.explained.add(dottedPath([...path, digits]));
  });
  return split;
}

/**
 * Errors for numbers written the Italian way and for empty numeric values, at their line and column.
 * `yaml` must already be valid YAML (js-yaml parsed it); `firstLine` is the file line of its first line.
 */
export function numberFindings(
  yaml: string,
  firstLine: number,
  schema: z.ZodType,
): { findings: Finding[]; explained: Set<string> } {
  const walk: Walk = { text: yaml, lines: new LineCounter(), firstLine, findings: [], explained: new Set() };
  if (!hasCandidates(yaml, schema)) return walk;
  const doc = parseDocument(yaml, { lineCounter: walk.lines, uniqueKeys: false });
  if (doc.errors.length > 0) return walk;
  walkNode(walk, doc.contents, defOf(schema), [], { binario: false, indicatore: false, withNote: false });
  for (const finding of walk.findings) walk.explained.add(dottedPath(finding.path));
  return walk;
}
