import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import {
  addDays,
  addMonths,
  addYears,
  CANONICAL_DAY_MAX,
  CANONICAL_DAY_MIN,
  compareDates,
  dateFromDayNumber,
  dayNumberOf,
  daysBetween,
  daysFromCivil,
  daysInMonth,
  formatDateZh,
  formatYearMonthZh,
  fullYearsBetween,
  isCanonicalDate,
  isoFromDayNumber,
  parseDateInput,
  parseYearMonth,
  toDayNumber,
  toPlainDate,
  weekdayOfDayNumber,
  yearOfDayNumber,
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
    ['2019-09', '2019年09月'], ['2006-12', '2006年12月'],
    ['2019-13', '2019-13'], ['201909', '201909'], // not a year-month: left as typed
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

// The arithmetic above runs on integer day numbers for canonical dates and falls back to
// Temporal for everything else. These properties pin the day-number path to Temporal.
describe('day numbers agree with Temporal', () => {
  const epoch = Temporal.PlainDate.from('1970-01-01');
  const dayOf = (d: Temporal.PlainDate): number => epoch.until(d, { largestUnit: 'days' }).days;
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');

  /** Any day 1900–2100, with month ends, 29 Feb and 1 March over-represented. */
  const from1900 = Temporal.PlainDate.from('1900-01-01');
  const span = from1900.until(Temporal.PlainDate.from('2100-12-31'), { largestUnit: 'days' }).days;
  const anyDay = fc.integer({ min: 0, max: span }).map((i) => from1900.add({ days: i }));
  const monthEdge = fc
    .record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), back: fc.integer({ min: -1, max: 3 }) })
    .map(({ year, month, back }) => Temporal.PlainDate.from({ year, month, day: 1 }).add({ months: 1 }).subtract({ days: 1 + back }));
  const leapDay = fc.integer({ min: 475, max: 525 }).map((q) => Temporal.PlainDate.from({ year: q * 4, month: 2, day: 29 }));
  const dateArb = fc.oneof(anyDay, monthEdge, leapDay);
  /** Whole years 0000–9999, for the era arithmetic far from today. */
  const wideDay = fc
    .integer({ min: 0, max: Temporal.PlainDate.from('0000-01-01').until(Temporal.PlainDate.from('9999-12-31'), { largestUnit: 'days' }).days })
    .map((i) => Temporal.PlainDate.from('0000-01-01').add({ days: i }));

  it('daysFromCivil / isoFromDayNumber / yearOfDayNumber / weekdayOfDayNumber (property)', () => {
    fc.assert(
      fc.property(fc.oneof(dateArb, wideDay), (d) => {
        const n = daysFromCivil(d.year, d.month, d.day);
        expect(n).toBe(dayOf(d));
        expect(isoFromDayNumber(n)).toBe(d.toString());
        expect(yearOfDayNumber(n)).toBe(d.year);
        expect(weekdayOfDayNumber(n)).toBe(d.dayOfWeek);
        expect(dayNumberOf(d.toString())).toBe(n);
        expect(daysInMonth(d.year, d.month)).toBe(d.daysInMonth);
      }),
      { numRuns: 2000 },
    );
  });

  it('formats years outside 0000–9999 as Temporal does, and refuses them as canonical dates', () => {
    for (const text of ['-000001-12-31', '+010000-01-01', '-000400-02-29']) {
      const d = Temporal.PlainDate.from(text);
      const n = dayOf(d);
      expect(isoFromDayNumber(n)).toBe(text);
      expect(yearOfDayNumber(n)).toBe(d.year);
      expect(weekdayOfDayNumber(n)).toBe(d.dayOfWeek);
      expectFail(dateFromDayNumber(n), 'date.out-of-range');
    }
    expect(expectOk(dateFromDayNumber(CANONICAL_DAY_MIN))).toBe('0000-01-01');
    expect(expectOk(dateFromDayNumber(CANONICAL_DAY_MAX))).toBe('9999-12-31');
  });

  it('accepts exactly the strings toPlainDate accepts (property)', () => {
    const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => pad(v, n));
    const nearlyCanonical = fc
      .tuple(digits(4), digits(2), digits(2), fc.constantFrom('-', '/', '.'))
      .map(([y, m, d, sep]) => (sep === '-' ? `${y}-${m}-${d}` : `${y}${sep}${m}-${d}`));
    const text = fc.oneof(nearlyCanonical, fc.string({ maxLength: 12 }), dateArb.map((d) => d.toString()));
    fc.assert(
      fc.property(text, (s) => {
        const parsed = toPlainDate(s);
        expect(isCanonicalDate(s)).toBe(parsed.ok);
        expect(Number.isNaN(dayNumberOf(s))).toBe(!parsed.ok);
        expect(toDayNumber(s)).toEqual(parsed.ok ? { ok: true, value: dayOf(parsed.value) } : parsed);
      }),
      { numRuns: 3000 },
    );
    for (const bad of [undefined, null, 20261122, '２０２６-11-22', ' 2026-11-22', '2026-11-22\n']) {
      expect(isCanonicalDate(bad)).toBe(false);
    }
  });

  it('addDays, addMonths and addYears clamp month ends and leap days as Temporal does (property)', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -2400, max: 2400 }), (d, n) => {
        const days = n * 17;
        expect(expectOk(addDays(d.toString(), days))).toBe(d.add({ days }).toString());
        expect(expectOk(addMonths(d.toString(), n))).toBe(d.add({ months: n }).toString());
        expect(expectOk(addYears(d.toString(), n % 200))).toBe(d.add({ years: n % 200 }).toString());
      }),
      { numRuns: 3000 },
    );
  });

  it('daysBetween and fullYearsBetween match Temporal (property)', () => {
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        expect(expectOk(daysBetween(a.toString(), b.toString()))).toBe(a.until(b, { largestUnit: 'days' }).days);
        const [from, to] = Temporal.PlainDate.compare(a, b) <= 0 ? [a, b] : [b, a];
        // 实足年限 by Temporal: the largest n whose anniversary (clamped) is not after `to`.
        let years = to.year - from.year;
        if (Temporal.PlainDate.compare(from.add({ years }), to) > 0) years -= 1;
        expect(expectOk(fullYearsBetween(from.toString(), to.toString()))).toBe(years);
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves results outside years 0000–9999 to the checked path, with its errors', () => {
    expectFail(addDays('9999-12-31', 1), 'date.out-of-range');
    expectFail(addDays('0000-01-01', -1), 'date.out-of-range');
    expectFail(addMonths('9999-12-31', 1), 'date.out-of-range');
    expectFail(addMonths('0000-01-31', -1), 'date.out-of-range');
    expectFail(addYears('0000-02-29', -1), 'date.out-of-range');
    expect(expectOk(addYears('0000-02-29', 1))).toBe('0001-02-28');
    expect(expectOk(addMonths('0000-03-31', -1))).toBe('0000-02-29');
    expectFail(addMonths('2026-01-31', 2 ** 53), 'date.not-integer');
    expectFail(addMonths('2026-01-31', Number.MAX_SAFE_INTEGER), 'date.out-of-range');
  });

  // Canonical input takes the short path: the same answers as the general one, and the same limits.
  it.each([
    { kind: 'date', parse: parseDateInput, canonical: '2026-11-22', typed: '2026/11/22' },
    { kind: 'date', parse: parseDateInput, canonical: '1900-01-01', typed: '1900年1月1日' },
    { kind: 'date', parse: parseDateInput, canonical: '2100-12-31', typed: '21001231' },
    { kind: 'year-month', parse: parseYearMonth, canonical: '2019-09', typed: '2019年9月' },
    { kind: 'year-month', parse: parseYearMonth, canonical: '1900-01', typed: '190001' },
    { kind: 'year-month', parse: parseYearMonth, canonical: '2100-12', typed: '2100.12' },
  ])('the $kind $canonical reads the same given canonically or typed as $typed', ({ parse, canonical, typed }) => {
    expect(expectOk(parse(canonical))).toBe(canonical);
    expect(expectOk(parse(typed))).toBe(canonical);
  });

  it('canonical input outside the limits is refused as typed input is', () => {
    expectFail(parseDateInput('1899-12-31'), 'date.out-of-range');
    expectFail(parseDateInput('2101-01-01'), 'date.out-of-range');
    expectFail(parseYearMonth('1899-12'), 'date.out-of-range');
    expectFail(parseYearMonth('2019-13'), 'year-month.invalid');
    expectFail(parseYearMonth('2019-00'), 'year-month.invalid');
  });
});
