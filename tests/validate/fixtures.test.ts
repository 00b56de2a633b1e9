import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/lib/validate/source';
import { copyFixture } from '../support/fixtures';
import { fixtureOutput, validatorOutput } from '../support/validate';

/** The validator's full text output for one fixture (tests/fixtures/cases or tests/fixtures/content). */
const output = fixtureOutput;

interface OneErrorCase {
  test: string;
  fixture: string;
  /** The error's line after `<file>:`. */
  errore: string;
  /** The file at fault, when not the objective a01-00.md. */
  file?: string;
  /** The schema the summary line names, when not obiettivo. */
  schema?: string;
}

/** One test per case: the fixture's whole output is exactly its one error line and the summary. */
function itReportsOneError(cases: OneErrorCase[]): void {
  it.for(cases)('$test', async ({ fixture, errore, file = 'obiettivi/2020/a01-00.md', schema = 'obiettivo' }) => {
    expect(await output(fixture)).toBe(
      `${fixture}/${file}:${errore}\n✖ 1 errore in 1 file. Correggi i file indicati (schema: src/schemas/${schema}.ts)`,
    );
  });
}

describe('files an editor cannot get wrong without a clear line', () => {
  it('accepts a valid content folder and counts its files', async () => {
    expect(await output('valido')).toMatchInlineSnapshot(`"✔ Nessun errore: 3 file controllati (1 obiettivo)."`);
  });

  itReportsOneError([
    {
      test: 'points a YAML syntax error at the badly indented line',
      fixture: 'yaml-sintassi',
      errore: '32:10  errore  rientro sbagliato: allinea questa riga alle chiavi dello stesso livello  [yaml]',
    },
    {
      test: 'reports a key written twice at its second occurrence',
      fixture: 'chiave-ripetuta',
      errore:
        '33:5  errore  la chiave «peso» è già scritta alla riga 32: tieni solo la riga con il valore giusto  [yaml]',
    },
    {
      test: 'explains a colon inside an unquoted text instead of blaming the indentation',
      fixture: 'yaml-due-punti',
      errore:
        '4:9  errore  il testo contiene «: »: mettilo tra virgolette diritte "…": scrivi titolo: "Obiettivo: ridurre i tempi di risposta"  [yaml]',
    },
    {
      test: 'asks for straight quotes when curly quotes wrap a text with a colon',
      fixture: 'yaml-virgolette-curve',
      errore:
        '27:13  errore  usa le virgolette diritte " invece di “ ”: scrivi titolo: "Progetto: scuole sicure"  [yaml]',
    },
    {
      test: 'asks for null when a bare dash stands for a missing value',
      fixture: 'yaml-trattino-valore',
      errore:
        '43:23  errore  per un valore mancante scrivi null, non «-»: valore_raggiunto: null (e spiega nelle note perché manca)  [yaml]',
    },
    {
      test: 'finds the missing dash of a fase instead of calling its id a duplicate key',
      fixture: 'trattino-mancante',
      errore: '26:3  errore  manca il trattino «- » prima di «id: F02»: ogni fase comincia con «- id:»  [yaml]',
    },
    {
      test: 'finds the missing dash of an indicator written at the column of the dashes',
      fixture: 'trattino-mancante-indicatore',
      errore:
        '46:3  errore  manca il trattino «- » prima di «id: I02»: ogni indicatore comincia con «- id:» e le sue righe sono rientrate come quelle sopra  [yaml]',
    },
    {
      test: 'reports a file without the opening front-matter line',
      fixture: 'frontmatter-mancante',
      errore:
        '1:1  errore  il file deve iniziare con una riga --- seguita dai dati dell’obiettivo (codice, anno, titolo …) e da un’altra riga ---  [frontmatter]',
    },
    {
      test: 'reports a front matter that is never closed',
      fixture: 'frontmatter-non-chiuso',
      errore:
        '1:1  errore  manca la riga --- che chiude i dati dell’obiettivo: aggiungila prima del testo (## Modalità di attuazione)  [frontmatter]',
    },
    {
      test: 'reports a YAML list where the objective map belongs',
      fixture: 'frontmatter-elenco',
      errore:
        '2:1  errore  i dati dell’obiettivo (tra le righe ---) devono essere campi «chiave: valore», non un elenco  [frontmatter]',
    },
    {
      test: 'reports an empty file in one line',
      fixture: 'file-vuoto',
      errore: '1:1  errore  il file è vuoto  [file]',
    },
    {
      test: 'reports a binary file in one line',
      fixture: 'file-binario',
      errore: '1:1  errore  il file non è di testo (contiene byte nulli): salva un file .md o .yaml  [file]',
    },
    {
      test: 'reports a file that is not UTF-8 at the line of the first bad byte',
      fixture: 'file-non-utf8',
      errore:
        '27:1  errore  il file non è in codifica UTF-8: salvalo come UTF-8 (per esempio da un editor di testo, «Salva con codifica UTF-8»)  [file]',
    },
    {
      test: 'refuses a content folder that an interrupted import left half written',
      fixture: 'importazione-interrotta',
      errore:
        '1:1  errore  un’importazione è stata interrotta mentre scriveva i file: alcuni sono nuovi, altri ancora vecchi. Ripeti lo stesso comando npm run import: completa lo spostamento dei file  [importazione]',
      file: '.importazione-in-corso/giornale.json',
    },
    {
      test: 'reports a missing ente.yaml',
      fixture: 'ente-mancante',
      errore: '1:1  errore  il file non esiste: crealo  [file]',
      file: 'ente.yaml',
      schema: 'ente',
    },
  ]);

  it('reports a missing content folder', async () => {
    expect(await validatorOutput('tests/fixtures/content/non-esiste')).toMatchInlineSnapshot(`
      "tests/fixtures/content/non-esiste:1:1  errore  la cartella dei contenuti non esiste  [file]
      ✖ 1 errore in 1 file. Correggi i file indicati (schema: src/schemas/obiettivo.ts)"
    `);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const dir = await copyFixture('valido');
    writeFileSync(join(dir, 'obiettivi/2020/a01-00.md'), Buffer.alloc(MAX_FILE_BYTES * 50, 'a'));
    expect(await validatorOutput(dir, dir)).toMatchInlineSnapshot(`
      "obiettivi/2020/a01-00.md:1:1  errore  il file pesa 50 MB, oltre il limite di 1 MB: non è un obiettivo  [file]
      ✖ 1 errore in 1 file. Correggi i file indicati (schema: src/schemas/obiettivo.ts)"
    `);
  });
});

