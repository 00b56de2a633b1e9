import { describe, expect, it } from 'vitest';
import { daysBetween, scadenzaPiao, scadenzaRelazione, tempestivita } from '../../src/lib/derived/scadenze';
import { tempestivitaText } from '../../src/lib/view/performance';

describe('legal deadlines of the Performance section', () => {
  it('wants the Relazione by 30 June of the following year', () => {
    expect(scadenzaRelazione(2020)).toBe('2021-06-30');
  });

  it('shows a Relazione published after 30 June as late, by the days', () => {
    const late = tempestivita('2021-07-15', scadenzaRelazione(2020));
    expect(late).toEqual({ stato: 'in ritardo', scadenza: '2021-06-30', giorni: 15 });
    expect(tempestivitaText(late)).toBe('pubblicata in ritardo di 15 giorni');
    expect(tempestivitaText(tempestivita('2021-07-01', '2021-06-30'))).toBe('pubblicata in ritardo di 1 giorno');
  });

  it('shows one published on the deadline day or before as in time, and a missing one as not published', () => {
    expect(tempestivitaText(tempestivita('2021-06-30', scadenzaRelazione(2020)))).toBe('pubblicata nei termini');
    expect(tempestivita(null, '2021-06-30').stato).toBe('non pubblicato');
  });

  it('wants the PIAO by 31 January, or 30 days after a later budget', () => {
    expect(scadenzaPiao(2023, null)).toBe('2023-01-31');
    expect(scadenzaPiao(2023, '2022-12-20')).toBe('2023-01-31');
    expect(scadenzaPiao(2023, '2023-03-15')).toBe('2023-04-14');
    // 2024 is a leap year: 30 days after 31 January is 1 March.
    expect(scadenzaPiao(2024, '2024-01-31')).toBe('2024-03-01');
  });

  it('counts days across a leap day', () => {
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
  });
});
