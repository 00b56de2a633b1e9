import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load';
import { slugFromCodice } from '../../src/lib/derived/slugs';
import { buildIndexes } from '../../src/lib/derived/indexes';
import { slugify } from '../../src/lib/derived/slugs';
import { centroUrl, personaUrl } from '../../src/lib/routes';

const content = loadContent('tests/fixtures/content/multi-year');
const items = content.obiettivi.map((o) => ({
  ...o,
  url: `/obiettivi/${o.data.anno}/${slugFromCodice(o.data.codice)}/`,
}));
const indexes = buildIndexes(items, content.dup);
const codici = (list: readonly { data: { codice: string } }[]) => list.map((o) => o.data.codice);

describe('slugify', () => {
  it('makes ASCII kebab-case slugs without accents or punctuation', () => {
    expect(slugify("UNITA' ORGANIZZATIVA: Città  e Verde")).toBe('unita-organizzativa-citta-e-verde');
    expect(slugify('  CARUSO GIANLUCA ')).toBe('caruso-gianluca');
  });
});

describe('buildIndexes', () => {
  it('lists the years newest first and the objectives of each year by code', () => {
    expect(indexes.anni).toEqual([2021, 2020]);
    expect(codici(indexes.perAnno.get(2020)!)).toEqual(['2020_A01_00', '2020_B02_00']);
    expect(codici(indexes.perAnno.get(2021)!)).toEqual(['2021_A01_00', '2021_C03_01']);
  });

  it('groups objectives by centro di responsabilità across years', () => {
    expect(indexes.centri.map((c) => [c.label, c.slug, codici(c.obiettivi)])).toEqual([
      ['AREA COORDINAMENTO STRATEGICO', 'area-coordinamento-strategico', ['2020_A01_00', '2021_A01_00']],
      ['SETTORE AMBIENTE E VERDE', 'settore-ambiente-e-verde', ['2021_C03_01']],
      ['SETTORE GOVERNO DEL TERRITORIO', 'settore-governo-del-territorio', ['2020_B02_00']],
    ]);
  });

  it('groups people case-insensitively and labels them in upper case', () => {
    const caruso = indexes.persone.find((p) => p.slug === 'caruso-gianluca')!;
    expect(caruso.label).toBe('CARUSO GIANLUCA');
    expect(codici(caruso.obiettivi)).toEqual(['2020_A01_00', '2021_A01_00']);
    const bianchi = indexes.persone.find((p) => p.slug === 'bianchi-luca')!;
    expect(bianchi.label).toBe('BIANCHI LUCA');
    expect(indexes.persone.map((p) => p.slug)).toEqual(['bianchi-luca', 'caruso-gianluca', 'rossi-maria']);
  });

  it('shows a person the fasi they own in objectives of other people', () => {
    const caruso = indexes.personaPerSlug.get('caruso-gianluca')!;
    expect(caruso.fasiAltrui.map((e) => [e.obiettivo.data.codice, e.fasi])).toEqual([['2020_B02_00', ['F02']]]);
    const rossi = indexes.personaPerSlug.get('rossi-maria')!;
    expect(codici(rossi.obiettivi)).toEqual(['2020_B02_00']);
    expect(rossi.fasiAltrui.map((e) => [e.obiettivo.data.codice, e.fasi])).toEqual([['2021_C03_01', ['F02']]]);
  });

  it('builds the DUP tree with the objectives under every level', () => {
    expect(indexes.dup.map((m) => [m.codice, m.figli.map((mi) => mi.codice)])).toEqual([
      ['DUP_10', ['DUP_10_0101']],
      ['DUP_20', ['DUP_20_0901']],
    ]);
    expect(codici(indexes.dupPerCodice.get('DUP_10')!.obiettivi)).toEqual([
      '2020_A01_00',
      '2020_B02_00',
      '2021_A01_00',
    ]);
    expect(codici(indexes.dupPerCodice.get('DUP_10_0101_1104')!.obiettivi)).toEqual(['2020_B02_00']);
    const programma = indexes.dupPerCodice.get('DUP_20_0901_0902')!;
    expect(programma.livello).toBe('programma');
    expect(programma.antenati.map((a) => a.codice)).toEqual(['DUP_20', 'DUP_20_0901']);
  });

  it('links offices and people to the slug of their index entry', () => {
    expect(centroUrl('Settore ambiente e verde ')).toBe('/centri-di-responsabilita/settore-ambiente-e-verde/');
    expect(personaUrl('caruso  gianluca')).toBe('/responsabili/caruso-gianluca/');
  });
});
