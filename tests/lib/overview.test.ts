import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load';
import { centriRows } from '../../src/lib/view/overview';
import { summarize } from '../../src/lib/derived/summary';

const content = loadContent('tests/fixtures/content/multi-year');
const anno2020 = content.obiettivi.filter((o) => o.data.anno === 2020);

describe('summarize', () => {
  it('counts objectives, fasi, indicators by esito and averages the weighted progress', () => {
    expect(summarize(anno2020, content.ente.soglie_esito)).toEqual({
      obiettivi: 2,
      fasi: 4,
      indicatori: 4,
      // 2020_A01_00: (60×100 + 40×50) / 100 = 80; 2020_B02_00: only F01 reports, 100.
      avanzamentoMedio: 90,
      obiettiviConAvanzamento: 2,
      // 2020_B02_00's F02 (peso 50) reports no avanzamento: 150 of the 200 weight points have data.
      copertura: { quotaPeso: 0.75, fasiSenzaDato: 1, fasi: 4 },
      esiti: {
        raggiunto: 1,
        'parzialmente raggiunto': 1,
        'non raggiunto': 1,
        'non rilevato': 1,
        'da verificare': 0,
      },
    });
  });
});

describe('centriRows', () => {
  it('gives one row per office of the year, sorted, linked to its page', () => {
    const rows = centriRows(anno2020, content.ente.soglie_esito);
    expect(rows.map((r) => [r.label, r.href, r.summary.obiettivi, r.summary.avanzamentoMedio])).toEqual([
      ['AREA COORDINAMENTO STRATEGICO', '/centri-di-responsabilita/area-coordinamento-strategico/', 1, 80],
      ['SETTORE GOVERNO DEL TERRITORIO', '/centri-di-responsabilita/settore-governo-del-territorio/', 1, 100],
    ]);
  });
});

describe('centriRows grouping', () => {
  it('groups offices like their pages do: one row per slug, labelled with the upper-case spelling', () => {
    const [first, second] = anno2020;
    const rows = centriRows(
      [
        { data: { ...first!.data, centro_di_responsabilita: 'Settore Territorio' } },
        { data: { ...second!.data, centro_di_responsabilita: 'SETTORE TERRITORIO ' } },
      ],
      content.ente.soglie_esito,
    );
    expect(rows.map((row) => [row.label, row.href, row.summary.obiettivi])).toEqual([
      ['SETTORE TERRITORIO', '/centri-di-responsabilita/settore-territorio/', 2],
    ]);
  });
});
