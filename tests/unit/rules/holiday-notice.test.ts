/**
 * Entering a year from the State Council's notice as pasted, provisional counting into a year
 * not entered yet, and the reminder from 1 November.
 */
import { describe, expect, it } from 'vitest';
import { CN_2025, CN_2026 } from '../../../shared/rules/calendars';
import { calendarWarning, calendarYearFromPeriods, holidayPeriods, parseHolidayNotice } from '../../../shared/rules/holiday-notice';
import { createWorkCalendar, missingCalendarYears, provisionalCalendar } from '../../../shared/rules/work-calendar';
import { addWorkingDays, endOfWorkingDayPeriod, isWorkingDay, workingDayInfo } from '../../../shared/rules/working-days';
import { expectFail, expectOk } from './expect-result';

/** 国务院办公厅关于2026年部分节假日安排的通知, items as published. */
const NOTICE_2026 = `经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。`;

/** 2025: one-day 元旦 without 调休, a combined 国庆节、中秋节 item. */
const NOTICE_2025 = `一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。`;

describe('parseHolidayNotice: the notice text as an office pastes it', () => {
  it('2026: every day off and every weekend worked, as the shipped 2026 data', () => {
    const year = expectOk(parseHolidayNotice(2026, NOTICE_2026));
    expect(year.holidays).toEqual(CN_2026.holidays);
    expect(year.adjustedWorkdays).toEqual(CN_2026.adjustedWorkdays);
  });

  it('2025: a single day off, a range across months and a combined item', () => {
    const year = expectOk(parseHolidayNotice(2025, NOTICE_2025, '国办发明电〔2024〕12号'));
    expect(year.holidays).toEqual(CN_2025.holidays);
    expect(year.adjustedWorkdays).toEqual(CN_2025.adjustedWorkdays);
    expect(year.source).toBe('国办发明电〔2024〕12号');
  });

  it('元旦 starting in December of the year before keeps only this year’s days', () => {
    const year = expectOk(parseHolidayNotice(2023, '一、元旦：2022年12月31日（周六）至2023年1月2日（周一）放假调休，共3天。'));
    expect(year.holidays.map((d) => d.date)).toEqual(['2023-01-01', '2023-01-02']);
  });

  it('a weekday that does not match its date is caught, naming both', () => {
    const message = expectFail(parseHolidayNotice(2027, NOTICE_2026), 'notice.weekday');
    expect(message).toBe('“元旦”一项中“1月1日”注明为周四，但2027年1月1日是周五，请核对年份和日期。');
  });

  it('a date that does not exist is refused', () => {
    const message = expectFail(parseHolidayNotice(2027, '一、春节：2月30日至3月2日放假调休，共3天。'), 'notice.date');
    expect(message).toBe('“春节”一项中的日期“2月30日”不存在。');
  });

  it('text with no holiday items says what to paste', () => {
    expect(expectFail(parseHolidayNotice(2027, "请各单位做好值班工作。"), "notice.empty")).toBe(
      '没有读到任何放假安排。请粘贴通知正文中“一、元旦：……”起的各项。',
    );
  });

  it('a worked weekday (a typo for a weekend) is refused by the calendar check', () => {
    const message = expectFail(parseHolidayNotice(2026, '一、元旦：1月1日至3日放假调休，共3天。1月5日上班。'), 'calendar.workday-not-weekend');
    expect(message).toContain('2026-01-05是工作日（周一）');
  });
});

