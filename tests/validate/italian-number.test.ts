import { describe, expect, it } from 'vitest';
import { inLettere, numberAdvice, yamlNumber } from '../../src/lib/validate/italian-number';

const indicator = { binario: false, indicatore: true };
const advice = (token: string, context = indicator) => numberAdvice(token, context);

describe('numbers written the Italian way', () => {
  it('leaves numbers YAML reads as typed alone', () => {
    for (const token of ['40', '40.5', '0.125', '-3', '1234.56', '40.00', '12.3450', '.5', 'null', 'testo'])
      expect(advice(token), token).toBeUndefined();
  });

  it('asks which number a single thousands group means', () => {
    expect(advice('40.000')).toBe(
      '«40.000» è ambiguo (il punto separa i decimali, non le migliaia): se intendi quarantamila scrivi 40000, se intendi 40 scrivi 40',
    );
    expect(advice('1.234')).toBe(
      '«1.234» è ambiguo (il punto separa i decimali, non le migliaia): se intendi milleduecentotrentaquattro scrivi 1234, se intendi 1,234 (con i decimali) scrivi 1.2340',
    );
  });

  it('gives the exact value for unambiguous Italian forms', () => {
    expect(
      [
        '1.234,5',
        '80,5',
        '-1.234,5',
        '1.000.000',
        '75%',
        '75,5 %',
        '€ 1.200',
        '1.200 €',
        'EUR 1200',
        '1 200',
        '1\u00a0200,5',
      ].map((token) => `${token} → ${advice(token)}`),
    ).toMatchInlineSnapshot(`
      [
        "1.234,5 → i decimali si separano con il punto, senza separatore delle migliaia: scrivi 1234.5",
        "80,5 → i decimali si separano con il punto: scrivi 80.5",
        "-1.234,5 → i decimali si separano con il punto, senza separatore delle migliaia: scrivi -1234.5",
        "1.000.000 → senza punti tra le migliaia: scrivi 1000000",
        "75% → togli il simbolo %: scrivi 75 (l’unità di misura va in unita_di_misura)",
        "75,5 % → togli il simbolo %: scrivi 75.5 (l’unità di misura va in unita_di_misura)",
        "€ 1.200 → togli il simbolo dell’euro: scrivi 1200 (l’unità di misura va in unita_di_misura)",
        "1.200 € → togli il simbolo dell’euro: scrivi 1200 (l’unità di misura va in unita_di_misura)",
        "EUR 1200 → togli il simbolo dell’euro: scrivi 1200 (l’unità di misura va in unita_di_misura)",
        "1 200 → senza spazi tra le cifre: scrivi 1200",
        "1 200,5 → senza spazi tra le cifre: scrivi 1200.5",
      ]
    `);
  });

  it('turns yes and no into 1 and 0, naming direzione when the indicator is not binario', () => {
    expect(advice('Sì', { binario: true, indicatore: true })).toBe('«Sì» non è un numero: scrivi 1 (sì)');
    expect(advice('si', { binario: true, indicatore: true })).toBe('«si» non è un numero: scrivi 1 (sì)');
    expect(advice('No', { binario: true, indicatore: true })).toBe('«No» non è un numero: scrivi 0 (no)');
    expect(advice('vero')).toBe('«vero» non è un numero: per un indicatore sì/no scrivi 1 (sì) e direzione: binario');
  });

  it('names the unit field only for indicator values', () => {
    expect(advice('75%', { binario: false, indicatore: false })).toBe('togli il simbolo %: scrivi 75');
  });

  it('asks to drop quotes around a number', () => {
    expect(numberAdvice('40', { ...indicator, quoted: true })).toBe('un numero si scrive senza virgolette: scrivi 40');
  });

  it('spells integers in Italian and writes three decimals unambiguously', () => {
    expect([1, 8, 21, 28, 100, 108, 180, 181, 1000, 2000, 21000, 40000, 181180, 999999].map(inLettere)).toEqual([
      'uno',
      'otto',
      'ventuno',
      'ventotto',
      'cento',
      'centootto',
      'centottanta',
      'centottantuno',
      'mille',
      'duemila',
      'ventunomila',
      'quarantamila',
      'centottantunomilacentottanta',
      'novecentonovantanovemilanovecentonovantanove',
    ]);
    expect([yamlNumber(1.234), yamlNumber(1234.5), yamlNumber(0.125)]).toEqual(['1.2340', '1234.5', '0.125']);
  });
});
