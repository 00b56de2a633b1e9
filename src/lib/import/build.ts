import { ObiettivoSchema, type ObiettivoInput as SchemaInput } from '../../schemas/obiettivo';
import { slugFromCodice } from '../derived/slugs';
import type { Diagnostics } from './diagnostics';
import type { ObiettivoInput } from './model';
import { renderBlocks, restoreLostList } from './narrative';

/**
 * Turns a parsed objective into the front matter of docs/contract.md §1 (ids F01…, I01… in file
 * order) and the Markdown body, and checks it with the schema: a value the schema refuses is
 * reported on the export line it came from.
 */
export interface BuiltObjective {
  codice: string;
  anno: number;
  slug: string;
  data: SchemaInput;
  body: string;
  paragraphs: number;
}

const id = (prefix: string, index: number) => `${prefix}${String(index + 1).padStart(2, '0')}`;

export function buildObjective(input: ObiettivoInput, diagnostics: Diagnostics): BuiltObjective | undefined {
  const data = {
    codice: input.codice,
    anno: input.anno,
    titolo: input.titolo,
    assessorato: input.assessorato,
    centro_di_responsabilita: input.centro_di_responsabilita,
    responsabile: input.responsabile,
    stato: input.stato,
    dup: {
      mandato: input.dup.mandato!.codice,
      missione: input.dup.missione!.codice,
      programma: input.dup.programma!.codice,
    },
    soggetti_coinvolti: input.soggetti.map(({ line: _, ...soggetto }) => soggetto),
    fasi: input.fasi.map(({ line: _, ...fase }, index) => ({ id: id('F', index), ...fase })),
    indicatori: input.indicatori.map(({ line: _, storico, ...indicatore }, index) => ({
      id: id('I', index),
      descrizione: indicatore.descrizione,
      tipo: indicatore.tipo,
      direzione: indicatore.direzione,
      unita_di_misura: indicatore.unita_di_misura,
      valore_atteso: indicatore.valore_atteso,
      valore_raggiunto: indicatore.valore_raggiunto,
      storico: Object.fromEntries([...storico].sort(([a], [b]) => a - b).map(([year, value]) => [String(year), value])),
      note: indicatore.note,
      verificato: false,
    })),
  };
  const result = ObiettivoSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [list, index] = issue.path;
      const item =
        list === 'fasi'
          ? input.fasi[index as number]
          : list === 'indicatori'
            ? input.indicatori[index as number]
            : list === 'soggetti_coinvolti'
              ? input.soggetti[index as number]
              : undefined;
      diagnostics.error(item?.line ?? input.line, `${input.codice} ${issue.path.join('.')}: ${issue.message}`);
    }
    return undefined;
  }
  for (const [name, blocks] of [
    ['Modalità di attuazione', input.modalita],
    ['Stato di attuazione', input.statoAttuazione],
  ] as const) {
    const items = restoreLostList(blocks);
    if (items > 0)
      diagnostics.inferred(
        input.line,
        `${input.codice} ${name}: ${items} paragrafi dopo i due punti scritti come elenco puntato (la conversione aveva perso i punti elenco)`,
      );
  }
  const sections: string[] = [];
  if (input.modalita.length > 0) sections.push(`## Modalità di attuazione\n\n${renderBlocks(input.modalita)}\n`);
  if (input.statoAttuazione.length > 0)
    sections.push(`## Stato di attuazione\n\n${renderBlocks(input.statoAttuazione)}\n`);
  for (const [name, blocks] of [
    ['Modalità di Attuazione', input.modalita],
    ['STATO DI ATTUAZIONE', input.statoAttuazione],
  ] as const) {
    if (blocks.length === 0)
      diagnostics.warn(input.line, `${input.codice}: la scheda non ha il testo «${name}»; la sezione manca nel file`);
  }
  return {
    codice: input.codice,
    anno: input.anno,
    slug: slugFromCodice(input.codice),
    data,
    body: sections.join('\n'),
    paragraphs: input.modalita.length + input.statoAttuazione.length,
  };
}
