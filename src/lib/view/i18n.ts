import strings from '../../i18n/it.json';

/**
 * Every UI string lives in src/i18n/it.json (dotted English keys, Italian values). `{name}` placeholders
 * are filled from `params`; a numeric `count` picks the `.one` or `.other` form of the key.
 */
export type Params = Record<string, string | number>;

const table = strings as Record<string, string>;
const plural = new Intl.PluralRules('it-IT');

export function t(key: string, params: Params = {}): string {
  const count = params.count;
  const form = typeof count === 'number' ? `${key}.${plural.select(count) === 'one' ? 'one' : 'other'}` : key;
  const template = table[form] ?? table[key];
  if (template === undefined) throw new Error(`i18n: missing string "${form}"`);
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`i18n: string "${form}" needs {${name}}`);
    return String(value);
  });
}
