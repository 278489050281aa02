import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { CN_OFFICIAL_CALENDAR_YEARS } from '../../../shared/rules/calendars';
import { fullYearsBetween } from '../../../shared/rules/civil-date';
import { createWorkCalendar } from '../../../shared/rules/work-calendar';
import {
  IETS_DETAIL_CHANGE_DAYS,
  IETS_REEVALUATION_WINDOW_MONTHS,
  IETS_RESTRUCTURING_CHANGE_DAYS,
  IETS_VALIDITY_YEARS,
  RK_APPEAL_DAYS,
  RK_DECISION_WORKING_DAYS,
  RK_MAX_DEFERRAL_YEARS,
  RK_REGISTRATION_WINDOW_MONTHS,
  RK_VALIDITY_YEARS,
  XJ_PM_RENEWAL_WINDOW_MONTHS,
  XJ_PM_RENEWAL_YEARS,
  XJ_PM_VALIDITY_YEARS,
  XJ_SPM_RENEWAL_WINDOW_MONTHS,
  XJ_SPM_RENEWAL_YEARS,
  XJ_SPM_VALIDITY_YEARS,
  appealDeadline,
  changeDeadline,
  checkDeferral,
  expiryDate,
  extendedExpiry,
  isAppealInTime,
  isWithinWindow,
  registrationDecisionDeadline,
  renewalStatus,
  windowBeforeExpiry,
  type ChangeKind,
} from '../../../shared/rules/validity';
import { expectFail, expectOk } from './expect-result';

const cal = expectOk(createWorkCalendar(CN_OFFICIAL_CALENDAR_YEARS));

describe('rulebook constants', () => {
  it.each([
    ['000 第十五条 工程经理证书有效期四年', XJ_PM_VALIDITY_YEARS, 4],
    ['000 第十五条 期满前6个月', XJ_PM_RENEWAL_WINDOW_MONTHS, 6],
    ['000 第十五条一 延续后有效期4年', XJ_PM_RENEWAL_YEARS, 4],
    ['000 第十六条 高级工程经理证书有效期四年', XJ_SPM_VALIDITY_YEARS, 4],
    ['000 第十六条 期满前6个月', XJ_SPM_RENEWAL_WINDOW_MONTHS, 6],
    ['000 第十六条 延续后有效期4年', XJ_SPM_RENEWAL_YEARS, 4],
    ['003 第三条 有效期三年', RK_VALIDITY_YEARS, 3],
    ['003 第三条 有效期满前三个月内登记', RK_REGISTRATION_WINDOW_MONTHS, 3],
    ['003 第七条 受理后15个工作日内', RK_DECISION_WORKING_DAYS, 15],
    ['003 第八条 延期不得超过一年', RK_MAX_DEFERRAL_YEARS, 1],
    ['003 第十一条 30日内申请复议', RK_APPEAL_DAYS, 30],
    ['004 第十五条 有效期3年', IETS_VALIDITY_YEARS, 3],
    ['004 第十六条 期满前3个月内再评价', IETS_REEVALUATION_WINDOW_MONTHS, 3],
    ['004 第二十一条 变更30日内', IETS_DETAIL_CHANGE_DAYS, 30],
    ['004 第二十一条 分立、合并或重组90日内', IETS_RESTRUCTURING_CHANGE_DAYS, 90],
  ])('%s', (_rule, value, expected) => {
    expect(value).toBe(expected);
  });
});

