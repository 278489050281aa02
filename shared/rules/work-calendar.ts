/**
 * The working-day calendar as DATA: for each year, the statutory holidays (法定节假日) and the
 * adjusted working weekends (调休上班日) from the 国务院办公厅 notice. The State Council publishes
 * the next year's arrangement each autumn, so an office must be able to import or correct a year
 * without a software release; this module validates such a year and assembles a lookup.
 *
 * Counting working days lives in working-days.ts; the shipped official years live in calendars/.
 */
import { z } from 'zod';
import { toPlainDate, type IsoDate } from './civil-date';
import { fail, ok, type Result } from './result';
import { describePath } from './describe-path';

/** One dated entry: a day off in a holiday period, or a weekend that is worked. */
export interface CalendarDay {
  readonly date: IsoDate;
  /** Holiday it belongs to, e.g. '春节' or '春节调休上班'; shown to clerks next to the date. */
  readonly name: string;
}

/** One year of the national arrangement, exactly as an office can edit it (e.g. a JSON file). */
export interface WorkCalendarYear {
  readonly year: number;
  /** Every day off in each holiday period (weekend days inside a period may be listed too). */
  readonly holidays: readonly CalendarDay[];
  /** Saturdays and Sundays that are working days (调休). */
  readonly adjustedWorkdays: readonly CalendarDay[];
  /** Where the data comes from, e.g. '国办发明电〔2024〕12号'. */
  readonly source?: string | undefined;
}

/** Lookup for one year, built once so day-by-day counting stays cheap. */
export interface WorkCalendarYearIndex {
  readonly data: WorkCalendarYear;
  readonly holidays: ReadonlyMap<IsoDate, string>;
  readonly adjustedWorkdays: ReadonlyMap<IsoDate, string>;
}

/**
 * A set of years. Rules that count working days refuse dates in years not present here, unless
 * the calendar is `provisional` (see provisionalCalendar).
 */
export interface WorkCalendar {
  readonly years: ReadonlyMap<number, WorkCalendarYearIndex>;
  /**
   * Count a year that is not present as Monday–Friday working days instead of failing. Only for
   * what a screen SHOWS (a deadline marked 暂定); a decision (a guard, a stored date) never uses it.
   */
  readonly provisional?: boolean;
}

/**
 * The same years, with missing years counted as weekends only. A deadline that reaches into a
 * year whose arrangement is not published yet is then shown as provisional rather than not at
 * all: holidays only ever add days off, so the provisional date is the earliest the true one can be.
 */
export function provisionalCalendar(cal: WorkCalendar): WorkCalendar {
  return cal.provisional === true ? cal : { years: cal.years, provisional: true };
}

/** Years from `fromYear` to `toYear` (inclusive, either order) that the calendar does not hold. */
export function missingCalendarYears(fromYear: number, toYear: number, cal: WorkCalendar): number[] {
  const lo = Math.min(fromYear, toYear);
  const hi = Math.max(fromYear, toYear);
  const missing: number[] = [];
  for (let y = lo; y <= hi; y += 1) if (!cal.years.has(y)) missing.push(y);
  return missing;
}

/**
 * Plausible calendar years. Not from a rulebook: holiday arrangements only exist from 1949 on,
 * and the bound keeps a typo (20226) out of the data.
 */
const CALENDAR_YEAR_MIN = 1949;
const CALENDAR_YEAR_MAX = 2100;

/** Not from a rulebook: long enough for '国庆节、中秋节调休上班', short enough to fit a queue column. */
const CALENDAR_DAY_NAME_MAX = 40;

const calendarDaySchema = z.object(
  {
    date: z
      .string({ error: '应为 YYYY-MM-DD 格式的日期文字' })
      .refine((s) => toPlainDate(s).ok, { error: '不是有效的日期，应为 YYYY-MM-DD 格式，例如 2026-02-14' }),
    name: z
      .string({ error: '应为文字，例如“春节”' })
      .trim()
      .min(1, { error: '不能为空，请填写节日名称，例如“春节”' })
      .max(CALENDAR_DAY_NAME_MAX, { error: `过长，请控制在${CALENDAR_DAY_NAME_MAX}个字以内` }),
  },
  { error: '每一条应包含日期（date）和名称（name）' },
);

/** Reports a semantic problem with a stable code the parse result can carry to the clerk. */
function addCalendarIssue(
  ctx: z.RefinementCtx,
  code: string,
  message: string,
  path: (string | number)[],
): void {
  ctx.addIssue({ code: 'custom', message, path, params: { ruleCode: code } });
}

/**
 * Shape and consistency of one year. Beyond the shape it rejects: a date outside the stated year,
 * the same date twice in a list, a date that is both a holiday and a workday, and an adjusted
 * workday that is not a Saturday or Sunday (weekdays are working days anyway, so such an entry
 * is always a typo).
 */
