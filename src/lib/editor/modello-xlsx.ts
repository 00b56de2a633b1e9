import type { Dup } from '../../schemas/dup';
import { ObiettivoSchema, type Obiettivo } from '../../schemas/obiettivo';
import type { Ente } from '../../schemas/ente';
import { primaFase } from './scaffold';

/**
 * The example objective of the empty workbook (`npm run modello-xlsx`): one fase, one indicatore,
 * both sections of the text, linked to the first programme of dup.yaml so that the template, imported
 * as it is, passes the checks. The office overwrites the row.
 */
export function esempioObiettivo(ente: Ente, dup: Dup, anno: number): { data: Obiettivo; body: string } {
  const mandato = dup.mandati[0];
  const missione = mandato?.missioni[0];
  const programma = missione?.programmi[0];
  const data = ObiettivoSchema.parse({
    codice: `${anno}_A01_00`,
    anno,
    titolo: 'Titolo dell’obiettivo (esempio: sostituisci questa riga)',
    assessorato: 'Sindaco',
    centro_di_responsabilita: 'SETTORE ESEMPIO',
    responsabile: 'COGNOME NOME',
    stato: 'In corso',
    dup: {
      mandato: mandato?.codice ?? 'DUP_01',
      missione: missione?.codice ?? 'DUP_01_0101',
      programma: programma?.codice ?? 'DUP_01_0101_0101',
    },
    soggetti_coinvolti: [],
    fasi: [primaFase(anno, 'Prima fase dell’obiettivo')],
    indicatori: [
      {
        id: 'I01',
        descrizione: 'Pratiche concluse entro 30 giorni',
        tipo: ente.tipi_indicatore[0] ?? 'EFFICACIA',
        direzione: 'crescente',
        unita_di_misura: '%',
        valore_atteso: 90,
        valore_raggiunto: null,
        storico: {},
        note: null,
        verificato: false,
      },
    ],
  });
  return {
    data,
    body: '## Modalità di attuazione\n\nCome si realizza l’obiettivo.\n\n## Stato di attuazione\n\nA che punto è.\n',
  };
}
