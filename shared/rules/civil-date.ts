/**
 * Civil (calendar) dates as the office handles them: parsing what a clerk types off a paper form,
 * formatting for Chinese documents, and the small arithmetic every other date rule builds on.
 *
 * Storage and the API use 'YYYY-MM-DD' (dates) and 'YYYY-MM' (months). Month ends and leap days
 * follow Temporal.PlainDate's one well-defined rule: adding years or months CLAMPS to the end of
 * the month (Aug 31 − 6 months = Feb 28, or Feb 29 in a leap year; Feb 29 + 1 year = Feb 28).
 * Every function here that can fail returns a Result.
 *
 * The engine evaluates whole queues at once (the bound: 100 000 applications in under 2 s), and
 * a Temporal object per step made date arithmetic most of that time. So canonical strings, which
 * are the common case and already validated by their shape, are worked on as integer day
 * numbers (days since 1970-01-01 in the proleptic Gregorian calendar, the ISO calendar Temporal
 * uses). Anything else — a malformed string, a result outside years 0000–9999, a non-integer
 * count — takes the Temporal path, so every error keeps its exact code and message. Tests check
 * the two paths agree.
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
// Day numbers
// ---------------------------------------------------------------------------------------------

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in a month of the proleptic Gregorian calendar; `month` is 1–12. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Day number (days since 1970-01-01) of a proleptic Gregorian date. Howard Hinnant's
 * days_from_civil (https://howardhinnant.github.io/date_algorithms.html, public domain): counting
 * years from March puts the leap day last, so a 400-year era has a closed form.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Hinnant's civil_from_days, the inverse of daysFromCivil; only the year. It shares its steps
 * with isoFromDayNumber through functions that return numbers, never an object: both run once
 * per day in working-day loops, where an allocation per call shows up as GC time.
 */
export function yearOfDayNumber(dayNumber: number): number {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = yearOfEraOf(dayOfEra);
  // The March-based year: day 306 onwards is January or February of the next civil year.
  return yearOfEra + era * 400 + (marchDayOf(dayOfEra, yearOfEra) >= 306 ? 1 : 0);
}

/** civil_from_days: the year of the era (0–399) a day of the era (0–146096) falls in. */
function yearOfEraOf(dayOfEra: number): number {
  return Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
}

