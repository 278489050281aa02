/**
 * Civil (calendar) dates as the office handles them: parsing what a clerk types off a paper form,
 * formatting for Chinese documents, and the small arithmetic every other date rule builds on.
 *
 * Storage and the API use 'YYYY-MM-DD' (dates) and 'YYYY-MM' (months). All arithmetic goes
 * through Temporal.PlainDate so month ends and leap days follow one well-defined rule:
 * adding years or months CLAMPS to the end of the month (Aug 31 − 6 months = Feb 28, or Feb 29
 * in a leap year; Feb 29 + 1 year = Feb 28). Every function here that can fail returns a Result.
 */
import { Temporal } from 'temporal-polyfill';
import { fail, ok, type Result } from './result';

/** A calendar date in canonical form, 'YYYY-MM-DD'. */
export type IsoDate = string;
/** A calendar month in canonical form, 'YYYY-MM'. */
export type IsoYearMonth = string;

/**
 * Years accepted from typed input. Not from a rulebook: the bounds catch typos such as
 * 0226-11-22 or 22026-11-22 before they reach a certificate, while covering every plausible
 * birth, diploma and expiry date.
 */
export const INPUT_YEAR_MIN = 1900;
export const INPUT_YEAR_MAX = 2100;

// ---------------------------------------------------------------------------------------------
// Canonical strings <-> Temporal
// ---------------------------------------------------------------------------------------------

/** Builds a date from numeric parts, explaining in Chinese why an impossible date is impossible. */
function plainDateFromParts(year: number, month: number, day: number): Result<Temporal.PlainDate> {
  if (month < 1 || month > 12) {
    return fail('date.invalid', `月份应在1到12之间，没有“${month}月”。请核对日期。`);
  }
  const daysInMonth = Temporal.PlainYearMonth.from({ year, month }).daysInMonth;
  if (day < 1 || day > daysInMonth) {
    return fail('date.invalid', `${year}年${month}月只有${daysInMonth}天，没有${day}日。请核对日期。`);
  }
  return ok(Temporal.PlainDate.from({ year, month, day }));
}

/**
 * Reads a canonical 'YYYY-MM-DD' string (as stored or sent over the API). Stricter than
 * parseDateInput on purpose: stored data must already be canonical, so a looser form here would
 * hide a bug elsewhere.
 */
export function toPlainDate(date: IsoDate): Result<Temporal.PlainDate> {
  if (typeof date !== 'string') {
    return fail('date.format', '日期应为 YYYY-MM-DD 格式的文字，例如 2026-11-22。');
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) {
    return fail('date.format', `日期“${date}”的格式不对，应为 YYYY-MM-DD，例如 2026-11-22。`);
  }
  return plainDateFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Turns a Temporal result back into a canonical string. Arithmetic can leave the four-digit years
 * that 'YYYY-MM-DD' can hold (e.g. adding 10 000 years), which would produce '+012026-…'.
 */
export function fromPlainDate(date: Temporal.PlainDate): Result<IsoDate> {
  if (date.year < 0 || date.year > 9999) {
    return fail('date.out-of-range', `计算结果超出了可表示的日期范围（公元0—9999年）。请检查输入的数字。`);
  }
  return ok(date.toString());
}

/** Runs Temporal arithmetic that throws RangeError on absurd inputs, turning the throw into a Result. */
function attemptDate(compute: () => Temporal.PlainDate): Result<IsoDate> {
  let result: Temporal.PlainDate;
  try {
    result = compute();
  } catch {
    return fail('date.out-of-range', '计算结果超出了可表示的日期范围。请检查输入的数字。');
  }
  return fromPlainDate(result);
}

function checkWholeNumber(n: number, what: string): Result<number> {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    return fail('date.not-integer', `${what}应为整数，收到的是“${String(n)}”。`);
  }
  return ok(n);
}

// ---------------------------------------------------------------------------------------------
// Clerk input
// ---------------------------------------------------------------------------------------------

/**
 * Folds what Chinese IMEs and paper transcription produce into ASCII: full-width digits and
 * punctuation, the ideographic full stop typed for '.', assorted dashes, and stray spaces.
 */
