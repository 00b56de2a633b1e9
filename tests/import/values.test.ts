import { describe, expect, it } from 'vitest';
import { carriesData, parseItalianDate, parseItalianNumber } from '../../src/lib/import/values';

describe('Italian values of the export', () => {
  it('reads numbers with thousands dots, decimal commas and percent signs', () => {
    expect(parseItalianNumber('6.000,00')).toBe(6000);
    expect(parseItalianNumber('1.875,25')).toBe(1875.25);
    expect(parseItalianNumber('20,00')).toBe(20);
    expect(parseItalianNumber('0,00%')).toBe(0);
    expect(parseItalianNumber('7')).toBe(7);
    expect(parseItalianNumber('12,50 %')).toBe(12.5);
    expect(parseItalianNumber('6.00')).toBeUndefined();
    expect(parseItalianNumber('circa 5')).toBeUndefined();
  });

  it('reads dates day first and refuses days that do not exist', () => {
    expect(parseItalianDate('01/02/2020')).toBe('2020-02-01');
    expect(parseItalianDate('29/02/2024')).toBe('2024-02-29');
    expect(parseItalianDate('31/02/2025')).toBeUndefined();
    expect(parseItalianDate('2020-02-01')).toBeUndefined();
  });

  it('tells lines that carry data from plain text', () => {
    expect(carriesData('Utenti\t350')).toBe(true);
    expect(carriesData('entro il 31/12/2020 si chiude')).toBe(true);
    expect(carriesData('valore 6.000,00 raggiunto')).toBe(true);
    expect(carriesData('Comprende:')).toBe(false);
  });
});
