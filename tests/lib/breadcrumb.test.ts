import { describe, expect, it } from 'vitest';
import { trasparenzaTrail } from '../../src/lib/breadcrumb';

describe('trasparenzaTrail', () => {
  const ente = {
    amministrazione_trasparente: 'https://www.comune.esempio.it/at',
    link: {
      performance: 'https://www.comune.esempio.it/at/performance',
      note_legali: null,
      privacy: 'https://x.it',
      dichiarazione_accessibilita: 'https://y.it',
    },
  };

  it('starts every breadcrumb with the ANAC section names', () => {
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

  it('links Performance to this site’s own section, whether or not the comune has a page of its own', () => {
    for (const performance of [null, 'https://www.comune.esempio.it/at/performance'])
      expect(trasparenzaTrail({ ...ente, link: { ...ente.link, performance } }).at(-1)).toEqual({
        label: 'Performance',
        href: '/performance/',
      });
  });
});
