import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadContent, type Content } from '../../src/lib/content/load';
import {
  avanzamentoPonderato,
  coperturaAvanzamento,
  daVerificare,
  gradoRaggiungimento,
  valutazioneIndicatore,
} from '../../src/lib/derived/metrics';
import { csvTable, TABELLE } from '../../src/lib/outputs/opendata/csv';
import { fasiColumns, indicatoriColumns, obiettiviColumns } from '../../src/lib/outputs/opendata/columns';
import { dcatCatalog } from '../../src/lib/outputs/opendata/dcat';
import { datasetSpecs } from '../../src/lib/outputs/opendata/datasets';
import { openDataDocument, toJson } from '../../src/lib/outputs/opendata/records';
import { FaseSchema } from '../../src/schemas/fase';
import { IndicatoreSchema } from '../../src/schemas/indicatore';
import { ObiettivoSchema } from '../../src/schemas/obiettivo';
import { slugFromCodice } from '../../src/lib/derived/slugs';

const withUrls = (content: Content) =>
  content.obiettivi.map((o) => ({ data: o.data, url: `/obiettivi/${o.data.anno}/${slugFromCodice(o.data.codice)}/` }));

const readCsv = (text: string) => parse(text, { columns: true, bom: true }) as Record<string, string>[];

for (const folder of ['content', 'tests/fixtures/content/multi-year']) {
  describe(`open data of ${folder}`, () => {
    const content = loadContent(folder);
    const document = openDataDocument(content.ente, withUrls(content));
    const json = JSON.parse(toJson(document));

    it('reads obiettivi.json back equal, field by field, to the content files', () => {
      expect(json.ente).toBe(content.ente.nome);
      expect(json.licenza).toBe('CC-BY-4.0');
      expect(json.obiettivi).toHaveLength(content.obiettivi.length);
      content.obiettivi.forEach(({ data }, i) => {
        const published = json.obiettivi[i];
        const keys = [
          ...Object.keys(ObiettivoSchema.shape),
          'url',
          'avanzamento_ponderato',
          'copertura_avanzamento',
          'fasi_senza_avanzamento',
        ];
        expect(Object.keys(published)).toEqual(keys);
        for (const key of Object.keys(ObiettivoSchema.shape).filter((k) => k !== 'indicatori')) {
          expect(published[key], `${data.codice}.${key}`).toEqual(data[key as keyof typeof data]);
        }
        expect(published.url).toBe(`/obiettivi/${data.anno}/${slugFromCodice(data.codice)}/`);
        expect(published.avanzamento_ponderato).toBe(avanzamentoPonderato(data.fasi));
        const copertura = coperturaAvanzamento(data.fasi);
        expect(published.copertura_avanzamento).toBeCloseTo((copertura.quotaPeso ?? NaN) * 100, 2);
        expect(published.fasi_senza_avanzamento).toBe(copertura.fasiSenzaDato);
        data.indicatori.forEach((indicatore, j) => {
          const out = published.indicatori[j];
          expect(Object.keys(out)).toEqual([...Object.keys(IndicatoreSchema.shape), 'grado_raggiungimento', 'esito']);
          for (const key of Object.keys(IndicatoreSchema.shape)) {
            expect(out[key], `${data.codice}.${indicatore.id}.${key}`).toEqual(
              indicatore[key as keyof typeof indicatore],
            );
          }
          const { grado, esito } = valutazioneIndicatore(indicatore, content.ente.soglie_esito);
          expect(out.grado_raggiungimento).toBe(grado);
          expect(out.esito).toBe(esito);
          // Implausible values keep their numbers but publish no grado; the others their plain grado.
          if (daVerificare(indicatore)) expect([out.grado_raggiungimento, out.esito]).toEqual([null, 'da verificare']);
          else expect(out.grado_raggiungimento).toBe(gradoRaggiungimento(indicatore));
        });
      });
    });

    it('parses each CSV into one row per objective, fase and indicatore', () => {
      const obiettivi = readCsv(csvTable('obiettivi', document.obiettivi, content.ente.sito_url));
      const fasi = readCsv(csvTable('fasi', document.obiettivi, content.ente.sito_url));
      const indicatori = readCsv(csvTable('indicatori', document.obiettivi, content.ente.sito_url));
      expect(obiettivi).toHaveLength(content.obiettivi.length);
      expect(fasi).toHaveLength(content.obiettivi.reduce((n, o) => n + o.data.fasi.length, 0));
      expect(indicatori).toHaveLength(content.obiettivi.reduce((n, o) => n + o.data.indicatori.length, 0));
      expect(obiettivi.map((row) => row.codice)).toEqual(content.obiettivi.map((o) => o.data.codice));
      const keyed = fasi.map((row) => `${row.codice}#${row.id}`);
      expect(new Set(keyed).size).toBe(keyed.length);
    });

    it('writes CSV cells as the JSON values: ISO dates, dot decimals, empty for null', () => {
      const fasi = readCsv(csvTable('fasi', document.obiettivi, content.ente.sito_url));
      let row = 0;
      for (const o of document.obiettivi) {
        for (const fase of o.fasi) {
          const cells = fasi[row++]!;
          for (const key of Object.keys(FaseSchema.shape)) {
            const value = fase[key as keyof typeof fase];
            expect(cells[key], `${o.codice}.${fase.id}.${key}`).toBe(value === null ? '' : String(value));
          }
        }
      }
      const obiettivi = readCsv(csvTable('obiettivi', document.obiettivi, content.ente.sito_url));
      document.obiettivi.forEach((o, i) => {
        const cells = obiettivi[i]!;
        expect(cells.dup_programma).toBe(o.dup.programma);
        expect(JSON.parse(cells.soggetti_coinvolti!)).toEqual(o.soggetti_coinvolti);
        // Rounded to two decimals in the CSV (CSV_DECIMALS), full precision in the JSON.
        expect(cells.avanzamento_ponderato).toBe(
          o.avanzamento_ponderato === null ? '' : String(Math.round(o.avanzamento_ponderato * 100) / 100),
        );
        expect(cells.url).toBe(new URL(o.url, content.ente.sito_url).href);
        expect(cells.url).toMatch(/^https:\/\/[^/]+\/obiettivi\/\d{4}\/[a-z0-9-]+\/$/);
      });
    });
  });
}

