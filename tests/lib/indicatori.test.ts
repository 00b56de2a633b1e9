import { describe, expect, it } from 'vitest';
import {
  formatValore,
  indicatorChart,
  indicatoreView,
  indicatorSummary,
  OVERVIEW_MAX,
  overviewChart,
} from '../../src/lib/indicatori';
import type { Indicatore } from '../../src/schemas/indicatore';

const soglie = { raggiunto: 100, parzialmente_raggiunto: 60 };
const ind = (over: Partial<Indicatore>): Indicatore => ({
  id: 'I01',
  descrizione: 'Indicatore',
  tipo: 'EFFICACIA',
  direzione: 'crescente',
  unita_di_misura: null,
  valore_atteso: 100,
  verificato: false,
  valore_raggiunto: 100,
  storico: {},
  note: null,
  ...over,
});

describe('indicator view', () => {
  it('shows binary values as Sì/No and other values as Italian numbers', () => {
    expect([
      formatValore({ direzione: 'binario' }, 1),
      formatValore({ direzione: 'binario' }, 0),
      formatValore({ direzione: 'crescente' }, 6670),
      formatValore({ direzione: 'crescente' }, null),
    ]).toEqual(['Sì', 'No', '6.670', 'non rilevato']);
  });

  it('measures decrescente indicators the right way round', () => {
    const view = indicatoreView(ind({ direzione: 'decrescente', valore_atteso: 500, valore_raggiunto: 82 }), soglie);
    expect(view).toMatchObject({ esito: 'raggiunto', gradoText: '610%', scostamento: '-418' });
  });

  it('gives binary indicators no percentage and no scostamento', () => {
    const view = indicatoreView(ind({ direzione: 'binario', valore_atteso: 1, valore_raggiunto: 0 }), soglie);
    expect(view).toMatchObject({ esito: 'non raggiunto', gradoText: 'No', gradoPercent: null, scostamento: null });
  });

  it('labels every overview bar with its esito in words and cuts outliers at the axis end', () => {
    const views = [
      ind({ valore_raggiunto: 80 }),
      ind({ id: 'I02', direzione: 'binario', valore_atteso: 1, valore_raggiunto: 1 }),
      ind({ id: 'I03', valore_atteso: 1, valore_raggiunto: 100 }),
      ind({ id: 'I04', valore_raggiunto: null }),
    ].map((i) => indicatoreView(i, soglie));
    const chart = overviewChart(views);
    expect(chart.labels).toMatchInlineSnapshot(`
      [
        [
          "I01 · 80%",
          "parzialmente raggiunto",
        ],
        [
          "I02 · Sì",
          "raggiunto",
        ],
        [
          "I03 · 10.000%",
          "raggiunto",
        ],
        [
          "I04 · non rilevato",
          "non rilevato",
        ],
      ]
    `);
    expect(chart.values).toEqual([80, null, OVERVIEW_MAX, null]);
    expect(chart.max).toBe(OVERVIEW_MAX);
  });

  it('charts past years of storico before the PEG year, with a one-sentence summary', () => {
    const indicatore = ind({ valore_atteso: 60, valore_raggiunto: 75, storico: { '2019': 92, '2018': 110 } });
    expect(indicatorChart(indicatore, 2020)).toEqual({
      kind: 'indicator',
      labels: ['2018', '2019', '2020'],
      datasets: [
        { label: 'Valore atteso', role: 'atteso', values: [null, null, 60] },
        { label: 'Valore raggiunto', role: 'raggiunto', values: [110, 92, 75] },
      ],
    });
    expect(indicatorSummary(indicatore, 2020)).toMatchInlineSnapshot(
      `"Atteso 60, raggiunto 75 nel 2020; negli anni precedenti: 2018 110, 2019 92."`,
    );
  });
});
