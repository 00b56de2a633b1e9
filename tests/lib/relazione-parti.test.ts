import { describe, expect, it } from 'vitest';
import { PDF_PART_ROWS, parteText, relazioneParti } from '../../src/lib/view/relazione';
import { relazionePdfUrl, relazionePdfUrls } from '../../src/lib/routes';

/** An objective whose printed Relazione weighs 6 + fasi + 2 × indicators rows. */
const obiettivo = (codice: string, fasi: number, indicatori: number) =>
  ({
    codice,
    fasi: Array.from({ length: fasi }, () => ({})),
    indicatori: Array.from({ length: indicatori }, () => ({})),
  }) as unknown as Parameters<typeof relazioneParti>[0][number];

describe('relazioneParti', () => {
  it('keeps a year that fits in one part, whatever the order it is given in', () => {
    const year = [obiettivo('2020_B01_00', 5, 3), obiettivo('2020_A01_00', 4, 2)];
    expect(relazioneParti(year)).toEqual([{ numero: 1, codici: ['2020_A01_00', '2020_B01_00'] }]);
  });

  it('fills parts in page order up to the row budget, never splitting an objective', () => {
    // Weights 6 + 4 + 2×5 = 20 each: three fit in 60 rows, the fourth opens part 2.
    const year = ['D', 'B', 'A', 'C', 'E'].map((l) => obiettivo(`2020_${l}01_00`, 4, 5));
    expect(relazioneParti(year, 60)).toEqual([
      { numero: 1, codici: ['2020_A01_00', '2020_B01_00', '2020_C01_00'] },
      { numero: 2, codici: ['2020_D01_00', '2020_E01_00'] },
    ]);
  });

  it('gives an objective larger than the budget a part of its own', () => {
    const year = [obiettivo('2020_A01_00', 1, 1), obiettivo('2020_B01_00', 100, 40), obiettivo('2020_C01_00', 1, 1)];
    expect(relazioneParti(year, 60).map((p) => p.codici)).toEqual([['2020_A01_00'], ['2020_B01_00'], ['2020_C01_00']]);
  });

  it('puts every objective in exactly one part at the real budget', () => {
    const year = Array.from({ length: 300 }, (_, i) => obiettivo(`2020_A${String(i).padStart(3, '0')}_00`, 17, 12));
    const parti = relazioneParti(year);
    expect(parti.length).toBeGreaterThan(1);
    expect(parti.flatMap((p) => p.codici)).toEqual(year.map((o) => o.codice));
    for (const parte of parti) expect(parte.codici.length * (6 + 17 + 24)).toBeLessThanOrEqual(PDF_PART_ROWS);
  });
});

describe('the PDFs of a Relazione', () => {
  it('is one PDF for one part, one per part otherwise', () => {
    expect(relazionePdfUrls(2020, 1)).toEqual(['/performance/relazione/2020/relazione-performance-2020.pdf']);
    expect(relazionePdfUrls(2020, 2)).toEqual([
      '/performance/relazione/2020/relazione-performance-2020-parte-1.pdf',
      '/performance/relazione/2020/relazione-performance-2020-parte-2.pdf',
    ]);
    expect(relazionePdfUrl(2020, 2)).toBe(relazionePdfUrls(2020, 3)[1]);
  });

  it('names each part by its objectives, in Italian', () => {
    const parte = { numero: 2, codici: ['2020_C01_00', '2020_D01_00'] };
    expect(parteText('pdf', 2020, parte, 3)).toBe(
      'Relazione sulla Performance 2020 in PDF, parte 2 di 3: obiettivi da 2020_C01_00 a 2020_D01_00',
    );
    expect(parteText('nota', 2020, { numero: 3, codici: ['2020_E01_00'] }, 3)).toBe(
      'Parte 3 di 3: obiettivo 2020_E01_00. La sintesi è nella parte 1, il metodo nella parte 3.',
    );
  });
});
