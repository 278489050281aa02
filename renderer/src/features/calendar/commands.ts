/**
 * Writing the office's working-day calendar: one synced record per year (its id derived from the
 * year, so every desk of the office edits the same one). Only an administrator may: deadlines of
 * every file count with it.
 */
import { calendarYearId, type CalendarYearRecord } from '../../../../shared/model/records';
import { parseHolidayNotice } from '../../../../shared/rules/holiday-notice';
import { parseWorkCalendarYear, type WorkCalendarYear } from '../../../../shared/rules/work-calendar';
import { fail, type Result } from '../../../../shared/rules/result';
import { repositories } from '../../db';
import { writeContext } from '../../session';
import { currentUser } from '../../stores/session';

export class CalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarError';
  }
}

function requireAdmin(): void {
  if (currentUser()?.role !== 'admin') throw new CalendarError('只有管理员可以录入或修改工作日历。');
}

/** Validates and stores one year; returns it as stored. Nothing is written when it is refused. */
export async function saveCalendarYear(input: WorkCalendarYear): Promise<CalendarYearRecord> {
  requireAdmin();
  const parsed = parseWorkCalendarYear(input);
  if (!parsed.ok) throw new CalendarError(parsed.error.message);
  const { year, holidays, adjustedWorkdays, source } = parsed.value;
  const ctx = await writeContext(`录入${year}年工作日历`);
  return repositories.calendarYears.put(
    calendarYearId(year),
    { year, holidays: [...holidays], adjustedWorkdays: [...adjustedWorkdays], ...(source === undefined ? {} : { source }) },
    ctx,
  );
}

/**
 * A year from a file or pasted text: the calendar's JSON (as 导出 writes it) or the State
 * Council's notice text for `year`.
 */
export function readCalendarText(year: number, text: string, source?: string): Result<WorkCalendarYear> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      return fail('calendar.json', '文件不是有效的工作日历（JSON 格式有误）。');
    }
    return parseWorkCalendarYear(json);
  }
  return parseHolidayNotice(year, trimmed, source);
}
