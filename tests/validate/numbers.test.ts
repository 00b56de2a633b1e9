import { describe, expect, it } from 'vitest';
import { numberFindings } from '../../src/lib/validate/numbers';
import { EnteSchema } from '../../src/schemas/ente';
import { DupSchema } from '../../src/schemas/dup';
import { IndicatoreSchema } from '../../src/schemas/indicatore';

const lines = (yaml: string, schema: Parameters<typeof numberFindings>[2] = IndicatoreSchema) =>
  numberFindings(yaml, 1, schema).findings.map(
    (f) => `${f.line}:${f.col} ${f.path?.join('.')} ${f.message} [${f.rule}]`,
  );

describe('numeric fields read from their source text', () => {
  it('checks storico years in block and flow form, and quoted keys', () => {
    expect(lines('storico:\n  2019: 80,5\n  2018: 12\n"valore_atteso": 1.500\n')).toEqual([
      '2:9 storico.2019 i decimali si separano con il punto: scrivi 80.5 [numero]',
      '4:18 valore_atteso «1.500» è ambiguo (il punto separa i decimali, non le migliaia): se intendi millecinquecento scrivi 1500, se intendi 1,5 (con i decimali) scrivi 1.5 [numero]',
    ]);
  });

  it('reports a decimal comma inside a flow mapping once, at its year, and explains the stray key', () => {
    const result = numberFindings('storico: { 2019: 80,5, 2020: 3 }\n', 1, IndicatoreSchema);
    expect(result.findings.map((f) => `${f.line}:${f.col} ${f.path?.join('.')} ${f.message}`)).toEqual([
      '1:18 storico.2019 i decimali si separano con il punto: scrivi 80.5',
    ]);
    expect([...result.explained]).toContain('storico.5');
  });

  it('ignores numbers in comments and other fields, and plain numbers', () => {
    expect(
      lines('valore_atteso: 40 # era 1.500\ndescrizione: Pratiche 1.500 e 80,5%\nvalore_raggiunto: 40.5\n'),
    ).toEqual([]);
  });

  it('uses the binary wording from the indicator direzione, wherever it is written', () => {
    expect(lines('valore_atteso: Sì\ndirezione: binario\n')).toEqual([
      '1:16 valore_atteso «Sì» non è un numero: scrivi 1 (sì) [numero]',
    ]);
  });

  it('checks the numbers of ente.yaml, and nothing in dup.yaml, which has none', () => {
    expect(lines('soglie_esito:\n  raggiunto: 90%\n  parzialmente_raggiunto: 50\n', EnteSchema)).toEqual([
      '2:14 soglie_esito.raggiunto togli il simbolo %: scrivi 90 [numero]',
    ]);
    expect(lines('mandati:\n  - codice: 1.500\n', DupSchema)).toEqual([]);
  });
});
