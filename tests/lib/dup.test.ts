import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load';
import { dupChain } from '../../src/lib/derived/dup';

const { dup } = loadContent('tests/fixtures/content/multi-year');

describe('dupChain', () => {
  it('gives mandato → missione → programma with their titles from dup.yaml', () => {
    expect(dupChain(dup, { mandato: 'DUP_10', missione: 'DUP_10_0101', programma: 'DUP_10_0101_1104' })).toEqual([
      { livello: 'mandato', codice: 'DUP_10', titolo: 'Semplificazione e partecipazione' },
      { livello: 'missione', codice: 'DUP_10_0101', titolo: 'Semplificazione ed efficienza' },
      { livello: 'programma', codice: 'DUP_10_0101_1104', titolo: 'Digitalizzazione dei servizi' },
    ]);
  });

  it('keeps a code dup.yaml lacks, with a null title, and looks a level up only under its own parent', () => {
    expect(
      dupChain(dup, { mandato: 'DUP_10', missione: 'DUP_20_0901', programma: 'DUP_99' }).map((l) => l.titolo),
    ).toEqual(['Semplificazione e partecipazione', null, null]);
  });
});
