/**
 * One year's official arrangement written as the notice states it: each item a holiday with its
 * days off (from–to, both ends inclusive, weekend days included) and the weekends worked for it
 * (调休上班). Expanded into days and validated by the 工作日历 editor's own path
 * (calendarYearFromPeriods), so a shipped year and an entered one are read the same way.
 */
import { calendarYearFromPeriods, type PeriodInput } from '../holiday-notice';
import type { WorkCalendarYear } from '../work-calendar';

export function arrangement(year: number, source: string, periods: readonly PeriodInput[]): WorkCalendarYear {
  const parsed = calendarYearFromPeriods(year, periods, source);
  // Shipped data: a mistake here is the build's, caught by the calendar tests, never the clerk's.
  if (!parsed.ok) throw new Error(`内置${year}年工作日历有误：${parsed.error.message}`);
  const { holidays, adjustedWorkdays } = parsed.value;
  return { year, source, holidays, adjustedWorkdays };
}