describe('CSV columns', () => {
  it('follow the schema order and carry the schema descriptions', () => {
    const names = obiettiviColumns().map((c) => c.name);
    expect(names).toEqual([
      'codice',
      'anno',
      'titolo',
      'assessorato',
      'centro_di_responsabilita',
      'responsabile',
      'stato',
      'dup_mandato',
      'dup_missione',
      'dup_programma',
      'soggetti_coinvolti',
      'url',
      'avanzamento_ponderato',
      'copertura_avanzamento',
      'fasi_senza_avanzamento',
    ]);
    expect(fasiColumns().map((c) => c.name)).toEqual(['codice', ...Object.keys(FaseSchema.shape)]);
    expect(indicatoriColumns(['2019', '2020']).map((c) => c.name)).toEqual([
      'codice',
      'id',
      'descrizione',
      'tipo',
      'direzione',
      'unita_di_misura',
      'valore_atteso',
      'valore_raggiunto',
      'storico_2019',
      'storico_2020',
      'note',
      'verificato',
      'grado_raggiungimento',
      'esito',
    ]);
    expect(fasiColumns().find((c) => c.name === 'peso')!.description).toBe(FaseSchema.shape.peso.description);
    for (const column of [...obiettiviColumns(), ...fasiColumns(), ...indicatoriColumns(['2019'])]) {
      expect(column.description, column.name).not.toBe('');
    }
  });

  it('puts storico in one column per year and quotes commas and quotes (RFC 4180)', () => {
    const content = loadContent('tests/fixtures/content/multi-year');
    const document = openDataDocument(content.ente, withUrls(content));
    const text = csvTable('indicatori', document.obiettivi, content.ente.sito_url);
    expect(text.split('\r\n')[0]).toBe(
      '\ufeffcodice,id,descrizione,tipo,direzione,unita_di_misura,valore_atteso,valore_raggiunto,storico_2019,storico_2020,note,verificato,grado_raggiungimento,esito',
    );
    expect(text).toContain(
      '2021_A01_00,I01,Dipendenti in lavoro agile (%),EFFICACIA,crescente,,60,45,10,80,,false,0.75,parzialmente raggiunto\r\n',
    );
    const fasi = csvTable('fasi', document.obiettivi, content.ente.sito_url);
    expect(fasi).toContain('"Ritardo per ""lockdown"", rinvio al 2021"');
  });
});

describe('CSV for a spreadsheet in Italian', () => {
  const content = loadContent('content');
  const document = openDataDocument(content.ente, withUrls(content));

  it('starts with a UTF-8 byte order mark, so Excel reads the accents', () => {
    const texts = TABELLE.map((tabella) => csvTable(tabella, document.obiettivi, content.ente.sito_url));
    for (const text of texts) expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(texts.join('')).toMatch(/[àèéìòù]/);
  });

  it('rounds grado_raggiungimento to 4 decimals and keeps the full value in the JSON', () => {
    const long = document.obiettivi
      .flatMap((o) => o.indicatori.map((i) => ({ codice: o.codice, i })))
      .find(({ i }) => i.grado_raggiungimento !== null && String(i.grado_raggiungimento).length > 6);
    expect(long, 'an indicator with a long grado in the 2020 PEG').toBeDefined();
    const row = readCsv(csvTable('indicatori', document.obiettivi, content.ente.sito_url)).find(
      (r) => r.codice === long!.codice && r.id === long!.i.id,
    )!;
    expect(row.grado_raggiungimento).toBe(long!.i.grado_raggiungimento!.toFixed(4).replace(/0+$/, ''));
  });
});

