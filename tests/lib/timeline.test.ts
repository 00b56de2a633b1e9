import { describe, expect, it } from 'vitest';
import { daysBetween, faseTiming, span, timelineAxis } from '../../src/lib/view/timeline';

const fase = (
  dates: Partial<Record<'inizio_previsto' | 'fine_prevista' | 'inizio_effettivo' | 'fine_effettiva', string | null>>,
) => ({
  inizio_previsto: null,
  fine_prevista: null,
  inizio_effettivo: null,
  fine_effettiva: null,
  ...dates,
});

describe('timelineAxis', () => {
  it('covers the PEG year month by month when every date falls inside it', () => {
    const axis = timelineAxis(2020, [fase({ inizio_previsto: '2020-02-01', fine_prevista: '2020-12-31' })]);
    expect(axis.months.map((m) => m.label)).toEqual([
      'gen',
      'feb',
      'mar',
      'apr',
      'mag',
      'giu',
      'lug',
      'ago',
      'set',
      'ott',
      'nov',
      'dic',
    ]);
    expect(axis.months[0]).toMatchObject({ x: 0, year: 2020 });
    expect(axis.months.reduce((sum, m) => sum + m.width, 0)).toBeCloseTo(100);
  });

  it('stretches to dates outside the PEG year', () => {
    const axis = timelineAxis(2020, [fase({ inizio_effettivo: '2019-11-15', fine_prevista: '2021-02-28' })]);
    expect(axis.months).toHaveLength(16);
    expect(axis.months.filter((m) => m.year !== null).map((m) => m.year)).toEqual([2019, 2020, 2021]);
  });
});

describe('span', () => {
  const axis = timelineAxis(2020, []);
  it('places a whole-year range across the whole axis', () => {
    const bar = span(axis, '2020-01-01', '2020-12-31')!;
    expect(bar.x).toBe(0);
    expect(bar.width).toBeCloseTo(100);
  });
  it('keeps a range without an end visible as a sliver, and has no bar without a start', () => {
    expect(span(axis, '2020-07-01', null)!.width).toBe(0.5);
    expect(span(axis, null, '2020-07-01')).toBeNull();
  });
});

describe('faseTiming', () => {
  it('says how late or early a fase ended, in days', () => {
    expect(daysBetween('2020-03-31', '2020-04-30')).toBe(30);
    expect(
      [
        fase({ fine_prevista: '2020-03-31', fine_effettiva: '2020-04-30' }),
        fase({ fine_prevista: '2020-03-31', fine_effettiva: '2020-04-01' }),
        fase({ fine_prevista: '2020-03-31', fine_effettiva: '2020-03-21' }),
        fase({ fine_prevista: '2020-03-31', fine_effettiva: '2020-03-31' }),
        fase({ fine_effettiva: '2020-03-31' }),
        fase({ inizio_effettivo: '2020-01-01', fine_prevista: '2020-03-31' }),
        fase({ fine_prevista: '2020-03-31' }),
      ].map((f) => faseTiming(f).text),
    ).toMatchInlineSnapshot(`
      [
        "conclusa con 30 giorni di ritardo",
        "conclusa con 1 giorno di ritardo",
        "conclusa con 10 giorni di anticipo",
        "conclusa nei tempi",
        "conclusa (fine prevista non indicata)",
        "in corso",
        "non ancora iniziata",
      ]
    `);
  });
});
