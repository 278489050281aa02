/** Settings keys that belong to the computer rather than to an office (kept when it changes office). */

/** This installation's id (every operation names it; it is also its clock's node id). */
export const DEVICE_ID_KEY = 'deviceId';

/** The working-day calendar years the office edited or imported (renderer/src/intake/calendar). */
export const CALENDAR_SETTING = 'calendar.years';
