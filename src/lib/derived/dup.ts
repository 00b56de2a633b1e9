import type { Dup } from '../../schemas/dup';
import type { Obiettivo } from '../../schemas/obiettivo';

/** One level of an objective's DUP chain with its title from dup.yaml (null if dup.yaml lacks the code). */
export interface DupLevel {
  livello: 'mandato' | 'missione' | 'programma';
  codice: string;
  titolo: string | null;
}

/** mandato → missione → programma of an objective, titles looked up in content/dup.yaml. */
export function dupChain(dup: Dup, link: Obiettivo['dup']): DupLevel[] {
  const mandato = dup.mandati.find((m) => m.codice === link.mandato);
  const missione = mandato?.missioni.find((m) => m.codice === link.missione);
  const programma = missione?.programmi.find((p) => p.codice === link.programma);
  return [
    { livello: 'mandato', codice: link.mandato, titolo: mandato?.titolo ?? null },
    { livello: 'missione', codice: link.missione, titolo: missione?.titolo ?? null },
    { livello: 'programma', codice: link.programma, titolo: programma?.titolo ?? null },
  ];
}
