import { describe, expect, it } from 'vitest';
import { cspHash } from '../../../src/lib/outputs/csp/policy';
import { scanInlineCode } from '../../../src/lib/outputs/csp/scan';

const page = (head: string, body = '') =>
  `<!DOCTYPE html><html lang="it"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('scanInlineCode', () => {
  it('finds inline scripts but not external scripts or JSON-LD data blocks', () => {
    const code = scanInlineCode(
      page(
        '<script type="module" src="/_astro/a.js"></script><script type="application/ld+json">{"a":"</"}</script>',
        '<script>alert(1)</script><script type="module">import "/x.js"</script>',
      ),
    );
    expect(code.scripts).toEqual(['alert(1)', 'import "/x.js"']);
  });

  it('does not take a <script> inside a quoted attribute or a comment for a tag', () => {
    const code = scanInlineCode(
      page('', `<p title="a > <script>alert(1)</script>">x</p><!-- <script>b()</script> -->`),
    );
    expect(code.scripts).toEqual([]);
  });

  it('reads a script to its end tag even when the code contains markup', () => {
    expect(scanInlineCode(page('<script>let s = "<p onclick=x>"; f()</SCRIPT>')).scripts).toEqual([
      'let s = "<p onclick=x>"; f()',
    ]);
  });

  it('decodes style attributes and reports event-handler attributes', () => {
    const code = scanInlineCode(page('', '<div style="width: 50%; font-family: &quot;A&quot;" onclick="x()"></div>'));
    expect(code.styleAttributes).toEqual(['width: 50%; font-family: "A"']);
    expect(code.eventHandlers).toEqual(['onclick']);
  });
});

describe('cspHash', () => {
  it('hashes with sha256 in base64 as CSP expects', () => {
    expect(cspHash('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  });
});

describe('scanInlineCode on URLs', () => {
  it('reports URLs that run code, also when the scheme hides behind entities or tabs', () => {
    const code = scanInlineCode(
      page(
        '',
        '<a href="java&#x09;script:alert(1)">a</a><a href="&#106;avascript:x">b</a><iframe src="data:text/html,x"></iframe>' +
          '<img src="data:image/png;base64,AA"><a href="/obiettivi/">ok</a><a href="https://example.it/javascript:x">ok</a>',
      ),
    );
    expect(code.scriptUrls).toEqual([
      'a href="java\tscript:alert(1)"',
      'a href="javascript:x"',
      'iframe src="data:text/html,x"',
    ]);
  });
});
