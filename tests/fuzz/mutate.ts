/**
 * Seeded mutations of valid text files for the fuzz tests: the same seed gives the same inputs on every
 * machine, so a failure found once is found again.
 */

import { seededRandom } from '../../src/lib/dev/generate';

/** The generator's seeded PRNG (mulberry32), so fuzz inputs are the same on every machine. */
export const random = seededRandom;

export type Mutation = (text: string, rnd: () => number) => string;

const pick = <T>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)]!;
const at = (text: string, rnd: () => number) => Math.floor(rnd() * (text.length + 1));
const lines = (text: string) => text.split('\n');

const STRANGE = [
  '\u0000',
  '\ufeff',
  '\u202e',
  '\u2028',
  '\ud800',
  '\udfff',
  '😀',
  '\u0301',
  '\r',
  '\t',
  'ǅ',
  '\u00a0',
  '＜',
];
const VALUES = [
  '[]',
  '{}',
  '[1, [2]]',
  '{ a: 1 }',
  'null',
  '~',
  'true',
  '"testo"',
  '-1',
  '0x1F',
  '.inf',
  '-.nan',
  '2020-13-45',
  '!!binary aGVsbG8=',
  '&a [*a]',
  '*nessuna',
  '|',
  '>-',
  "'",
  '"',
];
const NUMBERS = [
  '1e400',
  '-1e400',
  '99999999999999999999999999999',
  '0.1e-400',
  '1_000',
  '+12',
  '0o17',
  String(Number.MAX_SAFE_INTEGER + 2),
];

export const MUTATIONS: Record<string, Mutation> = {
  'byte flip': (text, rnd) => {
    const chars = [...text];
    for (let n = 1 + Math.floor(rnd() * 4); n > 0; n--) {
      chars[Math.floor(rnd() * chars.length)] = String.fromCharCode(Math.floor(rnd() * 128));
    }
    return chars.join('');
  },
  truncation: (text, rnd) => text.slice(0, at(text, rnd)),
  'swapped type': (text, rnd) => {
    const all = lines(text);
    const candidates = all.map((line, i) => (/^\s*(- )?[a-z_]+: ./.test(line) ? i : -1)).filter((i) => i >= 0);
    if (candidates.length === 0) return text;
    const i = pick(candidates, rnd);
    all[i] = all[i]!.replace(/: .*$/, `: ${pick(VALUES, rnd)}`);
    return all.join('\n');
  },
  'deep nesting': (text, rnd) => {
    const depth = 50 + Math.floor(rnd() * 5000);
    const deep = rnd() < 0.5 ? '['.repeat(depth) + ']'.repeat(depth) : '{a: '.repeat(depth) + '1' + '}'.repeat(depth);
    const all = lines(text);
    all.splice(1 + Math.floor(rnd() * (all.length - 1)), 0, `annidato: ${deep}`);
    return all.join('\n');
  },
  'huge number': (text, rnd) => text.replace(/: \d+(\.\d+)?$/m, `: ${pick(NUMBERS, rnd)}`),
  'duplicate key': (text, rnd) => {
    const all = lines(text);
    const i = 1 + Math.floor(rnd() * Math.max(1, all.length - 2));
    all.splice(i, 0, all[i]!);
    return all.join('\n');
  },
  'random unicode': (text, rnd) => {
    const i = at(text, rnd);
    const inserted = Array.from({ length: 1 + Math.floor(rnd() * 8) }, () =>
      rnd() < 0.5 ? pick(STRANGE, rnd) : String.fromCodePoint(Math.floor(rnd() * 0x2ffff)),
    ).join('');
    return text.slice(0, i) + inserted + text.slice(i);
  },
  'line endings': (text, rnd) => (rnd() < 0.5 ? text.replaceAll('\n', '\r\n') : text.replaceAll('\n', '\r')),
  indentation: (text, rnd) => {
    const all = lines(text);
    const i = Math.floor(rnd() * all.length);
    all[i] = (rnd() < 0.5 ? '\t' : ' '.repeat(1 + Math.floor(rnd() * 7))) + all[i];
    return all.join('\n');
  },
  'deleted lines': (text, rnd) => {
    const all = lines(text);
    const i = Math.floor(rnd() * all.length);
    all.splice(i, 1 + Math.floor(rnd() * 5));
    return all.join('\n');
  },
};

/** One to three mutations chained; returns the mutated text and their names (for failure messages). */
export function mutate(text: string, rnd: () => number): { text: string; applied: string[] } {
  const names = Object.keys(MUTATIONS);
  const applied: string[] = [];
  let out = text;
  for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) {
    const name = pick(names, rnd);
    applied.push(name);
    out = MUTATIONS[name]!(out, rnd);
  }
  return { text: out, applied };
}
