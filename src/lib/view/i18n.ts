import strings from '../../i18n/it.json';

/**
 * Every UI string lives in src/i18n/it.json (dotted English keys, Italian values). `{name}` placeholders
 * are filled from `params`; a numeric `count` picks the `.one` or `.other` form of the key.
 */
export type Params = Record<string, string | number>;

const table = strings as Record<string, string>;
const plural = new Intl.PluralRules('it-IT');

/**
 * A string split at its placeholders once: odd indexes are placeholder names. t() runs tens of thousands of
 * times per build, so it joins parts instead of running a regular expression each time.
 */
const compiled = new Map<string, string[]>();
function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  return parts;
}

export function t(key: string, params: Params = {}): string {
  const count = params.count;
  const form = typeof count === 'number' ? `${key}.${plural.select(count) === 'one' ? 'one' : 'other'}` : key;
  const template = table[form] ?? table[key];
  if (template === undefined) throw new Error(`i18n: missing string "${form}"`);
  const parts = partsOf(template);
  let text = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const value = params[parts[i]!];
    if (value === undefined) throw new Error(`i18n: string "${form}" needs {${parts[i]}}`);
    text += String(value) + parts[i + 1]!;
  }
  return text;
}
