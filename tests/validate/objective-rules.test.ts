import { describe, expect, it } from 'vitest';
import type { ObiettivoInput } from '../../src/schemas/obiettivo';
import { objectiveRules, type ObjectiveContext } from '../../src/lib/validate/objective-rules';
import { fase as baseFase, findingLines, obiettivo } from '../support/objective';

const context: ObjectiveContext = {
  tipiIndicatore: ['EFFICACIA'],
  dup: {
    mandati: new Set(['DUP_10', 'DUP_11']),
    missioni: new Map([
      ['DUP_10_0101', 'DUP_10'],
      ['DUP_11_0101', 'DUP_11'],
    ]),
    programmi: new Map([['DUP_11_0101_1101', 'DUP_11_0101']]),
  },
};

const fase = (id: string, peso: number) => baseFase(id, { peso });

const rules = (overrides: Partial<ObiettivoInput>) => findingLines(objectiveRules(obiettivo(overrides), context));

describe('rules within one objective', () => {
  it('accepts an objective without fasi', () => {
    expect(rules({ fasi: [] })).toEqual([]);
  });

  it('accepts pesi such as 33.33 × 3 within the 0.01 tolerance', () => {
    expect(rules({ fasi: [fase('F01', 33.33), fase('F02', 33.33), fase('F03', 33.33)] })).toEqual([]);
    expect(rules({ fasi: [fase('F01', 33.3), fase('F02', 33.3), fase('F03', 33.3)] })).toMatchInlineSnapshot(`
      [
        "fasi: la somma dei pesi delle fasi è 99,9, deve essere 100 [pesi-fasi]",
      ]
    `);
  });

  it('reports a missione that belongs to another mandato', () => {
    expect(rules({ dup: { mandato: 'DUP_10', missione: 'DUP_11_0101', programma: 'DUP_11_0101_1101' } }))
      .toMatchInlineSnapshot(`
      [
        "dup.missione: la missione DUP_11_0101 appartiene al mandato DUP_11, non a DUP_10 [dup-catena]",
      ]
    `);
  });

  it('reports soggetti whose involvement ends before it starts', () => {
    const soggetto = {
      nominativo: 'ROSSI MARIO',
      relazione: null,
      impegno: 10,
      inizio: '2020-05-01',
      fine: '2020-04-30',
    };
    expect(rules({ soggetti_coinvolti: [soggetto] })).toMatchInlineSnapshot(`
      [
        "soggetti_coinvolti.0.fine: la fine 2020-04-30 viene prima dell’inizio 2020-05-01 [date-ordine]",
      ]
    `);
  });
});
