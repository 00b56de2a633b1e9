import { describe, expect, it } from 'vitest';
import { qualityWarnings } from '../../src/lib/validate/quality';
import type { ObiettivoInput } from '../../src/schemas/obiettivo';
import { fase as baseFase, findingLines, obiettivo } from '../support/objective';

const fase = (id: string, avanzamento: number | null) => baseFase(id, { avanzamento });

const indicatore = (extra: object) => ({
  id: 'I01',
  descrizione: 'Pratiche',
  tipo: 'EFFICACIA',
  valore_atteso: 50,
  valore_raggiunto: 0.8,
  note: null,
  ...extra,
});

const warnings = (overrides: Partial<ObiettivoInput>) => findingLines(qualityWarnings(obiettivo(overrides)));

const fasi = [fase('F01', 100), fase('F02', 40), fase('F03', null), fase('F04', 0), fase('F05', 90)];

describe('stato against the fasi', () => {
  it('warns when a concluded objective has fasi under 100 or without avanzamento, listing a few', () => {
    expect(warnings({ stato: '  Completato ', fasi })).toEqual([
      'stato: lo stato è «Completato» ma non tutte le fasi sono al 100% (F02: 40%, F03: senza avanzamento, F04: 0% e un’altra): aggiorna l’avanzamento delle fasi oppure lo stato [stato-fasi]',
    ]);
  });

  it('warns when an objective still to start has fasi under way', () => {
    expect(warnings({ stato: 'Da avviare', fasi })).toEqual([
      'stato: lo stato è «Da avviare» ma alcune fasi sono avviate (F01: 100%, F02: 40%, F05: 90%): aggiorna lo stato (per esempio In corso) [stato-fasi]',
    ]);
  });

  it('says nothing without stato, without fasi, or when they agree', () => {
    expect(warnings({ stato: null, fasi })).toEqual([]);
    expect(warnings({ stato: 'Concluso', fasi: [] })).toEqual([]);
    expect(warnings({ stato: 'In corso', fasi })).toEqual([]);
    expect(warnings({ stato: 'Concluso', fasi: [fase('F01', 100)] })).toEqual([]);
    expect(warnings({ stato: 'Sospeso', fasi: [fase('F01', 100)] })).toEqual([]);
  });
});

describe('verificato', () => {
  it('silences the implausible-value warning once confirmed', () => {
    expect(warnings({ indicatori: [indicatore({})] })).toHaveLength(1);
    expect(warnings({ indicatori: [indicatore({ verificato: true, note: 'Dato in migliaia' })] })).toEqual([]);
  });

  it('warns that verificato is not needed on plausible values', () => {
    expect(warnings({ indicatori: [indicatore({ valore_raggiunto: 45, verificato: true, note: 'x' })] })).toEqual([
      'indicatori.0.verificato: i valori non hanno nulla di strano: verificato: true non serve, toglilo (o scrivi false) [verificato-superfluo]',
    ]);
  });
});
