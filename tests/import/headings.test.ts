import { describe, expect, it } from 'vitest';
import { splitGluedHeadings, wholeLineHeading } from '../../src/lib/import/headings';

describe('section headings of the report', () => {
  it('recognises a heading as a whole line in every form the converter writes', () => {
    expect(wholeLineHeading('#### Modalità di Attuazione')).toBe('modalita');
    expect(wholeLineHeading("FASI - ATTIVITA'\t\t\t\t")).toBe('fasi');
    expect(wholeLineHeading('**STATO DI ATTUAZIONE**')).toBe('statoAttuazione');
    expect(wholeLineHeading('INDICATORI\tvalore')).toBeUndefined();
  });

  it('splits headings glued to the end of a line and DUP labels followed by their code', () => {
    expect(splitGluedHeadings("Concluso**FASI - ATTIVITA'**")).toEqual([
      { kind: 'text', text: 'Concluso' },
      { kind: 'heading', name: 'fasi' },
    ]);
    expect(
      splitGluedHeadings(
        '**OBIETTIVO DI MANDATO:** M\\_1 UNO**OBIETTIVO DI MISSIONE:** M\\_1\\_01 Due**Modalità di Attuazione**',
      ),
    ).toEqual([
      { kind: 'heading', name: 'mandato' },
      { kind: 'text', text: ' M\\_1 UNO' },
      { kind: 'heading', name: 'missione' },
      { kind: 'text', text: ' M\\_1\\_01 Due' },
      { kind: 'heading', name: 'modalita' },
    ]);
  });

  it('leaves a bold heading word in the middle of a sentence as text', () => {
    const line = 'i valori sono nella tabella **INDICATORI** della scheda precedente.';
    expect(splitGluedHeadings(line)).toEqual([{ kind: 'text', text: line }]);
  });
});
