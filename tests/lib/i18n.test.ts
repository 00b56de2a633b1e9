import { describe, expect, it } from 'vitest';
import { t } from '../../src/lib/view/i18n';
import strings from '../../src/i18n/it.json';

describe('t', () => {
  it('fills placeholders', () => {
    expect(t('breadcrumb.obiettiviAnno', { anno: 2020 })).toMatchInlineSnapshot(`"Obiettivi PEG 2020"`);
  });

  it('picks the singular or plural form from count', () => {
    expect([t('fase.timing.late', { count: 1 }), t('fase.timing.late', { count: 30 })]).toMatchInlineSnapshot(`
      [
        "conclusa con 1 giorno di ritardo",
        "conclusa con 30 giorni di ritardo",
      ]
    `);
  });

  it('fails loudly on a missing key or a missing placeholder value', () => {
    expect(() => t('no.such.key')).toThrowErrorMatchingInlineSnapshot(`[Error: i18n: missing string "no.such.key"]`);
    expect(() => t('breadcrumb.obiettiviAnno')).toThrowErrorMatchingInlineSnapshot(
      `[Error: i18n: string "breadcrumb.obiettiviAnno" needs {anno}]`,
    );
  });

  it('keeps every key dotted English and every value non-empty', () => {
    for (const [key, value] of Object.entries(strings)) {
      expect(key).toMatch(/^[a-z][A-Za-z]*(\.[a-z][A-Za-z_ ]*)+$/);
      expect(value.trim()).not.toBe('');
    }
  });
});
