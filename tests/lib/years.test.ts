import { describe, expect, it } from 'vitest';
import { latestYear } from '../../src/lib/derived/years';

describe('latestYear', () => {
  it('finds the latest PEG year, or null without objectives', () => {
    expect(latestYear([{ data: { anno: 2020 } }, { data: { anno: 2022 } }, { data: { anno: 2021 } }])).toBe(2022);
    expect(latestYear([])).toBeNull();
  });
});
