import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load';
import type { FileHistory, HistoryIndex } from '../../src/lib/derived/git/history';
import { objectiveUrl } from '../../src/lib/routes';
import { objectiveRouteData } from '../../src/lib/view/objective';

const content = loadContent('tests/fixtures/content/multi-year');
const entry = content.obiettivi.find((o) => o.data.codice === '2020_B02_00')!;
const page = {
  data: entry.data,
  body: entry.body,
  filePath: `content/${entry.file}`,
  url: objectiveUrl(entry.data),
};
const history = (lastChange: string | null): HistoryIndex => ({
  status: 'disponibile' as HistoryIndex['status'],
  get: () => ({ giorni: [] }) as unknown as FileHistory,
  lastChange: () => lastChange,
});
const route = (lastChange: string | null, ente = content.ente) =>
  objectiveRouteData(page, {
    ente,
    dup: content.dup,
    site: 'https://peg.comune.esempio.it',
    history: history(lastChange),
  });

describe('objectiveRouteData', () => {
  it('computes the header once: the figure, its coverage, how and the indicators line', () => {
    const { header } = route(null);
    // F01 (peso 50) at 100, F02 (peso 50) without avanzamento: 100% on half the weight.
    expect(header.avanzamento.figure).toBe('100%');
    expect(header.coverage).toBe('sul 50% del peso; 1 fase senza dato');
    expect(header.indicatorsLine).toBe('0 su 2 indicatori raggiunti');
    expect(header.dupChain.map((level) => level.livello)).toEqual(['mandato', 'missione', 'programma']);
  });

  it('builds the addresses from routes and the page URL on the site', () => {
    const data = route(null);
    expect(data.path).toBe('/obiettivi/2020/b02-00/');
    expect(data.pageUrl).toBe('https://peg.comune.esempio.it/obiettivi/2020/b02-00/');
    expect(data.image).toBe('/obiettivi/2020/b02-00/anteprima.png');
    expect(data.breadcrumb.at(-2)).toEqual({ label: 'Obiettivi PEG 2020', href: '/obiettivi/2020/' });
  });

  it('cites the date of the last data change when git knows it', () => {
    expect(route('2021-03-04').citation).toContain('4 marzo 2021');
    expect(route(null).citation).not.toMatch(/\d{4}-\d{2}-\d{2}|marzo/);
    expect(route('2021-03-04').updated).toBe('2021-03-04');
  });

  it('lists in the table of contents only the sections on the page', () => {
    const ids = route(null).sections.map((s) => s.id);
    expect(ids).toContain('attuazione');
    expect(ids.includes('soggetti')).toBe(entry.data.soggetti_coinvolti.length > 0);
    expect(
      objectiveRouteData(
        { ...page, body: '  ' },
        { ente: content.ente, dup: content.dup, site: 'https://x.it', history: history(null) },
      ).sections.map((s) => s.id),
    ).not.toContain('attuazione');
  });

  it('links to the file in the comune’s repository only when there is one', () => {
    expect(route(null, { ...content.ente, repository: null }).editUrl).toBeNull();
    const withRepo = route(null, { ...content.ente, repository: { url: 'https://github.com/c/peg', ramo: 'main' } });
    expect(withRepo.editUrl).toBe('https://github.com/c/peg/edit/main/content/obiettivi/2020/b02-00.md');
  });
});
