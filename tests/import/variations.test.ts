import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fasi, importFixture, importOnce, indicatori } from './helpers';
import { tempDir } from '../support/temp';

/**
 * Exports written for these tests (other years, codes, people and values than the 2020 sample),
 * one per layout variation of the "Scheda obiettivi" report.
 */

describe('an objective spread over several page blocks', () => {
  const imported = importOnce('pagine-multiple.txt');

  it('imports the objectives in any order and exits 0', () => {
    expect(imported().result.exitCode).toBe(0);
    expect(imported().output).toContain(
      'Riepilogo: 2 obiettivi, 3 fasi, 2 indicatori, 9 paragrafi narrativi; righe non collocate: 0 (con dati: 0)',
    );
  });

  it('reads the header from separate lines, glued pieces and a centro broken over two lines', () => {
    const data = imported().data('2023_Z07_02');
    expect({ ...data, fasi: undefined, indicatori: undefined }).toEqual({
      codice: '2023_Z07_02',
      anno: 2023,
      titolo: 'Riqualificare i parchi di quartiere',
      assessorato: 'Vicesindaco',
      centro_di_responsabilita: 'SETTORE LAVORI PUBBLICI E MANUTENZIONI URBANE',
      responsabile: 'ROSSI ANNA MARIA',
      stato: 'In Corso',
      dup: { mandato: 'MAN_3', missione: 'MAN_3_0902', programma: 'MAN_3_0902_0007' },
      soggetti_coinvolti: [],
      fasi: undefined,
      indicatori: undefined,
    });
    expect(imported().data('2023_B03_00')).toMatchObject({
      assessorato: 'Assessore al Bilancio',
      centro_di_responsabilita: 'SETTORE FINANZE',
      titolo: 'Ridurre i tempi di pagamento delle fatture',
      responsabile: 'VERDI PAOLO',
      stato: 'Concluso',
    });
  });

  it('merges fasi and indicatori of every page block in order', () => {
    const data = imported().data('2023_Z07_02');
    // prettier-ignore
    expect(data.fasi).toEqual(
      fasi([
        ['Rilievo dei parchi', '2023-03-01', '2023-06-30', '2023-03-15', '2023-06-30', 40, 100, 'BIANCHI LUCA', 'SERV. VERDE', null],
        ['Cantieri', '2023-09-01', '2023-12-31', '2023-10-01', null, 60, 50, 'BIANCHI LUCA', 'SERV. VERDE', null],
      ]),
    );
    expect(data.indicatori).toEqual(
      indicatori([['Parchi rilevati', 'QUANTITATIVO', 'crescente', null, 12, 12, {}, null]]),
    );
  });

  it('rejoins a sentence cut by a page break and keeps the nested list', () => {
    expect(imported().body('2023_Z07_02')).toBe(
      [
        '',
        '## Modalità di attuazione',
        '',
        'Il progetto prevede:',
        '',
        '- rilievo dello stato dei parchi',
        '- progettazione partecipata con i quartieri',
        '  - \\*) incontri serali',
        '  - \\*) questionario online',
        '',
        '## Stato di attuazione',
        '',
        'Nel primo semestre sono stati completati i rilievi di tutti i dodici parchi e avviata la progettazione, che è proseguita con gli incontri nei quartieri.',
        '',
        "Il secondo semestre ha visto l'avvio dei cantieri.",
        '',
      ].join('\n'),
    );
  });

  it('writes the DUP hierarchy of both objectives to dup.yaml next to the output folder', () => {
    expect(readFileSync(join(imported().content, 'dup.yaml'), 'utf8')).toMatchInlineSnapshot(`
      "# Gerarchia del DUP: mandato → missione → programma. Schema: src/schemas/dup.ts
      mandati:
        - codice: MAN_3
          titolo: CITTA' VERDE
          missioni:
            - codice: MAN_3_0902
              titolo: Tutela del verde
              programmi:
                - codice: MAN_3_0902_0007
                  titolo: Parchi e giardini
        - codice: MAN_1
          titolo: BUON GOVERNO
          missioni:
            - codice: MAN_1_0103
              titolo: Gestione finanziaria
              programmi:
                - codice: MAN_1_0103_0002
                  titolo: Tempestività dei pagamenti
      "
    `);
  });
});

