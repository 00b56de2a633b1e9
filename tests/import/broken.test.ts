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

describe('broken exports', () => {
  it('rejects a truncated export that ends inside a fase', () => {
    expect(importBroken('troncato.txt')).toMatchInlineSnapshot(`
      "Importazione di tests/fixtures/import/troncato.txt in <content>/obiettivi
      Avvisi (1):
        tests/fixtures/import/troncato.txt:1  avviso  2025_R01_00: la scheda non ha il testo «STATO DI ATTUAZIONE»; la sezione manca nel file
      Errori (1):
        tests/fixtures/import/troncato.txt:18  errore  2025_R01_00 fase «Turni del personale»: manca la riga delle date effettive (il file finisce qui: l’export è troncato?)
      Riepilogo: 1 obiettivi, 0 fasi, 0 indicatori, 1 paragrafi narrativi; righe non collocate: 0 (con dati: 0)
      Completezza: l’export non dichiara quanti obiettivi, fasi o indicatori contiene e non ha una riga finale; controllati: intestazione e collegamento al DUP di ogni obiettivo, date previste ed effettive e peso di ogni fase, tutte le celle di ogni riga, righe ripetute, pesi delle fasi che sommano a 100 (se non tornano nell’ultimo obiettivo, l’import si ferma: export troncato). Un testo narrativo tagliato a metà non si può riconoscere.
      ✖ 1 errore: nessun file scritto. Correggi l’export (o il file indicato) e riprova."
    `);
  });

  it('rejects an export truncated inside the header of an objective', () => {
    expect(importBroken('troncato-intestazione.txt')).toMatchInlineSnapshot(`
      "Importazione di tests/fixtures/import/troncato-intestazione.txt in <content>/obiettivi
      Errori (1):
        tests/fixtures/import/troncato-intestazione.txt:1  errore  intestazione «OBIETTIVO DI PEG» incompleta: manca l’etichetta «Responsabile»
      Riepilogo: 0 obiettivi, 0 fasi, 0 indicatori, 0 paragrafi narrativi; righe non collocate: 0 (con dati: 0)
      Completezza: l’export non dichiara quanti obiettivi, fasi o indicatori contiene e non ha una riga finale; controllati: intestazione e collegamento al DUP di ogni obiettivo, date previste ed effettive e peso di ogni fase, tutte le celle di ogni riga, righe ripetute, pesi delle fasi che sommano a 100 (se non tornano nell’ultimo obiettivo, l’import si ferma: export troncato). Un testo narrativo tagliato a metà non si può riconoscere.
      ✖ 1 errore: nessun file scritto. Correggi l’export (o il file indicato) e riprova."
    `);
  });

  it('rejects an indicator row with a missing cell', () => {
    expect(importBroken('cella-mancante.txt')).toMatchInlineSnapshot(`
      "Importazione di tests/fixtures/import/cella-mancante.txt in <content>/obiettivi
      Avvisi (1):
        tests/fixtures/import/cella-mancante.txt:1  avviso  2025_R01_00: la scheda non ha il testo «STATO DI ATTUAZIONE»; la sezione manca nel file
      Errori (1):
        tests/fixtures/import/cella-mancante.txt:24  errore  riga di indicatore con 5 celle invece di 6: manca o avanza una colonna
      Riepilogo: 1 obiettivi, 1 fasi, 0 indicatori, 1 paragrafi narrativi; righe non collocate: 0 (con dati: 0)
      Completezza: l’export non dichiara quanti obiettivi, fasi o indicatori contiene e non ha una riga finale; controllati: intestazione e collegamento al DUP di ogni obiettivo, date previste ed effettive e peso di ogni fase, tutte le celle di ogni riga, righe ripetute, pesi delle fasi che sommano a 100 (se non tornano nell’ultimo obiettivo, l’import si ferma: export troncato). Un testo narrativo tagliato a metà non si può riconoscere.
      ✖ 1 errore: nessun file scritto. Correggi l’export (o il file indicato) e riprova."
    `);
  });

  it('rejects an unknown indicator type', () => {
    expect(importBroken('tipo-sconosciuto.txt')).toMatchInlineSnapshot(`
      "Importazione di tests/fixtures/import/tipo-sconosciuto.txt in <content>/obiettivi
      Avvisi (1):
        tests/fixtures/import/tipo-sconosciuto.txt:1  avviso  2025_R01_00: la scheda non ha il testo «STATO DI ATTUAZIONE»; la sezione manca nel file
      Errori (1):
        tests/fixtures/import/tipo-sconosciuto.txt:24  errore  2025_R01_00 indicatore «Serate di apertura»: tipo di indicatore sconosciuto «EFFICACE»; i tipi ammessi sono EFFICACIA, EFFICIENZA, QUALITA, QUANTITATIVO (si aggiungono in ente.yaml, tipi_indicatore)
      Riepilogo: 1 obiettivi, 1 fasi, 0 indicatori, 1 paragrafi narrativi; righe non collocate: 0 (con dati: 0)
      Completezza: l’export non dichiara quanti obiettivi, fasi o indicatori contiene e non ha una riga finale; controllati: intestazione e collegamento al DUP di ogni obiettivo, date previste ed effettive e peso di ogni fase, tutte le celle di ogni riga, righe ripetute, pesi delle fasi che sommano a 100 (se non tornano nell’ultimo obiettivo, l’import si ferma: export troncato). Un testo narrativo tagliato a metà non si può riconoscere.
      ✖ 1 errore: nessun file scritto. Correggi l’export (o il file indicato) e riprova."
    `);
  });

  it('rejects a file of random text', () => {
    expect(importBroken('testo-casuale.txt')).toMatchInlineSnapshot(`
      "Importazione di tests/fixtures/import/testo-casuale.txt in <content>/obiettivi
      Avvisi (3):
        tests/fixtures/import/testo-casuale.txt:1  avviso  riga non collocata: «Verbale della riunione del comitato di quartiere.»
        tests/fixtures/import/testo-casuale.txt:3  avviso  riga non collocata: «Presenti: dodici residenti. Si discute della nuova illuminazione del parco»
        tests/fixtures/import/testo-casuale.txt:4  avviso  riga non collocata: «e della pulizia delle strade dopo il mercato del sabato.»
      Errori (1):
        tests/fixtures/import/testo-casuale.txt:1  errore  nessun «OBIETTIVO DI PEG» nel file: non sembra una Scheda obiettivi esportata dal software del PEG
      Riepilogo: 0 obiettivi, 0 fasi, 0 indicatori, 0 paragrafi narrativi; righe non collocate: 3 (con dati: 0)
      Completezza: l’export non dichiara quanti obiettivi, fasi o indicatori contiene e non ha una riga finale; controllati: intestazione e collegamento al DUP di ogni obiettivo, date previste ed effettive e peso di ogni fase, tutte le celle di ogni riga, righe ripetute, pesi delle fasi che sommano a 100 (se non tornano nell’ultimo obiettivo, l’import si ferma: export troncato). Un testo narrativo tagliato a metà non si può riconoscere.
      ✖ 1 errore: nessun file scritto. Correggi l’export (o il file indicato) e riprova."
    `);
  });

  it('rejects random text inside a fasi table', () => {
    expect(importBroken('testo-in-tabella.txt')).toMatchInlineSnapshot(`
      "Importazione di tests/fixtures/import/testo-in-tabella.txt in <content>/obiettivi
      Avvisi (1):
        tests/fixtures/import/testo-in-tabella.txt:1  avviso  2025_R01_00: la scheda non ha il testo «STATO DI ATTUAZIONE»; la sezione manca nel file
      Errori (1):
        tests/fixtures/import/testo-in-tabella.txt:19  errore  2025_R01_00: testo inatteso dentro la tabella delle fasi: «le serate sono piaciute molto ai ragazzi del quartiere»
      Riepilogo: 1 obiettivi, 1 fasi, 0 indicatori, 1 paragrafi narrativi; righe non collocate: 0 (con dati: 0)
      Completezza: l’export non dichiara quanti obiettivi, fasi o indicatori contiene e non ha una riga finale; controllati: intestazione e collegamento al DUP di ogni obiettivo, date previste ed effettive e peso di ogni fase, tutte le celle di ogni riga, righe ripetute, pesi delle fasi che sommano a 100 (se non tornano nell’ultimo obiettivo, l’import si ferma: export troncato). Un testo narrativo tagliato a metà non si può riconoscere.
      ✖ 1 errore: nessun file scritto. Correggi l’export (o il file indicato) e riprova."
    `);
  });

  it('rejects a date that does not exist', () => {
    expect(importBroken('data-non-valida.txt')).toMatchInlineSnapshot(`
      "Importazione di tests/fixtures/import/data-non-valida.txt in <content>/obiettivi
      Avvisi (1):
        tests/fixtures/import/data-non-valida.txt:1  avviso  2025_R01_00: la scheda non ha il testo «STATO DI ATTUAZIONE»; la sezione manca nel file
      Errori (1):
        tests/fixtures/import/data-non-valida.txt:18  errore  2025_R01_00 fase «Turni del personale»: «31/02/2025» nella colonna Fine Prevista non è una data GG/MM/AAAA esistente
      Riepilogo: 1 obiettivi, 1 fasi, 0 indicatori, 1 paragrafi narrativi; righe non collocate: 0 (con dati: 0)
      Completezza: l’export non dichiara quanti obiettivi, fasi o indicatori contiene e non ha una riga finale; controllati: intestazione e collegamento al DUP di ogni obiettivo, date previste ed effettive e peso di ogni fase, tutte le celle di ogni riga, righe ripetute, pesi delle fasi che sommano a 100 (se non tornano nell’ultimo obiettivo, l’import si ferma: export troncato). Un testo narrativo tagliato a metà non si può riconoscere.
      ✖ 1 errore: nessun file scritto. Correggi l’export (o il file indicato) e riprova."
    `);
  });

  it('exits 1 and lists a data line that it could not place', () => {
    expect(importBroken('dati-non-collocati.txt')).toMatchInlineSnapshot(`
      "Importazione di tests/fixtures/import/dati-non-collocati.txt in <content>/obiettivi
      Avvisi (1):
        tests/fixtures/import/dati-non-collocati.txt:1  avviso  2025_R01_00: la scheda non ha il testo «STATO DI ATTUAZIONE»; la sezione manca nel file
      Errori (1):
        tests/fixtures/import/dati-non-collocati.txt:12  errore  riga con dati non collocata: «Utenti serali⇥350»
      Riepilogo: 1 obiettivi, 1 fasi, 0 indicatori, 1 paragrafi narrativi; righe non collocate: 1 (con dati: 1)
      Completezza: l’export non dichiara quanti obiettivi, fasi o indicatori contiene e non ha una riga finale; controllati: intestazione e collegamento al DUP di ogni obiettivo, date previste ed effettive e peso di ogni fase, tutte le celle di ogni riga, righe ripetute, pesi delle fasi che sommano a 100 (se non tornano nell’ultimo obiettivo, l’import si ferma: export troncato). Un testo narrativo tagliato a metà non si può riconoscere.
      ✖ 1 errore: nessun file scritto. Correggi l’export (o il file indicato) e riprova."
    `);
  });

  it('names a missing export file', () => {
    expect(importBroken('non-esiste.txt')).toMatchInlineSnapshot(
      `"tests/fixtures/import/non-esiste.txt  errore  non riesco a leggere il file dell’export (esiste? è un file di testo?)"`,
    );
  });
});
