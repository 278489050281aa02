/**
 * After a certificate is cancelled (003 十) or revoked or suspended (004 第十九条): the notice —
 * 注销登记公布 (003 十一), the centre's decision passed on by the evaluation agency (004 第二十条) —
 * and the appeal against it, with its window tracked to the end: 003 十一 gives 30 days from
 * the day of publication; 004 第二十条 gives no limit.
 */
import type { CertificateEvent } from '../model/records';
import type { ProgramPack } from '../programs/schema';
import { addDays, dayNumberOf, formatDateZh, isCanonicalDate, type IsoDate } from '../rules/civil-date';
import { fail, ok, type Result } from '../rules/result';
import type { WorkCalendar } from '../rules/work-calendar';
import { addWorkingDays, isWorkingDay } from '../rules/working-days';
import type { WorkflowRole } from '../workflow/definition';
import type { CertificateEventDraft } from './issue';

type Event = Pick<CertificateEvent, 'id' | 'kind' | 'on' | 'outcome'>;

const DECISIONS = new Set<CertificateEvent['kind']>(['cancelled', 'revoked', 'suspended']);

export type AppealState = 'awaiting-notice' | 'open' | 'closed' | 'lodged' | 'upheld' | 'dismissed';

export interface AppealWindow {
  /** The decision the appeal is against. */
  readonly decision: Event;
  readonly noticeOn?: IsoDate;
  /** The last day to appeal (inclusive), where the rulebook sets one. */
  readonly deadline?: IsoDate;
  readonly state: AppealState;
  /** While open with a deadline: calendar days left, 0 on the last day. */
  readonly daysLeft?: number;
  readonly cite?: string;
}

/** Events after `after` (UUIDv7 ids order by creation), of the kind asked. */
const laterOf = <E extends Event>(events: readonly E[], after: Event, kind: CertificateEvent['kind']): E[] =>
  events.filter((e) => e.kind === kind && e.id > after.id).sort((a, b) => (a.id < b.id ? -1 : 1));

function latestDecision<E extends Event>(events: readonly E[]): E | undefined {
  let latest: E | undefined;
  for (const e of events) if (DECISIONS.has(e.kind) && (latest === undefined || e.id > latest.id)) latest = e;
  return latest;
}

/** 民法典 第二百零三条: a last day on a rest day moves to the next working day (when a calendar is given). */
function rolled(date: IsoDate, cal: WorkCalendar | undefined): Result<IsoDate> {
  if (!cal) return ok(date);
  const working = isWorkingDay(date, cal);
  if (!working.ok) return working;
  return working.value ? ok(date) : addWorkingDays(date, 1, cal);
}

/** The appeal days the pack gives against this decision (003 十一: a cancellation, 30). */
function appealDaysOf(pack: ProgramPack, decision: Event): { days: number; cite: string } | undefined {
  const days = decision.kind === 'cancelled' ? pack.lifecycle?.cancellation?.appealDays : undefined;
  return days ? { days: days.value, cite: days.cite } : undefined;
}

/**
 * Where the appeal against the certificate's latest cancellation, revocation or suspension
 * stands on `today`; undefined when there is none. The window runs from the notice, the day of
 * the notice not counted (notice 2026-03-01, 30 days → last day 2026-03-31), and is open through
 * its last day; one day late it is closed.
 */
export function appealWindow(pack: ProgramPack, events: readonly Event[], today: IsoDate, cal?: WorkCalendar): Result<AppealWindow | undefined> {
  const decision = latestDecision(events);
  if (decision === undefined) return ok(undefined);
  const notice = laterOf(events, decision, 'notice')[0];
  const lodged = laterOf(events, decision, 'appeal-lodged')[0];
  const decided = lodged ? laterOf(events, lodged, 'appeal-decided')[0] : undefined;
  const limit = appealDaysOf(pack, decision);
  let deadline: IsoDate | undefined;
  if (notice && limit) {
    const last = addDays(notice.on, limit.days);
    if (!last.ok) return last;
    const due = rolled(last.value, cal);
    if (!due.ok) return due;
    deadline = due.value;
  }
  const common = {
    decision,
    ...(notice ? { noticeOn: notice.on } : {}),
    ...(deadline ? { deadline } : {}),
    ...(limit ? { cite: limit.cite } : {}),
  };
  if (decided) return ok({ ...common, state: decided.outcome === 'upheld' ? 'upheld' : 'dismissed' });
  if (lodged) return ok({ ...common, state: 'lodged' });
  if (!notice) return ok({ ...common, state: 'awaiting-notice' });
  if (deadline === undefined) return ok({ ...common, state: 'open' });
  if (today > deadline) return ok({ ...common, state: 'closed' });
  return ok({ ...common, state: 'open', daysLeft: dayNumberOf(deadline) - dayNumberOf(today) });
}

