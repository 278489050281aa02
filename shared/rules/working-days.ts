/**
 * Counting Chinese working days (工作日): Monday–Friday, minus statutory holidays, plus adjusted
 * working weekends (调休上班日). Publicity periods (002: 公示不少于5个工作日) and review deadlines
 * (003 第七条: 受理后15个工作日内) are counted this way.
 *
 * Missing data is an error, never a guess: a date in a year the calendar does not cover gives
 * `calendar.missing-year` (缺少YYYY年工作日历). Guessing "weekends only" would silently move a
 * deadline across 春节 by a week or more, and the State Council publishes each year's
 * arrangement months ahead, so the remedy — importing that year — is always available.
 * The one exception is a `provisional` calendar (work-calendar.ts provisionalCalendar), which a
 * screen uses to SHOW a deadline reaching into an unpublished year, clearly marked 暂定; no
 * decision is ever taken on it.
 *
 * Conventions, shared by every function below so they compose:
 * - the day you count FROM is never counted (受理后N个工作日: the day of acceptance is day 0);
 * - `workingDaysBetween(from, to)` counts the half-open interval (from, to], so
 *   `workingDaysBetween(d, addWorkingDays(d, n)) === n` for every n ≥ 0.
 */
import {
  dateFromDayNumber,
  daysFromCivil,
  formatDateZh,
  isoFromDayNumber,
  toDayNumber,
  weekdayOfDayNumber,
  yearOfDayNumber,
  type IsoDate,
} from './civil-date';
import { fail, ok, type Result } from './result';
import type { WorkCalendar, WorkCalendarYearIndex } from './work-calendar';

/** Why a day is or is not a working day, for display next to dates in a queue or calendar view. */
export type WorkingDayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted-workday';

export interface WorkingDayInfo {
  readonly date: IsoDate;
  readonly working: boolean;
  readonly kind: WorkingDayKind;
  /** The holiday's name for 'holiday' and 'adjusted-workday', e.g. '春节' / '春节调休上班'. */
  readonly name?: string;
}

// Day kinds as bytes, so a year is a 366-byte array and a step of a count is an index.
const WORKDAY = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const ADJUSTED_WORKDAY = 3;

/** The kinds of every day of one calendar year, indexed by day number − `first`. */
interface YearKinds {
  readonly year: number;
  readonly first: number;
  readonly kinds: Uint8Array;
}

/**
 * Built on first use and kept as long as the year's index lives. Keyed by the index, not the
 * calendar, so an office that imports a year gets a fresh table for it without invalidation.
 */
const yearKindsCache = new WeakMap<WorkCalendarYearIndex, YearKinds>();

function buildYearKinds(year: number, index: WorkCalendarYearIndex): YearKinds {
  const first = daysFromCivil(year, 1, 1);
  const kinds = new Uint8Array(daysFromCivil(year + 1, 1, 1) - first);
  for (let i = 0; i < kinds.length; i++) {
    const dayNumber = first + i;
    // The lists are keyed by the date's string, exactly as the index was built; looking each
    // day's string up (rather than parsing the keys) keeps the old per-day lookup's answers.
    const iso = isoFromDayNumber(dayNumber);
    // A listed workday wins over the weekend rule; the schema guarantees it is not also a holiday.
    if (index.adjustedWorkdays.get(iso) !== undefined) kinds[i] = ADJUSTED_WORKDAY;
    else if (index.holidays.get(iso) !== undefined) kinds[i] = HOLIDAY;
    else kinds[i] = weekdayOfDayNumber(dayNumber) >= 6 ? WEEKEND : WORKDAY;
  }
  return { year, first, kinds };
}

/** Weekends-only tables for years a provisional calendar lacks; they never change, so kept for good. */
const weekendOnlyKinds = new Map<number, YearKinds>();

