import { describe, expect, it } from 'vitest';
import {
  avanzamentoMedio,
  avanzamentoPonderato,
  countEsiti,
  esitoIndicatore,
  gradoRaggiungimento,
  scostamento,
  sommaPesi,
  valutazioneIndicatore,
} from '../../src/lib/derived/metrics';

const soglie = { raggiunto: 100, parzialmente_raggiunto: 60 };
type Direzione = 'crescente' | 'decrescente' | 'binario';
const ind = (direzione: Direzione, valore_atteso: number | null, valore_raggiunto: number | null) => ({
  direzione,
  valore_atteso,
  valore_raggiunto,
});

describe('avanzamentoPonderato', () => {
  // Each fase as [peso, avanzamento].
  it.for<{ test: string; fasi: [number, number | null][]; expected: number | null }>([
    { test: 'is null for an objective without fasi', fasi: [], expected: null },
    {
      test: 'is null when no fase reports avanzamento',
      fasi: [
        [50, null],
        [50, null],
      ],
      expected: null,
    },
    {
      test: 'weights each fase by its peso',
      fasi: [
        [20, 100],
        [80, 50],
      ],
      expected: 60,
    },
    {
      test: 'leaves fasi without avanzamento out of both sums',
      fasi: [
        [40, 100],
        [60, null],
      ],
      expected: 100,
    },
    {
      test: 'counts a reported 0 as progress zero, not as missing',
      fasi: [
        [50, 0],
        [50, 100],
      ],
      expected: 50,
    },
    { test: 'is null when the reporting fasi weigh 0 in all', fasi: [[0, 100]], expected: null },
  ])('$test', ({ fasi, expected }) => {
    expect(avanzamentoPonderato(fasi.map(([peso, avanzamento]) => ({ peso, avanzamento })))).toBe(expected);
  });
});

describe('gradoRaggiungimento', () => {
  it('is raggiunto/atteso for crescente indicators', () => {
    expect(gradoRaggiungimento(ind('crescente', 50, 80))).toBe(1.6);
    expect(gradoRaggiungimento(ind('crescente', 200, 50))).toBe(0.25);
  });

  it('is atteso/raggiunto for decrescente indicators', () => {
    expect(gradoRaggiungimento(ind('decrescente', 10, 20))).toBe(0.5);
    expect(gradoRaggiungimento(ind('decrescente', 30, 15))).toBe(2);
  });

  it('is 1 or 0 for binario indicators', () => {
    expect(gradoRaggiungimento(ind('binario', 1, 1))).toBe(1);
    expect(gradoRaggiungimento(ind('binario', 1, 0))).toBe(0);
  });

  it('is null when either value is missing', () => {
    expect(gradoRaggiungimento(ind('crescente', null, 5))).toBeNull();
    expect(gradoRaggiungimento(ind('crescente', 5, null))).toBeNull();
    expect(gradoRaggiungimento(ind('binario', 1, null))).toBeNull();
  });

  it('treats atteso 0 on a crescente indicator as met by any non-negative result', () => {
    expect(gradoRaggiungimento(ind('crescente', 0, 0))).toBe(1);
    expect(gradoRaggiungimento(ind('crescente', 0, 7))).toBe(1);
    expect(gradoRaggiungimento(ind('crescente', 0, -1))).toBe(0);
  });

  it('treats a decrescente indicator that reaches 0 as met, and atteso 0 with some result as not met', () => {
    expect(gradoRaggiungimento(ind('decrescente', 5, 0))).toBe(1);
    expect(gradoRaggiungimento(ind('decrescente', 0, 0))).toBe(1);
    expect(gradoRaggiungimento(ind('decrescente', 0, 4))).toBe(0);
  });

  it('scores a negative result against a positive crescente target as 0, not as unmeasured', () => {
    expect(gradoRaggiungimento(ind('crescente', 10, -5))).toBe(0);
  });

  it('gives no ratio when a negative target makes it meaningless', () => {
    expect(gradoRaggiungimento(ind('crescente', -10, -5))).toBeNull();
    expect(gradoRaggiungimento(ind('decrescente', -10, 5))).toBeNull();
    expect(gradoRaggiungimento(ind('decrescente', 10, -5))).toBeNull();
  });
});

describe('esitoIndicatore', () => {
  it('is raggiunto at exactly the threshold and above it', () => {
    expect(esitoIndicatore(ind('crescente', 50, 50), soglie)).toBe('raggiunto');
    expect(esitoIndicatore(ind('crescente', 50, 80), soglie)).toBe('raggiunto');
  });

  it('absorbs float error at the threshold (0.1 × 3 is not 0.3)', () => {
    expect(esitoIndicatore(ind('crescente', 0.1 + 0.1 + 0.1, 0.3), soglie)).toBe('raggiunto');
  });

  it('is parzialmente raggiunto from the lower threshold up to just below the upper one', () => {
    expect(esitoIndicatore(ind('crescente', 5, 3), soglie)).toBe('parzialmente raggiunto');
    expect(esitoIndicatore(ind('crescente', 10000, 9999), soglie)).toBe('parzialmente raggiunto');
  });

  it('is non raggiunto below the lower threshold', () => {
    expect(esitoIndicatore(ind('crescente', 1000, 599), soglie)).toBe('non raggiunto');
    expect(esitoIndicatore(ind('binario', 1, 0), soglie)).toBe('non raggiunto');
  });

  it('is non rilevato without a grado', () => {
    expect(esitoIndicatore(ind('crescente', 5, null), soglie)).toBe('non rilevato');
    expect(esitoIndicatore(ind('crescente', -5, -1), soglie)).toBe('non rilevato');
  });

  it('follows the thresholds of ente.yaml', () => {
    const strict = { raggiunto: 120, parzialmente_raggiunto: 100 };
    expect(esitoIndicatore(ind('crescente', 100, 110), strict)).toBe('parzialmente raggiunto');
    expect(esitoIndicatore(ind('decrescente', 12, 10), strict)).toBe('raggiunto');
  });
});