describe('expiryDate: last valid day, issue day counted (003 第三条 自批准或登记之日起算)', () => {
  it.each([
    ['000 第十五条: 2022-03-15, 4 years', '2022-03-15', XJ_PM_VALIDITY_YEARS, '2026-03-14'],
    ['003 第三条: 2023-07-01, 3 years', '2023-07-01', RK_VALIDITY_YEARS, '2026-06-30'],
    ['004 第十五条: 2024-01-01, 3 years', '2024-01-01', IETS_VALIDITY_YEARS, '2026-12-31'],
    ['leap day, 1 year (anniversary clamps to 02-28)', '2024-02-29', 1, '2025-02-27'],
    ['leap day, 4 years (anniversary exists)', '2024-02-29', 4, '2028-02-28'],
    ['issued 1 March in a leap year', '2024-03-01', 1, '2025-02-28'],
    ['issued 1 March before a leap February', '2023-03-01', 1, '2024-02-29'],
  ])('%s → %s', (_name, issue, years, expected) => {
    expect(expectOk(expiryDate(issue, years))).toBe(expected);
  });

  it.each([
    ['zero years', expiryDate('2026-01-01', 0), 'validity.period'],
    ['fractional years', expiryDate('2026-01-01', 2.5), 'validity.period'],
    ['impossible issue date', expiryDate('2023-02-29', 3), 'date.invalid'],
  ])('%s → %s', (_name, result, code) => {
    expectFail(result, code);
  });

  it('valid on d ⇔ fewer than N full years since issue (property)', () => {
    const base = Temporal.PlainDate.from('2019-01-01');
    const dayArb = fc.integer({ min: 0, max: 3000 }).map((i) => base.add({ days: i }));
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 5 }), (issue, offset, years) => {
        const d = issue.add({ days: offset });
        const expiry = expectOk(expiryDate(issue.toString(), years));
        const valid = d.toString() <= expiry;
        expect(valid).toBe(expectOk(fullYearsBetween(issue.toString(), d.toString())) < years);
      }),
    );
  });

  it.each([
    ['000 第十五条一: renewal +4 years', '2026-03-14', XJ_PM_RENEWAL_YEARS, '2030-03-14'],
    ['new period starting on a leap day', '2028-02-28', 4, '2032-02-28'],
    ['period ending on 2027-02-28', '2027-02-28', 1, '2028-02-29'],
  ])('extendedExpiry: %s', (_name, current, years, expected) => {
    expect(expectOk(extendedExpiry(current, years))).toBe(expected);
  });
});

describe('windowBeforeExpiry: [expiry − M months, expiry], both ends inclusive, month ends clamped', () => {
  it.each([
    ['000 第十五条 6 months, Aug 31 → Feb 28', '2026-08-31', 6, '2026-02-28'],
    ['000 第十五条 6 months, Aug 31 → Feb 29 in a leap year', '2024-08-31', 6, '2024-02-29'],
    ['003 第三条 3 months, May 31 → Feb 28', '2026-05-31', RK_REGISTRATION_WINDOW_MONTHS, '2026-02-28'],
    ['004 第十六条 3 months, mid-month', '2026-12-15', IETS_REEVALUATION_WINDOW_MONTHS, '2026-09-15'],
    ['6 months across a year end', '2026-03-14', XJ_PM_RENEWAL_WINDOW_MONTHS, '2025-09-14'],
  ])('%s', (_name, expiry, months, from) => {
    expect(expectOk(windowBeforeExpiry(expiry, months))).toEqual({ from, to: expiry });
  });

  it('rejects a non-positive month count', () => {
    expectFail(windowBeforeExpiry('2026-08-31', 0), 'validity.period');
  });

  // Dates from 1900 to 2100, with month ends and leap days over-represented: that is where
  // clamping could reorder two windows.
  const first = Temporal.PlainDate.from('1900-01-01');
  const span = first.until(Temporal.PlainDate.from('2100-12-31'), { largestUnit: 'days' }).days;
  const anyDay = fc.integer({ min: 0, max: span }).map((i) => first.add({ days: i }));
  const monthEnd = fc
    .record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), back: fc.integer({ min: 0, max: 3 }) })
    .map(({ year, month, back }) => Temporal.PlainYearMonth.from({ year, month }).toPlainDate({ day: 1 }).add({ months: 1 }).subtract({ days: 1 + back }));
  const expiryArb = fc.oneof(anyDay, monthEnd);

  it('is monotonic in the expiry: e1 ≤ e2 ⇒ from and to keep their order (property)', () => {
    fc.assert(
      fc.property(expiryArb, expiryArb, fc.integer({ min: 1, max: 36 }), (a, b, months) => {
        const [e1, e2] = Temporal.PlainDate.compare(a, b) <= 0 ? [a, b] : [b, a];
        const w1 = expectOk(windowBeforeExpiry(e1.toString(), months));
        const w2 = expectOk(windowBeforeExpiry(e2.toString(), months));
        expect(w1.from <= w2.from).toBe(true);
        expect(w1.to <= w2.to).toBe(true);
      }),
    );
  });

  it('is antitone in the months: m1 ≤ m2 ⇒ from(m2) ≤ from(m1), same end (property)', () => {
    fc.assert(
      fc.property(expiryArb, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), (expiry, a, b) => {
        const [m1, m2] = a <= b ? [a, b] : [b, a];
        const w1 = expectOk(windowBeforeExpiry(expiry.toString(), m1));
        const w2 = expectOk(windowBeforeExpiry(expiry.toString(), m2));
        expect(w2.from <= w1.from).toBe(true);
        expect(w2.to).toBe(w1.to);
      }),
    );
  });

  it('starts where Temporal says, month ends clamped (property)', () => {
    fc.assert(
      fc.property(expiryArb, fc.integer({ min: 1, max: 60 }), (expiry, months) => {
        expect(expectOk(windowBeforeExpiry(expiry.toString(), months)).from).toBe(expiry.subtract({ months }).toString());
      }),
    );
  });
});

