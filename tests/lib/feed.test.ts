import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atomFeed } from '../../src/lib/outputs/feed';
import { jsonLdText } from '../../src/lib/view/json-ld';
import { builtPagePaths, sitemapXml } from '../../src/lib/outputs/sitemap';
import { tempDir } from '../support/temp';

describe('atomFeed', () => {
  it('lists entries newest first with escaped text and whole-day UTC timestamps', () => {
    const xml = atomFeed({
      title: 'Obiettivi <aggiornati>',
      self: 'https://peg.example.it/feed.xml',
      home: 'https://peg.example.it/',
      author: 'Comune di Prova',
      entries: [
        {
          title: 'A & B',
          url: 'https://peg.example.it/obiettivi/2020/a01-00/',
          updated: '2021-01-10',
          summary: "l'ente",
        },
        { title: 'C', url: 'https://peg.example.it/obiettivi/2021/c03-01/', updated: '2021-03-01', summary: 'x' },
      ],
    });
    expect(xml).toContain('<title>Obiettivi &lt;aggiornati&gt;</title>');
    expect(xml).toContain('<updated>2021-03-01T00:00:00Z</updated>\n  <author>');
    expect(xml.indexOf('c03-01')).toBeLessThan(xml.indexOf('a01-00'));
    expect(xml).toContain('<title>A &amp; B</title>');
    expect(xml).toContain('<summary>l&apos;ente</summary>');
  });
});

describe('jsonLdText', () => {
  it('escapes < so content cannot close the script element', () => {
    const text = jsonLdText({ name: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>' });
  });
});

describe('sitemap', () => {
  it('lists every built page except 404 and the search index, sorted', () => {
    const dir = tempDir('peg-sitemap-');
    for (const path of ['index.html', '404.html', 'b/index.html', 'a/x/index.html', 'pagefind/x.html', 'a.csv']) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), '');
    }
    expect(builtPagePaths(dir)).toEqual(['/', '/a/x/', '/b/']);
    expect(sitemapXml('https://peg.example.it', ['/', '/a/x/'])).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '  <url><loc>https://peg.example.it/</loc></url>',
        '  <url><loc>https://peg.example.it/a/x/</loc></url>',
        '</urlset>',
        '',
      ].join('\n'),
    );
  });
});