describe('holidayPeriods: a year grouped as the notice reads', () => {
  it('2026 春节 is one period of 9 days with its two weekends worked', () => {
    const spring = holidayPeriods(CN_2026).find((p) => p.name === '春节');
    expect(spring).toEqual({ name: '春节', from: '2026-02-15', to: '2026-02-23', days: 9, workdays: ['2026-02-14', '2026-02-28'] });
    expect(holidayPeriods(CN_2026).map((p) => p.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);
  });
});

describe('provisional counting into a year that is not entered', () => {
  const cal = expectOk(createWorkCalendar([CN_2026]));
  const rough = provisionalCalendar(cal);

  it('the exact calendar refuses, the provisional one counts weekends only', () => {
    expectFail(addWorkingDays('2026-12-18', 15, cal), 'calendar.missing-year');
    // 2026-12-18 (Fri) + 15 working days: 12-21..12-25 (5), 12-28..12-31 (4), 2027-01-01 (Fri, 1),
    // 01-04..01-08 (5) → 2027-01-08, 元旦 unknown and therefore counted as a working day.
    expect(expectOk(addWorkingDays('2026-12-18', 15, rough))).toBe('2027-01-08');
    expect(expectOk(isWorkingDay('2027-01-02', rough))).toBe(false);
    expect(expectOk(workingDayInfo('2027-01-04', rough))).toEqual({ date: '2027-01-04', working: true, kind: 'workday' });
  });

  it('known years keep their holidays in a provisional count', () => {
    // 09-30 (Wed), then 国庆 10-01..07 off, 10-08, 10-09, 10-10 (Sat, 调休), 10-12 (Mon).
    expect(expectOk(endOfWorkingDayPeriod('2026-09-30', 5, rough))).toBe('2026-10-12');
  });

  it('missingCalendarYears lists the years a span reaches that are not held', () => {
    expect(missingCalendarYears(2026, 2028, cal)).toEqual([2027, 2028]);
    expect(missingCalendarYears(2026, 2026, cal)).toEqual([]);
  });
});

describe('calendarWarning: from 1 November, and insistently once the year has begun', () => {
  const cal = expectOk(createWorkCalendar([CN_2025, CN_2026]));
  it.each([
    ['2026-10-31', undefined],
    ['2026-11-01', { year: 2027, kind: 'next' }],
    ['2026-12-31', { year: 2027, kind: 'next' }],
    ['2027-01-01', { year: 2027, kind: 'current' }],
    ['2025-11-15', undefined],
  ])('%s', (today, expected) => {
    const warning = calendarWarning(today, cal);
    if (expected === undefined) expect(warning).toBeUndefined();
    else expect({ year: warning?.year, kind: warning?.kind }).toEqual(expected);
  });

  it('says what it means and where to go', () => {
    expect(calendarWarning('2026-12-07', cal)?.message).toBe(
      '尚未录入2027年工作日历：跨入2027年的工作日期限暂按周末计算（标注“暂定”）。国务院办公厅公布2027年节假日安排后，请管理员在“工作日历”中录入。',
    );
  });
});

describe('calendarYearFromPeriods: the editor rows as a year', () => {
  it('expands each period and names its weekends worked', () => {
    const year = expectOk(
      calendarYearFromPeriods(2026, [{ name: '元旦', from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] }], '测试'),
    );
    expect(year).toEqual({
      year: 2026,
      source: '测试',
      holidays: [
        { date: '2026-01-01', name: '元旦' },
        { date: '2026-01-02', name: '元旦' },
        { date: '2026-01-03', name: '元旦' },
      ],
      adjustedWorkdays: [{ date: '2026-01-04', name: '元旦调休上班' }],
    });
  });

  it.each([
    [[{ name: ' ', from: '2026-01-01', to: '2026-01-01', workdays: [] }], 'calendar.period-name', '第1项：请填写节日名称。'],
    [[{ name: '春节', from: '2026-02-23', to: '2026-02-15', workdays: [] }], 'notice.range', '第1项“春节”的放假起止日期颠倒了。'],
  ])('refuses a bad row, naming it', (rows, code, message) => {
    expect(expectFail(calendarYearFromPeriods(2026, rows), code)).toBe(message);
  });

  it('a day of another year is refused by the calendar check', () => {
    expect(expectFail(calendarYearFromPeriods(2027, [{ name: '元旦', from: '2026-12-31', to: '2027-01-01', workdays: [] }]), 'calendar.date-outside-year')).toContain(
      '2026-12-31不在2027年内',
    );
  });
});