const base = (certificateId: string, on: IsoDate, role: WorkflowRole) => ({ certificateId, on, role });

/**
 * The notice of the latest decision: 注销登记公布 (003 十一) or the agency's notice (004 第二十条,
 * `via` defaults to the pack's). Refused before the decision or when one was already recorded.
 */
export function planNotice(
  pack: ProgramPack,
  certificateId: string,
  events: readonly Event[],
  input: { readonly on: IsoDate; readonly role: WorkflowRole; readonly via?: string },
): Result<CertificateEventDraft> {
  const decision = latestDecision(events);
  if (decision === undefined) return fail('notice.no-decision', '该证书没有注销、撤销或暂停的决定，无需公布或通知。');
  if (!isCanonicalDate(input.on)) return fail('notice.date', `公布（通知）日期“${String(input.on)}”无效。`);
  if (input.on < decision.on) return fail('notice.before-decision', `公布（通知）日期${formatDateZh(input.on)}早于决定日期${formatDateZh(decision.on)}，请核对。`);
  if (laterOf(events, decision, 'notice').length > 0) return fail('notice.exists', '该决定已登记过公布（通知）日期。');
  const via = input.via?.trim() || (decision.kind === 'cancelled' ? undefined : pack.lifecycle?.revocation?.notice.via.zh);
  return ok({ ...base(certificateId, input.on, input.role), kind: 'notice', answers: decision.id, ...(via ? { via } : {}) });
}

/** An appeal lodged on `on`: refused before the notice where the rulebook counts from it, or after the window. */
export function planAppeal(
  pack: ProgramPack,
  certificateId: string,
  events: readonly Event[],
  input: { readonly on: IsoDate; readonly role: WorkflowRole; readonly reason: string },
  cal?: WorkCalendar,
): Result<CertificateEventDraft> {
  const reason = input.reason.trim();
  if (reason === '') return fail('appeal.reason', '请填写复议申请的理由。');
  const window = appealWindow(pack, events, input.on, cal);
  if (!window.ok) return window;
  const w = window.value;
  if (w === undefined) return fail('appeal.no-decision', '该证书没有可申请复议的决定。');
  if (w.state === 'lodged' || w.state === 'upheld' || w.state === 'dismissed') return fail('appeal.exists', '已登记过对该决定的复议申请。');
  if (w.deadline !== undefined || appealDaysOf(pack, w.decision) !== undefined) {
    if (w.noticeOn === undefined) return fail('appeal.no-notice', '尚未登记注销登记公布日期，复议期限无从起算。');
    if (input.on < w.noticeOn) return fail('appeal.before-notice', `复议申请日期${formatDateZh(input.on)}早于公布日期${formatDateZh(w.noticeOn)}，请核对。`);
    if (w.state === 'closed') {
      return fail('appeal.late', `复议期限已于${formatDateZh(w.deadline ?? '')}届满（${w.cite ?? ''}：公布之日起${appealDaysOf(pack, w.decision)?.days ?? ''}日内），${formatDateZh(input.on)}提出的复议申请已逾期。`);
    }
  }
  return ok({ ...base(certificateId, input.on, input.role), kind: 'appeal-lodged', answers: w.decision.id, reason });
}

/** The appeal's outcome; upheld restores the certificate (the caller sets its status back to valid). */
export function planAppealDecision(
  pack: ProgramPack,
  certificateId: string,
  events: readonly Event[],
  input: { readonly on: IsoDate; readonly role: WorkflowRole; readonly outcome: 'upheld' | 'dismissed'; readonly reason?: string },
): Result<{ readonly events: readonly CertificateEventDraft[]; readonly certificatePatch?: { readonly status: 'valid' } }> {
  const window = appealWindow(pack, events, input.on);
  if (!window.ok) return window;
  if (window.value?.state !== 'lodged') return fail('appeal.not-lodged', '没有待决定的复议申请。');
  const lodged = laterOf(events, window.value.decision, 'appeal-lodged')[0];
  if (lodged && input.on < lodged.on) return fail('appeal.date', `复议决定日期${formatDateZh(input.on)}早于复议申请日期${formatDateZh(lodged.on)}，请核对。`);
  const reason = input.reason?.trim();
  const decided: CertificateEventDraft = {
    ...base(certificateId, input.on, input.role),
    kind: 'appeal-decided',
    outcome: input.outcome,
    ...(lodged ? { answers: lodged.id } : {}),
    ...(reason ? { reason } : {}),
  };
  if (input.outcome === 'dismissed') return ok({ events: [decided] });
  return ok({
    events: [decided, { ...base(certificateId, input.on, input.role), kind: 'reinstated', reason: '复议成立，恢复证书。' }],
    certificatePatch: { status: 'valid' },
  });
}
