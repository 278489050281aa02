/**
 * The rules of the lifecycle applications, as findings the engine adds to eligibility (so the
 * workflow's `eligibility-met` guard refuses with the rule's reason), and what their decision
 * does to the certificate once a final state is reached (`planEffect`):
 * - 003 八: 延期登记 on one of four grounds, with proof, requested before expiry, at most one year;
 * - 003 48号 六: 继续教育顺延, at most one year;
 * - 003 十: 注销 on one of five grounds, with the facts; 十一: appeal within 30 days of the notice;
 * - 004 第十九条: 暂停或撤销 on one of five grounds; 第十七条: annual review missed or failed;
 * - 000 第十七条 / 004 第二十一条: a change of information updates the holder's record.
 */
import { isBlank } from '../engine/fields';
import type { CertificateEvent, CertificateStoredStatus } from '../model/records';
import { valuesWithKind, type FieldValues, type ValueSource } from '../programs/condition';
import { HOLDER_FIELDS, type ApplicationKindId, type Ground, type HolderField, type Lifecycle, type LifecycleEffect, type LocalizedText, type ProgramPack } from '../programs/schema';
import { addYears, formatDateZh, isCanonicalDate, type IsoDate } from '../rules/civil-date';
import { fail, ok, type Result } from '../rules/result';
import { checkDeferral } from '../rules/validity';
import type { WorkflowRole } from '../workflow/definition';
import { changeFiling, holderChanges } from './change';
import type { CertificateEventDraft } from './issue';
import { ENDED_STATUSES, type CertificateStatusCode } from './status';

export interface LifecycleFinding {
  readonly code: string;
  readonly met: boolean;
  /** A requirement refuses; a reference (a late change filing) is shown only. */
  readonly binding: 'requirement' | 'reference';
  readonly message: string;
}

/** What the engine knows of the certificate an application acts on. */
export interface ActedOnCertificate {
  readonly validUntil: IsoDate;
  readonly issuedOn?: IsoDate;
  /** The expiry before any deferral, for 003 八's one-year limit. */
  readonly originalValidUntil?: IsoDate;
  /** Its status today (status.ts), when the certificate is on this desk. */
  readonly status?: CertificateStatusCode;
}

type GroundList = NonNullable<Lifecycle['deferral'] | Lifecycle['cancellation'] | Lifecycle['revocation']>;

const STATUS_ZH: Readonly<Record<CertificateStatusCode, string>> = {
  'not-yet-valid': '尚未生效',
  valid: '有效',
  'renewal-window': '在续期办理期内',
  deferred: '已延期',
  expired: '已过期',
  lapsed: '已失效',
  superseded: '已由新证书接替',
  void: '已作废',
  cancelled: '已注销',
  revoked: '已撤销',
  suspended: '已暂停',
};

export const certificateStatusZh = (code: CertificateStatusCode): string => STATUS_ZH[code];

/** The name (as the seed words it) of a ground code recorded on an event of this kind. */
export function groundName(pack: ProgramPack | undefined, kind: CertificateEvent['kind'], code: string): LocalizedText | undefined {
  const life = pack?.lifecycle;
  const list =
    kind === 'deferred'
      ? life?.deferral
      : kind === 'education-deferred'
        ? life?.educationDeferral
        : kind === 'cancelled'
          ? life?.cancellation
          : kind === 'revoked' || kind === 'suspended' || kind === 'revocation-proposed'
            ? life?.revocation
            : undefined;
  return list?.grounds.find((g) => g.code === code)?.names;
}

/** A field's value as the engine reads it (own values only, `applicationKind` the kind's). */
const valueOf = (values: ValueSource, id: string | undefined): unknown => (id === undefined ? undefined : values.own(id));

const text = (values: ValueSource, id: string | undefined): string => {
  const v = valueOf(values, id);
  return typeof v === 'string' ? v.trim() : '';
};

const requirement = (code: string, met: boolean, message: string): LifecycleFinding => ({ code, met, binding: 'requirement', message });

/** The ground the form names, checked against the pack's closed list. */
function groundFinding(prefix: string, list: GroundList, fields: ValueSource, out: LifecycleFinding[]): Ground | undefined {
  const code = text(fields, list.groundField);
  const ground = list.grounds.find((g) => g.code === code);
  if (ground === undefined) {
    out.push(requirement(`${prefix}.ground`, false, `请从以下情形中选择一项（${list.cite}）：${list.grounds.map((g) => g.names.zh).join('；')}。`));
    return undefined;
  }
  if (ground.requiresNote && isBlank(valueOf(fields, list.noteField))) {
    out.push(requirement(`${prefix}.note`, false, `“${ground.names.zh}”须写明具体情况（${ground.cite}）。`));
    return ground;
  }
  if (list.evidenceField !== undefined && isBlank(valueOf(fields, list.evidenceField))) {
    out.push(requirement(`${prefix}.evidence`, false, `须写明“${ground.names.zh}”的事实及证明材料（${list.cite}）。`));
    return ground;
  }
  out.push(requirement(`${prefix}.ground`, true, `情形：${ground.names.zh}（${ground.cite}）。`));
  return ground;
}

