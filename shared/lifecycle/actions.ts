/**
 * What a clerk can start from a certificate on the desk (the row actions of 已发证书), and the
 * application each starts, filled in from the certificate so nobody types its facts again.
 * Whether the step is then allowed stays the engine's decision; an action here is offered with
 * the reason it cannot be taken today, never silently hidden.
 */
import type { Certificate } from '../model/records';
import type { FieldValues } from '../programs/condition';
import type { ApplicationKindId, LocalizedText, PrefillSource, ProgramPack } from '../programs/schema';
import { formatDateZh, type IsoDate } from '../rules/civil-date';
import { fail, ok, type Result } from '../rules/result';
import { windowBeforeExpiry } from '../rules/validity';
import { certificateStatusZh } from './decisions';
import { ENDED_STATUSES, type CertificateStatus } from './status';

export interface CertificateAction {
  /** The program the application belongs to (another one for 000 第十五条二). */
  readonly programId: string;
  readonly kind: ApplicationKindId;
  readonly names: LocalizedText;
  /** Who starts it (003 十, 004 第十九条: the office). */
  readonly initiatedBy: 'applicant' | 'office';
  readonly allowed: boolean;
  /** Why not today, in Chinese. */
  readonly reason?: string;
  readonly cite: string;
}

const RUNNING = new Set(['not-yet-valid', 'valid', 'renewal-window', 'deferred']);

function kindOf(pack: ProgramPack, kind: ApplicationKindId) {
  return pack.applicationKinds.find((k) => k.id === kind);
}

/** Whether `today` is in the window `months` before `expiry`, with the reason when not. */
function inWindow(expiry: IsoDate | undefined, months: number, today: IsoDate, name: string): { allowed: boolean; reason?: string } {
  if (expiry === undefined) return { allowed: false, reason: '证书没有有效期截止日期。' };
  const w = windowBeforeExpiry(expiry, months);
  if (!w.ok) return { allowed: false, reason: w.error.message };
  if (today < w.value.from) return { allowed: false, reason: `${name}自${formatDateZh(w.value.from)}开始。` };
  if (today > w.value.to) return { allowed: false, reason: `${name}已于${formatDateZh(w.value.to)}结束。` };
  return { allowed: true };
}

/**
 * The applications that can be started from this certificate, for its program (and for the
 * programs its pack names as alternatives, 000 第十五条二), each allowed or not today.
 */
export function certificateActions(
  pack: ProgramPack,
  certificate: Pick<Certificate, 'validUntil'>,
  status: CertificateStatus,
  today: IsoDate,
  packOf: (programId: string) => ProgramPack | undefined,
): CertificateAction[] {
  const life = pack.lifecycle;
  if (life === undefined) return [];
  const out: CertificateAction[] = [];
  const running = RUNNING.has(status.code);
  const endedReason = `该证书${certificateStatusZh(status.code)}。`;
  const push = (kind: ApplicationKindId, allowed: boolean, reason?: string, target: ProgramPack = pack) => {
    const k = kindOf(target, kind);
    if (k === undefined || out.some((a) => a.programId === target.id && a.kind === kind)) return;
    out.push({ programId: target.id, kind, names: k.names, initiatedBy: k.initiatedBy, allowed, ...(allowed || reason === undefined ? {} : { reason }), cite: k.cite });
  };
  const expiry = status.expiry ?? certificate.validUntil;

  if (life.renewal) {
    const window = pack.windows.find((w) => w.id === life.renewal?.window);
    for (const kind of life.renewal.kinds) {
      if (!running) push(kind, false, endedReason);
      else if (window) {
        const w = inWindow(expiry, window.monthsBeforeExpiry, today, window.names.zh);
        push(kind, w.allowed, w.reason);
      }
    }
  }
  for (const alt of life.alternatives ?? []) {
    const target = packOf(alt.program);
    const window = target?.windows.find((w) => w.certificateOf === pack.id && w.kinds.includes(alt.kind));
    if (target === undefined || window === undefined) continue;
    const w = running ? inWindow(expiry, window.monthsBeforeExpiry, today, window.names.zh) : { allowed: false, reason: endedReason };
    push(alt.kind, w.allowed, w.reason, target);
  }
  for (const kind of life.change?.kinds ?? []) push(kind, running, endedReason);
  for (const r of life.replacements ?? []) for (const kind of r.kinds) if (r.previous === 'void') push(kind, running, endedReason);
  for (const list of [life.deferral, life.educationDeferral]) {
    for (const kind of list?.kinds ?? []) {
      if (!running) push(kind, false, endedReason);
      else if (list?.requestedBeforeExpiry && expiry !== undefined && today > expiry) push(kind, false, `须在证书有效期满前申请，证书已于${formatDateZh(expiry)}到期。`);
      else push(kind, true);
    }
  }
  for (const kind of life.annualReview?.kinds ?? []) push(kind, running, endedReason);
  const decided = ENDED_STATUSES.has(status.code) && status.code !== 'lapsed' && status.code !== 'superseded';
  for (const kind of life.cancellation?.kinds ?? []) push(kind, !decided && status.code !== 'superseded', endedReason);
  for (const kind of life.revocation?.kinds ?? []) push(kind, !decided && status.code !== 'superseded', endedReason);
  // 004 第二十条: the holder may appeal a revocation (or suspension) through the agency.
  if (kindOf(pack, 'appeal') && (status.code === 'revoked' || status.code === 'suspended')) push('appeal', true);
  return out;
}