function normalizeInput(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\uFF0D\u2010-\u2015\u2212]/g, '-')
    .replace(/\uFF0F/g, '/')
    .replace(/[\uFF0E\u3002]/g, '.')
    .replace(/[\s\u3000]/g, '');
}

function checkInputYear(year: number): Result<number> {
  if (year < INPUT_YEAR_MIN || year > INPUT_YEAR_MAX) {
    return fail(
      'date.out-of-range',
      `年份${year}超出了可接受的范围（${INPUT_YEAR_MIN}—${INPUT_YEAR_MAX}年），请检查是否输错。`,
    );
  }
  return ok(year);
}

const DATE_INPUT_PATTERNS: readonly RegExp[] = [
  /^(\d{4})(\d{2})(\d{2})$/, // 20261122
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/, // 2026-11-22, 2026/1/5, 2026.11.22 (one separator throughout)
  /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/, // 2026年11月22日
];

/**
 * Parses a date as a clerk types it: 20261122, 2026-11-22, 2026/11/22, 2026.11.22,
 * 2026年11月22日 (also 2026年1月5号), with full-width digits and punctuation accepted.
 * Impossible dates (2023-02-29, 2026-04-31, month 13) are rejected, never rolled over.
 * Two-digit years are rejected: 26/11/22 is ambiguous on paper.
 */
export function parseDateInput(raw: string): Result<IsoDate> {
  if (typeof raw !== 'string' || normalizeInput(raw) === '') {
    return fail('date.empty', '请填写日期。');
  }
  const s = normalizeInput(raw);
  for (const pattern of DATE_INPUT_PATTERNS) {
    const m = pattern.exec(s);
    if (!m) continue;
    // The separator pattern captures the separator itself as group 2.
    const [y, mo, d] = m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
    const year = checkInputYear(Number(y));
    if (!year.ok) return year;
    const date = plainDateFromParts(year.value, Number(mo), Number(d));
    if (!date.ok) return date;
    return fromPlainDate(date.value);
  }
  return fail(
    'date.format',
    `无法识别日期“${raw.trim()}”。可以写成 2026-11-22、2026/11/22、2026.11.22、20261122 或 2026年11月22日。`,
  );
}

const YEAR_MONTH_INPUT_PATTERNS: readonly RegExp[] = [
  /^(\d{4})(\d{2})$/, // 201909
  /^(\d{4})[-/.](\d{1,2})$/, // 2019-09, 2019/9, 2019.9
  /^(\d{4})年(\d{1,2})月$/, // 2019年09月, 2019年9月
];

/**
 * Parses a year-month as written on forms (出生年月, 取得时间, 聘任时间): 2019年09月, 2019年9月,
 * 2019-09, 201909, 2019.9, full-width digits accepted.
 */
export function parseYearMonth(raw: string): Result<IsoYearMonth> {
  if (typeof raw !== 'string' || normalizeInput(raw) === '') {
    return fail('year-month.empty', '请填写年月。');
  }
  const s = normalizeInput(raw);
  for (const pattern of YEAR_MONTH_INPUT_PATTERNS) {
    const m = pattern.exec(s);
    if (!m) continue;
    const year = checkInputYear(Number(m[1]));
    if (!year.ok) return year;
    const month = Number(m[2]);
    if (month < 1 || month > 12) {
      return fail('year-month.invalid', `月份应在1到12之间，没有“${month}月”。请核对年月。`);
    }
    return ok(`${String(year.value).padStart(4, '0')}-${String(month).padStart(2, '0')}`);
  }
  return fail(
    'year-month.format',
    `无法识别年月“${raw.trim()}”。可以写成 2019年09月、2019-09、201909 或 2019.9。`,
  );
}

// ---------------------------------------------------------------------------------------------
// Chinese display
// ---------------------------------------------------------------------------------------------

/**
 * '2026-11-22' → '2026年11月22日'. Month and day are zero-padded so dates line up in registers,
 * matching the ××××年××月 form that 002 requires for months. A string that is not a canonical
 * date is returned unchanged: a formatter must never break a screen or a printout.
 */
