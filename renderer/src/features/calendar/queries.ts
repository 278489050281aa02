/** Live reads of the working-day calendar: screens never touch `db` themselves. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { WorkCalendar } from '../../../../shared/rules/work-calendar';
import { loadCalendar, loadCalendarYears, shippedCalendar, type CalendarYearEntry } from './calendar';

/** The calendar every count uses, updated when a year is entered here or arrives by sync. */
export function useWorkCalendar(): WorkCalendar {
  return useLiveQuery(() => loadCalendar(), [], shippedCalendar());
}

/** The years held, shipped and entered, for the 工作日历 page. */
export function useCalendarYears(): CalendarYearEntry[] | undefined {
  return useLiveQuery(() => loadCalendarYears(), []);
}
