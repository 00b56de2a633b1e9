import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load';
import { breadcrumbJsonLd, crumbs, homeCrumbs, trasparenzaTrail } from '../../src/lib/view/breadcrumb';

describe('trasparenzaTrail', () => {
  // The comune's own Performance page (ente.yaml link.performance) is no longer the crumb: this site has one.
  const ente = { amministrazione_trasparente: 'https://www.comune.esempio.it/at' };

  it('starts every breadcrumb with the ANAC section names, Performance being this site’s section', () => {
    expect(trasparenzaTrail(ente)).toMatchInlineSnapshot(`
      [
        {
          "href": "/",
          "label": "Home",
        },
        {
          "href": "https://www.comune.esempio.it/at",
          "label": "Amministrazione trasparente",
        },
        {
          "href": "/performance/",
          "label": "Performance",
        },
      ]
    `);
  });
});

describe('crumbs and homeCrumbs', () => {
  const { ente } = loadContent('tests/fixtures/content/multi-year');

  it('appends a page’s own crumbs to the shared start', () => {
    expect(crumbs(ente, { label: 'Responsabili', href: '/responsabili/' }, { label: 'ROSSI MARIO' })).toEqual([
      ...trasparenzaTrail(ente),
      { label: 'Responsabili', href: '/responsabili/' },
      { label: 'ROSSI MARIO' },
    ]);
  });

  it('places the home page in the ANAC tree, ending at "Piano della Performance" without a link', () => {
    const trail = homeCrumbs(ente);
    expect(trail.map((c) => c.label)).toEqual([
      'Amministrazione trasparente',
      'Performance',
      'Piano della Performance',
    ]);
    expect(trail.at(-1)!.href).toBeUndefined();
  });
});

describe('breadcrumbJsonLd', () => {
  it('numbers the trail from 1 and makes relative links absolute on the site, the last on the current path', () => {
    const json = breadcrumbJsonLd(
      [
        { label: 'Home', href: '/' },
        { label: 'Amministrazione trasparente', href: 'https://www.comune.esempio.it/at' },
        { label: 'Obiettivo' },
      ],
      'https://peg.comune.esempio.it',
      '/obiettivi/2020/a01-00/',
    );
    expect(json['@type']).toBe('BreadcrumbList');
    expect(json.itemListElement.map((item) => [item.position, item.name, item.item])).toEqual([
      [1, 'Home', 'https://peg.comune.esempio.it/'],
      [2, 'Amministrazione trasparente', 'https://www.comune.esempio.it/at'],
      [3, 'Obiettivo', 'https://peg.comune.esempio.it/obiettivi/2020/a01-00/'],
    ]);
  });
});
