import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { CN_OFFICIAL_CALENDAR_YEARS } from '../../../shared/rules/calendars';
import { formatDateZh } from '../../../shared/rules/civil-date';
import { createWorkCalendar, type WorkCalendar } from '../../../shared/rules/work-calendar';
import {
  addWorkingDays,
  endOfWorkingDayPeriod,
  isWorkingDay,
  workingDayInfo,
  workingDaysBetween,
  workingDaysLeft,
  type WorkingDayInfo,
} from '../../../shared/rules/working-days';
import { expectFail, expectOk } from './expect-result';

const cal = expectOk(createWorkCalendar(CN_OFFICIAL_CALENDAR_YEARS));

describe('isWorkingDay (国务院办公厅节假日安排 2024–2026)', () => {
  it.each([
    ['2024-02-18', true, '2024 春节调休: Sunday worked'],
    ['2024-02-04', true, '2024 春节调休: Sunday worked'],
    ['2024-02-09', true, '2024 除夕 was a working day'],
    ['2024-02-10', false, '2024 春节'],
    ['2024-02-16', false, '2024 春节 weekday off'],
    ['2024-02-24', false, 'ordinary Saturday'],
    ['2024-05-11', true, '2024 劳动节调休: Saturday worked'],
    ['2024-06-10', false, '2024 端午节 Monday'],
    ['2024-09-14', true, '2024 中秋节调休: Saturday worked'],
    ['2024-10-12', true, '2024 国庆节调休: Saturday worked'],
    ['2025-01-26', true, '2025 春节调休: Sunday worked'],
    ['2025-02-08', true, '2025 春节调休: Saturday worked'],
    ['2025-05-02', false, '2025 劳动节 (new statutory day)'],
    ['2025-10-08', false, '2025 国庆节、中秋节 day 8'],
    ['2025-10-11', true, '2025 国庆节调休: Saturday worked'],
    ['2026-01-04', true, '2026 元旦调休: Sunday worked'],
    ['2026-02-14', true, '2026 春节调休: Saturday worked'],
    ['2026-02-23', false, '2026 春节 last day (Monday)'],
    ['2026-02-28', true, '2026 春节调休: Saturday worked'],
    ['2026-05-09', true, '2026 劳动节调休: Saturday worked'],
    ['2026-09-20', true, '2026 国庆节调休: Sunday worked'],
    ['2026-09-25', false, '2026 中秋节 Friday'],
    ['2026-10-10', true, '2026 国庆节调休: Saturday worked'],
    ['2026-11-23', true, 'ordinary Monday'],
    ['2026-11-22', false, 'ordinary Sunday'],
  ])('%s → %s (%s)', (date, working) => {
    expect(expectOk(isWorkingDay(date, cal))).toBe(working);
  });

  it.each([
    ['2026-02-28', { working: true, kind: 'adjusted-workday', name: '春节调休上班' }],
    ['2026-02-17', { working: false, kind: 'holiday', name: '春节' }],
    ['2026-03-07', { working: false, kind: 'weekend' }],
    ['2026-03-09', { working: true, kind: 'workday' }],
  ])('workingDayInfo(%s) explains why', (date, info) => {
    expect(expectOk(workingDayInfo(date, cal))).toEqual({ date, ...info });
  });

  it.each([
    ['2027-01-04', '缺少2027年工作日历'],
    ['2023-12-29', '缺少2023年工作日历'],
  ])('%s outside the data is an error, not a guess', (date, fragment) => {
    expect(expectFail(isWorkingDay(date, cal), 'calendar.missing-year')).toContain(fragment);
  });

  it('rejects a non-canonical date', () => {
    expectFail(isWorkingDay('2026/02/28', cal), 'date.format');
  });
});

