import { describe, expect, it } from 'vitest';
import { requiredKeys } from '../../src/lib/validate/schema-issues';
import { parseYaml } from '../../src/lib/validate/yaml';
import { ObiettivoSchema } from '../../src/schemas/obiettivo';

/** `line:col message` of the finding for a broken YAML text (front matter starting at file line 2). */
function problem(yaml: string): string {
  const parsed = parseYaml(yaml, 2, requiredKeys(ObiettivoSchema));
  if (!('finding' in parsed)) throw new Error('expected a syntax error');
  const { line, col, message } = parsed.finding;
  return `${line}:${col} ${message}`;
}

const fase = (id: string, indent = '  - ') =>
  `${indent}id: ${id}\n${indent.replace('-', ' ')}titolo: Fase\n${indent.replace('-', ' ')}peso: 50\n`;

describe('the likely cause of a YAML error, not its symptom', () => {
  it('quotes a text with a colon, keeping double quotes already inside it', () => {
    expect(problem('titolo: Obiettivo: ridurre i tempi\nanno: 2020\n')).toBe(
      '2:9 il testo contiene «: »: mettilo tra virgolette diritte "…": scrivi titolo: "Obiettivo: ridurre i tempi"',
    );
    expect(problem('fasi:\n  - id: F01\n    note: Vedi il "piano": delibera 12 # commento\n    peso: 3\n')).toBe(
      `4:11 il testo contiene «: »: mettilo tra virgolette diritte "…": scrivi note: 'Vedi il "piano": delibera 12'`,
    );
  });

  it('single-quotes a text with a backslash, which double quotes would read as an escape', () => {
    expect(problem('note: Vedi: C:\\atti\\delibera\nanno: 2020\n')).toBe(
      `2:7 il testo contiene «: »: mettilo tra virgolette diritte "…": scrivi note: 'Vedi: C:\\atti\\delibera'`,
    );
  });

  it('replaces curly quotes with straight ones', () => {
    expect(problem('titolo: ‘Progetto: scuole’\nanno: 2020\n')).toBe(
      '2:9 usa le virgolette diritte " invece di “ ”: scrivi titolo: "Progetto: scuole"',
    );
  });

  it('asks for null instead of a bare dash, or for the value when the field cannot be null', () => {
    expect(problem('fasi:\n  - id: F01\n    peso: -\n')).toBe(
      '4:11 «-» non è un valore: peso è obbligatorio, scrivi il suo valore',
    );
    expect(problem('fasi:\n  - id: F01\n    responsabile: -\n')).toContain('scrivi null');
    expect([...requiredKeys(ObiettivoSchema)]).toEqual(
      expect.arrayContaining(['codice', 'anno', 'titolo', 'id', 'peso', 'descrizione', 'tipo', 'nominativo']),
    );
    expect([...requiredKeys(ObiettivoSchema)]).not.toContain('responsabile');
    expect(problem('valore_raggiunto: -\nanno: 3\n')).toBe(
      '2:19 per un valore mancante scrivi null, non «-»: valore_raggiunto: null (e spiega nelle note perché manca)',
    );
  });

  it('finds a missing dash whether the item repeats id or starts with another key', () => {
    expect(problem(`fasi:\n${fase('F01')}    id: F02\n    titolo: Altra\n`)).toBe(
      '6:3 manca il trattino «- » prima di «id: F02»: ogni fase comincia con «- id:»',
    );
    expect(problem('fasi:\n  - id: F01\n    titolo: a\n    peso: 1\n    titolo: b\n    peso: 2\n')).toBe(
      '6:3 manca il trattino «- » prima di «titolo: b»: ogni fase comincia con «- id:»',
    );
    expect(problem('indicatori:\n  - id: I01\n    tipo: A\n  id: I02\n  tipo: B\n')).toBe(
      '5:3 manca il trattino «- » prima di «id: I02»: ogni indicatore comincia con «- id:» e le sue righe sono rientrate come quelle sopra',
    );
  });

  it('finds the missing dash of the first item of a list, at either indentation', () => {
    const rest = '  - id: F02\n    titolo: Altra\n';
    expect(problem(`fasi:\n    id: F01\n    titolo: Fase\n${rest}`)).toBe(
      '3:3 manca il trattino «- » prima di «id: F01»: ogni fase comincia con «- id:»',
    );
    expect(problem(`fasi:\n  id: F01\n    titolo: Fase\n${rest}`)).toBe(
      '3:3 manca il trattino «- » prima di «id: F01»: ogni fase comincia con «- id:» e le sue righe sono rientrate come quelle sotto',
    );
  });

  it('keeps a real duplicate a duplicate, naming the first line', () => {
    expect(problem('fasi:\n  - id: F01\n    titolo: a\n    peso: 1\n    peso: 2\n')).toBe(
      '6:5 la chiave «peso» è già scritta alla riga 5: tieni solo la riga con il valore giusto',
    );
    expect(problem('titolo: a\nanno: 1\ntitolo: b\n')).toBe(
      '4:1 la chiave «titolo» è già scritta alla riga 2: tieni solo la riga con il valore giusto',
    );
  });
});
