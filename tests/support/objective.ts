import { ObiettivoSchema, type Obiettivo, type ObiettivoInput } from '../../src/schemas/obiettivo';

type FaseInput = NonNullable<ObiettivoInput['fasi']>[number];

/** A minimal valid fase; tests set only what they check. */
export const fase = (id: string, fields: Partial<FaseInput> = {}): FaseInput => ({
  id,
  titolo: 'Fase',
  inizio_previsto: '2020-01-01',
  fine_prevista: '2020-12-31',
  inizio_effettivo: null,
  fine_effettiva: null,
  peso: 20,
  avanzamento: null,
  responsabile: null,
  centro_di_responsabilita: null,
  note: null,
  ...fields,
});

/** A minimal valid objective (2020_A01_00, DUP_11 …) parsed by the schema, with `overrides` applied. */
export function obiettivo(overrides: Partial<ObiettivoInput> = {}): Obiettivo {
  return ObiettivoSchema.parse({
    codice: '2020_A01_00',
    anno: 2020,
    titolo: 'Titolo',
    assessorato: null,
    centro_di_responsabilita: 'Settore',
    responsabile: 'ROSSI MARIO',
    stato: null,
    dup: { mandato: 'DUP_11', missione: 'DUP_11_0101', programma: 'DUP_11_0101_1101' },
    ...overrides,
  });
}

/** Validator findings as one `path: message [rule]` line each, as the tests pin them. */
export const findingLines = (
  findings: readonly { path?: readonly (string | number)[]; message: string; rule: string }[],
) => findings.map((finding) => `${finding.path?.join('.')}: ${finding.message} [${finding.rule}]`);
