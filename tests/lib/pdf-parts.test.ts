import { describe, expect, it } from 'vitest';
import { partElements, partHtml } from '../../src/lib/outputs/pdf-parts';

const page = [
  '<!doctype html><html lang="it"><head><title>R</title></head><body><h1>Relazione</h1>',
  '<p hidden data-parte="1">Nota 1</p><p hidden data-parte="2">Nota 2</p>',
  '<section data-parte="1"><h2>Sintesi</h2><script type="application/json">{"a":"</section><article>"}</script></section>',
  '<article data-parte="1"><h3>ALFA</h3><article><p>annidato</p></article><p title="&lt;/article&gt;">x &lt;/article&gt;</p></article>',
  '<article data-parte="2"><h3>BETA</h3></article>',
  '<table><tbody><tr data-parte="1"><td>riga ALFA</td></tr><tr data-parte="2"><td>riga BETA</td></tr></tbody></table>',
  '<div data-parte="2"><div><h2>Metodo</h2></div></div><footer>Fine</footer></body></html>',
].join('');

describe('partHtml', () => {
  it('keeps the elements of one part, cuts the others whole, and shows that part’s note', async () => {
    const elements = await partElements(page);
    expect(elements.map((e) => e.parte)).toEqual([1, 2, 1, 1, 2, 1, 2, 2]);
    const first = partHtml(page, elements, 1);
    expect(first).toBe(
      [
        '<!doctype html><html lang="it"><head><title>R</title></head><body><h1>Relazione</h1>',
        '<p  data-parte="1">Nota 1</p>',
        '<section data-parte="1"><h2>Sintesi</h2><script type="application/json">{"a":"</section><article>"}</script></section>',
        '<article data-parte="1"><h3>ALFA</h3><article><p>annidato</p></article><p title="&lt;/article&gt;">x &lt;/article&gt;</p></article>',
        '<table><tbody><tr data-parte="1"><td>riga ALFA</td></tr></tbody></table>',
        '<footer>Fine</footer></body></html>',
      ].join(''),
    );
    const second = partHtml(page, elements, 2);
    expect(second).toBe(
      [
        '<!doctype html><html lang="it"><head><title>R</title></head><body><h1>Relazione</h1>',
        '<p  data-parte="2">Nota 2</p>',
        '<article data-parte="2"><h3>BETA</h3></article>',
        '<table><tbody><tr data-parte="2"><td>riga BETA</td></tr></tbody></table>',
        '<div data-parte="2"><div><h2>Metodo</h2></div></div><footer>Fine</footer></body></html>',
      ].join(''),
    );
  });

  it('leaves a page without parts as it is', async () => {
    const html = '<!doctype html><html><body><article><h3>ALFA</h3></article></body></html>';
    expect(partHtml(html, await partElements(html), 1)).toBe(html);
  });

  it('refuses a part element without its end tag or with a part that is not a number', async () => {
    await expect(partElements('<body><article data-parte="1"><p>x</p></body>')).rejects.toThrow(
      '<article data-parte="1"> non ha il tag di chiusura',
    );
    await expect(partElements('<body><p data-parte="uno">x</p></body>')).rejects.toThrow(
      'data-parte="uno" non è un numero di parte',
    );
  });
});
