import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateShort,
  formatNumber,
  formatPercent,
  formatRatio,
  formatSigned,
} from '../../src/lib/view/format';

describe('format', () => {
  it('writes numbers the Italian way, grouping thousands even with four digits', () => {
    expect([
      formatNumber(6000),
      formatNumber(6670),
      formatNumber(40000),
      formatNumber(2.5),
      formatNumber(12.345),
    ]).toEqual(['6.000', '6.670', '40.000', '2,5', '12,35']);
  });

  it('writes ratios and percentages with the percent sign attached', () => {
    expect([formatRatio(1.112), formatRatio(0), formatRatio(12.5), formatPercent(62.5), formatPercent(100)]).toEqual([
      '111%',
      '0%',
      '1.250%',
      '62,5%',
      '100%',
    ]);
  });

  it('writes differences with their sign', () => {
    expect([formatSigned(670), formatSigned(-418), formatSigned(0), formatSigned(1500.5)]).toEqual([
      '+670',
      '-418',
      '0',
      '+1.500,5',
    ]);
  });

  it('writes ISO dates in Italian without shifting the day in any time zone', () => {
    expect([formatDate('2020-12-31'), formatDate('2020-01-01'), formatDateShort('2020-02-01')]).toEqual([
      '31 dicembre 2020',
      '1 gennaio 2020',
      '01/02/2020',
    ]);
  });
});
