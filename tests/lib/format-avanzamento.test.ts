import { describe, expect, it } from 'vitest';
import { formatAvanzamento } from '../../src/lib/view/format';
import { coperturaAvanzamento, statoIncoerente } from '../../src/lib/derived/metrics';

const fase = (peso: number, avanzamento: number | null) => ({ peso, avanzamento });

describe('formatAvanzamento', () => {
  it('keeps full coverage short', () => {
    const fasi = [fase(60, 100), fase(40, 50)];
    expect(formatAvanzamento(80, coperturaAvanzamento(fasi))).toBe('80%');
  });

  it('states the share of weight and the fasi without data when some fasi report nothing', () => {
    const fasi = [fase(50, 100), fase(31, 100), fase(10, null), fase(9, null)];
    expect(formatAvanzamento(100, coperturaAvanzamento(fasi))).toBe('100% sul 81% del peso; 2 fasi senza dato');
    expect(formatAvanzamento(100, coperturaAvanzamento([fase(90, 100), fase(10, null)]))).toBe(
      '100% sul 90% del peso; 1 fase senza dato',
    );
  });

  it('never rounds a partial coverage up to the whole weight', () => {
    const fasi = [fase(99.6, 100), fase(0.4, null)];
    expect(formatAvanzamento(100, coperturaAvanzamento(fasi))).toBe('100% sul 99% del peso; 1 fase senza dato');
  });

  it('names a fase without data even when it weighs nothing', () => {
    expect(formatAvanzamento(70, coperturaAvanzamento([fase(100, 70), fase(0, null)]))).toBe('70%; 1 fase senza dato');
  });

  it('says "non rilevato" when nothing can be computed, and one decimal on request', () => {
    expect(formatAvanzamento(null, coperturaAvanzamento([fase(100, null)]))).toBe('non rilevato');
    expect(formatAvanzamento(66.66, null, 1)).toBe('66,7%');
  });
});

describe('statoIncoerente', () => {
  it('flags a concluded stato with unfinished or unreported fasi', () => {
    expect(statoIncoerente('Concluso', [{ avanzamento: 100 }, { avanzamento: 80 }, { avanzamento: null }])).toEqual({
      tipo: 'concluso',
      fasiIncomplete: 2,
    });
    expect(statoIncoerente('Concluso', [{ avanzamento: 100 }])).toBeNull();
  });

  it('flags an open stato whose reported fasi are all at 100', () => {
    expect(statoIncoerente('In Corso', [{ avanzamento: 100 }, { avanzamento: 100 }])).toEqual({
      tipo: 'completo',
      fasiSenzaDato: 0,
    });
    expect(statoIncoerente('In Corso', [{ avanzamento: 100 }, { avanzamento: null }])).toEqual({
      tipo: 'completo',
      fasiSenzaDato: 1,
    });
    expect(statoIncoerente('In Corso', [{ avanzamento: 100 }, { avanzamento: 40 }])).toBeNull();
  });

  it('has nothing to say without a stato or without any avanzamento', () => {
    expect(statoIncoerente(null, [{ avanzamento: 100 }])).toBeNull();
    expect(statoIncoerente('In Corso', [{ avanzamento: null }])).toBeNull();
    expect(statoIncoerente('In Corso', [])).toBeNull();
  });
});
