/**
 * Counting Chinese working days (工作日): Monday–Friday, minus statutory holidays, plus adjusted
 * working weekends (调休上班日). Publicity periods (002: 公示不少于5个工作日) and review deadlines
 * (003 第七条: 受理后15个工作日内) are counted this way.
 *
 * Missing data is an error, never a guess: a date in a year the calendar does not cover gives
 * `calendar.missing-year` (缺少YYYY年工作日历). Guessing "weekends only" would silently move a
 * deadline across 春节 by a week or more, and the State Council publishes each year's
 * arrangement months ahead, so the remedy — importing that year — is always available.
 *
 * Conventions, shared by every function below so they compose:
 * - the day you count FROM is never counted (受理后N个工作日: the day of acceptance is day 0);
 * - `workingDaysBetween(from, to)` counts the half-open interval (from, to], so
 *   `workingDaysBetween(d, addWorkingDays(d, n)) === n` for every n ≥ 0.
 */
import { Temporal } from 'temporal-polyfill';
import { formatDateZh, fromPlainDate, toPlainDate, type IsoDate } from './civil-date';
import { fail, ok, type Result } from './result';
import type { WorkCalendar } from './work-calendar';

/** Why a day is or is not a working day, for display next to dates in a queue or calendar view. */
export type WorkingDayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted-workday';

export interface WorkingDayInfo {
  readonly date: IsoDate;
  readonly working: boolean;
  readonly kind: WorkingDayKind;
  /** The holiday's name for 'holiday' and 'adjusted-workday', e.g. '春节' / '春节调休上班'. */
  readonly name?: string;
}

function missingYear(date: Temporal.PlainDate): Result<never> {
  return fail(
    'calendar.missing-year',
    `缺少${date.year}年工作日历，无法确定${formatDateZh(date.toString())}是否为工作日。请先导入${date.year}年的节假日安排。`,
  );
}

function dayInfo(date: Temporal.PlainDate, cal: WorkCalendar): Result<WorkingDayInfo> {
  const year = cal.years.get(date.year);
  if (!year) return missingYear(date);
  const iso = date.toString();
  // A listed workday wins over the weekend rule; the schema guarantees it is not also a holiday.
  const adjusted = year.adjustedWorkdays.get(iso);
  if (adjusted !== undefined) return ok({ date: iso, working: true, kind: 'adjusted-workday', name: adjusted });
  const holiday = year.holidays.get(iso);
  if (holiday !== undefined) return ok({ date: iso, working: false, kind: 'holiday', name: holiday });
  if (date.dayOfWeek >= 6) return ok({ date: iso, working: false, kind: 'weekend' });
  return ok({ date: iso, working: true, kind: 'workday' });
}

function isWorking(date: Temporal.PlainDate, cal: WorkCalendar): Result<boolean> {
  const info = dayInfo(date, cal);
  return info.ok ? ok(info.value.working) : info;
}

function checkCount(n: number, what: string): Result<number> {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    return fail('working-days.count', `${what}应为整数，收到的是“${String(n)}”。`);
  }
  return ok(n);
}

/** Whether `date` is a working day, and why (weekend, which holiday, which 调休). */
export function workingDayInfo(date: IsoDate, cal: WorkCalendar): Result<WorkingDayInfo> {
  const d = toPlainDate(date);
  return d.ok ? dayInfo(d.value, cal) : d;
}

/** Whether `date` is a working day: weekdays are, weekends are not, the calendar data overrides both. */
export function isWorkingDay(date: IsoDate, cal: WorkCalendar): Result<boolean> {
  const d = toPlainDate(date);
  return d.ok ? isWorking(d.value, cal) : d;
}

function stepWorkingDays(start: Temporal.PlainDate, n: number, cal: WorkCalendar): Result<Temporal.PlainDate> {
  const step = n >= 0 ? 1 : -1;
  let remaining = Math.abs(n);
  let day = start;
  while (remaining > 0) {
    day = day.add({ days: step });
    const working = isWorking(day, cal);
    if (!working.ok) return working;
    if (working.value) remaining -= 1;
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
  const d = toPlainDate(date);
  if (!d.ok) return d;
  const count = checkCount(n, '工作日天数');
  if (!count.ok) return count;
  const result = stepWorkingDays(d.value, count.value, cal);
  return result.ok ? fromPlainDate(result.value) : result;
}

/**
 * Last day of a period of n working days that starts on `start` — how a publicity notice reads
 * (公示5个工作日, posted Monday → ends Friday). `start` counts as the first day when it is a working
 * day; otherwise the period begins on the next working day (posted on a Saturday → the 5 days
 * are Monday–Friday). n must be at least 1.
 */
export function endOfWorkingDayPeriod(start: IsoDate, n: number, cal: WorkCalendar): Result<IsoDate> {
  const d = toPlainDate(start);
  if (!d.ok) return d;
  const count = checkCount(n, '工作日天数');
  if (!count.ok) return count;
  if (count.value < 1) {
    return fail('working-days.period-length', `期限至少为1个工作日，收到的是${count.value}。`);
  }
  // Counting from the day before makes `start` the first candidate day.
  const result = stepWorkingDays(d.value.subtract({ days: 1 }), count.value, cal);
  return result.ok ? fromPlainDate(result.value) : result;
}

/**
 * Working days in the half-open interval (from, to]: `from` excluded, `to` included, matching
 * addWorkingDays. Signed: when `to` is before `from` the result is minus the count over (to, from],
 * so workingDaysBetween(a, b) === −workingDaysBetween(b, a).
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, cal: WorkCalendar): Result<number> {
  const a = toPlainDate(from);
  if (!a.ok) return a;
  const b = toPlainDate(to);
  if (!b.ok) return b;
  const order = Temporal.PlainDate.compare(a.value, b.value);
  const [lo, hi] = order <= 0 ? [a.value, b.value] : [b.value, a.value];
  let count = 0;
  for (let day = lo.add({ days: 1 }); Temporal.PlainDate.compare(day, hi) <= 0; day = day.add({ days: 1 })) {
    const working = isWorking(day, cal);
    if (!working.ok) return working;
    if (working.value) count += 1;
  }
  // `0 - count` rather than `-count`: a -0 would leak into displays and deep-equality checks.
  return ok(order <= 0 ? count : 0 - count);
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
