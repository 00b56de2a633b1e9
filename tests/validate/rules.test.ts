import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lib/validate/rules';
import { validateContent } from '../../src/lib/validate/validate-content';
import { fixture, fixtureNames } from '../support/fixtures';

describe('rule catalogue', () => {
  it('has a fixture that triggers every rule', async () => {
    const seen = new Set<string>();
    for (const name of fixtureNames()) {
      for (const problem of (await validateContent((await fixture(name)).dir)).problems) seen.add(problem.rule);
    }
    expect(Object.keys(RULES).filter((rule) => !seen.has(rule))).toEqual([]);
  });

  it('documents every rule in docs/validazione.md', () => {
    const docs = readFileSync('docs/validazione.md', 'utf8');
    const documented = new Set([...docs.matchAll(/^\| `([a-z-]+)` +\|/gm)].map((match) => match[1]));
    expect(Object.keys(RULES).filter((rule) => !documented.has(rule))).toEqual([]);
  });
});