describe('addWorkingDays: the n-th working day after the date, the date itself not counted', () => {
  it.each([
    ['2026-11-20', 1, '2026-11-23', 'Friday + 1 → Monday'],
    ['2026-11-21', 1, '2026-11-23', 'Saturday + 1 → Monday'],
    ['2026-11-23', 5, '2026-11-30', 'Monday + 5 → next Monday'],
    ['2026-11-23', 0, '2026-11-23', 'n = 0 is the date itself'],
    ['2026-02-13', 1, '2026-02-14', '2026 调休 Saturday counts'],
    ['2026-02-14', 1, '2026-02-24', 'across 2026 春节 (Feb 15–23)'],
    ['2026-02-27', 1, '2026-02-28', '2026-02-28 调休 Saturday'],
    ['2024-02-17', 1, '2024-02-18', '2024-02-18 调休 Sunday'],
    ['2024-02-08', 3, '2024-02-19', 'across 2024 春节: Feb 9, Feb 18 (Sun), Feb 19'],
    ['2025-09-30', 1, '2025-10-09', 'across 2025 国庆节、中秋节 (Oct 1–8)'],
    ['2025-09-26', 2, '2025-09-29', '2025-09-28 调休 Sunday counts'],
    ['2024-12-31', 1, '2025-01-02', 'across the year boundary and 元旦'],
    ['2024-12-27', 15, '2025-01-20', '003 第七条 15个工作日 across 元旦 (Jan 1)'],
    ['2026-11-23', -1, '2026-11-20', 'backwards: Monday − 1 → Friday'],
    ['2026-02-24', -1, '2026-02-14', 'backwards across 春节 to the 调休 Saturday'],
  ])('%s + %i → %s (%s)', (date, n, expected) => {
    expect(expectOk(addWorkingDays(date, n, cal))).toBe(expected);
  });

  it.each([
    ['runs past the data', addWorkingDays('2026-12-30', 5, cal), 'calendar.missing-year'],
    ['fractional n', addWorkingDays('2026-12-01', 1.5, cal), 'working-days.count'],
    ['bad date', addWorkingDays('2026-02-30', 1, cal), 'date.invalid'],
  ])('%s → %s', (_name, result, code) => {
    expectFail(result, code);
  });
});

describe('endOfWorkingDayPeriod: period of n working days starting on the start day (002: 公示不少于5个工作日)', () => {
  it.each([
    ['2026-11-23', 5, '2026-11-27', 'Monday start → Friday'],
    ['2026-11-21', 5, '2026-11-27', 'Saturday start → starts Monday, ends Friday'],
    ['2026-11-27', 1, '2026-11-27', 'one day: the start day itself'],
    ['2024-02-08', 5, '2024-02-20', 'spans 2024 春节: Feb 8, 9, 18 (Sun), 19, 20'],
    ['2026-02-12', 5, '2026-02-25', 'spans 2026 春节: Feb 12, 13, 14 (Sat), 24, 25'],
    ['2024-09-27', 5, '2024-10-09', 'spans 2024 国庆: Sep 27, 29 (Sun), 30, Oct 8, 9'],
    ['2026-09-28', 5, '2026-10-09', 'spans 2026 国庆: Sep 28, 29, 30, Oct 8, 9'],
    ['2026-09-30', 3, '2026-10-09', 'spans 2026 国庆: Sep 30, Oct 8, 9'],
    ['2025-09-26', 3, '2025-09-29', '2025 国庆调休 Sunday: Sep 26, 28 (Sun), 29'],
  ])('%s, %i days → %s (%s)', (start, n, expected) => {
    expect(expectOk(endOfWorkingDayPeriod(start, n, cal))).toBe(expected);
  });

  it.each([0, -3])('n = %i is an error', (n) => {
    expectFail(endOfWorkingDayPeriod('2026-11-23', n, cal), 'working-days.period-length');
  });
});