describe('isWithinWindow: the first and last day are inside, the days around are not', () => {
  const window = expectOk(windowBeforeExpiry('2026-08-31', XJ_PM_RENEWAL_WINDOW_MONTHS)); // 2026-02-28 … 2026-08-31
  it.each([
    ['2026-02-27', false, 'day before the window'],
    ['2026-02-28', true, 'first day'],
    ['2026-05-15', true, 'middle'],
    ['2026-08-31', true, 'last day (expiry)'],
    ['2026-09-01', false, 'day after'],
  ])('%s → %s (%s)', (date, inside) => {
    expect(expectOk(isWithinWindow(date, window))).toBe(inside);
  });

  it('rejects a reversed window', () => {
    expectFail(isWithinWindow('2026-03-01', { from: '2026-04-01', to: '2026-03-01' }), 'validity.window-order');
  });
});

describe('renewalStatus (000 第十五条 期满前6个月; 003 第三条 逾期不再有效)', () => {
  const expiry = '2026-08-31';
  it.each([
    ['2026-01-31', { state: 'too-early', daysUntilOpen: 28 }],
    ['2026-02-27', { state: 'too-early', daysUntilOpen: 1 }],
    ['2026-02-28', { state: 'open', daysUntilExpiry: 184 }],
    ['2026-08-30', { state: 'open', daysUntilExpiry: 1 }],
    ['2026-08-31', { state: 'open', daysUntilExpiry: 0 }],
    ['2026-09-01', { state: 'expired', daysSinceExpiry: 1 }],
  ])('today %s → %o', (today, expected) => {
    expect(expectOk(renewalStatus(today, expiry, XJ_PM_RENEWAL_WINDOW_MONTHS))).toEqual({
      window: { from: '2026-02-28', to: expiry },
      ...expected,
    });
  });

  it('rejects a bad today', () => {
    expectFail(renewalStatus('2026/01/01', expiry, 6), 'date.format');
  });
});

