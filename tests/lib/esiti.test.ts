import { describe, expect, it } from 'vitest';
import { ESITI, type Esito } from '../../src/lib/derived/metrics';
import { esitiCount, esitoSlug, raggiuntiText } from '../../src/lib/view/esiti';

const soglie = { raggiunto: 100, parzialmente_raggiunto: 60 };
const indicatore = (valore_atteso: number | null, valore_raggiunto: number | null, verificato = false) => ({
  id: 'I01',
  descrizione: 'x',
  tipo: 'EFFICACIA',
  direzione: 'crescente' as const,
  unita_di_misura: null,
  valore_atteso,
  valore_raggiunto,
  storico: {},
  note: null,
  verificato,
});

describe('esitiCount', () => {
  it('counts by esito in the fixed order of ESITI and leaves zeros out', () => {
    expect(
      esitiCount(
        [indicatore(100, 100), indicatore(100, 20), indicatore(100, null), indicatore(100, 120), indicatore(1, 50)],
        soglie,
      ),
    ).toEqual([
      { esito: 'raggiunto', n: 2 },
      { esito: 'non raggiunto', n: 1 },
      { esito: 'non rilevato', n: 1 },
      { esito: 'da verificare', n: 1 },
    ]);
  });

  it('is empty without indicators', () => {
    expect(esitiCount([], soglie)).toEqual([]);
  });
});

describe('esitoSlug', () => {
  it('gives every esito a distinct URL-safe filter value', () => {
    const slugs = ESITI.map(esitoSlug);
    expect(slugs).toEqual(['raggiunto', 'parzialmente-raggiunto', 'non-raggiunto', 'non-rilevato', 'da-verificare']);
  });
});

describe('raggiuntiText', () => {
  const counts = (raggiunto: number, daVerificare: number) =>
    ({ ...Object.fromEntries(ESITI.map((e) => [e, 0])), raggiunto, 'da verificare': daVerificare }) as Record<
      Esito,
      number
    >;

  it('says how many of the indicators are raggiunti', () => {
    expect(raggiuntiText(counts(3, 0), 8)).toBe('3 su 8 indicatori raggiunti');
  });

  it('names the da verificare apart, never hiding them', () => {
    expect(raggiuntiText(counts(3, 2), 8)).toBe('3 su 8 indicatori raggiunti, 2 da verificare');
  });
});