describe('DCAT-AP_IT catalogue', () => {
  it('describes every dataset with the mandatory fields and absolute download URLs', () => {
    const content = loadContent('tests/fixtures/content/multi-year');
    const items = content.obiettivi.map((o) => ({ anno: o.data.anno, modified: `${o.data.anno}-06-30` }));
    const catalog = dcatCatalog(content.ente, datasetSpecs(content.ente, items, [2021, 2020]));
    expect(catalog['dcat:dataset'].map((d) => d['dct:identifier'])).toEqual([
      'c_esempio:obiettivi-peg',
      'c_esempio:obiettivi-peg-2021',
      'c_esempio:obiettivi-peg-2020',
    ]);
    for (const dataset of catalog['dcat:dataset']) {
      for (const field of [
        'dct:identifier',
        'dct:title',
        'dct:description',
        'dct:modified',
        'dcat:theme',
        'dct:rightsHolder',
        'dct:accrualPeriodicity',
        'dcat:distribution',
      ]) {
        expect(dataset, field).toHaveProperty([field]);
      }
      for (const distribution of dataset['dcat:distribution']) {
        expect(distribution['dct:format']['@id']).toMatch(/file-type\/(CSV|JSON|XLSX)$/);
        expect(distribution['dct:license']['@id']).toBe('https://creativecommons.org/licenses/by/4.0/');
        expect(distribution['dcat:downloadURL']['@id']).toMatch(/^https:\/\/peg\.comune\.esempio\.it\/opendata\//);
      }
    }
    expect(catalog['dcat:dataset'][1]!['dct:modified']).toEqual({ '@value': '2021-06-30', '@type': 'xsd:date' });
  });
});

describe('CSV formula injection', () => {
  it('neutralises text cells that a spreadsheet would run as a formula; numbers and JSON stay exact', () => {
    const content = loadContent('tests/fixtures/content/multi-year');
    const [first] = content.obiettivi;
    const data = structuredClone(first!.data);
    data.titolo = '=HYPERLINK("http://esempio.invalid","clic")';
    data.responsabile = '@SUM(A1:A2)';
    data.fasi[0]!.note = '-2+3';
    data.fasi[0]!.titolo = '+39 02 1234';
    data.indicatori[0]!.descrizione = '\tnascosto';
    data.indicatori[0]!.note = '\rriga';
    data.indicatori[0]!.valore_atteso = -5;
    const document = openDataDocument(content.ente, [{ data, url: '/obiettivi/x/' }]);
    const obiettivi = readCsv(csvTable('obiettivi', document.obiettivi, content.ente.sito_url))[0]!;
    expect(obiettivi.titolo).toBe(`'=HYPERLINK("http://esempio.invalid","clic")`);
    expect(obiettivi.responsabile).toBe("'@SUM(A1:A2)");
    const fase = readCsv(csvTable('fasi', document.obiettivi, content.ente.sito_url))[0]!;
    expect([fase.titolo, fase.note]).toEqual(["'+39 02 1234", "'-2+3"]);
    const indicatore = readCsv(csvTable('indicatori', document.obiettivi, content.ente.sito_url))[0]!;
    expect([indicatore.descrizione, indicatore.note, indicatore.valore_atteso]).toEqual([
      "'\tnascosto",
      "'\rriga",
      '-5',
    ]);
    // JSON keeps the exact text.
    const json = JSON.parse(toJson(document));
    expect(json.obiettivi[0].titolo).toBe(data.titolo);
    expect(json.obiettivi[0].indicatori[0].note).toBe('\rriga');
  });
});

describe('implausible values in open data (2020_S05_00 I07 and I08: atteso 1, raggiunto 100)', () => {
  const content = loadContent('content');
  const document = openDataDocument(content.ente, withUrls(content));

  it('publishes the values with no grado and esito "da verificare", in JSON and CSV alike', () => {
    const s05 = document.obiettivi.find((o) => o.codice === '2020_S05_00')!;
    for (const id of ['I07', 'I08']) {
      const indicatore = s05.indicatori.find((i) => i.id === id)!;
      expect([indicatore.valore_atteso, indicatore.valore_raggiunto]).toEqual([1, 100]);
      expect([indicatore.grado_raggiungimento, indicatore.esito]).toEqual([null, 'da verificare']);
    }
    const rows = readCsv(csvTable('indicatori', document.obiettivi, content.ente.sito_url)).filter(
      (row) => row.codice === '2020_S05_00' && ['I07', 'I08'].includes(row.id!),
    );
    expect(rows.map((row) => [row.valore_raggiunto, row.grado_raggiungimento, row.esito])).toEqual([
      ['100', '', 'da verificare'],
      ['100', '', 'da verificare'],
    ]);
  });
});
