import { describe, expect, it } from 'vitest';
import { trasparenzaTrail } from '../../src/lib/view/breadcrumb';

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

  it('starts every breadcrumb with the ANAC section names linked to the comune’s site', () => {
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
          "href": "https://www.comune.esempio.it/at/performance",
          "label": "Performance",
        },
      ]
    `);
  });

  it('leaves Performance out when the comune has no such page', () => {
    expect(trasparenzaTrail({ ...ente, link: { ...ente.link, performance: null } }).map((c) => c.label)).toEqual([
      'Home',
      'Amministrazione trasparente',
    ]);
  });
});
