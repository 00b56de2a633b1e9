import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, ruleLevel } from '../../src/lib/validate/rules';
import { validateContent } from '../../src/lib/validate/validate-content';
import { fixture, fixtureNames } from '../support/fixtures';

describe('rule catalogue', () => {
  it('has a fixture that triggers every rule', async () => {
    const seen = new Set<string>();
    for (const name of fixtureNames()) {
      for (const problem of (await validateContent((await fixture(name)).dir)).problems) seen.add(problem.rule);
    }
    expect(RULES.map((rule) => rule.id).filter((rule) => !seen.has(rule))).toEqual([]);
  });

  it('documents every rule in docs/validazione.md', () => {
    const docs = readFileSync('docs/validazione.md', 'utf8');
    const documented = new Set([...docs.matchAll(/^\| `([a-z-]+)` +\|/gm)].map((match) => match[1]));
    expect(RULES.map((rule) => rule.id).filter((rule) => !documented.has(rule))).toEqual([]);
  });

  it('gives each rule the level docs/validazione.md states, and ruleLevel reads the table', () => {
    const docs = readFileSync('docs/validazione.md', 'utf8');
    const documented = new Map(
      [...docs.matchAll(/^\| `([a-z-]+)` +\| (errore|avviso) +\|/gm)].map((m) => [m[1], m[2]]),
    );
    expect(RULES.filter((rule) => documented.get(rule.id) !== rule.livello).map((rule) => rule.id)).toEqual([]);
    for (const rule of RULES) expect(ruleLevel(rule.id)).toBe(rule.livello);
  });
});
