/**
 * The official arrangements shipped with the app, one line per item of each notice (expanded into
 * days by arrangement.ts). They are plain data: build a calendar with
 * createWorkCalendar([...CN_OFFICIAL_CALENDAR_YEARS, ...importedYears]).
 */
import type { WorkCalendarYear } from '../work-calendar';
import { CN_2024 } from './cn-2024';
import { CN_2025 } from './cn-2025';
import { CN_2026 } from './cn-2026';

export { CN_2024, CN_2025, CN_2026 };

export const CN_OFFICIAL_CALENDAR_YEARS: readonly WorkCalendarYear[] = [CN_2024, CN_2025, CN_2026];
