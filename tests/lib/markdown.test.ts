import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/view/markdown';
import { isSafeUrl } from '../../src/schemas/url-policy';

describe('renderMarkdown', () => {
  it('renders paragraphs, lists and emphasis', () => {
    expect(renderMarkdown('Comprende:\n\n- una *cosa*\n- un’altra')).toMatchInlineSnapshot(`
      "<p>Comprende:</p>
      <ul>
      <li>una <em>cosa</em></li>
      <li>un’altra</li>
      </ul>"
    `);
  });

  it('shows raw HTML as text instead of rendering it', () => {
    const html = renderMarkdown('Testo <b>grassetto</b>\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<(b|script|img)[\s>]/);
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(html).toContain('&#x3C;b>grassetto&#x3C;/b>');
    expect(html).toContain('<p>&#x3C;img src=x onerror=alert(1)></p>');
  });

  it('drops link and image targets that could run code, keeps safe ones', () => {
    const html = renderMarkdown(
      '[a](javascript:alert(1)) [b](JavaScript:alert(1)) [c](data:text/html,x) ![d](data:image/svg+xml,x) [e](https://example.org/) [f](/opendata/) [g](#I01) [h](mailto:a@b.it)',
    );
    expect(html).toMatchInlineSnapshot(
      `"<p><a>a</a> <a>b</a> <a>c</a> <img alt="d"> <a href="https://example.org/">e</a> <a href="/opendata/">f</a> <a href="#I01">g</a> <a href="mailto:a@b.it">h</a></p>"`,
    );
  });

  it('turns images from other hosts into links, keeping images of the site', () => {
    expect(
      renderMarkdown('![grafico](https://evil.example/p.png) ![](//evil.example/q.png) ![logo](/logo.svg)'),
    ).toMatchInlineSnapshot(
      `"<p><a href="https://evil.example/p.png">grafico</a> <a href="//evil.example/q.png">//evil.example/q.png</a> <img src="/logo.svg" alt="logo"></p>"`,
    );
  });

  it('moves headings down so that the highest is an h2', () => {
    expect(renderMarkdown('# Modalità\n\n## Dettagli')).toBe('<h2>Modalità</h2>\n<h3>Dettagli</h3>');
    expect(renderMarkdown('## Modalità\n\n### Dettagli')).toBe('<h2>Modalità</h2>\n<h3>Dettagli</h3>');
  });

  it('treats relative URLs and http(s)/mailto/tel as safe, any other scheme as unsafe', () => {
    expect(
      ['x/y', '?a=1', 'https://a.it', 'tel:+39', 'vbscript:x', 'java\tscript:x', 'file:///etc'].map(isSafeUrl),
    ).toEqual([true, true, true, true, false, false, false]);
  });
});
