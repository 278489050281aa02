/**
 * The data of the 证书登记簿 (shared/documents/xlsx/certificate-register.ts), from the records: a
 * certificate enters as 发证, 延续, 补发 or 变更 (换发) by how it was issued, and its later
 * changes, deferrals, suspensions, revocations and cancellations are its events — so the
 * statistics count each kind apart instead of calling every new number 发证. Also reprints
 * (补打), which must say why, and their count.
 */
import type { CertificateEvent as RegisterEntry, CertificateEventKind as RegisterKind } from '../documents/xlsx/certificate-register';
import type { Certificate, CertificateEvent } from '../model/records';
import type { ProgramPack } from '../programs/schema';
import { isCanonicalDate, type IsoDate } from '../rules/civil-date';
import { fail, ok, type Result } from '../rules/result';
import type { WorkflowRole } from '../workflow/definition';
import { groundName } from './decisions';
import type { CertificateEventDraft } from './issue';

/** The register line each stored event kind makes; kinds not listed make none (a notice, a review …). */
const REGISTER_KIND: Readonly<Partial<Record<CertificateEvent['kind'], RegisterKind>>> = {
  issued: 'issued',
  renewed: 'renewed',
  reissued: 'reissued',
  exchanged: 'changed',
  changed: 'changed',
  deferred: 'deferred',
  suspended: 'suspended',
  revoked: 'revoked',
  cancelled: 'cancelled',
};

const ENTERING = new Set<CertificateEvent['kind']>(['issued', 'renewed', 'reissued', 'exchanged']);

/**
 * How a certificate without an issuing event entered (written before events were kept): by the
 * kind of application that issued it, through its pack's replacements.
 */
function enteredAs(certificate: Pick<Certificate, 'applicationKind'>, pack: ProgramPack | undefined): RegisterKind {
  const kind = certificate.applicationKind;
  const replacement = kind === undefined ? undefined : pack?.lifecycle?.replacements?.find((r) => (r.kinds as readonly string[]).includes(kind));
  return replacement ? (REGISTER_KIND[replacement.event] ?? 'issued') : 'issued';
}

export interface RegisterNames {
  readonly holderName: (certificate: Certificate) => string;
  readonly programName: (programId: string) => string;
  readonly clerkName: (userId: string) => string | undefined;
  readonly packOf: (programId: string) => ProgramPack | undefined;
  /** The language of the 原因 column's ground names (the pack's); Chinese unless given. */
  readonly locale?: 'zh' | 'en';
}

/**
 * Every register line of these certificates, by date then number: one per issuing (from its
 * event, or from the record for older certificates), one per change, deferral, suspension,
 * revocation and cancellation event (or, for an older record, its stored status, dated by its
 * last change). Deleted records and events are left out.
 */
export function registerEntries(certificates: readonly Certificate[], events: readonly CertificateEvent[], names: RegisterNames): RegisterEntry[] {
  const byId = new Map<string, Certificate>();
  for (const c of certificates) if (!c.deleted) byId.set(c.id, c);
  const entered = new Set<string>();
  const out: RegisterEntry[] = [];
  const line = (c: Certificate, kind: RegisterKind, date: IsoDate, extra: { validUntil?: IsoDate | undefined; reason?: string | undefined; by?: string }) => {
    const clerk = extra.by === undefined ? undefined : names.clerkName(extra.by);
    out.push({
      date,
      kind,
      certificateNo: c.certificateNo,
      holderName: names.holderName(c),
      programName: names.programName(c.programId),
      ...(extra.validUntil ? { validUntil: extra.validUntil } : {}),
      ...(extra.reason ? { reason: extra.reason } : {}),
      ...(clerk ? { clerk } : {}),
    });
  };
  for (const e of events) {
    if (e.deleted) continue;
    const c = byId.get(e.certificateId);
    const kind = REGISTER_KIND[e.kind];
    if (c === undefined || kind === undefined) continue;
    if (ENTERING.has(e.kind)) entered.add(c.id);
    const ground = e.ground ? (groundName(names.packOf(c.programId), e.kind, e.ground)?.[names.locale ?? 'zh'] ?? e.ground) : undefined;
    const other = e.otherCertificateId ? byId.get(e.otherCertificateId) : undefined;
    const reason = [ground, e.kind === 'reissued' || e.kind === 'exchanged' ? (other ? `原证书${other.certificateNo}作废` : undefined) : undefined, e.reason]
      .filter((x): x is string => x !== undefined && x !== '')
      .join('；');
    line(c, kind, e.on, { validUntil: ENTERING.has(e.kind) || e.kind === 'deferred' ? (e.validUntil ?? c.validUntil) : undefined, reason, by: e.createdBy });
  }
  const decided = new Set<string>();
  for (const e of events) if (!e.deleted && (e.kind === 'cancelled' || e.kind === 'revoked' || e.kind === 'suspended')) decided.add(`${e.certificateId}/${e.kind}`);
  for (const c of byId.values()) {
    if (!entered.has(c.id)) line(c, enteredAs(c, names.packOf(c.programId)), c.issuedOn, { validUntil: c.validUntil, by: c.createdBy });
    // A status set before events were kept: dated by the record's last change.
    if ((c.status === 'cancelled' || c.status === 'revoked' || c.status === 'suspended') && !decided.has(`${c.id}/${c.status}`)) {
      line(c, c.status, c.updatedAt.slice(0, 10), { by: c.updatedBy });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.certificateNo < b.certificateNo ? -1 : a.certificateNo > b.certificateNo ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Reprints (补打)
// ---------------------------------------------------------------------------------------------

/** How many times the certificate was reprinted (its reprint mark reads 补打 第N次 with N one more). */
export function reprintCount(events: readonly Pick<CertificateEvent, 'kind' | 'deleted'>[]): number {
  let n = 0;
  for (const e of events) if (e.kind === 'reprinted' && !e.deleted) n += 1;
  return n;
}

/**
 * A reprint, recorded with its reason (lost in printing, spoiled, a second copy for the file …),
 * synced, so every desk counts the same reprints. Refused without a reason, or for a certificate
 * that is void, cancelled or revoked: that paper must not be made again.
 */
export function planReprint(
  certificate: Pick<Certificate, 'id' | 'certificateNo' | 'status'>,
  input: { readonly on: IsoDate; readonly role: WorkflowRole; readonly reason: string },
): Result<CertificateEventDraft> {
  const reason = input.reason.trim();
  if (reason === '') return fail('reprint.reason', `补打证书${certificate.certificateNo}须写明原因。`);
  if (!isCanonicalDate(input.on)) return fail('reprint.date', `补打日期“${String(input.on)}”无效。`);
  if (certificate.status === 'void' || certificate.status === 'cancelled' || certificate.status === 'revoked') {
    const zh = certificate.status === 'void' ? '已作废' : certificate.status === 'cancelled' ? '已注销' : '已撤销';
    return fail('reprint.ended', `证书${certificate.certificateNo}${zh}，不能补打。`);
  }
  return ok({ certificateId: certificate.id, kind: 'reprinted', on: input.on, role: input.role, reason });
}
