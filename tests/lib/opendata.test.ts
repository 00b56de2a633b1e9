import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadContent, type Content } from '../../src/lib/content/load';
import {
  avanzamentoPonderato,
  coperturaAvanzamento,
  esitoIndicatore,
  gradoRaggiungimento,
} from '../../src/lib/metrics';
import { csvTable } from '../../src/lib/opendata/csv';
import { fasiColumns, indicatoriColumns, obiettiviColumns } from '../../src/lib/opendata/columns';
import { dcatCatalog } from '../../src/lib/opendata/dcat';
import { datasetSpecs } from '../../src/lib/opendata/datasets';
import { openDataDocument, toJson } from '../../src/lib/opendata/records';
import { FaseSchema } from '../../src/schemas/fase';
import { IndicatoreSchema } from '../../src/schemas/indicatore';
import { ObiettivoSchema, slugFromCodice } from '../../src/schemas/obiettivo';

const withUrls = (content: Content) =>
  content.obiettivi.map((o) => ({ data: o.data, url: `/obiettivi/${o.data.anno}/${slugFromCodice(o.data.codice)}/` }));

const readCsv = (text: string) => parse(text, { columns: true, bom: false }) as Record<string, string>[];

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
          expect(out.grado_raggiungimento).toBe(gradoRaggiungimento(indicatore));
          expect(out.esito).toBe(esitoIndicatore(indicatore, content.ente.soglie_esito));
        });
      });
    });

    it('parses each CSV into one row per objective, fase and indicatore', () => {
      const obiettivi = readCsv(csvTable('obiettivi', document.obiettivi));
      const fasi = readCsv(csvTable('fasi', document.obiettivi));
      const indicatori = readCsv(csvTable('indicatori', document.obiettivi));
      expect(obiettivi).toHaveLength(content.obiettivi.length);
      expect(fasi).toHaveLength(content.obiettivi.reduce((n, o) => n + o.data.fasi.length, 0));
      expect(indicatori).toHaveLength(content.obiettivi.reduce((n, o) => n + o.data.indicatori.length, 0));
      expect(obiettivi.map((row) => row.codice)).toEqual(content.obiettivi.map((o) => o.data.codice));
      const keyed = fasi.map((row) => `${row.codice}#${row.id}`);
      expect(new Set(keyed).size).toBe(keyed.length);
    });

    it('writes CSV cells as the JSON values: ISO dates, dot decimals, empty for null', () => {
      const fasi = readCsv(csvTable('fasi', document.obiettivi));
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
      const obiettivi = readCsv(csvTable('obiettivi', document.obiettivi));
      document.obiettivi.forEach((o, i) => {
        const cells = obiettivi[i]!;
        expect(cells.dup_programma).toBe(o.dup.programma);
        expect(JSON.parse(cells.soggetti_coinvolti!)).toEqual(o.soggetti_coinvolti);
        expect(cells.avanzamento_ponderato).toBe(
          o.avanzamento_ponderato === null ? '' : String(o.avanzamento_ponderato),
        );
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
    const text = csvTable('indicatori', document.obiettivi);
    expect(text.split('\r\n')[0]).toBe(
      'codice,id,descrizione,tipo,direzione,unita_di_misura,valore_atteso,valore_raggiunto,storico_2019,storico_2020,note,verificato,grado_raggiungimento,esito',
    );
    expect(text).toContain(
      '2021_A01_00,I01,Dipendenti in lavoro agile (%),EFFICACIA,crescente,,60,45,10,80,,false,0.75,parzialmente raggiunto\r\n',
    );
    const fasi = csvTable('fasi', document.obiettivi);
    expect(fasi).toContain('"Ritardo per ""lockdown"", rinvio al 2021"');
  });
});

describe('DCAT-AP_IT catalogue', () => {
  it('describes every dataset with the mandatory fields and absolute download URLs', () => {
    const content = loadContent('tests/fixtures/content/multi-year');
    const items = content.obiettivi.map((o) => ({ anno: o.data.anno, modified: `${o.data.anno}-06-30` }));
    const catalog = dcatCatalog(content.ente, datasetSpecs(content.ente, items, [2021, 2020]));
    expect(catalog['dcat:dataset'].map((d) => d['dct:identifier'])).toEqual([
      'peg.comune.esempio.it:obiettivi-peg',
      'peg.comune.esempio.it:obiettivi-peg-2021',
      'peg.comune.esempio.it:obiettivi-peg-2020',
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
        expect(distribution['dct:format']['@id']).toMatch(/file-type\/(CSV|JSON)$/);
        expect(distribution['dct:license']['@id']).toBe('https://creativecommons.org/licenses/by/4.0/');
        expect(distribution['dcat:downloadURL']['@id']).toMatch(/^https:\/\/peg\.comune\.esempio\.it\/opendata\//);
      }
    }
    expect(catalog['dcat:dataset'][1]!['dct:modified']).toEqual({ '@value': '2021-06-30', '@type': 'xsd:date' });
  });
});