function weekendsOnly(year: number): YearKinds {
  let built = weekendOnlyKinds.get(year);
  if (built === undefined) {
    const first = daysFromCivil(year, 1, 1);
    const kinds = new Uint8Array(daysFromCivil(year + 1, 1, 1) - first);
    for (let i = 0; i < kinds.length; i++) kinds[i] = weekdayOfDayNumber(first + i) >= 6 ? WEEKEND : WORKDAY;
    built = { year, first, kinds };
    weekendOnlyKinds.set(year, built);
  }
  return built;
}

function yearKinds(year: number, cal: WorkCalendar): YearKinds | undefined {
  const index = cal.years.get(year);
  if (!index) return cal.provisional === true ? weekendsOnly(year) : undefined;
  const cached = yearKindsCache.get(index);
  // The same index filed under two years is not something createWorkCalendar makes; rebuild.
  if (cached !== undefined && cached.year === year) return cached;
  const built = buildYearKinds(year, index);
  yearKindsCache.set(index, built);
  return built;
}

function missingYear(dayNumber: number): Result<never> {
  const year = yearOfDayNumber(dayNumber);
  return fail(
    'calendar.missing-year',
    `缺少${year}年工作日历，无法确定${formatDateZh(isoFromDayNumber(dayNumber))}是否为工作日。请先导入${year}年的节假日安排。`,
  );
}

/**
 * Walks day numbers one way and answers "working?" per day; the year table is looked up only
 * when the walk crosses into another year. A missing year is reported for the first day in it.
 */
class DayWalker {
  private table: YearKinds | undefined;

  constructor(private readonly cal: WorkCalendar) {}

  /** 1 working, 0 not, −1 the day's year is not in the calendar. */
  working(dayNumber: number): number {
    let table = this.table;
    if (table === undefined || dayNumber < table.first || dayNumber >= table.first + table.kinds.length) {
      table = yearKinds(yearOfDayNumber(dayNumber), this.cal);
      if (table === undefined) return -1;
      this.table = table;
    }
    const kind = table.kinds[dayNumber - table.first];
    return kind === WORKDAY || kind === ADJUSTED_WORKDAY ? 1 : 0;
  }
}

function dayInfo(dayNumber: number, cal: WorkCalendar): Result<WorkingDayInfo> {
  const year = yearOfDayNumber(dayNumber);
  const table = yearKinds(year, cal);
  if (table === undefined) return missingYear(dayNumber);
  const index = cal.years.get(year);
  const iso = isoFromDayNumber(dayNumber);
  switch (table.kinds[dayNumber - table.first]) {
    case ADJUSTED_WORKDAY:
      return ok({ date: iso, working: true, kind: 'adjusted-workday', name: index?.adjustedWorkdays.get(iso) ?? '' });
    case HOLIDAY:
      return ok({ date: iso, working: false, kind: 'holiday', name: index?.holidays.get(iso) ?? '' });
    case WEEKEND:
      return ok({ date: iso, working: false, kind: 'weekend' });
    default:
      return ok({ date: iso, working: true, kind: 'workday' });
  }
}

function checkCount(n: number, what: string): Result<number> {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    return fail('working-days.count', `${what}应为整数，收到的是“${String(n)}”。`);
  }
  return ok(n);
}

/** Whether `date` is a working day, and why (weekend, which holiday, which 调休). */
export function workingDayInfo(date: IsoDate, cal: WorkCalendar): Result<WorkingDayInfo> {
  const d = toDayNumber(date);
  return d.ok ? dayInfo(d.value, cal) : d;
}

/** Whether `date` is a working day: weekdays are, weekends are not, the calendar data overrides both. */
export function isWorkingDay(date: IsoDate, cal: WorkCalendar): Result<boolean> {
  const d = toDayNumber(date);
  if (!d.ok) return d;
  const working = new DayWalker(cal).working(d.value);
  return working < 0 ? missingYear(d.value) : ok(working === 1);
}

