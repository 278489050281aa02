import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  daysBetween,
  formatDateZh,
  formatYearMonthZh,
  fullYearsBetween,
  parseDateInput,
  parseYearMonth,
} from '../../../shared/rules/civil-date';
import { expectFail, expectOk } from './expect-result';

describe('parseDateInput', () => {
  it.each([
    ['20261122', '2026-11-22'],
    ['2026-11-22', '2026-11-22'],
    ['2026/11/22', '2026-11-22'],
    ['2026.11.22', '2026-11-22'],
    ['2026年11月22日', '2026-11-22'],
    ['2026年1月5日', '2026-01-05'],
    ['2026年1月5号', '2026-01-05'],
    ['2026-1-5', '2026-01-05'],
    ['２０２６年１１月２２日', '2026-11-22'], // full-width digits
    ['２０２６－１１－２２', '2026-11-22'], // full-width hyphen
    ['２０２６／１１／２２', '2026-11-22'],
    ['2026。11。22', '2026-11-22'], // IME full stop
    ['  2026年 11月 22日 ', '2026-11-22'],
    ['2024-02-29', '2024-02-29'], // leap year
    ['2000-02-29', '2000-02-29'], // divisible by 400
  ])('accepts %j as %s', (raw, expected) => {
    expect(expectOk(parseDateInput(raw))).toBe(expected);
  });

  it.each([
    ['2023-02-29', 'date.invalid', '2023年2月只有28天'],
    ['1900-02-29', 'date.invalid', '1900年2月只有28天'], // century, not divisible by 400
    ['2026-04-31', 'date.invalid', '只有30天'],
    ['2026-13-01', 'date.invalid', '月份'],
    ['2026-00-10', 'date.invalid', '月份'],
    ['2026-01-00', 'date.invalid', '没有0日'],
    ['', 'date.empty', '请填写'],
    ['   ', 'date.empty', '请填写'],
    ['26/11/22', 'date.format', '无法识别'],
    ['2026-11/22', 'date.format', '无法识别'], // mixed separators
    ['2026年11月', 'date.format', '无法识别'],
    ['明天', 'date.format', '无法识别'],
    ['0226-11-22', 'date.out-of-range', '年份'],
    ['2226-11-22', 'date.out-of-range', '年份'],
  ])('rejects %j with %s', (raw, code, fragment) => {
    expect(expectFail(parseDateInput(raw), code)).toContain(fragment);
  });

  it('never throws on non-string input', () => {
    expectFail(parseDateInput(undefined as unknown as string), 'date.empty');
    expectFail(parseDateInput(20261122 as unknown as string), 'date.empty');
  });
});

describe('formatDateZh', () => {
  it.each([
    ['2026-11-22', '2026年11月22日'],
    ['2026-01-05', '2026年01月05日'],
    ['not a date', 'not a date'], // a formatter never breaks a printout
    ['2023-02-29', '2023-02-29'],
  ])('%s → %s', (iso, zh) => {
    expect(formatDateZh(iso)).toBe(zh);
  });
});

describe('parseYearMonth (002 附件4 四、7: 时间格式统一填××××年××月)', () => {
  it.each([
    ['2019年09月', '2019-09'],
    ['2019年9月', '2019-09'],
    ['2019-09', '2019-09'],
    ['201909', '2019-09'],
    ['2019.9', '2019-09'],
    ['2019/12', '2019-12'],
    ['２００６年１２月', '2006-12'],
  ])('accepts %j as %s', (raw, expected) => {
    expect(expectOk(parseYearMonth(raw))).toBe(expected);
  });

  it.each([
    ['2019年13月', 'year-month.invalid'],
    ['201900', 'year-month.invalid'],
    ['2019年9', 'year-month.format'],
    ['19年9月', 'year-month.format'],
    ['', 'year-month.empty'],
    ['1800-01', 'date.out-of-range'],
  ])('rejects %j with %s', (raw, code) => {
    expectFail(parseYearMonth(raw), code);
  });
});

