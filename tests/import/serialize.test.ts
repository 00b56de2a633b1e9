import { describe, expect, it } from 'vitest';
import { toYaml } from '../../src/lib/import/serialize';
import { numberAdvice } from '../../src/lib/validate/italian-number';

describe('toYaml numbers', () => {
  it('writes three decimals with a trailing zero, the form the validator accepts', () => {
    expect(toYaml({ a: 1.234, b: -12.345, c: 40, d: 0.125, e: 12.5 })).toBe(
      'a: 1.2340\nb: -12.3450\nc: 40\nd: 0.125\ne: 12.5\n',
    );
    for (const token of ['1.2340', '-12.3450', '0.125'])
      expect(numberAdvice(token, { binario: false, indicatore: true }), token).toBeUndefined();
  });
});