/** civil_from_days: the day of the March-based year (0 = 1 March) of a day of the era, in its year of the era. */
function marchDayOf(dayOfEra: number, yearOfEra: number): number {
  return dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

/**
 * The date a day number names (Hinnant's civil_from_days), formatted as
 * Temporal.PlainDate#toString does: 'YYYY-MM-DD' for years 0000–9999, otherwise a sign and six
 * year digits ('+010000-01-01'), which is not canonical; dateFromDayNumber makes that an error.
 */
export function isoFromDayNumber(dayNumber: number): string {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = yearOfEraOf(dayOfEra);
  const dayOfYear = marchDayOf(dayOfEra, yearOfEra);
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const yearText =
    year >= 0 && year <= 9999
      ? String(year).padStart(4, '0')
      : `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`;
  return `${yearText}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** Day numbers of 0000-01-01 and 9999-12-31: the range a canonical 'YYYY-MM-DD' can name. */
export const CANONICAL_DAY_MIN = daysFromCivil(0, 1, 1);
export const CANONICAL_DAY_MAX = daysFromCivil(9999, 12, 31);

const digitAt = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
};

/**
 * A canonical date packed as year × 10000 + month × 100 + day, or −1 when `date` is not one (the
 * same dates toPlainDate accepts). Packed values order like the dates, and reading them needs no
 * allocation, which is the point on hot paths.
 */
function packCanonical(date: unknown): number {
  if (typeof date !== 'string' || date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return -1;
  const year = digitAt(date, 0) * 1000 + digitAt(date, 1) * 100 + digitAt(date, 2) * 10 + digitAt(date, 3);
  const month = digitAt(date, 5) * 10 + digitAt(date, 6);
  const day = digitAt(date, 8) * 10 + digitAt(date, 9);
  // NaN fails every comparison, so a non-digit anywhere lands here too.
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return -1;
  return year * 10000 + month * 100 + day;
}

const packedYear = (packed: number): number => Math.floor(packed / 10000);
const packedMonth = (packed: number): number => Math.floor(packed / 100) % 100;
const packedDay = (packed: number): number => packed % 100;

/** Whether `date` is a canonical 'YYYY-MM-DD' naming a real date (what toPlainDate accepts). */
export function isCanonicalDate(date: unknown): date is IsoDate {
  return packCanonical(date) >= 0;
}

/**
 * Day number of a canonical date, or NaN when toPlainDate would refuse it. For hot paths: the
 * caller falls back to toPlainDate for the error message.
 */
export function dayNumberOf(date: unknown): number {
  const packed = packCanonical(date);
  return packed < 0 ? NaN : daysFromCivil(packedYear(packed), packedMonth(packed), packedDay(packed));
}

/** Day number of a canonical date, or toPlainDate's error for anything else. */
export function toDayNumber(date: IsoDate): Result<number> {
  const n = dayNumberOf(date);
  if (!Number.isNaN(n)) return ok(n);
  const parsed = toPlainDate(date);
  // Unreachable: dayNumberOf and toPlainDate accept the same strings (tested).
  return parsed.ok ? ok(daysFromCivil(parsed.value.year, parsed.value.month, parsed.value.day)) : parsed;
}

const OUT_OF_RANGE_MESSAGE = `计算结果超出了可表示的日期范围（公元0—9999年）。请检查输入的数字。`;

/** The canonical date of a day number; like fromPlainDate, an error outside years 0000–9999. */
export function dateFromDayNumber(dayNumber: number): Result<IsoDate> {
  if (dayNumber < CANONICAL_DAY_MIN || dayNumber > CANONICAL_DAY_MAX) return fail('date.out-of-range', OUT_OF_RANGE_MESSAGE);
  return ok(isoFromDayNumber(dayNumber));
}

// ---------------------------------------------------------------------------------------------
// Canonical strings <-> Temporal
// ---------------------------------------------------------------------------------------------

/** Builds a date from numeric parts, explaining in Chinese why an impossible date is impossible. */
function plainDateFromParts(year: number, month: number, day: number): Result<Temporal.PlainDate> {
  if (month < 1 || month > 12) {
    return fail('date.invalid', `月份应在1到12之间，没有“${month}月”。请核对日期。`);
  }
  const monthDays = daysInMonth(year, month);
  if (day < 1 || day > monthDays) {
    return fail('date.invalid', `${year}年${month}月只有${monthDays}天，没有${day}日。请核对日期。`);
  }
  return ok(new Temporal.PlainDate(year, month, day));
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
  if (date.year < 0 || date.year > 9999) return fail('date.out-of-range', OUT_OF_RANGE_MESSAGE);
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

/** Any character normalizeInput rewrites (\s covers U+3000 too). */
const NEEDS_NORMALIZING = /[\uFF0D-\uFF19\u2010-\u2015\u2212\u3002\s]/;

/**
 * Folds what Chinese IMEs and paper transcription produce into ASCII: full-width digits and
 * punctuation, the ideographic full stop typed for '.', assorted dashes, and stray spaces.
 */
function normalizeInput(raw: string): string {
  // Most input (and everything the API sends) is already plain ASCII: skip the five rewrites.
  if (!NEEDS_NORMALIZING.test(raw)) return raw;
  return raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\uFF0D\u2010-\u2015\u2212]/g, '-')
    .replace(/\uFF0F/g, '/')
    .replace(/[\uFF0E\u3002]/g, '.')
    .replace(/[\s\u3000]/g, '');
}

/** What the clerk typed, normalised; '' when nothing was (blank, or not text at all). */
function inputText(raw: unknown): string {
  return typeof raw === 'string' ? normalizeInput(raw) : '';
}

/** The first of `patterns` that `s` matches, in their order. */
function firstMatch(s: string, patterns: readonly RegExp[]): RegExpExecArray | null {
  for (const pattern of patterns) {
    const m = pattern.exec(s);
    if (m) return m;
  }
  return null;
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
  // Canonical input comes back unchanged from the general path below; skip the patterns.
  const packed = packCanonical(raw);
  if (packed >= 0 && packedYear(packed) >= INPUT_YEAR_MIN && packedYear(packed) <= INPUT_YEAR_MAX) return ok(raw);
  const s = inputText(raw);
  if (s === '') return fail('date.empty', '请填写日期。');
  const m = firstMatch(s, DATE_INPUT_PATTERNS);
  if (m) {
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

/** 'YYYY-MM' with a real month and a year parseYearMonth accepts. */
function isCanonicalInputYearMonth(raw: unknown): boolean {
  if (typeof raw !== 'string' || raw.length !== 7 || raw.charCodeAt(4) !== 45) return false;
  const year = digitAt(raw, 0) * 1000 + digitAt(raw, 1) * 100 + digitAt(raw, 2) * 10 + digitAt(raw, 3);
  const month = digitAt(raw, 5) * 10 + digitAt(raw, 6);
  // NaN (a non-digit) fails every comparison.
  return year >= INPUT_YEAR_MIN && year <= INPUT_YEAR_MAX && month >= 1 && month <= 12;
}

/**
 * Parses a year-month as written on forms (出生年月, 取得时间, 聘任时间): 2019年09月, 2019年9月,
 * 2019-09, 201909, 2019.9, full-width digits accepted.
 */
export function parseYearMonth(raw: string): Result<IsoYearMonth> {
  // Canonical input comes back unchanged from the general path below; skip the patterns.
  if (isCanonicalInputYearMonth(raw)) return ok(raw);
  const s = inputText(raw);
  if (s === '') return fail('year-month.empty', '请填写年月。');
  const m = firstMatch(s, YEAR_MONTH_INPUT_PATTERNS);
  if (m) {
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

/** Day number of Excel's day 0 in the 1900 system, 1899-12-30 (see excelSerialDate). */
const EXCEL_1900_EPOCH = daysFromCivil(1899, 12, 30);
const EXCEL_1904_EPOCH = daysFromCivil(1904, 1, 1);

/**
 * The date a spreadsheet's day serial names, as Excel, WPS and LibreOffice store dates: in the
 * 1900 system day 1 is 1900-01-01 and day 60 is the 29 February 1900 that never was (Lotus 1-2-3
 * counted 1900 as a leap year and Excel kept it for compatibility), so from day 61 on the count
 * runs from 1899-12-30; in the 1904 system (old Mac workbooks) day 0 is 1904-01-01. A fraction is
 * the time of day and is dropped. Years outside INPUT_YEAR_MIN–INPUT_YEAR_MAX are refused like
 * typed ones.
 */
export function excelSerialDate(serial: number, date1904 = false): Result<IsoDate> {
  if (!Number.isFinite(serial) || serial < 0) {
    return fail('date.serial', `“${String(serial)}”不是表格软件的日期序号，请把该单元格改成日期（如 2019-09-30）。`);
  }
  const day = Math.floor(serial);
  if (!date1904 && day === 60) {
    return fail('date.invalid', '表格中的日期是“1900年2月29日”，这一天并不存在（表格软件的历史遗留），请核对日期。');
  }
  const dayNumber = date1904 ? EXCEL_1904_EPOCH + day : day < 60 ? EXCEL_1900_EPOCH + day + 1 : EXCEL_1900_EPOCH + day;
  const year = yearOfDayNumber(dayNumber);
  const inRange = checkInputYear(year);
  if (!inRange.ok) return inRange;
  return ok(isoFromDayNumber(dayNumber));
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
  // A canonical date is its own toString, so its parts can be sliced out as they are.
  if (!isCanonicalDate(date)) return String(date);
  return `${date.slice(0, 4)}年${date.slice(5, 7)}月${date.slice(8, 10)}日`;
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
  const pa = packCanonical(from);
  const pb = packCanonical(to);
  if (pa >= 0 && pb >= 0 && pa <= pb) {
    let years = packedYear(pb) - packedYear(pa);
    // The anniversary in `to`'s year, clamped as Temporal's add({ years }) clamps 29 Feb.
    const month = packedMonth(pa);
    const anniversaryDay = Math.min(packedDay(pa), daysInMonth(packedYear(pb), month));
    if (month * 100 + anniversaryDay > pb % 10000) years -= 1;
    return ok(years);
  }
  return fullYearsBetweenChecked(from, to);
}

/** fullYearsBetween's Temporal path: every error case, with its message. */
function fullYearsBetweenChecked(from: IsoDate, to: IsoDate): Result<number> {
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

/** 'YYYY-MM-DD' for a year 0000–9999, the day clamped to the month's length (Temporal's `constrain`). */
function clampedDate(year: number, month: number, day: number): IsoDate {
  const clamped = Math.min(day, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${TWO_DIGITS[month]}-${TWO_DIGITS[clamped]}`;
}

const AMOUNT_NAMES = { days: '天数', months: '月数', years: '年数' } as const;

/** addDays/addMonths/addYears's Temporal path: every error case (a bad date, a bad amount, out of range), with its message. */
function addChecked(date: IsoDate, amount: number, unit: keyof typeof AMOUNT_NAMES): Result<IsoDate> {
  const d = toPlainDate(date);
  if (!d.ok) return d;
  const n = checkWholeNumber(amount, AMOUNT_NAMES[unit]);
  if (!n.ok) return n;
  return attemptDate(() => d.value.add({ [unit]: n.value }));
}

/** Adds (or, when negative, subtracts) whole calendar days. */
export function addDays(date: IsoDate, days: number): Result<IsoDate> {
  const start = dayNumberOf(date);
  if (!Number.isNaN(start) && Number.isSafeInteger(days)) {
    const end = start + days;
    if (end >= CANONICAL_DAY_MIN && end <= CANONICAL_DAY_MAX) return ok(isoFromDayNumber(end));
  }
  return addChecked(date, days, 'days');
}

/** Adds whole months, clamping to the month end: 2026-08-31 − 6 months = 2026-02-28; 2024-08-31 − 6 = 2024-02-29. */
export function addMonths(date: IsoDate, months: number): Result<IsoDate> {
  const packed = packCanonical(date);
  if (packed >= 0 && Number.isSafeInteger(months)) {
    const monthIndex = packedYear(packed) * 12 + packedMonth(packed) - 1 + months;
    const year = Math.floor(monthIndex / 12);
    if (year >= 0 && year <= 9999) return ok(clampedDate(year, monthIndex - year * 12 + 1, packedDay(packed)));
  }
  return addChecked(date, months, 'months');
}

/** Adds whole years, clamping 29 Feb to 28 Feb in non-leap years: 2024-02-29 + 1 year = 2025-02-28. */
export function addYears(date: IsoDate, years: number): Result<IsoDate> {
  const packed = packCanonical(date);
  if (packed >= 0 && Number.isSafeInteger(years)) {
    const year = packedYear(packed) + years;
    if (year >= 0 && year <= 9999) return ok(clampedDate(year, packedMonth(packed), packedDay(packed)));
  }
  return addChecked(date, years, 'years');
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
  const a0 = dayNumberOf(from);
  const b0 = dayNumberOf(to);
  if (!Number.isNaN(a0) && !Number.isNaN(b0)) return ok(b0 - a0);
  const a = toPlainDate(from);
  if (!a.ok) return a;
  const b = toPlainDate(to);
  if (!b.ok) return b;
  return ok(a.value.until(b.value, { largestUnit: 'days' }).days);
}
