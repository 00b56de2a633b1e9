import { readFileSync } from 'node:fs';
import { remark } from 'remark';
import { describe, expect, it } from 'vitest';
import remarkConfig from '../../.remarkrc.mjs';

const source = readFileSync('tests/fixtures/content/editor/obiettivi/2020/a01-00.md', 'utf8');

/** Lints a file exactly as VS Code's remark extension does with the repository's .remarkrc.mjs. */
async function lint(text: string, path = 'content/obiettivi/2020/a01-00.md') {
  const file = await remark().use(remarkConfig).process({ path, value: text });
  return file.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'errore' : 'avviso'} ${m.reason}`);
}

/** The fixture with one line replaced; returns the text and the 1-based line number. */
function change(from: string, to: string): [string, number] {
  const lines = source.split('\n');
  const index = lines.findIndex((l) => l.trim() === from);
  if (index < 0) throw new Error(`test: line "${from}" not in the fixture`);
  lines[index] = lines[index]!.replace(from, to);
  return [lines.join('\n'), index + 1];
}

describe('front-matter checks in VS Code (.remarkrc.mjs)', () => {
  it('accepts a valid objective', async () => {
    expect(await lint(source)).toEqual([]);
  });

  it('points at the line of a wrong value, with an Italian message', async () => {
    const [text, line] = change('direzione: binario', 'direzione: si/no');
    const messages = await lint(text);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.startsWith(`${line}:`)).toBe(true);
    expect(messages[0]).toMatchInlineSnapshot(
      `"90:16 errore indicatori.2.direzione: scrivi uno tra: crescente, decrescente, binario"`,
    );
  });

  it('uses the Italian message of the schema for dates and codes', async () => {
    const [date, dateLine] = change('fine_prevista: 2020-12-31', 'fine_prevista: 31/12/2020');
    const [code, codeLine] = change('- id: F02', '- id: fase2');
    expect([...(await lint(date)), ...(await lint(code))]).toEqual([
      `${dateLine}:20 errore fasi.0.fine_prevista: scrivi la data nel formato AAAA-MM-GG (per esempio 2020-12-31)`,
      `${codeLine}:9 errore fasi.1.id: scrivi F seguito da due o tre cifre (per esempio F01)`,
    ]);
  });

  it('names a misspelt key on its own line and a missing key', async () => {
    const [text, line] = change('responsabile: CARUSO GIANLUCA', 'responsabil: CARUSO GIANLUCA');
    // The missing key is reported where the front matter starts (line 2, after the opening ---).
    expect(await lint(text)).toEqual([
      '2:1 errore manca la chiave obbligatoria responsabile',
      `${line}:1 errore chiave sconosciuta «responsabil»: controlla come è scritta`,
    ]);
  });

  it('leaves Markdown files outside content/obiettivi alone', async () => {
    expect(await lint('---\ntitle: x\n---\n# README\n', 'README.md')).toEqual([]);
  });
});