/** The kinds of the pack that act on a running certificate. */
function runningKinds(life: Lifecycle): Set<string> {
  return new Set<string>([
    ...(life.renewal?.kinds ?? []),
    ...(life.change?.kinds ?? []),
    ...(life.replacements ?? []).flatMap((r) => r.kinds),
    ...(life.deferral?.kinds ?? []),
    ...(life.educationDeferral?.kinds ?? []),
    ...(life.annualReview?.kinds ?? []),
  ]);
}

/**
 * The lifecycle findings for an application of `kind`: the certificate acted on must still be
 * running; a deferral's ground, dates and limit; a cancellation's or revocation's ground and
 * facts; a change's new values and filing deadline. `receivedOn` is the day it was received
 * (003 八 asks that the request be made before expiry, whenever it is decided).
 */
export function lifecycleFindings(
  pack: ProgramPack,
  kind: ApplicationKindId,
  fields: FieldValues,
  ctx: { readonly certificate?: ActedOnCertificate; readonly receivedOn: IsoDate },
): LifecycleFinding[] {
  const life = pack.lifecycle;
  const out: LifecycleFinding[] = [];
  if (life === undefined) return out;
  const values = valuesWithKind(fields, kind);
  const status = ctx.certificate?.status;
  if (status !== undefined && runningKinds(life).has(kind) && (ENDED_STATUSES.has(status) || status === 'suspended')) {
    out.push(requirement('certificate.ended', false, `该证书${STATUS_ZH[status]}，不能办理此项业务。`));
  }

  for (const [prefix, list] of [
    ['deferral', life.deferral],
    ['education-deferral', life.educationDeferral],
  ] as const) {
    if (list === undefined || !list.kinds.includes(kind)) continue;
    groundFinding(prefix, list, values, out);
    const until = values.own(list.untilField);
    const current = ctx.certificate?.validUntil;
    if (current === undefined) {
      out.push(requirement(`${prefix}.expiry`, false, '缺少证书有效期截止日期，无法核对延期期限。'));
      continue;
    }
    if (!isCanonicalDate(until)) {
      out.push(requirement(`${prefix}.until`, false, '请填写申请延期至的日期。'));
      continue;
    }
    if (list.requestedBeforeExpiry && ctx.receivedOn > current) {
      out.push(
        requirement(
          `${prefix}.after-expiry`,
          false,
          `须在证书有效期满前申请（${list.requestedBeforeExpiry.cite}）。该证书已于${formatDateZh(current)}到期，${formatDateZh(ctx.receivedOn)}提出的申请已逾期。`,
        ),
      );
      continue;
    }
    const original = ctx.certificate?.originalValidUntil ?? current;
    const checked = checkDeferral(original, until, ctx.receivedOn, { maxYears: list.maxYears.value, requestedBeforeExpiry: false });
    if (!checked.ok) out.push(requirement(checked.error.code, false, `${checked.error.message.replace(/。$/, '')}（${list.maxYears.cite}）。`));
    else out.push(requirement(`${prefix}.dates`, true, `延期至${formatDateZh(until)}，未超过${formatDateZh(checked.value.latestAllowed)}。`));
  }

  if (life.cancellation?.kinds.includes(kind)) groundFinding('cancellation', life.cancellation, values, out);
  if (life.revocation?.kinds.includes(kind)) {
    const action = text(values, life.revocation.actionField);
    if (action !== 'suspend' && action !== 'revoke') out.push(requirement('revocation.action', false, '请选择暂停证书或撤销证书。'));
    groundFinding('revocation', life.revocation, values, out);
  }

  if (life.change?.kinds.includes(kind)) {
    const changes = holderChanges(pack, kind, fields);
    const said = describeChanges(changes, (label, v) => `${label}改为“${v}”`);
    if (said.length > 0) out.push({ code: 'change.updates', met: true, binding: 'reference', message: `审核通过后，持证人信息将更新：${said.join('，')}。` });
    const filing = changeFiling(pack, kind, fields, ctx.receivedOn);
    if (!filing.ok) out.push(requirement(filing.error.code, false, filing.error.message));
    else if (filing.value !== undefined) {
      const f = filing.value;
      out.push({
        code: 'change.deadline',
        met: f.inTime,
        binding: 'reference',
        message: f.inTime
          ? `变更申请在期限内（变更发生于${formatDateZh(f.occurredOn)}，应于${formatDateZh(f.deadline)}前提交，${f.cite}）。`
          : `变更申请逾期：变更发生于${formatDateZh(f.occurredOn)}，应于${formatDateZh(f.deadline)}前提交（${f.cite}）。`,
      });
    }
  }
  return out;
}

