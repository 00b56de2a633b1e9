import { describe, expect, it } from 'vitest';
import { trasparenzaTrail } from '../../src/lib/breadcrumb';

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