describe('checkDeferral (003 第八条: 有效期满前申请，延期时间不得超过一年)', () => {
  const expiry = '2026-03-14';
  it.each([
    ['full year, asked months ahead', '2027-03-14', '2026-01-10'],
    ['short deferral, asked on the expiry day', '2026-09-30', '2026-03-14'],
  ])('%s → ok', (_name, until, asked) => {
    expect(expectOk(checkDeferral(expiry, until, asked))).toEqual({ newExpiry: until, latestAllowed: '2027-03-14' });
  });

  it.each([
    ['asked the day after expiry', '2026-09-30', '2026-03-15', 'deferral.after-expiry', '有效期满前'],
    ['one day beyond a year', '2027-03-15', '2026-01-10', 'deferral.too-long', '最多可延期至2027年03月14日'],
    ['not later than the expiry', '2026-03-14', '2026-01-10', 'deferral.not-later', '无需延期'],
    ['bad requested date', '2027-02-30', '2026-01-10', 'date.invalid', '2月只有28天'],
  ])('%s → %s', (_name, until, asked, code, fragment) => {
    expect(expectFail(checkDeferral(expiry, until, asked), code)).toContain(fragment);
  });

  it('a leap-year end allows 29 Feb', () => {
    expect(expectOk(checkDeferral('2027-02-28', '2028-02-29', '2027-01-05')).latestAllowed).toBe('2028-02-29');
  });
});

describe('appealDeadline (003 第十一条: 注销登记公布之日起30日内, calendar days, notice day not counted)', () => {
  it.each([
    ['2026-03-01', undefined, '2026-03-31'],
    ['2026-01-31', undefined, '2026-03-02'],
    ['2024-01-31', undefined, '2024-03-01'], // leap February
    ['2026-01-16', undefined, '2026-02-15'], // a 春节 Sunday, no calendar given: stays
    ['2026-01-16', cal, '2026-02-24'], // with a calendar: rolls past 春节 (民法典 第二百零三条)
    ['2026-03-06', cal, '2026-04-07'], // 04-05 is 清明节 (Sunday) → 04-06 holiday too → 04-07
    ['2026-03-02', cal, '2026-04-01'], // a working day: unchanged
  ])('notice %s → last day %s', (notice, calendar, expected) => {
    expect(expectOk(appealDeadline(notice, calendar))).toBe(expected);
  });

  it.each([
    ['2026-03-01', '2026-03-01', true, 'same day'],
    ['2026-03-01', '2026-03-31', true, 'last day'],
    ['2026-03-01', '2026-04-01', false, 'day after'],
  ])('notice %s, appeal %s → %s (%s)', (notice, appeal, inTime) => {
    expect(expectOk(isAppealInTime(notice, appeal))).toBe(inTime);
  });

  it('an appeal dated before the notice is a data error', () => {
    expectFail(isAppealInTime('2026-03-01', '2026-02-28'), 'appeal.before-notice');
  });

  it('a calendar without the year is reported', () => {
    expectFail(appealDeadline('2026-12-15', cal), 'calendar.missing-year');
  });
});

describe('changeDeadline (004 第二十一条: 变更发生后30日内 / 分立、合并或重组90日内)', () => {
  it.each([
    ['registration-details', '2026-03-01', undefined, '2026-03-31'],
    ['restructuring', '2026-03-01', undefined, '2026-05-30'],
    ['restructuring', '2026-03-01', cal, '2026-06-01'], // 05-30 is a Saturday
    ['registration-details', '2025-09-01', cal, '2025-10-09'], // 10-01 is in 国庆节、中秋节 (Oct 1–8)
  ] as const)('%s on %s → %s', (kind, event, calendar, expected) => {
    expect(expectOk(changeDeadline(event, kind, calendar))).toBe(expected);
  });

  it('an unknown kind is an error, not a throw', () => {
    expectFail(changeDeadline('2026-03-01', 'merger' as ChangeKind), 'change.kind');
    expectFail(changeDeadline('2026-03-01', 'toString' as ChangeKind), 'change.kind');
  });
});

describe('registrationDecisionDeadline (003 第七条: 受理登记申请后15个工作日内)', () => {
  it.each([
    ['2026-11-02', '2026-11-23', 'three plain weeks'],
    ['2026-02-06', '2026-03-05', 'across 春节 with 调休 Saturdays 02-14 and 02-28'],
    ['2026-09-22', '2026-10-20', 'across 中秋节 and 国庆节'],
  ])('accepted %s → decide by %s (%s)', (accepted, deadline) => {
    expect(expectOk(registrationDecisionDeadline(accepted, cal))).toBe(deadline);
  });
});