describe('fasi tables in every layout', () => {
  const imported = importOnce('fasi-layout.txt');

  it('reads label rows before, after and between value rows, label cells in date columns, FASE titles, a missing planned end, a shifted row and a repeated header', () => {
    expect(imported().result.exitCode).toBe(0);
    // prettier-ignore
    expect(imported().data('2024_K11_03').fasi).toEqual(
      fasi([
        ['Analisi dei fabbisogni', '2024-01-08', '2024-02-29', '2024-01-10', '2024-02-28', 10, 100, 'GIALLI MARTA', 'SERV. REFEZIONE', null],
        ['Capitolato di gara', '2024-03-01', '2024-04-30', '2024-03-04', '2024-05-15', 15, 100, 'GIALLI MARTA', 'SERV. REFEZIONE', null],
        ['Pubblicazione della gara', '2024-05-02', '2024-05-31', '2024-05-16', '2024-06-14', 15, 100, 'ROSA ELIO', 'SERV. GARE', null],
        ['FASE AGGIUDICAZIONE DEFINITIVA', '2024-06-03', '2024-06-28', '2024-06-17', '2024-07-12', 10, 100, 'ROSA ELIO', 'SERV. GARE', null],
        ['Collaudo delle cucine', '2024-07-01', '2024-07-31', '2024-07-15', null, 10, 80, 'NERI UGO', 'SERV. TECNICO', null],
        ['Comunicazione alle famiglie', '2024-08-01', null, '2024-08-01', '2024-09-10', 10, 100, 'GIALLI MARTA', 'SERV. REFEZIONE', 'lettera e incontri di plesso'],
        ['Avvio del servizio', '2024-09-02', '2024-09-13', '2024-09-16', '2024-09-20', 20, 100, 'GIALLI MARTA', 'SERV. REFEZIONE', null],
        ['Indagine di gradimento', '2024-10-01', '2024-12-20', '2024-10-07', null, 10, null, 'GIALLI MARTA', 'SERV. REFEZIONE', 'questionario in preparazione'],
      ]),
    );
  });

  it('reads an indicator table with one previous year only', () => {
    expect(imported().data('2024_K11_03').indicatori).toEqual(
      indicatori([['Pasti serviti al giorno', 'QUANTITATIVO', 'crescente', null, 1200, 1180, {}, null]]),
    );
  });

  it('lists the inferred title and the missing planned end in the summary', () => {
    expect(
      imported()
        .output.split('\n')
        .filter((line) => / {2}(dedotto|avviso) {2}/.test(line)),
    ).toMatchInlineSnapshot(`
      [
        "  tests/fixtures/import/fasi-layout.txt:37  dedotto  2024_K11_03 fase «Collaudo delle cucine»: tolta l’etichetta «FASE» stampata a parte nel titolo",
        "  tests/fixtures/import/fasi-layout.txt:1  avviso  2024_K11_03: la scheda non ha il testo «STATO DI ATTUAZIONE»; la sezione manca nel file",
        "  tests/fixtures/import/fasi-layout.txt:50  avviso  2024_K11_03 fase «Comunicazione alle famiglie»: la scheda non indica la fine prevista (scritto null)",
      ]
    `);
  });
});