describe('schema errors at the nested field', () => {
  itReportsOneError([
    {
      test: 'rejects a date that does not exist (2020-02-31) at its value',
      fixture: 'data-inesistente',
      errore: '29:20  errore  fasi.F02.fine_prevista: la data 2020-02-31 non esiste nel calendario  [data]',
    },
    {
      test: 'rejects a date not written as YYYY-MM-DD',
      fixture: 'data-formato',
      errore:
        '28:22  errore  fasi.F02.inizio_previsto: scrivi la data nel formato AAAA-MM-GG (per esempio 2020-12-31)  [data]',
    },
    {
      test: 'reports a misspelt key once, at the key, suggesting the right one',
      fixture: 'chiave-sconosciuta',
      errore: '32:5  errore  fasi.F02.pes: chiave sconosciuta «pes»: forse intendevi peso?  [chiave-sconosciuta]',
    },
    {
      test: 'lists the allowed keys when an unknown key resembles none',
      fixture: 'chiave-sconosciuta-senza-suggerimento',
      errore:
        '9:1  errore  valutazione_dirigente: chiave sconosciuta «valutazione_dirigente»: le chiavi ammesse qui sono: codice, anno, titolo, assessorato, centro_di_responsabilita, responsabile, stato, dup, soggetti_coinvolti, fasi, indicatori  [chiave-sconosciuta]',
    },
    {
      test: 'names a missing required field and points at its parent',
      fixture: 'campo-mancante',
      errore:
        '2:1  errore  titolo: campo obbligatorio: aggiungi la riga «titolo:» (scrivi null se il valore non c’è)  [schema]',
    },
    {
      test: 'groups the missing fields of one object in one line',
      fixture: 'campi-mancanti',
      errore:
        '2:1  errore  mancano i campi obbligatori titolo, responsabile: aggiungili (scrivi null dove il valore non c’è)  [schema]',
    },
    {
      test: 'rejects text where a number belongs',
      fixture: 'schema-tipo',
      errore: '32:11  errore  fasi.F02.peso: deve essere un numero scritto in cifre (per esempio 40 o 12.5)  [schema]',
    },
    {
      test: 'rejects a list where a map belongs, in Italian',
      fixture: 'schema-elenco-al-posto-di-mappa',
      errore: '10:3  errore  dup: deve essere un gruppo di campi chiave: valore, non un elenco  [schema]',
    },
    {
      test: 'rejects avanzamento over 100',
      fixture: 'avanzamento-fuori-scala',
      errore: '33:18  errore  fasi.F02.avanzamento: l’avanzamento va da 0 a 100  [schema]',
    },
    {
      test: 'rejects an unknown direzione',
      fixture: 'direzione-errata',
      errore: '41:16  errore  indicatori.I01.direzione: scrivi crescente, decrescente oppure binario  [schema]',
    },
    {
      test: 'rejects .inf as a value',
      fixture: 'numero-infinito',
      errore:
        '42:20  errore  indicatori.I01.valore_atteso: deve essere un numero finito (.inf e .nan non sono ammessi)  [schema]',
    },
    {
      test: 'validates ente.yaml with its own schema',
      fixture: 'ente-errato',
      errore: '7:18  errore  colore_primario: scrivi il colore in esadecimale, per esempio #0b5e5b  [schema]',
      file: 'ente.yaml',
      schema: 'ente',
    },
  ]);

  it('reads numbers as typed: Italian separators, %, €, spaces, sì/no, quotes get the exact fix; 40.5 stays valid', async () => {
    expect(await output('numeri-italiani')).toMatchInlineSnapshot(`
      "numeri-italiani/obiettivi/2020/a01-00.md:33:18  errore  fasi.F02.avanzamento: togli il simbolo %: scrivi 75  [numero]
      numeri-italiani/obiettivi/2020/a01-00.md:42:20  errore  indicatori.I01.valore_atteso: «40.000» è ambiguo (il punto separa i decimali, non le migliaia): se intendi quarantamila scrivi 40000, se intendi 40 scrivi 40  [numero]
      numeri-italiani/obiettivi/2020/a01-00.md:44:22  errore  indicatori.I01.storico.2018: i decimali si separano con il punto, senza separatore delle migliaia: scrivi 1234.5  [numero]
      numeri-italiani/obiettivi/2020/a01-00.md:44:37  errore  indicatori.I01.storico.2019: senza punti tra le migliaia: scrivi 1000000  [numero]
      numeri-italiani/obiettivi/2020/a01-00.md:50:20  errore  indicatori.I02.valore_atteso: «Sì» non è un numero: scrivi 1 (sì)  [numero]
      numeri-italiani/obiettivi/2020/a01-00.md:51:23  errore  indicatori.I02.valore_raggiunto: «no» non è un numero: scrivi 0 (no)  [numero]
      numeri-italiani/obiettivi/2020/a01-00.md:59:20  errore  indicatori.I03.valore_atteso: togli il simbolo dell’euro: scrivi 1200 (l’unità di misura va in unita_di_misura)  [numero]
      numeri-italiani/obiettivi/2020/a01-00.md:60:23  errore  indicatori.I03.valore_raggiunto: senza spazi tra le cifre: scrivi 1200  [numero]
      numeri-italiani/obiettivi/2020/a01-00.md:62:13  errore  indicatori.I03.storico.2019: un numero si scrive senza virgolette: scrivi 1300  [numero]
      numeri-italiani/obiettivi/2020/a01-00.md:69:20  errore  indicatori.I04.valore_atteso: i decimali si separano con il punto: scrivi 80.5  [numero]
      numeri-italiani/obiettivi/2020/a01-00.md:70:23  errore  indicatori.I04.valore_raggiunto: togli il simbolo %: scrivi 75 (l’unità di misura va in unita_di_misura)  [numero]
      numeri-italiani/obiettivi/2020/a01-00.md:77:20  errore  indicatori.I05.valore_atteso: «1.234» è ambiguo (il punto separa i decimali, non le migliaia): se intendi milleduecentotrentaquattro scrivi 1234, se intendi 1,234 (con i decimali) scrivi 1.2340  [numero]
      numeri-italiani/obiettivi/2020/a01-00.md:78:23  errore  indicatori.I05.valore_raggiunto: «vero» non è un numero: per un indicatore sì/no scrivi 1 (sì) e direzione: binario  [numero]
      ✖ 13 errori in 1 file. Correggi i file indicati (schema: src/schemas/obiettivo.ts)"
    `);
  });

  it('refuses an empty numeric value (nothing, ~ or "") but accepts an explicit null', async () => {
    expect(await output('valore-vuoto')).toMatchInlineSnapshot(`
      "valore-vuoto/obiettivi/2020/a01-00.md:21:5  errore  fasi.F01.peso: valore vuoto: scrivi un numero  [valore-vuoto]
      valore-vuoto/obiettivi/2020/a01-00.md:33:18  errore  fasi.F02.avanzamento: testo vuoto "": scrivi il numero, oppure null se manca (e spiega nelle note perché)  [valore-vuoto]
      valore-vuoto/obiettivi/2020/a01-00.md:42:20  errore  indicatori.I01.valore_atteso: il segno ~ lascia il valore vuoto: scrivi il numero, oppure null se manca (e spiega nelle note perché)  [valore-vuoto]
      valore-vuoto/obiettivi/2020/a01-00.md:43:5  errore  indicatori.I01.valore_raggiunto: valore vuoto: scrivi il numero, oppure null se manca (e spiega nelle note perché)  [valore-vuoto]
      ✖ 4 errori in 1 file. Correggi i file indicati (schema: src/schemas/obiettivo.ts)"
    `);
  });
});

