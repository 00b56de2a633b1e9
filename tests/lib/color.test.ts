import { describe, expect, it } from 'vitest';
import { contrastRatio, hexToHsb, primarySass } from '../../src/lib/view/color';

describe('primary colour', () => {
  it('converts hex to the HSB triple Bootstrap Italia derives its palette from', () => {
    expect(hexToHsb('#0b5e5b')).toEqual({ h: 178, s: 88, b: 37 });
    expect(hexToHsb('#0066cc')).toEqual({ h: 210, s: 100, b: 80 });
    expect(primarySass('#0b5e5b')).toBe('$primary-h: 178; $primary-s: 88; $primary-b: 37;\n');
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrastRatio('#0b5e5b', '#ffffff')).toBeGreaterThan(7);
  });

  it('refuses a colour that cannot carry white text at AA contrast', () => {
    expect(() => primarySass('#66ccff')).toThrowErrorMatchingInlineSnapshot(
      `[Error: ente.yaml: colore_primario #66ccff ha contrasto 1,80:1 con il bianco, ne serve almeno 4,5:1 (WCAG AA): scegli un colore più scuro]`,
    );
  });
});