describe('formatYearMonthZh (002 附件4 四、7: 如2006年12月)', () => {
  it.each([
    ['2019-09', '2019年09月'],
    ['2006-12', '2006年12月'],
    ['2019-13', '2019-13'],
    ['201909', '201909'],
  ])('%s → %s', (ym, zh) => {
    expect(formatYearMonthZh(ym)).toBe(zh);
  });
});

describe('fullYearsBetween (002 附件4 四、8: 专业工作年限须填写实足年限，计算到2019年12月31日)', () => {
  it.each([
    ['2009-12-31', '2019-12-31', 10],
    ['2010-01-01', '2019-12-31', 9],
    ['2019-12-31', '2019-12-31', 0],
    ['2009-06-15', '2019-06-14', 9],
    ['2009-06-15', '2019-06-15', 10],
    // Leap-day convention: a 29 Feb anniversary falls on 28 Feb in non-leap years.
    ['2020-02-29', '2021-02-27', 0],
    ['2020-02-29', '2021-02-28', 1],
    ['2020-02-29', '2024-02-28', 3],
    ['2020-02-29', '2024-02-29', 4],
  ])('%s → %s = %i full years', (from, to, years) => {
    expect(expectOk(fullYearsBetween(from, to))).toBe(years);
  });

  it('rejects a start after the end instead of returning a negative count', () => {
    expectFail(fullYearsBetween('2020-01-02', '2020-01-01'), 'date.order');
  });

  it('rejects non-canonical stored dates', () => {
    expectFail(fullYearsBetween('2019/12/31', '2020-01-01'), 'date.format');
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['addYears', addYears('2024-02-29', 1), '2025-02-28'], // leap day clamps
    ['addYears', addYears('2024-02-29', 4), '2028-02-29'],
    ['addYears', addYears('2022-03-15', 4), '2026-03-15'],
    ['addMonths', addMonths('2026-08-31', -6), '2026-02-28'], // month-end clamp
    ['addMonths', addMonths('2024-08-31', -6), '2024-02-29'], // leap year
    ['addMonths', addMonths('2026-01-31', 1), '2026-02-28'],
    ['addMonths', addMonths('2026-03-31', -1), '2026-02-28'],
    ['addMonths', addMonths('2026-05-31', 1), '2026-06-30'],
    ['addDays', addDays('2026-02-28', 1), '2026-03-01'],
    ['addDays', addDays('2024-02-28', 1), '2024-02-29'],
    ['addDays', addDays('2026-01-01', -1), '2025-12-31'],
  ])('%s → %s', (_name, result, expected) => {
    expect(expectOk(result)).toBe(expected);
  });

  it.each([
    ['non-integer', addDays('2026-01-01', 1.5), 'date.not-integer'],
    ['NaN', addMonths('2026-01-01', Number.NaN), 'date.not-integer'],
    ['beyond year 9999', addYears('2026-01-01', 10_000), 'date.out-of-range'],
    ['beyond Temporal range', addDays('2026-01-01', 9_000_000_000), 'date.out-of-range'],
    ['bad date', addDays('2026-02-30', 1), 'date.invalid'],
  ])('%s is an error, not a throw', (_name, result, code) => {
    expectFail(result, code);
  });

  it.each([
    ['2026-01-01', '2026-01-02', -1],
    ['2026-01-02', '2026-01-01', 1],
    ['2026-01-01', '2026-01-01', 0],
    ['2025-12-31', '2026-01-01', -1],
  ] as const)('compareDates(%s, %s) = %i', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });

  it.each([
    ['2026-01-01', '2026-01-01', 0],
    ['2026-01-01', '2026-03-01', 59],
    ['2024-01-01', '2024-03-01', 60],
    ['2026-03-01', '2026-01-01', -59],
    ['2024-01-01', '2025-01-01', 366],
  ])('daysBetween(%s, %s) = %i', (from, to, days) => {
    expect(expectOk(daysBetween(from, to))).toBe(days);
  });
});
