import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { htmlInBody } from '../../src/lib/validate/html';
import { renderMarkdown } from '../../src/lib/view/markdown';
import { EnteSchema } from '../../src/schemas/ente';
import { isSafeUrl, WEB_SCHEMES } from '../../src/schemas/url-policy';

const TARGETS = [
  'https://www.comune.it/pagina',
  'http://www.comune.it/',
  'mailto:urp@comune.it',
  'tel:+390266023',
  '/obiettivi/2020/',
  '#F01',
  'ftp://files.comune.it/peg.pdf',
  'file:///C:/Documenti/peg.pdf',
  'javascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,x',
];

describe('one link-scheme policy for the page, the validator and ente.yaml', () => {
  it.each(TARGETS)('the page keeps %s exactly when the validator is silent about it', (target) => {
    const html = renderMarkdown(`[collegamento](${target})`);
    const kept = /<a href="[^"]+"/.test(html);
    const warned = htmlInBody(`[collegamento](${target})`, 10).length > 0;
    expect({ kept, warned }).toEqual({ kept: !warned, warned: !kept });
  });

  it('warns about a scheme hidden by an entity, which the page encodes into a harmless relative path', () => {
    expect(renderMarkdown('[x](java&#x09;script:alert(1))')).toBe('<p><a href="java%09script:alert(1)">x</a></p>');
    expect(htmlInBody('[x](java&#x09;script:alert(1))', 1).map((f) => f.message)).toEqual([
      'contiene un indirizzo javascript:, non ammesso: usa un indirizzo https://',
    ]);
  });

  it('keeps relative links and http, https, mailto, tel; drops every other scheme', () => {
    expect(TARGETS.filter(isSafeUrl)).toEqual(TARGETS.slice(0, 6));
    expect(isSafeUrl('java\tscript:alert(1)')).toBe(false);
  });

  it('names the dropped scheme and the fix at the link’s line and column', () => {
    expect(htmlInBody('Testo\nvedi [il PEG](ftp://files.comune.it/peg.pdf) qui', 7)).toEqual([
      {
        rule: 'html',
        line: 8,
        col: 15,
        message: 'contiene un indirizzo ftp:, non ammesso: usa un indirizzo https://',
      },
    ]);
  });

  it('accepts in ente.yaml only the web schemes of the policy', () => {
    const ente = load(readFileSync('content/ente.yaml', 'utf8')) as Record<string, unknown>;
    const accepted = TARGETS.filter(
      (target) => EnteSchema.safeParse({ ...ente, amministrazione_trasparente: target }).success,
    );
    expect(accepted.map((target) => new URL(target).protocol).sort()).toEqual(
      WEB_SCHEMES.map((scheme) => `${scheme}:`).sort(),
    );
  });
});