/** Day number of the |n|-th working day after (n > 0) or before (n < 0) `start`. */
function stepWorkingDays(start: number, n: number, cal: WorkCalendar): Result<number> {
  const step = n >= 0 ? 1 : -1;
  const walker = new DayWalker(cal);
  let remaining = Math.abs(n);
  let day = start;
  while (remaining > 0) {
    day += step;
    const working = walker.working(day);
    if (working < 0) return missingYear(day);
    remaining -= working;
  }
  return ok(day);
}

/**
 * The n-th working day AFTER `date`; `date` itself is never counted (受理后15个工作日: accepted on
 * a Friday, the 1st working day is the next Monday). `date` need not be a working day.
 * n = 0 returns `date` unchanged. A negative n counts backwards the same way: the |n|-th working
 * day strictly before `date`; hence `addWorkingDays(addWorkingDays(d, n), -n)` is the last working
 * day on or before d.
 */
export function addWorkingDays(date: IsoDate, n: number, cal: WorkCalendar): Result<IsoDate> {
  const d = toDayNumber(date);
  if (!d.ok) return d;
  const count = checkCount(n, '工作日天数');
  if (!count.ok) return count;
  const result = stepWorkingDays(d.value, count.value, cal);
  return result.ok ? dateFromDayNumber(result.value) : result;
}

/**
 * Last day of a period of n working days that starts on `start` — how a publicity notice reads
 * (公示5个工作日, posted Monday → ends Friday). `start` counts as the first day when it is a working
 * day; otherwise the period begins on the next working day (posted on a Saturday → the 5 days
 * are Monday–Friday). n must be at least 1.
 */
export function endOfWorkingDayPeriod(start: IsoDate, n: number, cal: WorkCalendar): Result<IsoDate> {
  const d = toDayNumber(start);
  if (!d.ok) return d;
  const count = checkCount(n, '工作日天数');
  if (!count.ok) return count;
  if (count.value < 1) {
    return fail('working-days.period-length', `期限至少为1个工作日，收到的是${count.value}。`);
  }
  // Counting from the day before makes `start` the first candidate day.
  const result = stepWorkingDays(d.value - 1, count.value, cal);
  return result.ok ? dateFromDayNumber(result.value) : result;
}

/**
 * Working days in the half-open interval (from, to]: `from` excluded, `to` included, matching
 * addWorkingDays. Signed: when `to` is before `from` the result is minus the count over (to, from],
 * so workingDaysBetween(a, b) === −workingDaysBetween(b, a).
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, cal: WorkCalendar): Result<number> {
  const a = toDayNumber(from);
  if (!a.ok) return a;
  const b = toDayNumber(to);
  if (!b.ok) return b;
  const forward = a.value <= b.value;
  const lo = forward ? a.value : b.value;
  const hi = forward ? b.value : a.value;
  const walker = new DayWalker(cal);
  let count = 0;
  for (let day = lo + 1; day <= hi; day++) {
    const working = walker.working(day);
    if (working < 0) return missingYear(day);
    count += working;
  }
  // `0 - count` rather than `-count`: a -0 would leak into displays and deep-equality checks.
  return ok(forward ? count : 0 - count);
}

export interface WorkingDaysLeft {
  /**
   * Working days after today up to and including the deadline: 0 when the deadline is today (or
   * only rest days remain before it). When overdue, minus the working days after the deadline up
   * to and including today.
   */
  readonly workingDays: number;
  /** Today is after the deadline. Kept separate because a deadline just before a weekend shows 0 either way. */
  readonly overdue: boolean;
}

/**
 * What a queue shows next to a case with a deadline: "还剩N个工作日" or "已逾期N个工作日".
 * Same interval convention as workingDaysBetween.
 */
export function workingDaysLeft(today: IsoDate, deadline: IsoDate, cal: WorkCalendar): Result<WorkingDaysLeft> {
  const between = workingDaysBetween(today, deadline, cal);
  if (!between.ok) return between;
  return ok({ workingDays: between.value, overdue: today > deadline });
}
