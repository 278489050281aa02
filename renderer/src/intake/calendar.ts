/**
 * The working-day calendar the engine counts with: the official arrangements shipped in
 * shared/rules/calendars, plus any year the office imported (kept in `settings` under
 * `calendar.years`; an imported year replaces the shipped one of the same year).
 */
import { CN_OFFICIAL_CALENDAR_YEARS } from '../../../shared/rules/calendars';
import { createWorkCalendar, type WorkCalendar, type WorkCalendarYear } from '../../../shared/rules/work-calendar';
import { db } from '../db';
import { CALENDAR_SETTING } from '../db/keys';

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

/** Combines shipped and imported years; an imported year wins over the shipped one. */
export function combineCalendar(imported: readonly WorkCalendarYear[]): WorkCalendar {
  if (imported.length === 0) return shipped;
  const importedYears = new Set(imported.map((y) => y.year));
  const result = createWorkCalendar([...CN_OFFICIAL_CALENDAR_YEARS.filter((y) => !importedYears.has(y.year)), ...imported]);
  return result.ok ? result.value : shipped;
}

export async function loadCalendar(): Promise<WorkCalendar> {
  const row = await db.settings.get(CALENDAR_SETTING);
  return combineCalendar(Array.isArray(row?.value) ? (row.value as WorkCalendarYear[]) : []);
}