describe('rules across fields and files', () => {
  itReportsOneError([
    {
      test: 'rejects fasi whose weights do not sum to 100',
      fixture: 'pesi-fasi',
      errore: '14:1  errore  fasi: la somma dei pesi delle fasi è 95, deve essere 100  [pesi-fasi]',
    },
    {
      test: 'rejects a codice that does not match the file name',
      fixture: 'codice-percorso',
      errore:
        '2:9  errore  codice: con il codice 2020_A02_00 il file deve essere obiettivi/2020/a02-00.md, non obiettivi/2020/a01-00.md: rinominalo o correggi il codice  [codice-percorso]',
    },
    {
      test: 'rejects an anno that does not match the codice',
      fixture: 'codice-anno',
      errore: '3:7  errore  anno: l’anno 2021 non coincide con l’anno del codice 2020_A01_00  [codice-percorso]',
    },
    {
      test: 'rejects a DUP code missing from dup.yaml',
      fixture: 'dup-mancante',
      errore:
        '12:14  errore  dup.programma: il codice DUP_10_0101_9999 non è definito in dup.yaml: aggiungilo lì o correggi il codice  [dup-mancante]',
    },
    {
      test: 'rejects DUP codes that do not form one chain',
      fixture: 'dup-catena',
      errore:
        '12:14  errore  dup.programma: il programma DUP_10_0102_1201 appartiene alla missione DUP_10_0102, non a DUP_10_0101  [dup-catena]',
    },
    {
      test: 'rejects two fasi with the same id',
      fixture: 'id-duplicato',
      errore: '26:9  errore  fasi.[2].id: l’id F01 è già usato da fasi.[1]: ogni fase ha un id diverso  [id-duplicato]',
    },
    {
      test: 'rejects an end date before its start date',
      fixture: 'date-ordine',
      errore:
        '31:21  errore  fasi.F02.fine_effettiva: la fine effettiva 2020-02-15 viene prima dell’inizio 2020-03-01  [date-ordine]',
    },
    {
      test: 'rejects an indicator tipo not listed in ente.yaml, suggesting the nearest',
      fixture: 'tipo-indicatore',
      errore:
        '48:11  errore  indicatori.I02.tipo: tipo sconosciuto «EFFICASIA»: forse intendevi EFFICACIA?  [tipo-indicatore]',
    },
    {
      test: 'rejects a storico year that is not earlier than anno',
      fixture: 'storico-anno',
      errore:
        '44:26  errore  indicatori.I01.storico.2020: lo storico contiene solo anni precedenti al 2020: il valore del 2020 va in valore_raggiunto o nel PEG di quell’anno  [storico-anno]',
    },
    {
      test: 'reports a duplicate codice once, on the file whose path does not match it',
      fixture: 'codice-duplicato',
      errore:
        '2:9  errore  codice: il codice 2020_A01_00 è già usato in codice-duplicato/obiettivi/2020/a01-00.md: ogni obiettivo ha un codice diverso  [codice-duplicato]',
      file: 'obiettivi/2020/a01-01.md',
    },
    {
      test: 'rejects a DUP code defined twice in dup.yaml',
      fixture: 'dup-duplicato',
      errore:
        '13:21  errore  mandati.[1].missioni.[2].programmi.[1].codice: il codice DUP_10_0101_1103 è già definito in dup.yaml: ogni codice compare una volta  [dup-duplicato]',
      file: 'dup.yaml',
      schema: 'dup',
    },
  ]);

  it('reports every problem of every file at once, sorted by file and line', async () => {
    expect(await output('molti-errori')).toMatchInlineSnapshot(`
      "molti-errori/obiettivi/2020/a01-00.md:12:14  errore  dup.programma: il codice DUP_10_0101_9999 non è definito in dup.yaml: aggiungilo lì o correggi il codice  [dup-mancante]
      molti-errori/obiettivi/2020/a01-00.md:14:1  errore  fasi: la somma dei pesi delle fasi è 95, deve essere 100  [pesi-fasi]
      molti-errori/obiettivi/2020/b02-00.md:26:9  errore  fasi.[2].id: l’id F01 è già usato da fasi.[1]: ogni fase ha un id diverso  [id-duplicato]
      molti-errori/obiettivi/2020/b02-00.md:44:16  errore  indicatori.I01.storico.2020: lo storico contiene solo anni precedenti al 2020: il valore del 2020 va in valore_raggiunto o nel PEG di quell’anno  [storico-anno]
      ✖ 4 errori in 2 file. Correggi i file indicati (schema: src/schemas/obiettivo.ts)"
    `);
  });
});

