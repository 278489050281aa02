/**
 * The working-day calendar the engine counts with: the official arrangements shipped in
 * shared/rules/calendars, plus every year the office entered (synced `calendarYears` records;
 * an entered year replaces the shipped one of the same year). Years kept in the desk's settings
 * by earlier versions (`calendar.years`) are still read, below the synced ones.
 */
import { CN_OFFICIAL_CALENDAR_YEARS } from '../../../../shared/rules/calendars';
import { createWorkCalendar, parseWorkCalendarYear, type WorkCalendar, type WorkCalendarYear } from '../../../../shared/rules/work-calendar';
import type { CalendarYearRecord } from '../../../../shared/model/records';
import { db } from '../../db';
import { CALENDAR_SETTING } from '../../db/keys';

export { CALENDAR_SETTING };

const shipped = (() => {
  const result = createWorkCalendar(CN_OFFICIAL_CALENDAR_YEARS);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
})();

/** The shipped calendar, for code that cannot wait for the database. */
export function shippedCalendar(): WorkCalendar {
  return shipped;
}

/** Where a year of the calendar comes from. */
export type CalendarYearOrigin = 'shipped' | 'office';

export interface CalendarYearEntry {
  readonly data: WorkCalendarYear;
  readonly origin: CalendarYearOrigin;
  /** The synced record, for an office year. */
  readonly record?: CalendarYearRecord;
}

/** Shipped years, then the office's over them (an office year wins), sorted by year. */
export function combineYears(entered: readonly WorkCalendarYear[], records: readonly CalendarYearRecord[] = []): CalendarYearEntry[] {
  const byYear = new Map<number, CalendarYearEntry>();
  for (const data of CN_OFFICIAL_CALENDAR_YEARS) byYear.set(data.year, { data, origin: 'shipped' });
  for (const data of entered) {
    const parsed = parseWorkCalendarYear(data);
    if (parsed.ok) byYear.set(parsed.value.year, { data: parsed.value, origin: 'office' });
  }
  for (const record of records) {
    if (record.deleted === true) continue;
    const { year, holidays, adjustedWorkdays, source } = record;
    const parsed = parseWorkCalendarYear({ year, holidays, adjustedWorkdays, ...(source === undefined ? {} : { source }) });
    if (parsed.ok) byYear.set(year, { data: parsed.value, origin: 'office', record });
  }
  return [...byYear.values()].sort((a, b) => a.data.year - b.data.year);
}

/** Combines shipped and entered years; an entered year wins over the shipped one. */
export function combineCalendar(entered: readonly WorkCalendarYear[], records: readonly CalendarYearRecord[] = []): WorkCalendar {
  if (entered.length === 0 && records.length === 0) return shipped;
  const result = createWorkCalendar(combineYears(entered, records).map((e) => e.data));
  return result.ok ? result.value : shipped;
}

async function legacyYears(): Promise<WorkCalendarYear[]> {
  const row = await db.settings.get(CALENDAR_SETTING);
  return Array.isArray(row?.value) ? (row.value as WorkCalendarYear[]) : [];
}

export async function loadCalendarYears(): Promise<CalendarYearEntry[]> {
  const [legacy, records] = await Promise.all([legacyYears(), db.calendarYears.toArray()]);
  return combineYears(legacy, records);
}

export async function loadCalendar(): Promise<WorkCalendar> {
  const [legacy, records] = await Promise.all([legacyYears(), db.calendarYears.toArray()]);
  return combineCalendar(legacy, records);
}
