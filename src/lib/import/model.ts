import type { Direzione } from '../../schemas/indicatore';
import type { Soggetto } from '../../schemas/soggetto';

/**
 * What the parser reads from the export, before ids are given and the schema checks it.
 * Each item keeps the export line it came from, to name it in messages.
 */

export interface FaseInput {
  line: number;
  titolo: string;
  inizio_previsto: string | null;
  fine_prevista: string | null;
  inizio_effettivo: string | null;
  fine_effettiva: string | null;
  peso: number;
  avanzamento: number | null;
  responsabile: string | null;
  centro_di_responsabilita: string | null;
  note: string | null;
}

export interface IndicatoreInput {
  line: number;
  descrizione: string;
  tipo: string;
  direzione: Direzione;
  unita_di_misura: string | null;
  valore_atteso: number | null;
  valore_raggiunto: number | null;
  storico: Map<number, number>;
  note: string | null;
}

export interface SoggettoInput extends Soggetto {
  line: number;
}

export interface DupRef {
  codice: string;
  titolo: string;
  line: number;
}

export interface Block {
  kind: 'p' | 'li';
  /** Leading spaces of a list item (nested lists). */
  indent: string;
  text: string;
  /** Export line where the block starts (for messages). */
  line?: number;
}

export interface ObiettivoInput {
  line: number;
  codice: string;
  anno: number;
  titolo: string;
  assessorato: string | null;
  centro_di_responsabilita: string;
  responsabile: string;
  stato: string | null;
  dup: { mandato?: DupRef; missione?: DupRef; programma?: DupRef };
  soggetti: SoggettoInput[];
  fasi: FaseInput[];
  indicatori: IndicatoreInput[];
  modalita: Block[];
  statoAttuazione: Block[];
}