export function formatDateZh(date: IsoDate): string {
  const d = toPlainDate(date);
  if (!d.ok) return String(date);
  const [y, m, day] = d.value.toString().split('-');
  return `${y}年${m}月${day}日`;
}

/**
 * '2019-09' → '2019年09月'. 002 附件4 四、7: 花名册上“出生年月”“取得时间”“聘任时间”等栏目统一填
 * ××××年××月（如2006年12月）. Non-canonical input is returned unchanged, as in formatDateZh.
 */
export function formatYearMonthZh(yearMonth: IsoYearMonth): string {
  if (typeof yearMonth !== 'string') return String(yearMonth);
  const m = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return yearMonth;
  return `${m[1]}年${m[2]}月`;
}

// ---------------------------------------------------------------------------------------------
// Arithmetic
// ---------------------------------------------------------------------------------------------

/**
 * 实足年限: completed years from `from` to `to` (both 'YYYY-MM-DD'), as 002 附件4 四、8 requires
 * for 专业工作年限 (计算到2019年12月31日). 2009-12-31 → 2019-12-31 = 10; 2010-01-01 → 2019-12-31 = 9.
 *
 * Leap-day convention: the anniversary of 29 Feb falls on 28 Feb in a non-leap year (the same
 * clamping as addYears), so 2020-02-29 → 2021-02-28 is 1 full year. validity.ts relies on the
 * same convention, so "valid on d" ⇔ "fewer than N full years have passed".
 * `from` after `to` is an error rather than a negative count: it is always a data-entry mistake.
 */
export function fullYearsBetween(from: IsoDate, to: IsoDate): Result<number> {
  const a = toPlainDate(from);
  if (!a.ok) return a;
  const b = toPlainDate(to);
  if (!b.ok) return b;
  if (Temporal.PlainDate.compare(a.value, b.value) > 0) {
    return fail(
      'date.order',
      `起始日期${formatDateZh(from)}晚于截止日期${formatDateZh(to)}，无法计算实足年限。请核对两个日期。`,
    );
  }
  let years = b.value.year - a.value.year;
  if (Temporal.PlainDate.compare(a.value.add({ years }), b.value) > 0) years -= 1;
  return ok(years);
}

/** Adds (or, when negative, subtracts) whole calendar days. */
export function addDays(date: IsoDate, days: number): Result<IsoDate> {
  const d = toPlainDate(date);
  if (!d.ok) return d;
  const n = checkWholeNumber(days, '天数');
  if (!n.ok) return n;
  return attemptDate(() => d.value.add({ days: n.value }));
}

/** Adds whole months, clamping to the month end: 2026-08-31 − 6 months = 2026-02-28; 2024-08-31 − 6 = 2024-02-29. */
export function addMonths(date: IsoDate, months: number): Result<IsoDate> {
  const d = toPlainDate(date);
  if (!d.ok) return d;
  const n = checkWholeNumber(months, '月数');
  if (!n.ok) return n;
  return attemptDate(() => d.value.add({ months: n.value }));
}

/** Adds whole years, clamping 29 Feb to 28 Feb in non-leap years: 2024-02-29 + 1 year = 2025-02-28. */
export function addYears(date: IsoDate, years: number): Result<IsoDate> {
  const d = toPlainDate(date);
  if (!d.ok) return d;
  const n = checkWholeNumber(years, '年数');
  if (!n.ok) return n;
  return attemptDate(() => d.value.add({ years: n.value }));
}

/**
 * Comparator for canonical dates (Array.prototype.sort, min/max): −1, 0 or 1. Canonical
 * 'YYYY-MM-DD' strings order exactly as the dates they name, so this is a plain string
 * comparison and cannot fail; parse clerk input with parseDateInput first.
 */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Calendar days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: IsoDate, to: IsoDate): Result<number> {
  const a = toPlainDate(from);
  if (!a.ok) return a;
  const b = toPlainDate(to);
  if (!b.ok) return b;
  return ok(a.value.until(b.value, { largestUnit: 'days' }).days);
}
