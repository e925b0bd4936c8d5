import { describe, expect, it } from 'vitest';
import { buddhistYear, fiscalPeriod, fiscalYearOf, thaiDate, thaiGroupedNumber, thaiMonth, thaiNumber } from '../src/format/thai.js';

describe('Thai numbers and dates', () => {
  it('prints Thai digits', () => {
    expect(thaiNumber(2567)).toBe('๒๕๖๗');
    expect(thaiNumber(88.4615)).toBe('๘๘.๔๖');
    expect(thaiNumber(0)).toBe('๐');
    expect(thaiGroupedNumber(7850)).toBe('๗,๘๕๐');
  });

  it('prints dates in the Buddhist era', () => {
    expect(thaiDate('2023-12-29', { era: true })).toBe('๒๙ ธันวาคม พ.ศ. ๒๕๖๖');
    expect(thaiDate('2023-09-26')).toBe('๒๖ กันยายน ๒๕๖๖');
    expect(thaiDate('2024-02-29')).toBe('๒๙ กุมภาพันธ์ ๒๕๖๗');
    expect(buddhistYear('2023-09-26')).toBe(2566);
  });

  it('knows the Thai fiscal year starts in October', () => {
    expect(fiscalYearOf('2023-09-30')).toBe(2566);
    expect(fiscalYearOf('2023-10-01')).toBe(2567);
    expect(fiscalPeriod(2567, 2569)).toBe('ตุลาคม ๒๕๖๖ – กันยายน ๒๕๖๙');
    expect(thaiMonth(4)).toBe('เมษายน');
  });

  it('gives the same text from kept results as from ICU, whatever came first', () => {
    // Results are kept by input: -0 and 0, 1 and 1.0, the two date styles must not share an entry.
    expect(thaiNumber(-0)).toBe(new Intl.NumberFormat('th-TH-u-nu-thai').format(-0));
    expect(thaiNumber(0)).toBe('๐');
    expect(thaiNumber(1.0)).toBe('๑');
    expect(thaiNumber(1.005)).toBe('๑.๐๑');
    expect(thaiGroupedNumber(1234.5)).toBe('๑,๒๓๔.๕');
    expect(thaiNumber(1234.5)).toBe('๑๒๓๔.๕');
    expect(thaiDate('2024-01-02')).toBe('๒ มกราคม ๒๕๖๗');
    expect(thaiDate('2024-01-02', { era: true })).toBe('๒ มกราคม พ.ศ. ๒๕๖๗');
    expect(thaiDate('2024-01-02')).toBe('๒ มกราคม ๒๕๖๗');
    expect(() => thaiDate('2024-13-02')).toThrow(RangeError);
  });
});
