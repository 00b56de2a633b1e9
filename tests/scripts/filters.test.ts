import { describe, expect, it } from 'vitest';
import { countMessages } from '../../src/lib/view/filter-options';
import { countMessage } from '../../src/client/filters';

describe('countMessage', () => {
  it('announces the table size, and how many rows match the filters', () => {
    const messages = countMessages();
    expect([
      countMessage(messages, false, 11, 11),
      countMessage(messages, false, 1, 1),
      countMessage(messages, true, 1, 11),
      countMessage(messages, true, 3, 11),
      countMessage(messages, true, 0, 11),
    ]).toMatchInlineSnapshot(`
      [
        "11 obiettivi",
        "1 obiettivo",
        "1 obiettivo su 11 corrisponde ai filtri",
        "3 obiettivi su 11 corrispondono ai filtri",
        "0 obiettivi su 11 corrispondono ai filtri",
      ]
    `);
  });
});