const HOLDER_ZH: Readonly<Record<HolderField, string>> = { name: '名称（姓名）', phone: '联系电话', address: '地址', contact: '联系人' };

function describeChanges(changes: Partial<Record<HolderField, string>>, say: (label: string, value: string) => string): string[] {
  const out: string[] = [];
  for (const field of HOLDER_FIELDS) {
    const v = changes[field];
    if (v !== undefined) out.push(say(HOLDER_ZH[field], v));
  }
  return out;
}

/** The expiry before any deferral: the first deferral's "before", else the record's. */
export function originalExpiry(validUntil: IsoDate | undefined, events: readonly Pick<CertificateEvent, 'kind' | 'id' | 'validUntilBefore'>[]): IsoDate | undefined {
  let first: Pick<CertificateEvent, 'id' | 'validUntilBefore'> | undefined;
  for (const e of events) if (e.kind === 'deferred' && e.validUntilBefore !== undefined && (first === undefined || e.id < first.id)) first = e;
  return first?.validUntilBefore ?? validUntil;
}

// ---------------------------------------------------------------------------------------------
// What a decision does to the certificate
// ---------------------------------------------------------------------------------------------

/** The certificate as the effects read it (its record). */
export interface EffectCertificate {
  readonly id: string;
  readonly certificateNo: string;
  readonly issuedOn: IsoDate;
  readonly validFrom?: IsoDate | undefined;
  readonly validUntil?: IsoDate | undefined;
  readonly status: CertificateStoredStatus;
}

export interface EffectPlan {
  readonly effect: LifecycleEffect;
  /** The certificate record's new values. */
  readonly certificatePatch?: { readonly status?: CertificateStoredStatus; readonly validUntil?: IsoDate };
  /** The holder's record's new values (a change of information). */
  readonly holderPatch?: Partial<Record<HolderField, string>>;
  readonly events: readonly CertificateEventDraft[];
}

export interface EffectRequest {
  readonly pack: ProgramPack;
  readonly application: { readonly id: string; readonly kind: ApplicationKindId; readonly fields: FieldValues; readonly receivedDate: IsoDate };
  /** The final state the application has just reached. */
  readonly state: string;
  readonly certificate: EffectCertificate;
  /** The decision's day, and who took it (the workflow event). */
  readonly on: IsoDate;
  readonly role: WorkflowRole;
  readonly reason?: string;
  /** The certificate's events so far (a second deferral counts its year from the first expiry). */
  readonly events?: readonly CertificateEvent[];
}

/** The effect the pack gives this kind's final state, if any. */
export function effectOf(pack: ProgramPack, kind: string, state: string): LifecycleEffect | undefined {
  return pack.lifecycle?.effects?.find((e) => e.kind === kind && e.state === state)?.effect;
}

/**
 * The certificate year (1-based, from the issue day: year 1 is issue … the day before the first
 * anniversary) that contains `on`; undefined before the issue day.
 */
export function certificateYearOf(start: IsoDate, on: IsoDate): number | undefined {
  if (on < start) return undefined;
  for (let year = 1; year <= 100; year++) {
    const next = addYears(start, year);
    if (!next.ok) return undefined;
    if (on < next.value) return year;
  }
  return undefined;
}

/**
 * What reaching `state` does to the certificate: undefined when the pack gives that state no
 * effect; refused when the decision cannot apply (a deferral over the limit, a ground outside
 * the closed list, a certificate that has ended). The caller writes the patches and events in
 * the transaction that records the workflow step.
 */
