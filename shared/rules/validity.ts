/**
 * Certificate validity and the time limits around it: expiry, the renewal window before expiry,
 * deferral, appeal and change-notification deadlines. The numbers come from the rulebooks and are
 * exported so program packs reference them instead of repeating them.
 *
 * Conventions (one for all programs, so screens never disagree):
 * - Validity counts the issue day as its first day (003 第三条: 有效期“自批准或登记之日起算”), so
 *   the last valid day is the day before the N-th anniversary: issued 2022-03-15, valid 4 years →
 *   expires 2026-03-14 (inclusive). Anniversaries clamp like addYears (29 Feb → 28 Feb), so issued
 *   2024-02-29, valid 1 year → last valid day 2025-02-27; this keeps
 *   "valid on d" ⇔ fullYearsBetween(issue, d) < N.
 * - "Within M months before expiry" is the inclusive window [expiry − M months, expiry], clamped
 *   to month ends (expiry 08-31, 6 months → from 02-28, or 02-29 in a leap year).
 * - Limits counted in days ("30日内") do not count the day of the event, following 民法典 第二百零一条
 *   (按照日计算期间的，开始的当日不计入): notice on 03-01, 30 days → last day 03-31.
 *   Optionally, when a work calendar is passed, a last day that falls on a rest day moves to the
 *   next working day (民法典 第二百零三条). Without a calendar the plain calendar date is returned.
 */
import { addDays, addMonths, addYears, dayNumberOf, formatDateZh, toDayNumber, type IsoDate } from './civil-date';
import { fail, ok, type Result } from './result';
import type { WorkCalendar } from './work-calendar';
import { addWorkingDays, isWorkingDay } from './working-days';

// ---------------------------------------------------------------------------------------------
// Rulebook numbers
// ---------------------------------------------------------------------------------------------

/** 000 第十五条: 《信息系统集成实施工程经理评价证书》有效期为四年. */
export const XJ_PM_VALIDITY_YEARS = 4;
/** 000 第十五条: 证书期满前 6 个月 持证人可申请延续或申请高级工程经理评价. */
export const XJ_PM_RENEWAL_WINDOW_MONTHS = 6;
/** 000 第十五条一: 延续后证书有效期为 4 年. */
export const XJ_PM_RENEWAL_YEARS = 4;
/** 000 第十六条: 《信息系统集成实施高级工程经理评价证书》有效期为四年. */
export const XJ_SPM_VALIDITY_YEARS = 4;
/** 000 第十六条: 证书期满前 6 个月 可申请延续. */
export const XJ_SPM_RENEWAL_WINDOW_MONTHS = 6;
/** 000 第十六条: 证书延续后有效期为 4 年. */
export const XJ_SPM_RENEWAL_YEARS = 4;

/** 003 第三条 (信办人[2004]47号): 证书有效期为三年（自批准或登记之日起算）. */
export const RK_VALIDITY_YEARS = 3;
/** 003 第三条: 在有效期满前三个月内 办理证书登记手续，逾期不再有效. */
export const RK_REGISTRATION_WINDOW_MONTHS = 3;
/** 003 第七条: 证书登记实施机构应在受理登记申请后15个工作日内作出审查意见. */
export const RK_DECISION_WORKING_DAYS = 15;
/**
 * 003 第八条: 延期登记，延期时间不得超过一年. (信办人[2004]48号 第六条 allows the same one-year
 * 顺延 for the continuing-education duty.)
 */
export const RK_MAX_DEFERRAL_YEARS = 1;
/**
 * 003 第十一条: 可以在注销登记公布之日起30日内申请复议. Calendar days: the same notice says
 * “15个工作日” in 第七条 when it means working days, so a bare “30日” is calendar days.
 */
export const RK_APPEAL_DAYS = 30;

/** 004 第十五条: 证书有效期为 3 年. */
export const IETS_VALIDITY_YEARS = 3;
/** 004 第十六条: 应在证书有效期满前 3 个月内提出再评价申请. */
export const IETS_REEVALUATION_WINDOW_MONTHS = 3;
/** 004 第二十一条: 工商登记或其他有效登记信息发生变更，应在变更发生后 30 日内 提交证书变更申请. */
export const IETS_DETAIL_CHANGE_DAYS = 30;
/** 004 第二十一条: 分立、合并或重组等重大变更，应在变更发生后 90 日内 提交变更申请. */
export const IETS_RESTRUCTURING_CHANGE_DAYS = 90;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function checkPositiveWhole(n: number, what: string): Result<number> {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
    return fail('validity.period', `${what}应为正整数，收到的是“${String(n)}”。`);
  }
  return ok(n);
}

/** 民法典 第二百零三条: a period whose last day is a rest day ends on the next working day instead. */
function rollToWorkingDay(date: IsoDate, cal: WorkCalendar | undefined): Result<IsoDate> {
  if (!cal) return ok(date);
  const working = isWorkingDay(date, cal);
  if (!working.ok) return working;
  return working.value ? ok(date) : addWorkingDays(date, 1, cal);
}

