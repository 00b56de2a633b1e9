import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/lib/validate/frontmatter';
import { decode } from '../../src/lib/validate/source';
import { nearest } from '../../src/lib/validate/suggest';
import { findHtml, htmlInData, mayContainHtml } from '../../src/lib/validate/html';
import { load } from 'js-yaml';

describe('reading content files', () => {
  it('accepts UTF-8 with a byte order mark', () => {
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: 'a' });
  });

  it('reports a Latin-1 byte at its line', () => {
    expect(decode(Buffer.from([0x61, 0x0a, 0x62, 0x0a, 0x63, 0xe0]))).toMatchObject({
      finding: { rule: 'file', line: 3 },
    });
  });

  it('treats a file of blank lines as empty', () => {
    expect(decode(Buffer.from('\n  \n'))).toMatchObject({ finding: { message: 'il file è vuoto' } });
  });

  it('splits front matter with Windows line endings and keeps the body line', () => {
    const split = splitFrontMatter('---\r\na: 1\r\n---\r\n\r\n## Titolo\r\n');
    expect(split).toMatchObject({ yamlLine: 2, bodyLine: 4 });
    expect('yaml' in split && split.yaml).toBe('a: 1\r\n');
  });
});

describe('suggestions and HTML detection', () => {
  it('suggests the nearest key only when it is a plausible typo', () => {
    expect(nearest('pes', ['peso', 'avanzamento'])).toBe('peso');
    expect(nearest('fassi', ['fasi', 'indicatori'])).toBe('fasi');
    expect(nearest('valutazione_dirigente', ['peso', 'avanzamento'])).toBeUndefined();
  });

  it('finds tags, comments and javascript: URLs but not autolinks or comparisons', () => {
    expect(findHtml('testo <script>alert(1)</script>')?.snippet).toBe('<script>');
    expect(findHtml('<!-- nota -->')?.snippet).toBe('<!--');
    expect(findHtml('[link](JavaScript :alert(1))')?.snippet).toBe('JavaScript :');
    expect(findHtml('<img src=x onerror=alert(1)>')?.snippet).toBe('<img src=x onerror=alert(1)>');
    expect(findHtml('vedi <https://www.comune.it> o scrivi a <urp@comune.it>')).toBeUndefined();
    expect(findHtml('se a < b e b > c')).toBeUndefined();
  });

  it('still finds HTML spelt with YAML escapes, which the text pre-check cannot see', () => {
    const yaml = 'titolo: "\\u003cscript>alert(1)\\u003c/script>"\n';
    expect(mayContainHtml(yaml)).toBe(true);
    expect(htmlInData(load(yaml)).map((finding) => finding.path)).toEqual([['titolo']]);
    expect(mayContainHtml('titolo: Piano per la città\n')).toBe(false);
  });
});