describe('warnings that do not fail the build', () => {
  it('warns about raw HTML in front matter and body, but not in code or autolinks', async () => {
    expect(await output('html')).toMatchInlineSnapshot(`
      "html/obiettivi/2020/a01-00.md:4:9  avviso  titolo: contiene HTML (<b>): il sito lo mostra come testo; scrivi solo testo  [html]
      html/obiettivi/2020/a01-00.md:58:32  avviso  contiene HTML (<span onclick="alert(1)">): il sito lo mostra come testo; usa Markdown (**grassetto**, *corsivo*, [testo](https://…))  [html]
      ⚠ 2 avvisi in 1 file, nessun errore: 3 file controllati (1 obiettivo)."
    `);
  });

  it('warns about a missing narrative section', async () => {
    expect(await output('sezione-mancante')).toMatchInlineSnapshot(`
      "sezione-mancante/obiettivi/2020/a01-00.md:54:1  avviso  manca la sezione «## Stato di attuazione»: aggiungila, anche breve  [sezione-mancante]
      ⚠ 1 avviso in 1 file, nessun errore: 3 file controllati (1 obiettivo)."
    `);
  });

  it('warns about a binary indicator valued 100', async () => {
    expect(await output('binario')).toMatchInlineSnapshot(`
      "binario/obiettivi/2020/a01-00.md:51:23  avviso  indicatori.I02.valore_raggiunto: indicatore binario con valore 100: scrivi 1 (sì) o 0 (no), oppure cambia direzione; se il valore è giusto, aggiungi verificato: true e spiega nelle note  [binario]
      ⚠ 1 avviso in 1 file, nessun errore: 3 file controllati (1 obiettivo)."
    `);
  });

  it('warns about texts a spreadsheet would run as formulas', async () => {
    expect(await output('formula')).toMatchInlineSnapshot(`
      "formula/obiettivi/2020/a01-00.md:7:15  avviso  responsabile: il testo comincia con «@» e un foglio di calcolo lo leggerebbe come una formula (nei CSV è pubblicato con un apostrofo davanti): riscrivilo senza quel carattere iniziale  [formula]
      formula/obiettivi/2020/a01-00.md:25:11  avviso  fasi.F01.note: il testo comincia con «=» e un foglio di calcolo lo leggerebbe come una formula (nei CSV è pubblicato con un apostrofo davanti): riscrivilo senza quel carattere iniziale  [formula]
      formula/obiettivi/2020/a01-00.md:27:13  avviso  fasi.F02.titolo: il testo comincia con «-» e un foglio di calcolo lo leggerebbe come una formula (nei CSV è pubblicato con un apostrofo davanti): riscrivilo senza quel carattere iniziale  [formula]
      formula/obiettivi/2020/a01-00.md:53:11  avviso  indicatori.I02.note: il testo comincia con «+» e un foglio di calcolo lo leggerebbe come una formula (nei CSV è pubblicato con un apostrofo davanti): riscrivilo senza quel carattere iniziale  [formula]
      ⚠ 4 avvisi in 1 file, nessun errore: 3 file controllati (1 obiettivo)."
    `);
  });

  it('warns about a ratio that suggests a unit mismatch', async () => {
    expect(await output('rapporto')).toMatchInlineSnapshot(`
      "rapporto/obiettivi/2020/a01-00.md:43:23  avviso  indicatori.I01.valore_raggiunto: raggiunto 0,8 contro atteso 50: controlla l’unità di misura (per esempio 1 invece di 100%); se il valore è giusto, aggiungi verificato: true e spiega nelle note  [rapporto]
      ⚠ 1 avviso in 1 file, nessun errore: 3 file controllati (1 obiettivo)."
    `);
  });

  it('requires a note with verificato: true and warns when nothing needed confirming; a confirmed value is not doubted', async () => {
    expect(await output('verificato')).toMatchInlineSnapshot(`
      "verificato/obiettivi/2020/a01-00.md:54:11  errore  indicatori.I02.note: con verificato: true spiega nelle note perché il valore è corretto (per esempio la fonte del dato)  [verificato-note]
      verificato/obiettivi/2020/a01-00.md:55:17  avviso  indicatori.I02.verificato: i valori non hanno nulla di strano: verificato: true non serve, toglilo (o scrivi false)  [verificato-superfluo]
      ✖ 1 errore e 1 avviso in 1 file. Correggi i file indicati (schema: src/schemas/obiettivo.ts)"
    `);
  });

  it('warns when stato and the avanzamento of the fasi disagree', async () => {
    expect(await output('stato-fasi')).toMatchInlineSnapshot(`
      "stato-fasi/obiettivi/2020/a01-00.md:8:8  avviso  stato: lo stato è «Concluso» ma non tutte le fasi sono al 100% (F02: 50%): aggiorna l’avanzamento delle fasi oppure lo stato  [stato-fasi]
      stato-fasi/obiettivi/2020/a02-00.md:8:8  avviso  stato: lo stato è «In corso» ma tutte le fasi sono al 100%: se l’obiettivo è concluso scrivi stato: Concluso  [stato-fasi]
      ⚠ 2 avvisi in 2 file, nessun errore: 4 file controllati (2 obiettivi)."
    `);
  });

  it('warns about a fase date far from the PEG year', async () => {
    expect(await output('date-anno')).toMatchInlineSnapshot(`
      "date-anno/obiettivi/2020/a01-00.md:28:22  avviso  fasi.F02.inizio_previsto: la data 2018-03-01 è lontana dall’anno del PEG (2020): controlla l’anno  [date-anno]
      ⚠ 1 avviso in 1 file, nessun errore: 3 file controllati (1 obiettivo)."
    `);
  });
});