/** The last day of a limit of `days` calendar days after `start` (start day not counted). */
function dayLimit(start: IsoDate, days: number, cal: WorkCalendar | undefined): Result<IsoDate> {
  const last = addDays(start, days);
  return last.ok ? rollToWorkingDay(last.value, cal) : last;
}

// ---------------------------------------------------------------------------------------------
// Expiry and renewal
// ---------------------------------------------------------------------------------------------

/**
 * Last valid day (inclusive) of a certificate issued on `issueDate` and valid for `years` years:
 * the day before the anniversary. 2022-03-15 + 4 years → 2026-03-14; 2024-02-29 + 1 year →
 * 2025-02-27 (the anniversary clamps to 02-28). See the module comment for why.
 */
export function expiryDate(issueDate: IsoDate, years: number): Result<IsoDate> {
  const n = checkPositiveWhole(years, '有效期年数');
  if (!n.ok) return n;
  const anniversary = addYears(issueDate, n.value);
  return anniversary.ok ? addDays(anniversary.value, -1) : anniversary;
}

/**
 * New last valid day after a renewal (延续, 000 第十五条一) or a new registration period: the new
 * period starts the day after the current expiry. 2026-03-14 + 4 years → 2030-03-14.
 */
export function extendedExpiry(currentExpiry: IsoDate, years: number): Result<IsoDate> {
  const next = addDays(currentExpiry, 1);
  return next.ok ? expiryDate(next.value, years) : next;
}

