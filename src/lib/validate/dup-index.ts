import type { Dup } from '../../schemas/dup';
import type { DupIndex } from './objective-rules';
import type { Finding } from './problem';

/** Indexes dup.yaml by code and reports codes defined twice (an objective could not say which one it means). */
export function indexDup(dup: Dup): { index: DupIndex; findings: Finding[] } {
  const mandati = new Set<string>();
  const missioni = new Map<string, string>();
  const programmi = new Map<string, string>();
  const seen = new Set<string>();
  const findings: Finding[] = [];
  const define = (code: string, path: (string | number)[]) => {
    if (seen.has(code))
      findings.push({
        rule: 'dup-duplicato',
        path,
        message: `il codice ${code} è già definito in dup.yaml: ogni codice compare una volta`,
      });
    seen.add(code);
  };
  dup.mandati.forEach((mandato, i) => {
    define(mandato.codice, ['mandati', i, 'codice']);
    mandati.add(mandato.codice);
    // A duplicate keeps its first definition: objectives are checked against that one.
    mandato.missioni.forEach((missione, j) => {
      define(missione.codice, ['mandati', i, 'missioni', j, 'codice']);
      if (!missioni.has(missione.codice)) missioni.set(missione.codice, mandato.codice);
      missione.programmi.forEach((programma, k) => {
        define(programma.codice, ['mandati', i, 'missioni', j, 'programmi', k, 'codice']);
        if (!programmi.has(programma.codice)) programmi.set(programma.codice, missione.codice);
      });
    });
  });
  return { index: { mandati, missioni, programmi }, findings };
}