export const workCalendarYearSchema = z
  .object(
    {
      year: z
        .number({ error: '应为数字年份，例如 2026' })
        .int({ error: '应为整数年份，例如 2026' })
        .min(CALENDAR_YEAR_MIN, { error: `应在${CALENDAR_YEAR_MIN}到${CALENDAR_YEAR_MAX}年之间` })
        .max(CALENDAR_YEAR_MAX, { error: `应在${CALENDAR_YEAR_MIN}到${CALENDAR_YEAR_MAX}年之间` }),
      holidays: z.array(calendarDaySchema, { error: '应为节假日列表' }),
      adjustedWorkdays: z.array(calendarDaySchema, { error: '应为调休上班日列表' }),
      source: z.string({ error: '应为文字，例如发文字号' }).trim().optional(),
    },
    { error: '工作日历应为一个对象，包含 year、holidays 和 adjustedWorkdays 三项' },
  )
  .superRefine((cal, ctx) => {
    const lists = [
      ['holidays', '节假日', cal.holidays],
      ['adjustedWorkdays', '调休上班日', cal.adjustedWorkdays],
    ] as const;
    for (const [key, label, days] of lists) {
      const seen = new Set<string>();
      days.forEach((day, i) => {
        const parsed = toPlainDate(day.date);
        if (!parsed.ok) return;
        if (parsed.value.year !== cal.year) {
          addCalendarIssue(
            ctx,
            'calendar.date-outside-year',
            `${day.date}不在${cal.year}年内，请放到对应年份的日历中`,
            [key, i, 'date'],
          );
        }
        if (seen.has(day.date)) {
          addCalendarIssue(ctx, 'calendar.duplicate-date', `${day.date}在${label}中重复出现`, [key, i, 'date']);
        }
        seen.add(day.date);
        if (key === 'adjustedWorkdays' && parsed.value.dayOfWeek < 6) {
          addCalendarIssue(
            ctx,
            'calendar.workday-not-weekend',
            `${day.date}是工作日（周${'一二三四五'[parsed.value.dayOfWeek - 1]}），调休上班日只能是周六或周日`,
            [key, i, 'date'],
          );
        }
      });
    }
    const holidayDates = new Set(cal.holidays.map((d) => d.date));
    cal.adjustedWorkdays.forEach((day, i) => {
      if (holidayDates.has(day.date)) {
        addCalendarIssue(
          ctx,
          'calendar.holiday-and-workday',
          `${day.date}同时出现在节假日和调休上班日中，只能是其中之一`,
          ['adjustedWorkdays', i, 'date'],
        );
      }
    });
  });

const FIELD_LABELS: Readonly<Record<string, string>> = {
  year: '年份',
  holidays: '节假日',
  adjustedWorkdays: '调休上班日',
  date: '日期',
  name: '名称',
  source: '来源',
};


function sortedByDate(days: readonly CalendarDay[]): CalendarDay[] {
  return [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Validates one year of calendar data from any source (a JSON import, an edit form, the shipped
 * data). On success the lists come back sorted by date with names trimmed. The error names the
 * first problem and where it is; further problems are counted so the clerk knows to look on.
 */
export function parseWorkCalendarYear(input: unknown): Result<WorkCalendarYear> {
  const parsed = workCalendarYearSchema.safeParse(input);
  if (parsed.success) {
    const { year, holidays, adjustedWorkdays, source } = parsed.data;
    return ok({
      year,
      holidays: sortedByDate(holidays),
      adjustedWorkdays: sortedByDate(adjustedWorkdays),
      ...(source === undefined || source === '' ? {} : { source }),
    });
  }
  const issues = parsed.error.issues;
  const first = issues[0];
  if (!first) return fail('calendar.invalid', '工作日历数据有误。');
  const where = describePath(first.path, FIELD_LABELS);
  const more = issues.length > 1 ? `（另有${issues.length - 1}处问题）` : '';
  const ruleCode =
    first.code === 'custom' && typeof first.params?.['ruleCode'] === 'string' ? first.params['ruleCode'] : 'calendar.invalid';
  const yearHint =
    typeof input === 'object' && input !== null && typeof (input as { year?: unknown }).year === 'number'
      ? `${(input as { year: number }).year}年工作日历`
      : '工作日历';
  return fail(ruleCode, `${yearHint}有误${where === '' ? '' : `（${where}）`}：${first.message}。${more}`);
}

function indexYear(data: WorkCalendarYear): WorkCalendarYearIndex {
  return {
    data,
    holidays: new Map(data.holidays.map((d) => [d.date, d.name])),
    adjustedWorkdays: new Map(data.adjustedWorkdays.map((d) => [d.date, d.name])),
  };
}

/**
 * Assembles a calendar from several years (the shipped official ones plus any the office
 * imported). Each year is validated again, because imported data reaches here too. A year given
 * twice is an error rather than "last one wins": silently preferring one of two arrangements is
 * exactly the guess this calendar exists to avoid. To replace a shipped year, leave it out.
 */
export function createWorkCalendar(years: readonly unknown[]): Result<WorkCalendar> {
  const index = new Map<number, WorkCalendarYearIndex>();
  for (const raw of years) {
    const year = parseWorkCalendarYear(raw);
    if (!year.ok) return year;
    if (index.has(year.value.year)) {
      return fail(
        'calendar.duplicate-year',
        `${year.value.year}年的工作日历提供了两份，请只保留一份（如要替换内置日历，请先移除旧的）。`,
      );
    }
    index.set(year.value.year, indexYear(year.value));
  }
  return ok({ years: index });
}