describe('workingDaysBetween: working days in (from, to]', () => {
  it.each([
    ['2026-11-23', '2026-11-23', 0],
    ['2026-11-20', '2026-11-23', 1],
    ['2026-11-23', '2026-11-30', 5],
    ['2026-11-30', '2026-11-23', -5],
    ['2026-02-13', '2026-02-28', 6], // Feb 14 (调休 Sat), 24, 25, 26, 27, 28 (调休 Sat)
    ['2025-09-26', '2025-10-12', 6], // Sep 28 (调休 Sun), 29, 30, Oct 9, 10, 11 (调休 Sat)
    ['2024-09-27', '2024-10-14', 8], // Sep 29 (调休 Sun), 30, Oct 8, 9, 10, 11, 12 (调休 Sat), 14
    // Whole years (Jan 1 is excluded but is a holiday anyway): weekdays minus net statutory days.
    ['2024-01-01', '2024-12-31', 251], // 262 − 11
    ['2025-01-01', '2025-12-31', 248], // 261 − 13
    ['2026-01-01', '2026-12-31', 248], // 261 − 13
  ])('%s → %s = %i', (from, to, n) => {
    expect(expectOk(workingDaysBetween(from, to, cal))).toBe(n);
  });
});

describe('workingDaysLeft (queue display)', () => {
  it.each([
    ['2026-11-23', '2026-11-27', { workingDays: 4, overdue: false }],
    ['2026-11-27', '2026-11-27', { workingDays: 0, overdue: false }],
    ['2026-11-30', '2026-11-27', { workingDays: -1, overdue: true }],
    ['2026-11-28', '2026-11-27', { workingDays: 0, overdue: true }], // Saturday after a Friday deadline
    ['2026-02-13', '2026-02-24', { workingDays: 2, overdue: false }], // Feb 14 (调休 Sat) and Feb 24
  ])('today %s, deadline %s → %o', (today, deadline, expected) => {
    expect(expectOk(workingDaysLeft(today, deadline, cal))).toEqual(expected);
  });
});

describe('properties (fast-check)', () => {
  const first = Temporal.PlainDate.from('2024-01-15');
  const span = first.until(Temporal.PlainDate.from('2026-10-15'), { largestUnit: 'days' }).days;
  const dateArb = fc.integer({ min: 0, max: span }).map((i) => first.add({ days: i }).toString());
  const nArb = fc.integer({ min: 1, max: 40 });

  const lastWorkingDayOnOrBefore = (date: string): string => {
    let d = Temporal.PlainDate.from(date);
    while (!expectOk(isWorkingDay(d.toString(), cal))) d = d.subtract({ days: 1 });
    return d.toString();
  };

  it('counting back n working days from addWorkingDays(d, n) lands on the last working day ≤ d', () => {
    fc.assert(
      fc.property(dateArb, nArb, (d, n) => {
        const forward = expectOk(addWorkingDays(d, n, cal));
        expect(expectOk(addWorkingDays(forward, -n, cal))).toBe(lastWorkingDayOnOrBefore(d));
      }),
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n, and the result is a working day after d', () => {
    fc.assert(
      fc.property(dateArb, nArb, (d, n) => {
        const forward = expectOk(addWorkingDays(d, n, cal));
        expect(expectOk(workingDaysBetween(d, forward, cal))).toBe(n);
        expect(expectOk(isWorkingDay(forward, cal))).toBe(true);
        expect(forward > d).toBe(true);
      }),
    );
  });

  it('addWorkingDays is strictly increasing in n', () => {
    fc.assert(
      fc.property(dateArb, nArb, (d, n) => {
        expect(expectOk(addWorkingDays(d, n, cal)) < expectOk(addWorkingDays(d, n + 1, cal))).toBe(true);
      }),
    );
  });

  it('endOfWorkingDayPeriod(s, n) has exactly n working days in [s, end]', () => {
    fc.assert(
      fc.property(dateArb, nArb, (s, n) => {
        const end = expectOk(endOfWorkingDayPeriod(s, n, cal));
        const startWorks = expectOk(isWorkingDay(s, cal)) ? 1 : 0;
        expect(expectOk(workingDaysBetween(s, end, cal)) + startWorks).toBe(n);
        expect(expectOk(isWorkingDay(end, cal))).toBe(true);
      }),
    );
  });

  it('workingDaysBetween is antisymmetric', () => {
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        expect(expectOk(workingDaysBetween(a, b, cal)) + expectOk(workingDaysBetween(b, a, cal))).toBe(0);
      }),
    );
  });
});