/** An inclusive range of days: both `from` and `to` are inside. */
export interface DateWindow {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/**
 * The window "within `months` months before expiry" (期满前N个月内): from expiry − months (clamped
 * to the month end) through the expiry day itself, both inclusive.
 * Expiry 2026-08-31, 6 months → 2026-02-28 … 2026-08-31; expiry 2024-08-31 → 2024-02-29 … .
 */
export function windowBeforeExpiry(expiry: IsoDate, months: number): Result<DateWindow> {
  const n = checkPositiveWhole(months, '提前月数');
  if (!n.ok) return n;
  const from = addMonths(expiry, -n.value);
  return from.ok ? ok({ from: from.value, to: expiry }) : from;
}

/** Whether `date` lies in the window, both ends included. */
export function isWithinWindow(date: IsoDate, window: DateWindow): Result<boolean> {
  const d = toDayNumber(date);
  if (!d.ok) return d;
  const from = toDayNumber(window.from);
  if (!from.ok) return from;
  const to = toDayNumber(window.to);
  if (!to.ok) return to;
  if (from.value > to.value) {
    return fail(
      'validity.window-order',
      `期间的开始日期${formatDateZh(window.from)}晚于结束日期${formatDateZh(window.to)}，请核对。`,
    );
  }
  return ok(from.value <= d.value && d.value <= to.value);
}

/** Where a certificate stands on `today` with respect to its renewal (or re-evaluation) window. */
export type RenewalStatus =
  | {
      readonly state: 'too-early';
      readonly window: DateWindow;
      /** Calendar days until the window opens (≥ 1). */
      readonly daysUntilOpen: number;
    }
  | {
      readonly state: 'open';
      readonly window: DateWindow;
      /** Calendar days until the expiry day; 0 means today is the last valid day. */
      readonly daysUntilExpiry: number;
    }
  | {
      readonly state: 'expired';
      readonly window: DateWindow;
      /** Calendar days since the expiry day (≥ 1). */
      readonly daysSinceExpiry: number;
    };

/**
 * 'too-early' before the window, 'open' from its first day through the expiry day, 'expired'
 * from the day after expiry (003 第三条: 逾期未办理登记手续的证书不再有效; 004 第十七条: 到期自动失效).
 */
export function renewalStatus(today: IsoDate, expiry: IsoDate, months: number): Result<RenewalStatus> {
  const t = toDayNumber(today);
  if (!t.ok) return t;
  const window = windowBeforeExpiry(expiry, months);
  if (!window.ok) return window;
  // Both ends are canonical by now: windowBeforeExpiry accepted the one and computed the other.
  const from = dayNumberOf(window.value.from);
  const to = dayNumberOf(window.value.to);
  if (t.value < from) return ok({ state: 'too-early', window: window.value, daysUntilOpen: from - t.value });
  if (t.value <= to) return ok({ state: 'open', window: window.value, daysUntilExpiry: to - t.value });
  return ok({ state: 'expired', window: window.value, daysSinceExpiry: t.value - to });
}

// ---------------------------------------------------------------------------------------------
// Deferral (P5)
// ---------------------------------------------------------------------------------------------

export interface DeferralCheck {
  /** The last valid day after the deferral: the requested date. */
  readonly newExpiry: IsoDate;
  /** The latest date a deferral of this certificate could run to. */
  readonly latestAllowed: IsoDate;
}

/**
 * 003 第八条: 在证书有效期满前 … 申请延期登记（延期时间不得超过一年）.
 * - The request must be made on or before the expiry day (the certificate is still valid then).
 * - The requested end must be after the expiry and no later than one year of validity counted
 *   from the day after expiry (same convention as extendedExpiry): expiry 2026-03-14 → at most
 *   2027-03-14.
 */
export function checkDeferral(
  expiry: IsoDate,
  requestedUntil: IsoDate,
  requestDate: IsoDate,
  options: {
    /** The pack's limit (003 八: one year; 48号 六: 顺延最多为一年). */
    readonly maxYears?: number;
    /** 003 八 says 在证书有效期满前; 48号 六 does not. */
    readonly requestedBeforeExpiry?: boolean;
  } = {},
): Result<DeferralCheck> {
  const maxYears = options.maxYears ?? RK_MAX_DEFERRAL_YEARS;
  const beforeExpiry = options.requestedBeforeExpiry ?? true;
  const exp = toDayNumber(expiry);
  if (!exp.ok) return exp;
  const until = toDayNumber(requestedUntil);
  if (!until.ok) return until;
  const asked = toDayNumber(requestDate);
  if (!asked.ok) return asked;
  const latest = extendedExpiry(expiry, maxYears);
  if (!latest.ok) return latest;
  if (beforeExpiry && asked.value > exp.value) {
    return fail(
      'deferral.after-expiry',
      `延期登记须在证书有效期满前申请。该证书已于${formatDateZh(expiry)}到期，${formatDateZh(requestDate)}提出的申请已逾期。`,
    );
  }
  if (until.value <= exp.value) {
    return fail(
      'deferral.not-later',
      `申请延期至${formatDateZh(requestedUntil)}，但证书有效期本就到${formatDateZh(expiry)}，无需延期。请核对延期截止日期。`,
    );
  }
  if (until.value > dayNumberOf(latest.value)) {
    return fail(
      'deferral.too-long',
      `延期时间不得超过${maxYears === 1 ? '一' : String(maxYears)}年：证书${formatDateZh(expiry)}到期，最多可延期至${formatDateZh(latest.value)}，申请的${formatDateZh(requestedUntil)}超出了期限。`,
    );
  }
  // A canonical date is its own toString.
  return ok({ newExpiry: requestedUntil, latestAllowed: latest.value });
}

// ---------------------------------------------------------------------------------------------
// Appeal (P5), change notification (P6), decision deadline (P5)
// ---------------------------------------------------------------------------------------------

/**
 * Last day to appeal a cancellation (003 第十一条: 注销登记公布之日起30日内): the notice date plus
 * 30 calendar days, the notice day itself not counted (notice 2026-03-01 → 2026-03-31). With a
 * calendar, a last day on a rest day moves to the next working day.
 */
export function appealDeadline(noticeDate: IsoDate, cal?: WorkCalendar): Result<IsoDate> {
  return dayLimit(noticeDate, RK_APPEAL_DAYS, cal);
}

/** Whether an appeal lodged on `appealDate` is in time; an appeal dated before the notice is a data error. */
export function isAppealInTime(noticeDate: IsoDate, appealDate: IsoDate, cal?: WorkCalendar): Result<boolean> {
  const notice = toDayNumber(noticeDate);
  if (!notice.ok) return notice;
  const appeal = toDayNumber(appealDate);
  if (!appeal.ok) return appeal;
  if (appeal.value < notice.value) {
    return fail(
      'appeal.before-notice',
      `复议申请日期${formatDateZh(appealDate)}早于注销公布日期${formatDateZh(noticeDate)}，请核对两个日期。`,
    );
  }
  const deadline = appealDeadline(noticeDate, cal);
  if (!deadline.ok) return deadline;
  return ok(appealDate <= deadline.value);
}

/** 004 第二十一条: which kind of change the organisation is reporting. */
export type ChangeKind = 'registration-details' | 'restructuring';

const CHANGE_DAYS: Readonly<Record<ChangeKind, number>> = {
  'registration-details': IETS_DETAIL_CHANGE_DAYS,
  restructuring: IETS_RESTRUCTURING_CHANGE_DAYS,
};

/**
 * Last day to file a certificate change (004 第二十一条: 变更发生后30日内 / 分立、合并或重组 90日内),
 * the day of the change not counted. With a calendar, a last day on a rest day moves to the next
 * working day.
 */
export function changeDeadline(eventDate: IsoDate, kind: ChangeKind, cal?: WorkCalendar): Result<IsoDate> {
  const days = Object.hasOwn(CHANGE_DAYS, kind) ? CHANGE_DAYS[kind] : undefined;
  if (days === undefined) {
    return fail('change.kind', `未知的变更类型“${String(kind)}”，应为登记信息变更或分立、合并、重组。`);
  }
  return dayLimit(eventDate, days, cal);
}

/**
 * Last day for the registration office's decision (003 第七条: 受理登记申请后15个工作日内):
 * the 15th working day after the day of acceptance.
 */
export function registrationDecisionDeadline(acceptedOn: IsoDate, cal: WorkCalendar): Result<IsoDate> {
  return addWorkingDays(acceptedOn, RK_DECISION_WORKING_DAYS, cal);
}
