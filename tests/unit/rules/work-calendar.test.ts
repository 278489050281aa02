import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { CN_2024, CN_2025, CN_2026, CN_OFFICIAL_CALENDAR_YEARS } from '../../../shared/rules/calendars';
import {
  createWorkCalendar,
  parseWorkCalendarYear,
  workCalendarYearSchema,
  type WorkCalendarYear,
} from '../../../shared/rules/work-calendar';
import { expectFail, expectOk } from './expect-result';

const minimal = (patch: Record<string, unknown> = {}): Record<string, unknown> => ({
  year: 2027,
  holidays: [{ date: '2027-01-01', name: '元旦' }],
  adjustedWorkdays: [{ date: '2027-01-02', name: '元旦调休上班' }], // a Saturday
  ...patch,
});

describe('shipped official calendars (国务院办公厅部分节假日安排通知)', () => {
  it.each([CN_2024, CN_2025, CN_2026].map((y) => [y.year, y] as const))('%i passes its own schema', (_year, data) => {
    expect(workCalendarYearSchema.safeParse(data).success).toBe(true);
    expect(expectOk(parseWorkCalendarYear(data)).holidays).toHaveLength(data.holidays.length);
  });

  // Net weekday days off = statutory holidays: 11 until 2024, 13 from 2025 (《全国年节及纪念日放假办法》
  // 2024年修订 adds 除夕 and 5月2日). A wrong or missing date would break this balance.
  it.each([
    [2024, CN_2024, 11],
    [2025, CN_2025, 13],
    [2026, CN_2026, 13],
  ] as const)('%i: weekday holidays minus 调休 workdays = statutory days', (_year, data, statutory) => {
    const weekdayOff = data.holidays.filter((d) => Temporal.PlainDate.from(d.date).dayOfWeek <= 5).length;
    expect(weekdayOff - data.adjustedWorkdays.length).toBe(statutory);
  });

  it.each([
    ['2024', CN_2024, { 春节: ['2024-02-10', '2024-02-17'], 国庆节: ['2024-10-01', '2024-10-07'] }],
    ['2025', CN_2025, { 春节: ['2025-01-28', '2025-02-04'], '国庆节、中秋节': ['2025-10-01', '2025-10-08'] }],
    ['2026', CN_2026, { 春节: ['2026-02-15', '2026-02-23'], 国庆节: ['2026-10-01', '2026-10-07'] }],
  ] as const)('%s holiday periods are contiguous and complete', (_y, data, periods) => {
    for (const [name, [first, last]] of Object.entries(periods)) {
      const days = data.holidays.filter((d) => d.name === name).map((d) => d.date);
      const expected: string[] = [];
      for (let d = Temporal.PlainDate.from(first); Temporal.PlainDate.compare(d, Temporal.PlainDate.from(last)) <= 0; d = d.add({ days: 1 })) {
        expected.push(d.toString());
      }
      expect(days).toEqual(expected);
    }
  });

  it('all shipped years build one calendar', () => {
    const cal = expectOk(createWorkCalendar(CN_OFFICIAL_CALENDAR_YEARS));
    expect([...cal.years.keys()]).toEqual([2024, 2025, 2026]);
  });
});

describe('parseWorkCalendarYear: an office can import or edit a year', () => {
  it('accepts a JSON round trip and sorts the lists', () => {
    const json = JSON.stringify(
      minimal({
        holidays: [
          { date: '2027-01-03', name: ' 元旦 ' },
          { date: '2027-01-01', name: '元旦' },
        ],
        source: '国办发明电〔2026〕X号',
      }),
    );
    const year = expectOk(parseWorkCalendarYear(JSON.parse(json)));
    expect(year.holidays).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-01-03', name: '元旦' },
    ]);
    expect(year.source).toBe('国办发明电〔2026〕X号');
  });

  it.each([
    ['duplicate holiday date', minimal({ holidays: [{ date: '2027-01-01', name: '元旦' }, { date: '2027-01-01', name: '元旦' }] }), 'calendar.duplicate-date', '重复'],
    ['duplicate workday date', minimal({ adjustedWorkdays: [{ date: '2027-01-02', name: 'a' }, { date: '2027-01-02', name: 'b' }] }), 'calendar.duplicate-date', '调休上班日中重复'],
    ['date in another year', minimal({ holidays: [{ date: '2026-12-31', name: '元旦' }] }), 'calendar.date-outside-year', '不在2027年内'],
    ['holiday and workday at once', minimal({ holidays: [{ date: '2027-01-02', name: '元旦' }] }), 'calendar.holiday-and-workday', '同时出现'],
    ['调休 on a weekday', minimal({ adjustedWorkdays: [{ date: '2027-01-04', name: '元旦调休上班' }] }), 'calendar.workday-not-weekend', '周一'],
    ['impossible date', minimal({ holidays: [{ date: '2027-02-29', name: '元旦' }] }), 'calendar.invalid', '节假日第1条的日期'],
    ['slash date', minimal({ holidays: [{ date: '2027/01/01', name: '元旦' }] }), 'calendar.invalid', '不是有效的日期'],
    ['empty name', minimal({ holidays: [{ date: '2027-01-01', name: '  ' }] }), 'calendar.invalid', '名称'],
    ['missing list', { year: 2027, holidays: [] }, 'calendar.invalid', '调休上班日'],
    ['year as text', minimal({ year: '2027' }), 'calendar.invalid', '年份'],
    ['fractional year', minimal({ year: 2027.5 }), 'calendar.invalid', '整数'],
    ['not an object', 'holidays', 'calendar.invalid', '对象'],
    ['null', null, 'calendar.invalid', '对象'],
  ])('%s → %s', (_name, input, code, fragment) => {
    const message = expectFail(parseWorkCalendarYear(input), code);
    expect(message).toContain(fragment);
  });

  it('names the year and counts further problems', () => {
    const message = expectFail(
      parseWorkCalendarYear(minimal({ holidays: [{ date: '2026-12-31', name: 'x' }, { date: '2026-12-30', name: 'y' }] })),
      'calendar.date-outside-year',
    );
    expect(message).toMatch(/^2027年工作日历有误/);
    expect(message).toContain('另有1处问题');
  });
});

describe('createWorkCalendar', () => {
  it('rejects the same year twice instead of picking one', () => {
    const edited: WorkCalendarYear = { ...CN_2026, holidays: CN_2026.holidays.slice(1) };
    expect(expectFail(createWorkCalendar([...CN_OFFICIAL_CALENDAR_YEARS, edited]), 'calendar.duplicate-year')).toContain('2026年');
  });

  it('rejects invalid imported data with the year in the message', () => {
    expect(expectFail(createWorkCalendar([CN_2025, minimal({ holidays: [{ date: '2026-01-01', name: 'x' }] })]), 'calendar.date-outside-year')).toContain('2027年');
  });

  it('adds an imported year alongside the shipped ones', () => {
    const cal = expectOk(createWorkCalendar([...CN_OFFICIAL_CALENDAR_YEARS, minimal()]));
    expect(cal.years.get(2027)?.adjustedWorkdays.get('2027-01-02')).toBe('元旦调休上班');
  });
});
