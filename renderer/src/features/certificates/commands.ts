/**
 * Writes on a certificate outside a workflow step: the notice of a cancellation, revocation or
 * suspension (003 十一 注销登记公布, 004 第二十条 through the agency), the appeal (复议) against it
 * and its outcome, and a reprint with its reason. What is written is shared/lifecycle's plan,
 * asked inside the transaction over the certificate's current events; a refused plan throws its
 * Chinese message and nothing is written.
 */
import { planAppeal, planAppealDecision, planNotice, planReprint } from '../../../../shared/lifecycle';
import type { CertificateEventDraft } from '../../../../shared/lifecycle';
import { getPack } from '../../../../shared/programs';
import type { IsoDate } from '../../../../shared/rules/civil-date';
import type { Result } from '../../../../shared/rules/result';
import { db, repositories } from '../../db';
import type { Certificate, CertificateEvent } from '../../../../shared/model/records';
import { writeContext } from '../../session';
import type { WriteContext } from '../../db/repository';
import { loadCalendar } from '../calendar/calendar';

export class CertificateActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificateActionError';
  }
}

/** The role the event records: the one the write is checked with. */
function roleOf(ctx: WriteContext): NonNullable<WriteContext['role']> {
  if (ctx.role === undefined) throw new CertificateActionError('尚未登录，请先登录后再操作。');
  return ctx.role;
}

const tables = () => [db.certificates, db.certificateEvents, db.outbox, db.auditLog, db.mergeStates, db.settings];

async function eventsOf(certificateId: string): Promise<CertificateEvent[]> {
  return (await db.certificateEvents.where('certificateId').equals(certificateId).toArray()).filter((e) => !e.deleted);
}

async function certificateOf(id: string): Promise<Certificate> {
  const certificate = await db.certificates.get(id);
  if (certificate === undefined || certificate.deleted) throw new CertificateActionError('找不到这份证书，可能已被删除。');
  return certificate;
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new CertificateActionError(result.error.message);
  return result.value;
}

async function write(events: readonly CertificateEventDraft[], ctx: WriteContext, patch?: { id: string; status: Certificate['status'] }): Promise<void> {
  if (patch) await repositories.certificates.update(patch.id, { status: patch.status }, ctx);
  for (const event of events) await repositories.certificateEvents.create(event, ctx);
}

/** 003 十一 / 004 第二十条: the day the decision was published or sent (and through whom). */
export async function recordNotice(certificateId: string, input: { on: IsoDate; via?: string }): Promise<void> {
  const ctx = await writeContext('登记公布（通知）日期');
  await db.transaction('rw', tables(), async () => {
    const certificate = await certificateOf(certificateId);
    const pack = getPack(certificate.programId);
    if (pack === undefined) throw new CertificateActionError(`未知的业务类型“${certificate.programId}”。`);
    const draft = unwrap(planNotice(pack, certificateId, await eventsOf(certificateId), { on: input.on, role: roleOf(ctx), ...(input.via ? { via: input.via } : {}) }));
    await write([draft], ctx);
  });
}

/** 003 十一: the holder's appeal (复议), refused after the window. */
export async function lodgeAppeal(certificateId: string, input: { on: IsoDate; reason: string }): Promise<void> {
  const ctx = await writeContext('登记复议申请');
  const calendar = await loadCalendar();
  await db.transaction('rw', tables(), async () => {
    const certificate = await certificateOf(certificateId);
    const pack = getPack(certificate.programId);
    if (pack === undefined) throw new CertificateActionError(`未知的业务类型“${certificate.programId}”。`);
    const draft = unwrap(planAppeal(pack, certificateId, await eventsOf(certificateId), { on: input.on, role: roleOf(ctx), reason: input.reason }, calendar));
    await write([draft], ctx);
  });
}

/** The appeal's outcome: upheld restores the certificate, dismissed leaves the decision standing. */
export async function decideAppeal(certificateId: string, input: { on: IsoDate; outcome: 'upheld' | 'dismissed'; reason?: string }): Promise<void> {
  const ctx = await writeContext('登记复议决定');
  await db.transaction('rw', tables(), async () => {
    const certificate = await certificateOf(certificateId);
    const pack = getPack(certificate.programId);
    if (pack === undefined) throw new CertificateActionError(`未知的业务类型“${certificate.programId}”。`);
    const plan = unwrap(
      planAppealDecision(pack, certificateId, await eventsOf(certificateId), { on: input.on, role: roleOf(ctx), outcome: input.outcome, ...(input.reason ? { reason: input.reason } : {}) }),
    );
    await write(plan.events, ctx, plan.certificatePatch ? { id: certificateId, status: plan.certificatePatch.status } : undefined);
  });
}

/** A reprint (补打) recorded with its reason before the page is made; refused for a void, cancelled or revoked certificate. */
export async function recordReprints(certificateIds: readonly string[], input: { on: IsoDate; reason: string }): Promise<void> {
  const ctx = await writeContext(`补打证书：${input.reason.trim()}`);
  await db.transaction('rw', tables(), async () => {
    const drafts: CertificateEventDraft[] = [];
    for (const id of certificateIds) {
      const certificate = await certificateOf(id);
      drafts.push(unwrap(planReprint(certificate, { on: input.on, role: roleOf(ctx), reason: input.reason })));
    }
    await write(drafts, ctx);
  });
}