describe('countEsiti', () => {
  it('counts every esito, zeros included, so a list without indicators counts all zero', () => {
    expect(countEsiti([], soglie)).toEqual({
      raggiunto: 0,
      'parzialmente raggiunto': 0,
      'non raggiunto': 0,
      'non rilevato': 0,
      'da verificare': 0,
    });
  });

  it('tallies each indicator by the esito esitoIndicatore gives it', () => {
    const indicatori = [
      ind('crescente', 50, 80),
      ind('crescente', 100, 70),
      ind('crescente', 100, 10),
      ind('decrescente', 5, 5),
      ind('binario', 1, 0),
      ind('crescente', 50, null),
      ind('crescente', 1, 100),
      { ...ind('crescente', 1, 100), verificato: true },
    ];
    expect(countEsiti(indicatori, soglie)).toEqual({
      raggiunto: 3,
      'parzialmente raggiunto': 1,
      'non raggiunto': 2,
      'non rilevato': 1,
      'da verificare': 1,
    });
  });
});

describe('valutazioneIndicatore', () => {
  it('publishes implausible unconfirmed values as da verificare, with no grado and the reasons', () => {
    expect(valutazioneIndicatore(ind('crescente', 1, 100), soglie)).toEqual({
      grado: null,
      esito: 'da verificare',
      dubbi: [{ tipo: 'rapporto', atteso: 1, raggiunto: 100 }],
    });
    expect(valutazioneIndicatore(ind('binario', 1, 100), soglie)).toMatchObject({
      grado: null,
      esito: 'da verificare',
      dubbi: [{ tipo: 'binario', campo: 'valore_raggiunto', valore: 100 }],
    });
    // Far below the target is as suspect as far above: 1 against 100 is no "non raggiunto".
    expect(valutazioneIndicatore(ind('crescente', 100, 1), soglie).esito).toBe('da verificare');
  });

  it('shows a confirmed value normally', () => {
    expect(valutazioneIndicatore({ ...ind('crescente', 1, 100), verificato: true }, soglie)).toEqual({
      grado: 100,
      esito: 'raggiunto',
      dubbi: [],
    });
  });

  it('gives plausible values their grado and the esito of the thresholds', () => {
    expect(valutazioneIndicatore(ind('crescente', 100, 70), soglie)).toEqual({
      grado: 0.7,
      esito: 'parzialmente raggiunto',
      dubbi: [],
    });
    expect(valutazioneIndicatore(ind('crescente', 5, null), soglie)).toEqual({
      grado: null,
      esito: 'non rilevato',
      dubbi: [],
    });
  });
});

describe('scostamento', () => {
  it('is raggiunto − atteso when higher is better and atteso − raggiunto when lower is better', () => {
    expect(scostamento(ind('crescente', 6000, 6670))).toBe(670);
    expect(scostamento(ind('crescente', 6000, 5500))).toBe(-500);
    expect(scostamento(ind('decrescente', 500, 82))).toBe(418);
    expect(scostamento(ind('decrescente', 500, 512))).toBe(-12);
    expect(scostamento(ind('decrescente', 500, 500))).toBe(0);
  });

  it('is null for a binario indicator or a missing value', () => {
    expect(scostamento(ind('binario', 1, 1))).toBeNull();
    expect(scostamento(ind('crescente', null, 3))).toBeNull();
    expect(scostamento(ind('decrescente', 5, null))).toBeNull();
  });
});

describe('sommaPesi', () => {
  it('adds the pesi of the fasi, 0 without fasi', () => {
    expect(sommaPesi([{ peso: 60 }, { peso: 30 }, { peso: 10 }])).toBe(100);
    expect(sommaPesi([{ peso: 33.33 }, { peso: 33.33 }])).toBeCloseTo(66.66, 10);
    expect(sommaPesi([])).toBe(0);
  });
});

describe('avanzamentoMedio', () => {
  it('averages the avanzamento ponderato of the objectives that report one, and counts them', () => {
    expect(
      avanzamentoMedio([
        {
          fasi: [
            { peso: 60, avanzamento: 100 },
            { peso: 40, avanzamento: 50 },
          ],
        },
        { fasi: [{ peso: 100, avanzamento: 40 }] },
        { fasi: [{ peso: 100, avanzamento: null }] },
        { fasi: [] },
      ]),
    ).toEqual({ media: 60, obiettivi: 2 });
  });

  it('is null when no objective reports avanzamento', () => {
    expect(avanzamentoMedio([{ fasi: [{ peso: 100, avanzamento: null }] }])).toEqual({ media: null, obiettivi: 0 });
    expect(avanzamentoMedio([])).toEqual({ media: null, obiettivi: 0 });
  });
});
