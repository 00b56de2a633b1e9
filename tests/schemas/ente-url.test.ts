import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { EnteSchema } from '../../src/schemas/ente';

const ente = load(readFileSync('content/ente.yaml', 'utf8')) as Record<string, unknown>;

describe('EnteSchema links', () => {
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://comune.it/',
  ])('refuses %s as a link of the header and footer', (value) => {
    const result = EnteSchema.safeParse({ ...ente, amministrazione_trasparente: value });
    expect(result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'amministrazione_trasparente: scrivi un indirizzo completo, per esempio https://www.comune.esempio.it',
    ]);
  });

  it('accepts the shipped ente.yaml, whose links are https', () => {
    expect(EnteSchema.safeParse(ente).success).toBe(true);
  });
});
