import { describe, expect, it } from 'vitest';
import {
  formatValore,
  indicatorChart,
  indicatoreView,
  indicatorSummary,
  OVERVIEW_MAX,
  overviewChart,
  overviewHasContent,
  overviewMax,
  storicoText,
} from '../../src/lib/view/indicatore';
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

  it('reads a decrescente target as a ceiling and signs the scostamento better = positive', () => {
    const view = indicatoreView(ind({ direzione: 'decrescente', valore_atteso: 500, valore_raggiunto: 82 }), soglie);
    expect(view).toMatchObject({
      esito: 'raggiunto',
      atteso: 'al massimo 500',
      raggiunto: '82',
      gradoText: '610%',
      scostamento: '418 sotto il massimo',
    });
    const over = indicatoreView(ind({ direzione: 'decrescente', valore_atteso: 50, valore_raggiunto: 60 }), soglie);
    expect(over.scostamento).toBe('10 oltre il massimo');
    expect(indicatoreView(ind({ valore_atteso: 6000, valore_raggiunto: 6670 }), soglie).scostamento).toBe('+670');
  });

  it('writes the unit beside every value when the content gives one, bare when it is null', () => {
    const view = indicatoreView(ind({ unita_di_misura: '%', valore_atteso: 50, valore_raggiunto: 80 }), soglie);
    expect(view).toMatchObject({ atteso: '50%', raggiunto: '80%', scostamento: '+30%', gradoText: '160%' });
    const giorni = indicatoreView(
      ind({ direzione: 'decrescente', unita_di_misura: 'giorni', valore_atteso: 30, valore_raggiunto: 20 }),
      soglie,
    );
    expect(giorni).toMatchObject({ atteso: 'al massimo 30 giorni', scostamento: '10 giorni sotto il massimo' });
    expect(indicatoreView(ind({ valore_atteso: 50, valore_raggiunto: 80 }), soglie).atteso).toBe('50');
    // A count reads bare: "6.000", not "6.000 numero".
    expect(indicatoreView(ind({ unita_di_misura: 'numero', valore_atteso: 6000 }), soglie).atteso).toBe('6.000');
  });

  it('shows implausible values as da verificare with the reason, and no grado until verificato', () => {
    const view = indicatoreView(ind({ valore_atteso: 1, valore_raggiunto: 100 }), soglie);
    expect(view).toMatchObject({
      esito: 'da verificare',
      gradoPercent: null,
      gradoText: 'dato da verificare',
      scostamento: null,
      dubbi: ['raggiunto 100 contro atteso 1: possibile errore di unità di misura'],
    });
    const binario = indicatoreView(ind({ direzione: 'binario', valore_atteso: 1, valore_raggiunto: 3 }), soglie);
    expect(binario.dubbi).toEqual(['valore raggiunto 3 in un indicatore sì/no, che vale solo 1 (sì) o 0 (no)']);
    const checked = indicatoreView(ind({ valore_atteso: 1, valore_raggiunto: 100, verificato: true }), soglie);
    expect(checked).toMatchObject({ esito: 'raggiunto', gradoText: '10.000%', dubbi: [] });
  });

  it('gives binary indicators no percentage and no scostamento', () => {
    const view = indicatoreView(ind({ direzione: 'binario', valore_atteso: 1, valore_raggiunto: 0 }), soglie);
    expect(view).toMatchObject({ esito: 'non raggiunto', gradoText: 'No', gradoPercent: null, scostamento: null });
  });

  it('draws a bar or a mark in words for every overview row, and marks bars cut at the axis end', () => {
    const views = [
      ind({ valore_raggiunto: 80 }),
      ind({ id: 'I02', direzione: 'binario', valore_atteso: 1, valore_raggiunto: 1 }),
      ind({ id: 'I03', direzione: 'binario', valore_atteso: 1, valore_raggiunto: 0 }),
      ind({ id: 'I04', valore_atteso: 1, valore_raggiunto: 100 }),
      ind({ id: 'I05', valore_raggiunto: null }),
      ind({ id: 'I06', valore_atteso: 100, valore_raggiunto: 325 }),
    ].map((i) => indicatoreView(i, soglie));
    const chart = overviewChart(views);
    expect(chart.labels).toEqual([
      ['I01 · 80%', 'parzialmente raggiunto'],
      ['I02 · Sì', 'raggiunto'],
      ['I03 · No', 'non raggiunto'],
      ['I04 · dato da verificare', 'dato da verificare'],
      ['I05 · non rilevato', 'non rilevato'],
      ['I06 · 325%', 'raggiunto'],
    ]);
    expect(chart.marks).toEqual(['bar', 'si', 'no', 'da verificare', 'non rilevato', 'oltre']);
    expect(chart.markTexts).toEqual([null, '✓ Sì', '✗ No', '? dato da verificare', '– non rilevato', '▶ oltre 250%']);
    expect(chart.values).toEqual([80, null, null, null, null, OVERVIEW_MAX]);
    expect(chart.max).toBe(OVERVIEW_MAX);
    expect(overviewHasContent(chart)).toBe(true);
    expect(overviewHasContent(overviewChart([views[4]!]))).toBe(false);
  });

  it('scales the overview from 0 to the highest grado rounded up to 50, at least 100, at most 250', () => {
    expect([overviewMax([]), overviewMax([80]), overviewMax([111]), overviewMax([160]), overviewMax([610])]).toEqual([
      100,
      100,
      150,
      200,
      OVERVIEW_MAX,
    ]);
  });

  it('charts past years of storico before the PEG year, the target as a line, with a one-sentence summary', () => {
    const indicatore = ind({ valore_atteso: 60, valore_raggiunto: 75, storico: { '2019': 92, '2018': 110 } });
    expect(indicatorChart(indicatore, 2020)).toEqual({
      kind: 'indicator',
      labels: ['2018', '2019', '2020'],
      values: [110, 92, 75],
      valuesLabel: 'Valore raggiunto',
      target: { value: 60, label: 'atteso 2020: 60' },
      valueTexts: ['110', '92', '75'],
      unitSuffix: '',
    });
    expect(indicatorSummary(indicatore, 2020)).toMatchInlineSnapshot(
      `"Atteso 60, raggiunto 75 nel 2020; negli anni precedenti: 2018 110, 2019 92."`,
    );
    const ceiling = ind({
      direzione: 'decrescente',
      unita_di_misura: 'giorni',
      valore_atteso: 30,
      storico: { '2019': 40 },
    });
    expect(indicatorChart(ceiling, 2020)).toMatchObject({
      target: { value: 30, label: 'massimo 2020: 30 giorni' },
      valueTexts: ['40 giorni', '100 giorni'],
      unitSuffix: ' giorni',
    });
    expect(indicatorSummary(ceiling, 2020)).toBe(
      'Atteso al massimo 30 giorni, raggiunto 100 giorni nel 2020; negli anni precedenti: 2019 40 giorni.',
    );
  });

  it('draws no chart where it would only repeat the words: no past year, or a sì/no indicator', () => {
    expect(indicatorChart(ind({}), 2020)).toBeNull();
    const binario = ind({ direzione: 'binario', valore_atteso: 1, storico: { '2019': 1, '2018': 0 } });
    expect(indicatorChart(binario, 2020)).toBeNull();
    // Its past years stay on the page in words.
    expect(storicoText(binario, 2020)).toBe('2018 No, 2019 Sì');
    expect(storicoText(ind({}), 2020)).toBeNull();
  });
});
