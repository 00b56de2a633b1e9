import { describe, expect, it } from 'vitest';
import { load as loadYaml } from 'js-yaml';
import { loadContent } from '../../src/lib/content/load';
import { FaseSchema, IndicatoreSchema, ObiettivoSchema } from '../../src/schemas';
import { fasi, importOnce } from './helpers';

/**
 * The real 2020 export of the Comune di Cinisello Balsamo, imported into an empty folder. The
 * expectations were written by reading the report, for at least one objective per layout variation.
 */
const imported = importOnce('scheda-obiettivi-peg-2020.txt');

const CARUSO = 'CARUSO GIANLUCA';
const CROCE = 'CORPO DELLA POLIZIA LOCALE';

describe('the 2020 sample export', () => {
  it('imports 11 objectives, 79 fasi and 84 indicatori with no line left unplaced', () => {
    expect(imported().result.exitCode).toBe(0);
    expect(imported().output).toContain(
      'Riepilogo: 11 obiettivi, 79 fasi, 84 indicatori, 104 paragrafi narrativi; righe non collocate: 0 (con dati: 0)',
    );
    const content = loadContent(imported().content);
    expect(content.obiettivi.map((o) => o.data.codice)).toEqual([
      '2020_A01_00',
      '2020_A02_00',
      '2020_C04_00',
      '2020_S01_00',
      '2020_S02_00',
      '2020_S03_00',
      '2020_S05_00',
      '2020_S06_00',
      '2020_S07_00',
      '2020_S08_00',
      '2020_U09_00',
    ]);
    for (const { data } of content.obiettivi) {
      expect(
        data.fasi.reduce((sum, f) => sum + f.peso, 0),
        data.codice,
      ).toBeCloseTo(100, 2);
    }
  });

  it('merges the page blocks of 2020_A01_00, with glued header pieces and a centro over four lines', () => {
    const data = imported().data('2020_A01_00');
    expect(data).toMatchObject({
      titolo:
        "Programmare, attivare e gestire le misure organizzative ed operative per affrontare l'emergenza epidemiologica",
      assessorato: 'Sindaco',
      centro_di_responsabilita:
        "AREA COORDINAMENTO STRATEGICO, PROGRAMMAZIONE E CONTROLLO - UNITA' ORGANIZZATIVA: PIANIFICAZIONE, ORGANIZZAZIONE E CONTROLLO",
      responsabile: CARUSO,
      stato: 'In Corso',
      dup: { mandato: 'DUP_10', missione: 'DUP_10_0101', programma: 'DUP_10_0101_1103' },
      soggetti_coinvolti: [],
    });
    const uo = 'AREA-UO PIANIF.ORGAN.CONTR';
    // prettier-ignore
    expect(data.fasi).toEqual(
      fasi([
        ["Supporto agli amministratori nell'individuazione delle misure organizzative ed operative per fronteggiare la crisi epidemiologica", '2020-02-01', '2020-12-31', '2020-02-01', '2020-12-31', 20, 100, 'caruso gianluca', uo, null],
        ["Coordinamento dei processi decisionali ed organizzativi per fronteggiare l'emergenza", '2020-02-01', '2020-12-31', '2020-01-01', '2020-12-31', 20, 100, CARUSO, uo, null],
        ["Coordinamento del Comitato di Direzione, individuazione delle misure organizzative da attuare nell'ente e delle misure operative sul territorio per fronteggiare la crisi epidemiologica", '2020-02-01', '2020-12-31', '2020-02-01', '2020-12-31', 20, 100, CARUSO, uo, null],
        ['Costituzione e coordinamento del C.O.C. (Centro Operativo Comunale)', '2020-02-01', '2020-12-31', '2020-02-01', '2020-12-31', 20, 100, CARUSO, uo, null],
        ["Coordinamento della comunicazione d'emergenza", '2020-02-01', '2020-12-31', '2020-01-01', '2020-12-31', 20, 100, CARUSO, uo, null],
      ]),
    );
    expect(
      data.indicatori.map((i) => [i.id, i.tipo, i.direzione, i.valore_atteso, i.valore_raggiunto, i.storico, i.note]),
    ).toEqual([
      ['I01', 'EFFICACIA', 'crescente', 100, 100, {}, null],
      ['I02', 'EFFICACIA', 'crescente', 50, 80, { 2019: 10 }, null],
      ['I03', 'EFFICACIA', 'binario', 1, 1, {}, null],
      ['I04', 'EFFICACIA', 'binario', 1, 1, {}, null],
      ['I05', 'EFFICACIA', 'binario', 1, 1, {}, null],
      ['I06', 'EFFICACIA', 'binario', 1, 1, {}, null],
      ['I07', 'EFFICACIA', 'binario', 1, 1, {}, null],
      ['I08', 'EFFICACIA', 'crescente', 1, 1, {}, null],
    ]);
    expect(data.indicatori[0]!.descrizione).toBe(
      "Assistenza e supporto alla giunta nell'adozione di tutti gli atti indifferibili e urgenti per la gestione dell'emergenza (%)",
    );
  });

  it('reads the label rows of 2020_C04_00 between and after the value rows, its soggetti and its split indicators', () => {
    const data = imported().data('2020_C04_00');
    expect(data.soggetti_coinvolti).toEqual([
      {
        nominativo: 'FABIO CRIPPA',
        relazione: 'Posizione Organizzativa',
        impegno: 0,
        inizio: '2020-01-01',
        fine: null,
      },
    ]);
    const row = (titolo: string, ie: string, peso: number) =>
      [titolo, '2020-02-01', '2020-12-31', ie, '2020-12-31', peso, 100, 'FABIO CRIPPA', CROCE, null] as const;
    // prettier-ignore
    expect(data.fasi).toEqual(
      fasi([
        [
          ...row(
            'Organizzazione del lavoro degli operatori amministrativi di PL nel rispetto della sicurezza ai sensi dei Decreti Covid',
            '2020-02-01',
            5,
          ),
        ],
        [
          ...row(
            'Organizzazione delle attività operative della PL nel rispetto della sicurezza ai sensi dei Decreti Covid',
            '2020-01-01',
            5,
          ),
        ],
        [
          ...row(
            'Elaborazione e trattamento dei dati relativi ai casi di contagio trasmessi da ATS, raccordo con Prefettura',
            '2020-01-01',
            10,
          ),
        ],
        [
          ...row(
            'Monitoraggio dei soggetti sottoposti a isolamento domiciliare attraverso controlli "a distanza" e presso il domicilio in caso di barriere comunicative al fine di verificare il divieto assoluto di mobilità dalla propria abitazione',
            '2020-01-01',
            20,
          ),
        ],
        [
          ...row(
            'Coordinamento delle attività dei volontari di Protezione Civile a supporto delle azioni operative della Polizia Locale',
            '2020-01-01',
            20,
          ),
        ],
        [
          ...row(
            'Controllo del rispetto delle misure di contenimento del contagio previste dalla normativa vigente con particolare riferimento alla mobilità pedonale e veicolare',
            '2020-01-01',
            20,
          ),
        ],
        [
          ...row(
            'Controllo del rispetto delle misure di contenimento del contagio previste dalla normativa vigente con particolare riferimento alle attività commerciali e di ristorazione',
            '2020-01-01',
            20,
          ),
        ],
      ]),
    );
    expect(data.indicatori).toHaveLength(7);
    expect(data.indicatori[6]).toEqual({
      id: 'I07',
      descrizione:
        'garantire almeno una pattuglia per turno di servizio (dalle 7,00 alle 21,00) dedicata ai controlli alle attività commerciali e di ristorazione, oltre al servizio di pronto intervento (21,00 - 24,00)',
      tipo: 'EFFICACIA',
      direzione: 'crescente',
      unita_di_misura: null,
      valore_atteso: 1,
      valore_raggiunto: 1,
      storico: {},
      note: null,
      verificato: false,
    });
  });

  it('keeps the titles of 2020_S03_00 that start with FASE, with their label rows after the title', () => {
    const data = imported().data('2020_S03_00');
    const s = 'STEFANINI EUGENIO';
    // prettier-ignore
    expect(data.fasi.slice(0, 2)).toEqual(
      fasi([
        ['ANALISI DOTAZIONE INFORMATICA DIPENDENTI', '2020-03-08', '2020-07-31', '2020-03-08', '2020-07-31', 10, 100, s, 'SETT. RISORSE E PATRIMONIO', null],
        ['FASE INDIVIDUAZIONE PERSONALE CANDIDATO ALLO SVOLGIMENTO DELLO SMART WORKING E COLLOCAZIONE IN FERIE DEL PERSONALE IMPOSSIBILITATO A SVOLGERE IL LAVORO AGILE', '2020-03-11', '2020-05-05', '2020-03-11', '2020-05-05', 10, 100, s, 'SETT. RISORSE E PATRIMONIO', null],
      ]),
    );
    expect(data.fasi[6]).toMatchObject({
      id: 'F07',
      titolo:
        "FASE Organizzare e gestire l'attività degli uffici attraverso l'utilizzo degli strumenti informatici, garantendo il normale rapporto con gli utenti interni ed esterni",
      inizio_previsto: '2020-02-01',
      inizio_effettivo: '2020-01-01',
    });
    expect(data.fasi).toHaveLength(10);
  });

  it('reads the value row of 2020_S05_00 that starts in the first column after a repeated table header', () => {
    const data = imported().data('2020_S05_00');
    const note = 'In linea con la programmazione';
    const cdr = 'SETT. OO.PP, AMBIENTE, ENERGIA';
    // prettier-ignore
    expect(data.fasi.slice(7)).toEqual(
      fasi([
        ['Individuazione del personale in servizio attivo in sede, programmazione della turnazione, attivazione delle misure di contenimento del rischio previste dalla normativa nazionale', '2020-03-01', '2020-12-31', '2020-03-01', '2020-12-31', 11, 100, CARUSO, cdr, note],
        ["Prosecuzione, gestione e monitoraggio delle misure di contenimento organizzative ed operative adottate dall'Ente per affrontare il post emergenza ed il ritorno alla normalità, finalizzate alla riduzione dei rischi di contagio.", '2020-03-01', '2020-12-31', '2020-03-01', '2020-12-31', 11, 100, CARUSO, cdr, note],
      ]).map((f, index) => ({ ...f, id: `F0${index + 8}` })),
    );
    expect(data.indicatori[6]).toMatchObject({
      tipo: 'EFFICACIA',
      direzione: 'crescente',
      unita_di_misura: null,
      valore_atteso: 1,
      valore_raggiunto: 100,
    });
    expect(data.titolo).toBe(
      "Programmare, attivare e gestire le misure organizzative ed operative per affrontare l'emergenza epidemiologica",
    );
  });

  it('writes null for the planned end dates that 2020_S07_00 leaves empty and keeps long notes', () => {
    const data = imported().data('2020_S07_00');
    expect(data.fasi[1]).toEqual({
      id: 'F02',
      titolo: 'scuola civica di musica: tutte le lezioni sono garantite on-line',
      inizio_previsto: '2020-03-15',
      fine_prevista: null,
      inizio_effettivo: '2020-03-15',
      fine_effettiva: '2020-12-31',
      peso: 10,
      avanzamento: 100,
      responsabile: 'PELISSETTI LAURA SABRINA',
      centro_di_responsabilita: 'SETT. POLIT. CULTURALI E SPORT',
      note: 'le lezioni sono garantite al 100%, si sta appurando che quasi la totalità degli iscritti apprezza lo strumento e sta proseguendo le lezioni on line.',
    });
    expect(data.fasi.map((f) => f.fine_prevista)).toEqual(['2020-12-31', null, null, null, null, null, null]);
    expect(data.fasi[6]!.note).toBe(
      'Questa attività di comunicazione capillare - per rassicurare e informare, per fornire indicazioni anche in riferimento alla normativa in essere - viene agita per il tramite di mail e aggiornamento del sito istituzionale e correlati post su face book.',
    );
  });

  it('reads the fasi of 2020_S08_00 whose dates follow label cells, and the empty avanzamento', () => {
    const data = imported().data('2020_S08_00');
    expect(data.fasi).toHaveLength(18);
    // prettier-ignore
    expect(data.fasi.slice(2, 4)).toEqual(
      fasi([
        ["Supporto agli ISC (Istituti Scolastici Comprensivi) per garantire l'esercizio del diritto allo studio nella fase emergenziale", '2020-03-01', '2020-08-30', '2020-03-01', '2020-08-30', 3, 100, 'BRUSON LAURA', 'SETT. SOCIOEDUCATIVO E RISORSE', null],
        ["Ridefinizione di nuovi servizi scolastici per far fronte all'emergenza e alla chiusura/sospensione dei servizi", '2020-02-01', '2020-07-31', '2020-02-01', '2020-07-31', 5, 100, 'BRUSON LAURA', 'SERV. MINORI, INFANZIA, EDUCAZ', null],
      ]).map((f, index) => ({ ...f, id: `F0${index + 3}` })),
    );
    expect(data.fasi[4]).toMatchObject({ inizio_previsto: '2020-02-01', inizio_effettivo: '2020-01-01', peso: 5 });
    expect(data.fasi[14]).toEqual({
      id: 'F15',
      titolo:
        "Riorganizzazione completa delle modalità lavorative del personale dell'Ente anche attraverso un massiccio utilizzo del lavoro agile",
      inizio_previsto: '2020-02-01',
      fine_prevista: '2020-12-31',
      inizio_effettivo: '2020-02-01',
      fine_effettiva: null,
      peso: 9,
      avanzamento: null,
      responsabile: 'ROSA NADIA',
      centro_di_responsabilita: 'SERVIZIO RISORSE UMANE',
      note: null,
    });
  });

  it('reads thousands, a lower-is-better indicator and notes of 2020_S08_00 over three pages', () => {
    const indicatori = imported().data('2020_S08_00').indicatori;
    expect(indicatori).toHaveLength(23);
    expect(indicatori[0]).toMatchObject({ tipo: 'EFFICACIA', valore_atteso: 6000, valore_raggiunto: 6670 });
    expect(indicatori[7]!.note).toBe(
      "Le scuole inizialmente attivate sono state 8, poi, dato l'esiguo numero di bambini richiedenti il servizio presso le scuole Buscaglia, Giolitti e Collodi, si è deciso per l'accorpamento dei bambini presso le altre 5 scuole attivate.",
    );
    expect(indicatori[10]).toMatchObject({ valore_atteso: 1000, valore_raggiunto: 1556 });
    expect(indicatori[11]).toMatchObject({
      descrizione: 'Ridotto numero di colloqui frontali di segretariato sociale inferiore a 500 al 31/12',
      direzione: 'decrescente',
      unita_di_misura: null,
      valore_atteso: 500,
      valore_raggiunto: 82,
    });
    expect(indicatori[19]).toMatchObject({ direzione: 'binario', valore_atteso: 1, valore_raggiunto: 1 });
    expect(indicatori[22]).toMatchObject({
      descrizione: 'Numero di incontri comitato emergenza covid19',
      unita_di_misura: 'numero',
      valore_atteso: 4,
      valore_raggiunto: 13,
    });
  });

  it('reads the indicators of 2020_S01_00 split over pages with and without the heading, with a 2019 value', () => {
    const indicatori = imported().data('2020_S01_00').indicatori;
    expect(indicatori).toHaveLength(11);
    expect(indicatori[6]).toMatchObject({
      tipo: 'EFFICIENZA',
      valore_atteso: 84,
      valore_raggiunto: 84,
      storico: { 2019: 50 },
      note: 'si evidenzia che la media del 2019 è su base annua e quella del 2020 è relativa a pochi mesi. I servizi funebri vengono garantiti con le medesime risorse umane e tecnologiche con una notevole difficoltà operativa ed emotiva da non sottovalutare.',
      verificato: false,
    });
    expect(indicatori.slice(8).map((i) => i.direzione)).toEqual(['binario', 'binario', 'binario']);
  });

  it('rejoins the sentence of 2020_S02_00 cut by a page break', () => {
    expect(imported().body('2020_S02_00')).toContain(
      'con verifica della temperatura ed il rispetto degli obblighi di protezione individuale, controlli attuati anche per il personale dipendente.\n\nLa verifica e il controllo del Territorio',
    );
    expect(imported().data('2020_S02_00').fasi[0]!.note).toBe('in linea con la programmazione');
  });

  it('keeps the Markdown lists of 2020_C04_00 and the nested list of 2020_S02_00', () => {
    expect(imported().body('2020_C04_00')).toContain(
      'In particolare:\n\n- 1\\) elaborazione dei dati trasmessi da ATS',
    );
    expect(imported().body('2020_S02_00')).toContain('\n  - \\*) utilizzo esclusivo nelle pratiche edilizie');
  });

  it('reads the last line of the file, which has no line break', () => {
    expect(imported().data('2020_U09_00').indicatori.at(-1)).toMatchObject({
      id: 'I06',
      descrizione: 'Realizzazione di almeno due manifestazioni istituzionali e/o eventi in modalità virtuale.',
      valore_atteso: 2,
      valore_raggiunto: 4,
    });
    expect(imported().data('2020_U09_00').indicatori[3]).toMatchObject({
      valore_atteso: 40000,
      valore_raggiunto: 65000,
    });
  });

  it('writes the DUP hierarchy and reports the variant spellings of its titles', () => {
    expect(loadContent(imported().content).dup).toEqual({
      mandati: [
        {
          codice: 'DUP_10',
          titolo: 'SEMPLIFICAZIONE,PARTECIPAZIONE',
          missioni: [
            {
              codice: 'DUP_10_0101',
              titolo: 'Semplificazione ed efficienza',
              programmi: [{ codice: 'DUP_10_0101_1103', titolo: 'Emergenza epidemiologica' }],
            },
          ],
        },
      ],
    });
    expect(imported().output).toContain(
      'scheda-obiettivi-peg-2020.txt:1106  avviso  DUP_10_0101_1103: titolo «Emergenza epidemologica» diverso da «Emergenza epidemiologica» (scritto 10 volte nell’export); per il DUP vale «Emergenza epidemiologica»',
    );
  });

  it('writes the keys of every objective, fase and indicatore in schema order', () => {
    for (const file of loadContent(imported().content).obiettivi) {
      const text = imported().text(file.data.codice);
      const front = loadYaml(text.split('\n---\n')[0]!.replace(/^---\n/, '')) as Record<
        string,
        Record<string, unknown>[]
      >;
      expect(Object.keys(front)).toEqual(Object.keys(ObiettivoSchema.shape));
      for (const fase of front.fasi!) expect(Object.keys(fase)).toEqual(Object.keys(FaseSchema.shape));
      for (const indicatore of front.indicatori!)
        expect(Object.keys(indicatore)).toEqual(Object.keys(IndicatoreSchema.shape));
    }
  });
});