export function planEffect(req: EffectRequest): Result<EffectPlan | undefined> {
  const { pack, application, certificate, on, role } = req;
  const effect = effectOf(pack, application.kind, req.state);
  if (effect === undefined) return ok(undefined);
  const life = pack.lifecycle;
  const base = { certificateId: certificate.id, on, applicationId: application.id, role, ...(req.reason ? { reason: req.reason } : {}) };
  const kind = application.kind;
  const original = originalExpiry(certificate.validUntil, req.events ?? []);
  const findings = lifecycleFindings(pack, kind, application.fields, {
    ...(certificate.validUntil !== undefined
      ? { certificate: { validUntil: certificate.validUntil, issuedOn: certificate.issuedOn, ...(original ? { originalValidUntil: original } : {}) } }
      : {}),
    receivedOn: application.receivedDate,
  });
  const refused = findings.find((f) => !f.met && f.binding === 'requirement');
  const ended = certificate.status === 'void' || certificate.status === 'cancelled' || certificate.status === 'revoked';
  const values = valuesWithKind(application.fields, kind);
  const groundOf = (list: GroundList | undefined) => text(values, list?.groundField);
  const evidenceOf = (list: GroundList | undefined) => text(values, list?.evidenceField);

  switch (effect) {
    case 'update-holder': {
      const holderPatch = holderChanges(pack, kind, application.fields);
      const what = describeChanges(holderPatch, (label, v) => `${label}：${v}`).join('；');
      return ok({ effect, holderPatch, events: [{ ...base, kind: 'changed', ...(what || req.reason ? { reason: [what, req.reason].filter(Boolean).join('；') } : {}) }] });
    }
    case 'defer':
    case 'defer-education': {
      if (refused) return fail(refused.code, refused.message);
      if (ended) return fail('certificate.ended', `证书${certificate.certificateNo}已终止，不能延期。`);
      const list = effect === 'defer' ? life?.deferral : life?.educationDeferral;
      const until = valueOf(values, list?.untilField);
      if (list === undefined || !isCanonicalDate(until)) return fail('deferral.until', '请填写申请延期至的日期。');
      const note = text(values, list.noteField);
      const event: CertificateEventDraft = {
        ...base,
        kind: effect === 'defer' ? 'deferred' : 'education-deferred',
        ground: groundOf(list),
        validUntil: until,
        ...(certificate.validUntil ? { validUntilBefore: certificate.validUntil } : {}),
        ...(note ? { evidence: note } : {}),
      };
      return ok({ effect, ...(effect === 'defer' ? { certificatePatch: { validUntil: until } } : {}), events: [event] });
    }
    case 'cancel':
    case 'suspend':
    case 'revoke': {
      if (refused) return fail(refused.code, refused.message);
      if (ended) return fail('certificate.ended', `证书${certificate.certificateNo}已终止，不能再${effect === 'cancel' ? '注销' : effect === 'suspend' ? '暂停' : '撤销'}。`);
      const list = effect === 'cancel' ? life?.cancellation : life?.revocation;
      const action = text(values, life?.revocation?.actionField);
      if (effect !== 'cancel' && action !== effect) {
        return fail('revocation.action', `申请表上的处理为“${action === 'suspend' ? '暂停' : action === 'revoke' ? '撤销' : action}”，与所办理的“${effect === 'suspend' ? '暂停证书' : '撤销证书'}”不一致，请核对。`);
      }
      const evidence = evidenceOf(list);
      const status = effect === 'cancel' ? 'cancelled' : effect === 'suspend' ? 'suspended' : 'revoked';
      const ground = groundOf(list);
      const events: CertificateEventDraft[] = [
        { ...base, kind: status, ...(ground ? { ground } : {}), ...(effect === 'cancel' ? {} : { outcome: effect }), ...(evidence ? { evidence } : {}) },
      ];
      const noticeField = life?.cancellation?.noticeField;
      const noticeOn = effect === 'cancel' ? valueOf(values, noticeField) : undefined;
      if (isCanonicalDate(noticeOn)) {
        if (noticeOn < on) return fail('notice.before-decision', `公布日期${formatDateZh(noticeOn)}早于注销决定日期${formatDateZh(on)}，请核对。`);
        events.push({ ...base, on: noticeOn, kind: 'notice' });
      }
      return ok({ effect, certificatePatch: { status }, events });
    }
    case 'reinstate': {
      if (certificate.status !== 'suspended' && certificate.status !== 'revoked' && certificate.status !== 'cancelled') return ok(undefined);
      return ok({ effect, certificatePatch: { status: 'valid' }, events: [{ ...base, kind: 'reinstated' }] });
    }
    case 'annual-review-passed':
    case 'annual-review-failed': {
      const year = certificateYearOf(certificate.validFrom ?? certificate.issuedOn, on);
      if (year === undefined) return fail('annual-review.year', `审查日期${formatDateZh(on)}早于发证日期，请核对。`);
      const passed = effect === 'annual-review-passed';
      const events: CertificateEventDraft[] = [{ ...base, kind: 'annual-review', year, outcome: passed ? 'passed' : 'failed' }];
      const proposal = life?.annualReview?.missedOrFailed;
      if (!passed && proposal) events.push({ ...base, kind: 'revocation-proposed', year, ground: proposal.ground, reason: `第${year}年度审查不合格（${proposal.cite}）。` });
      return ok({ effect, events });
    }
  }
}
