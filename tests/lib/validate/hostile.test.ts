import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { findHtml } from '../../../src/lib/validate/html';
import { runTsx } from '../../support/run';

const DIR = 'tests/fixtures/content/hostile';
// Every payload of the fixture does one of these if it ever runs. In the body, a Markdown image from
// another host is allowed content (the CSP keeps it from loading), so only script markers count there.
const SCRIPT_MARKER = /__pwned|alert\(1\)|msgbox/;
const MARKER = new RegExp(`${SCRIPT_MARKER.source}|evil\\.example`);

/** List items as the validator names them: by id (I02), else by 1-based position ([3]). The fixture's ids are unique. */
const itemName = (item: unknown, index: number) =>
  item && typeof item === 'object' && 'id' in item && /^[A-Z]\d{2,3}$/.test(String(item.id))
    ? String(item.id)
    : `[${index + 1}]`;

/** What the fixture plants, read independently of the validator: `file field` or `file:line`. */
function plantedPayloads(): string[] {
  const planted: string[] = [];
  const walk = (file: string, value: unknown, path: string[]) => {
    if (typeof value === 'string') {
      if (MARKER.test(value)) planted.push(`${file} ${path.join('.')}`);
    } else if (Array.isArray(value)) {
      value.forEach((child, index) => walk(file, child, [...path, itemName(child, index)]));
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(file, child, [...path, key]);
    }
  };
  for (const name of ['ente.yaml', 'dup.yaml']) walk(`${DIR}/${name}`, load(readFileSync(join(DIR, name), 'utf8')), []);
  for (const name of readdirSync(join(DIR, 'obiettivi/2020')).sort()) {
    const file = `${DIR}/obiettivi/2020/${name}`;
    const [, yaml, body] = readFileSync(file, 'utf8').split(/^---$/m);
    walk(file, load(yaml!), []);
    // The body string starts on the line of the closing ---.
    const bodyStart = yaml!.split('\n').length;
    let inFence = false;
    body!.split('\n').forEach((line, index) => {
      if (line.startsWith('```')) inFence = !inFence;
      // Code is shown as code, by design: only payloads outside it are planted.
      else if (!inFence && SCRIPT_MARKER.test(line.replace(/`[^`]*`/g, '')))
        planted.push(`${file}:${bodyStart + index}`);
    });
  }
  return planted.sort();
}

describe('validator on hostile content', () => {
  it('exits 0 with one [html] warning per hostile field and body line', () => {
    const result = runTsx('scripts/validate.ts', ['--content', DIR]);
    expect(result.status).toBe(0);
    const warnings = result.stdout
      .split('\n')
      .map((line) => /^(\S+?):(\d+):\d+ {2}avviso {2}(?:([\w.[\]]+): )?.*\[html\]$/.exec(line))
      .filter((match) => match !== null)
      .map(([, file, line, field]) => (field ? `${file} ${field}` : `${file}:${line}`))
      .sort();
    expect(warnings).toEqual(plantedPayloads());
    expect(warnings.length).toBe(76);
    // The command starts a Node process with tsx and worker threads: slow on a loaded machine.
  });

  it.each([
    ['&lt;script&gt;x&lt;/script&gt;', '<script>'],
    ['&#x3C;img src=x onerror=y&#x3E;', '<img src=x onerror=y>'],
    ['&#60;svg onload=y&#62;', '<svg onload=y>'],
    ['[x](&#106;avascript:alert(1))', 'javascript:'],
    ['[x](java&#x09;script:alert(1))', 'javascript:'],
    ['[x](vbscript:msgbox(1))', 'vbscript:'],
    ['[x](data:text/html,<b>)', 'data:text/html'],
  ])('finds markup hidden as %s', (text, snippet) => {
    expect(findHtml(text)?.snippet).toBe(snippet);
  });

  it.each(['a < b e c > d', 'Costi &amp; ricavi', '<https://www.comune.it>', 'data: 2020-01-01'])(
    'leaves plain text %s alone',
    (text) => {
      expect(findHtml(text)).toBeUndefined();
    },
  );
});
