import type { Obiettivo } from '../../schemas/obiettivo';
import { looksLikeFormula } from '../outputs/opendata/formula';
import type { FieldPath, Finding } from './problem';

/**
 * [formula]: a text that starts with `=`, `+`, `-`, `@`, tab or CR. The CSV open data neutralise it
 * with a leading apostrophe, so the published cell differs from the text: the editor should reword it.
 */
const OBJECTIVE_TEXTS = ['titolo', 'assessorato', 'centro_di_responsabilita', 'responsabile', 'stato'] as const;
const FASE_TEXTS = ['titolo', 'responsabile', 'centro_di_responsabilita', 'note'] as const;
const INDICATORE_TEXTS = ['descrizione', 'unita_di_misura', 'note'] as const;
const SOGGETTO_TEXTS = ['nominativo', 'relazione'] as const;

export function formulaWarnings(data: Obiettivo): Finding[] {
  const findings: Finding[] = [];
  const check = (value: string | null | undefined, path: FieldPath) => {
    if (typeof value === 'string' && looksLikeFormula(value))
      findings.push({
        rule: 'formula',
        path,
        message: `il testo comincia con «${JSON.stringify(value[0]).slice(1, -1)}» e un foglio di calcolo lo leggerebbe come una formula (nei CSV è pubblicato con un apostrofo davanti): riscrivilo senza quel carattere iniziale`,
      });
  };
  for (const key of OBJECTIVE_TEXTS) check(data[key], [key]);
  data.fasi.forEach((fase, index) => FASE_TEXTS.forEach((key) => check(fase[key], ['fasi', index, key])));
  data.indicatori.forEach((indicatore, index) =>
    INDICATORE_TEXTS.forEach((key) => check(indicatore[key], ['indicatori', index, key])),
  );
  data.soggetti_coinvolti.forEach((soggetto, index) =>
    SOGGETTO_TEXTS.forEach((key) => check(soggetto[key], ['soggetti_coinvolti', index, key])),
  );
  return findings;
}
