import { describe, expect, it } from 'vitest';
import { formatWanYuan, formatYuan, parseYuan, sumFen, toFen, type Fen } from '../../../shared/rules/money';
import { expectFail } from './expect-result';

const fen = (value: number): Fen => {
  const result = toFen(value);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('parseYuan: amounts as clerks type them from paper forms', () => {
  it.each([
    ['0.1', 10],
    ['0.10', 10],
    ['0', 0],
    ['12', 1200],
    ['12,345.67', 1_234_567],
    ['1,234,567', 123_456_700],
    ['１２３.４', 12_340],
    ['１２，３４５．６７', 1_234_567],
    ['  12.5 ', 1250],
    ['¥1,000', 100_000],
    ['￥88.8', 8880],
    ['500元', 50_000],
    ['+7', 700],
    ['-0', 0],
    // 001 （二）3.: thresholds and contract values are written in 万元
    ['1.2万', 1_200_000], // 12,000 元
    ['3000万元', 3_000_000_000],
    ['0.000001万', 1],
    ['1.234567万元', 1_234_567],
    [12.34, 1234],
  ])('%j → %i 分', (raw, expected) => {
    expect(parseYuan(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'money.empty'],
    ['   ', 'money.empty'],
    [null, 'money.empty'],
    [undefined, 'money.empty'],
    ['0.001', 'money.decimals'],
    ['1.234', 'money.decimals'],
    ['1.0000001万', 'money.decimals'],
    ['-5', 'money.negative'],
    ['−5', 'money.negative'],
    ['abc', 'money.invalid'],
    ['1,23', 'money.invalid'],
    ['12,3456', 'money.invalid'],
    ['1.', 'money.invalid'],
    ['.5', 'money.invalid'],
    ['1.2.3', 'money.invalid'],
    ['1e5', 'money.invalid'],
    ['五百', 'money.invalid'],
    ['12美元', 'money.invalid'],
    ['99999999999999999', 'money.tooLarge'],
  ])('%j is refused with %s', (raw, code) => {
    const result = parseYuan(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it.each([
    ['-5', -500],
    ['-1,234.5', -123_450],
    ['-0.3万', -300_000],
  ])('with allowNegative, %j → %i 分', (raw, expected) => {
    expect(parseYuan(raw, { allowNegative: true })).toEqual({ ok: true, value: expected });
  });
});

describe('sumFen', () => {
  it('0.10 + 0.20 元 = 0.30 元 exactly (no float drift)', () => {
    const a = parseYuan('0.10');
    const b = parseYuan('0.20');
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    const total = sumFen(a.value, b.value);
    expect(total).toEqual({ ok: true, value: 30 });
    if (total.ok) expect(formatYuan(total.value)).toBe('0.30');
  });

  it.each([
    [[], 0],
    [[1, 2, 3], 6],
    [[Number.MAX_SAFE_INTEGER - 1, 1], Number.MAX_SAFE_INTEGER],
  ])('sum of %j = %i', (values, expected) => {
    expect(sumFen(...values.map(fen))).toEqual({ ok: true, value: expected });
  });

  it.each([
    [[Number.MAX_SAFE_INTEGER, 1], 'money.overflow'],
    [[-Number.MAX_SAFE_INTEGER, -1], 'money.overflow'],
    [[0.5], 'money.notFen'],
    [[Number.NaN], 'money.notFen'],
  ])('%j is refused with %s', (values, code) => {
    expectFail(sumFen(...(values as Fen[])), code);
  });
});

describe('formatYuan / formatWanYuan', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [30, '0.30'],
    [1_234_567, '12,345.67'],
    [100_000_000, '1,000,000.00'],
    [-1_234_567, '-12,345.67'],
  ])('formatYuan(%i) = %s', (value, expected) => {
    expect(formatYuan(fen(value))).toBe(expected);
  });

  it('formatYuan shows an invalid amount as a dash, never as a number', () => {
    expect(formatYuan(0.5 as Fen)).toBe('—');
  });

  it.each([
    [3_000_000_000, undefined, '3,000'],
    [1_234_567_800, undefined, '1,234.5678'],
    [1, undefined, '0.000001'],
    [0, undefined, '0'],
    [-500_000, undefined, '-0.5'],
    [1_234_567_800, 2, '1,234.57'],
    [1_234_564_999, 2, '1,234.56'],
    [1_234_565_000, 2, '1,234.57'],
    [999_999_999, 0, '1,000'],
    [-4_000, 2, '0.00'],
    [3_000_000_000, 6, '3,000.000000'],
  ])('formatWanYuan(%i, %s decimals) = %s', (value, decimals, expected) => {
    expect(formatWanYuan(fen(value), decimals === undefined ? {} : { decimals })).toBe(expected);
  });
});