// Counting runs on a per-year table of day kinds indexed by day number. These pin the table to
// the calendar data read day by day, as the lookup did before it existed.
describe('the day table agrees with the calendar data', () => {
  /** The kind of one day straight from the year's lists and Temporal's weekday. */
  function reference(date: Temporal.PlainDate, calendar: WorkCalendar): WorkingDayInfo | 'missing' {
    const year = calendar.years.get(date.year);
    if (!year) return 'missing';
    const iso = date.toString();
    const adjusted = year.adjustedWorkdays.get(iso);
    if (adjusted !== undefined) return { date: iso, working: true, kind: 'adjusted-workday', name: adjusted };
    const holiday = year.holidays.get(iso);
    if (holiday !== undefined) return { date: iso, working: false, kind: 'holiday', name: holiday };
    return date.dayOfWeek >= 6 ? { date: iso, working: false, kind: 'weekend' } : { date: iso, working: true, kind: 'workday' };
  }

  const first = Temporal.PlainDate.from('2023-12-01');
  const span = first.until(Temporal.PlainDate.from('2027-01-31'), { largestUnit: 'days' }).days;

  it('every day 2023-12 … 2027-01, including the missing years on either side', () => {
    for (let i = 0; i <= span; i++) {
      const d = first.add({ days: i });
      const expected = reference(d, cal);
      if (expected === 'missing') {
        expect(expectFail(workingDayInfo(d.toString(), cal), 'calendar.missing-year')).toContain(`缺少${d.year}年工作日历`);
        expectFail(isWorkingDay(d.toString(), cal), 'calendar.missing-year');
      } else {
        expect(expectOk(workingDayInfo(d.toString(), cal))).toEqual(expected);
        expect(expectOk(isWorkingDay(d.toString(), cal))).toBe(expected.working);
      }
    }
  });

  it('counts as a day-by-day walk over the data does (property)', () => {
    const dateArb = fc.integer({ min: 0, max: span }).map((i) => first.add({ days: i }));
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        const [lo, hi] = Temporal.PlainDate.compare(a, b) <= 0 ? [a, b] : [b, a];
        let count = 0;
        let missing: Temporal.PlainDate | undefined;
        for (let d = lo.add({ days: 1 }); Temporal.PlainDate.compare(d, hi) <= 0; d = d.add({ days: 1 })) {
          const info = reference(d, cal);
          if (info === 'missing') {
            missing = d;
            break;
          }
          if (info.working) count += 1;
        }
        const result = workingDaysBetween(a.toString(), b.toString(), cal);
        if (missing === undefined) expect(expectOk(result)).toBe(Temporal.PlainDate.compare(a, b) <= 0 ? count : 0 - count);
        else expect(expectFail(result, 'calendar.missing-year')).toContain(formatDateZh(missing.toString()));
      }),
    );
  });

  it('a year imported later is used at once, and one built by hand is read the same way', () => {
    const handMade = (holiday: string): WorkCalendar => ({
      years: new Map([
        [
          2030,
          {
            data: { year: 2030, holidays: [], adjustedWorkdays: [] },
            holidays: new Map([[holiday, '假日']]),
            adjustedWorkdays: new Map([['2030-01-05', '调休上班']]),
          },
        ],
      ]),
    });
    const a = handMade('2030-01-02');
    const b = handMade('2030-01-03');
    expect(expectOk(workingDayInfo('2030-01-02', a))).toEqual({ date: '2030-01-02', working: false, kind: 'holiday', name: '假日' });
    expect(expectOk(workingDayInfo('2030-01-02', b))).toEqual({ date: '2030-01-02', working: true, kind: 'workday' });
    expect(expectOk(workingDayInfo('2030-01-05', b))).toEqual({
      date: '2030-01-05',
      working: true,
      kind: 'adjusted-workday',
      name: '调休上班',
    });
    // 2030-01-01 is a Tuesday; the 2nd is the holiday of calendar a.
    expect(expectOk(addWorkingDays('2030-01-01', 1, a))).toBe('2030-01-03');
    expect(expectOk(addWorkingDays('2030-01-01', 1, b))).toBe('2030-01-02');
    expectFail(addWorkingDays('2030-12-31', 1, a), 'calendar.missing-year');
  });
});