/** The holder's facts a new application is filled from. */
export interface HolderFacts {
  readonly name?: string;
  readonly idNumber?: string;
  readonly creditCode?: string;
}

export interface ApplicationStart {
  readonly programId: string;
  readonly kind: ApplicationKindId;
  readonly certificateId: string;
  readonly personId?: string;
  readonly organisationId?: string;
  readonly previousCertificate: { readonly certificateNo: string; readonly issuedOn: IsoDate; readonly validUntil: IsoDate };
  readonly fields: FieldValues;
}

/**
 * A new application of `kind` in `target` (the certificate's own pack, or the one an
 * alternative names) acting on this certificate. Its fields: in the same program, the pack's
 * `carryOver` fields from the application that issued the certificate (`issuingFields`); then
 * what `lifecycle.prefill` takes from the certificate and the holder (number, expiry, name).
 * Only fields of the new kind are filled.
 */
export function applicationFromCertificate(
  target: ProgramPack,
  kind: ApplicationKindId,
  certificate: Pick<Certificate, 'id' | 'programId' | 'certificateNo' | 'issuedOn' | 'validUntil' | 'level' | 'holderPersonId' | 'holderOrganisationId'>,
  holder: HolderFacts,
  issuingFields: FieldValues = {},
): Result<ApplicationStart> {
  if (!target.applicationKinds.some((k) => k.id === kind)) return fail('certificate.kind', `${target.names.zh}没有此类办理。`);
  if (certificate.validUntil === undefined) return fail('certificate.validity', `证书${certificate.certificateNo}没有有效期截止日期。`);
  const source: Readonly<Record<PrefillSource, string | undefined>> = {
    certificateNo: certificate.certificateNo,
    issuedOn: certificate.issuedOn,
    validUntil: certificate.validUntil,
    holderName: holder.name,
    idNumber: holder.idNumber,
    creditCode: holder.creditCode,
    level: certificate.level,
  };
  const fields: Record<string, unknown> = {};
  const applies = (id: string) => {
    const field = target.fields.find((f) => f.id === id);
    return field !== undefined && (field.kinds === 'all' || field.kinds.includes(kind));
  };
  if (target.id === certificate.programId) {
    for (const id of target.lifecycle?.carryOver ?? []) {
      if (!applies(id) || !Object.hasOwn(issuingFields, id)) continue;
      const value = issuingFields[id];
      if (value !== undefined && value !== null && value !== '') fields[id] = value;
    }
  }
  for (const p of target.lifecycle?.prefill ?? []) {
    if ((p.kinds !== undefined && !p.kinds.includes(kind)) || !applies(p.field)) continue;
    const value = source[p.from];
    if (value !== undefined && value !== '') fields[p.field] = value;
  }
  return ok({
    programId: target.id,
    kind,
    certificateId: certificate.id,
    ...(certificate.holderPersonId ? { personId: certificate.holderPersonId } : {}),
    ...(certificate.holderOrganisationId ? { organisationId: certificate.holderOrganisationId } : {}),
    previousCertificate: { certificateNo: certificate.certificateNo, issuedOn: certificate.issuedOn, validUntil: certificate.validUntil },
    fields,
  });
}
