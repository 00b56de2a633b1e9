import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFixture } from './helpers';

/** A broken export stops the import with an Italian message naming the line; nothing is written. */
function importBroken(name: string): string {
  const imported = importFixture(name);
  expect(imported.result.exitCode).toBe(1);
  expect(existsSync(imported.out)).toBe(false);
  expect(existsSync(join(imported.content, 'dup.yaml'))).toBe(false);
  return imported.output;
}

/** What every refused import prints after its summary line. */
const COMPLETEZZA =
  'Completezza: l’export non dichiara quanti obiettivi, fasi o indicatori contiene e non ha una riga finale; controllati: intestazione e collegamento al DUP di ogni obiettivo, date previste ed effettive e peso di ogni fase, tutte le celle di ogni riga, righe ripetute, pesi delle fasi che sommano a 100 (se non tornano nell’ultimo obiettivo, l’import si ferma: export troncato). Un testo narrativo tagliato a metà non si può riconoscere.';

/** The full report of a refused import of `file`: warnings and the one error are given without the `file:` prefix. */
function refusal(file: string, avvisi: string[], errore: string, riepilogo: string): string {
  const at = `  tests/fixtures/import/${file}:`;
  return [
    `Importazione di tests/fixtures/import/${file} in <content>/obiettivi`,
    ...(avvisi.length > 0 ? [`Avvisi (${avvisi.length}):`, ...avvisi.map((avviso) => at + avviso)] : []),
    'Errori (1):',
    at + errore,
    `Riepilogo: ${riepilogo}`,
    COMPLETEZZA,
    '✖ 1 errore: nessun file scritto. Correggi l’export (o il file indicato) e riprova.',
  ].join('\n');
}

describe('broken exports', () => {
  it.for([
    {
      test: 'rejects a truncated export that ends inside a fase',
      file: 'troncato.txt',
      avvisi: ['1  avviso  2025_R01_00: la scheda non ha il testo «STATO DI ATTUAZIONE»; la sezione manca nel file'],
      errore:
        '18  errore  2025_R01_00 fase «Turni del personale»: manca la riga delle date effettive (il file finisce qui: l’export è troncato?)',
      riepilogo: '1 obiettivi, 0 fasi, 0 indicatori, 1 paragrafi narrativi; righe non collocate: 0 (con dati: 0)',
    },
    {
      test: 'rejects an export truncated inside the header of an objective',
      file: 'troncato-intestazione.txt',
      avvisi: [],
      errore: '1  errore  intestazione «OBIETTIVO DI PEG» incompleta: manca l’etichetta «Responsabile»',
      riepilogo: '0 obiettivi, 0 fasi, 0 indicatori, 0 paragrafi narrativi; righe non collocate: 0 (con dati: 0)',
    },
    {
      test: 'rejects an indicator row with a missing cell',
      file: 'cella-mancante.txt',
      avvisi: ['1  avviso  2025_R01_00: la scheda non ha il testo «STATO DI ATTUAZIONE»; la sezione manca nel file'],
      errore: '24  errore  riga di indicatore con 5 celle invece di 6: manca o avanza una colonna',
      riepilogo: '1 obiettivi, 1 fasi, 0 indicatori, 1 paragrafi narrativi; righe non collocate: 0 (con dati: 0)',
    },
    {
      test: 'rejects an unknown indicator type',
      file: 'tipo-sconosciuto.txt',
      avvisi: ['1  avviso  2025_R01_00: la scheda non ha il testo «STATO DI ATTUAZIONE»; la sezione manca nel file'],
      errore:
        '24  errore  2025_R01_00 indicatore «Serate di apertura»: tipo di indicatore sconosciuto «EFFICACE»; i tipi ammessi sono EFFICACIA, EFFICIENZA, QUALITA, QUANTITATIVO (si aggiungono in ente.yaml, tipi_indicatore)',
      riepilogo: '1 obiettivi, 1 fasi, 0 indicatori, 1 paragrafi narrativi; righe non collocate: 0 (con dati: 0)',
    },
    {
      test: 'rejects a file of random text',
      file: 'testo-casuale.txt',
      avvisi: [
        '1  avviso  riga non collocata: «Verbale della riunione del comitato di quartiere.»',
        '3  avviso  riga non collocata: «Presenti: dodici residenti. Si discute della nuova illuminazione del parco»',
        '4  avviso  riga non collocata: «e della pulizia delle strade dopo il mercato del sabato.»',
      ],
      errore:
        '1  errore  nessun «OBIETTIVO DI PEG» nel file: non sembra una Scheda obiettivi esportata dal software del PEG',
      riepilogo: '0 obiettivi, 0 fasi, 0 indicatori, 0 paragrafi narrativi; righe non collocate: 3 (con dati: 0)',
    },
    {
      test: 'rejects random text inside a fasi table',
      file: 'testo-in-tabella.txt',
      avvisi: ['1  avviso  2025_R01_00: la scheda non ha il testo «STATO DI ATTUAZIONE»; la sezione manca nel file'],
      errore:
        '19  errore  2025_R01_00: testo inatteso dentro la tabella delle fasi: «le serate sono piaciute molto ai ragazzi del quartiere»',
      riepilogo: '1 obiettivi, 1 fasi, 0 indicatori, 1 paragrafi narrativi; righe non collocate: 0 (con dati: 0)',
    },
    {
      test: 'rejects a date that does not exist',
      file: 'data-non-valida.txt',
      avvisi: ['1  avviso  2025_R01_00: la scheda non ha il testo «STATO DI ATTUAZIONE»; la sezione manca nel file'],
      errore:
        '18  errore  2025_R01_00 fase «Turni del personale»: «31/02/2025» nella colonna Fine Prevista non è una data GG/MM/AAAA esistente',
      riepilogo: '1 obiettivi, 1 fasi, 0 indicatori, 1 paragrafi narrativi; righe non collocate: 0 (con dati: 0)',
    },
    {
      test: 'exits 1 and lists a data line that it could not place',
      file: 'dati-non-collocati.txt',
      avvisi: ['1  avviso  2025_R01_00: la scheda non ha il testo «STATO DI ATTUAZIONE»; la sezione manca nel file'],
      errore: '12  errore  riga con dati non collocata: «Utenti serali⇥350»',
      riepilogo: '1 obiettivi, 1 fasi, 0 indicatori, 1 paragrafi narrativi; righe non collocate: 1 (con dati: 1)',
    },
  ])('$test', ({ file, avvisi, errore, riepilogo }) => {
    expect(importBroken(file)).toBe(refusal(file, avvisi, errore, riepilogo));
  });

  it('names a missing export file', () => {
    expect(importBroken('non-esiste.txt')).toMatchInlineSnapshot(
      `"tests/fixtures/import/non-esiste.txt  errore  non riesco a leggere il file dell’export (esiste? è un file di testo?)"`,
    );
  });
});