describe('indicator tables split across pages', () => {
  const imported = importOnce('indicatori-pagine.txt');

  it('reads rows with or without the INDICATORI heading, previous years by name, empty cells and long notes', () => {
    expect(imported().result.exitCode).toBe(0);
    // prettier-ignore
    expect(imported().data('2022_P02_01').indicatori).toEqual(
      indicatori([
        ['Scuole presidiate ogni giorno', 'EFFICACIA', 'crescente', null, 14, 14, { 2021: 12 }, null],
        ['Incidenti davanti alle scuole: numero inferiore a 3', 'EFFICACIA', 'decrescente', 'numero', 3, 1, { 2021: 4, 2020: 6 }, null],
        ['Ordinanza sulle zone 30 approvata (si=1, no=0)', 'QUALITA', 'binario', null, 1, 1, {}, null],
        ['Sanzioni per sosta irregolare', 'QUANTITATIVO', 'crescente', null, 2500, 3140.5, { 2021: 2010, 2020: 1875.25 }, "il dato comprende le sanzioni elevate dagli ausiliari del traffico nei mesi di settembre e ottobre, quando il servizio è stato rafforzato per l'avvio dell'anno scolastico e per i cantieri aperti su viale della Repubblica"],
        ['Campagna informativa nelle scuole', 'EFFICACIA', 'binario', null, 1, null, {}, 'fatto = 1 non fatto = 0'],
      ]),
    );
  });

  it('writes storico as a flow map keyed by year', () => {
    expect(imported().text('2022_P02_01')).toContain('    storico: { 2020: 1875.25, 2021: 2010 }\n');
  });

  it('lists every inferred direzione with the words that decided it', () => {
    expect(
      imported()
        .output.split('\n')
        .filter((line) => line.includes('  dedotto  ')),
    ).toMatchInlineSnapshot(`
      [
        "  tests/fixtures/import/indicatori-pagine.txt:25  dedotto  2022_P02_01 I02 unita_di_misura: numero (dal testo «numero»)",
        "  tests/fixtures/import/indicatori-pagine.txt:25  dedotto  2022_P02_01 I02 direzione: decrescente (dal testo «inferiore a»)",
        "  tests/fixtures/import/indicatori-pagine.txt:34  dedotto  2022_P02_01 I03 direzione: binario (dal testo «si=1»)",
        "  tests/fixtures/import/indicatori-pagine.txt:44  dedotto  2022_P02_01 I05 direzione: binario (dal testo «fatto = 1»)",
      ]
    `);
  });
});

describe('soggetti coinvolti and stato', () => {
  it('reads the soggetti table after a glued heading and the stato of the objective', () => {
    const imported = importFixture('soggetti.txt');
    expect(imported.result.exitCode).toBe(0);
    const data = imported.data('2021_D05_00');
    expect(data.soggetti_coinvolti).toEqual([
      {
        nominativo: 'SALVI PIA',
        relazione: 'Posizione Organizzativa',
        impegno: 25.5,
        inizio: '2021-02-01',
        fine: '2021-11-30',
      },
      { nominativo: 'CONTE ELIA', relazione: 'Referente', impegno: 0, inizio: '2021-01-01', fine: null },
    ]);
    expect(data.stato).toBe('Concluso');
    expect(data.indicatori[0]!.storico).toEqual({ 2020: 60 });
  });
});

describe('conversion quirks', () => {
  it('reads the same data from CRLF line ends, non-breaking spaces and a bold page-block start', () => {
    const plain = importFixture('pagine-multiple.txt');
    const quirky = join(tempDir('peg-export-'), 'pagine-multiple.txt');
    const source = readFileSync(join(FIXTURES, 'pagine-multiple.txt'), 'utf8')
      .replaceAll('OBIETTIVO DI PEG  \n', '**OBIETTIVO DI PEG**\n')
      .replaceAll('Rilievo dei parchi', 'Rilievo\u00A0dei parchi')
      .replaceAll('\n', '\r\n');
    writeFileSync(quirky, source);
    const imported = importFixture(quirky);
    expect(imported.result.exitCode).toBe(0);
    for (const codice of ['2023_Z07_02', '2023_B03_00']) {
      expect(imported.data(codice)).toEqual(plain.data(codice));
      expect(imported.body(codice)).toBe(plain.body(codice));
    }
  });
});
