/**
 * The write-path glue of a certificate's life (the decisions are shared/lifecycle's): what a
 * final workflow step does to the certificate it acts on, written in the step's transaction, and
 * an application started from a certificate on the desk.
 */
import { applicationFromCertificate, holderChanges, organisationPatch, personPatch, planEffect } from '../../../../shared/lifecycle';
import { submissionChannelSchema, type Application } from '../../../../shared/model/records';
import { getPack } from '../../../../shared/programs';
import type { ApplicationKindId, ProgramPack } from '../../../../shared/programs/schema';
import type { IsoDate } from '../../../../shared/rules/civil-date';
import type { WorkflowRole } from '../../../../shared/workflow/definition';
import { db as defaultDb, repositories } from '../../db';
import type { DeskDatabase } from '../../db/database';
import { ValidationError } from '../../db/errors';
import type { WriteContext } from '../../db/repository';
import { writeContext } from '../../session';
import { todayIso } from '../../today';
import { checkApplicationBanFor } from '../applications/bans';
import { initialStateOf, prepareApplication } from '../applications/create';
import { nextApplicationNo } from '../applications/numbers';

/** The tables `applyLifecycleEffect` writes, for the step's transaction. */
export function lifecycleTables(database: DeskDatabase) {
  return [database.certificates, database.certificateEvents, database.people, database.organisations];
}

/**
 * After `application` reached `state`: the certificate's patch and events and the holder's new
 * values, as `planEffect` decides (000 第十七条 a change updates the holder; 003 八 a deferral
 * moves the expiry; 003 十 / 004 第十九条 cancel, suspend, revoke …). Must run inside the
 * transaction that records the step; throws the rule's message when the effect cannot apply,
 * so the step is not recorded either.
 */
export async function applyLifecycleEffect(
  database: DeskDatabase,
  pack: ProgramPack,
  application: Application,
  state: string,
  step: { on: IsoDate; role: WorkflowRole; reason?: string },
  ctx: WriteContext,
): Promise<void> {
  if (pack.lifecycle?.effects?.some((e) => e.kind === application.kind && e.state === state) !== true) return;
  const stored = application.certificateId ? await database.certificates.get(application.certificateId) : undefined;
  const certificate = stored && !stored.deleted ? stored : undefined;
  if (certificate === undefined) {
    // A certificate known only from the paper: the holder's record still takes a change.
    const changes = holderChanges(pack, application.kind, application.fields);
    await updateHolder(application, changes, ctx);
    return;
  }
  const events = await database.certificateEvents.where('certificateId').equals(certificate.id).toArray();
  const plan = planEffect({
    pack,
    application,
    state,
    certificate,
    on: step.on,
    role: step.role,
    ...(step.reason ? { reason: step.reason } : {}),
    events: events.filter((e) => !e.deleted),
  });
  if (!plan.ok) throw new LifecycleError(plan.error.message);
  if (plan.value === undefined) return;
  if (plan.value.certificatePatch) await repositories.certificates.update(certificate.id, plan.value.certificatePatch, ctx);
  if (plan.value.holderPatch) await updateHolder(application, plan.value.holderPatch, ctx);
  for (const event of plan.value.events) await repositories.certificateEvents.create(event, ctx);
}

async function updateHolder(application: Application, changes: Parameters<typeof personPatch>[0], ctx: WriteContext): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  if (application.personId) await repositories.people.update(application.personId, personPatch(changes), ctx);
  else if (application.organisationId) await repositories.organisations.update(application.organisationId, organisationPatch(changes), ctx);
}

export class LifecycleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LifecycleError';
  }
}

export interface StartFromCertificateInput {
  readonly certificateId: string;
  /** The certificate's program, or another its pack names (000 第十五条二: P2 from a P1 certificate). */
  readonly programId: string;
  readonly kind: ApplicationKindId;
  /** For what the holder files; an office-initiated kind (注销, 撤销, 年度审查) is the office's own. */
  readonly channel: string;
  readonly receivedDate: IsoDate;
  /** Values typed on the start form, over what the certificate fills in. */
  readonly fields?: Readonly<Record<string, unknown>>;
}

/**
 * Starts the application a row action of 已发证书 names (shared/lifecycle certificateActions),
 * filled in from the certificate, its holder and the application that issued it
 * (applicationFromCertificate), linked to the certificate, and numbered in one transaction. What
 * the holder files is checked as at intake (prepareApplication, the fraud ban); what the office
 * starts (003 十 注销, 004 第十九条 撤销, 第十五条 年度审查) opens in its workflow's first state.
 */
export async function startFromCertificate(
  input: StartFromCertificateInput,
  deps: { readonly db: DeskDatabase; readonly today: () => IsoDate } = { db: defaultDb, today: todayIso },
): Promise<Application> {
  const database = deps.db;
  const refuse = (message: string): never => {
    throw new ValidationError([{ path: 'certificateId', message }]);
  };
  const certificate = await database.certificates.get(input.certificateId);
  if (certificate === undefined || certificate.deleted) return refuse('找不到这份证书，可能已被删除。');
  const target = getPack(input.programId);
  if (target === undefined) return refuse(`未知的业务类型“${input.programId}”。`);
  const person = certificate.holderPersonId ? await database.people.get(certificate.holderPersonId) : undefined;
  const organisation = certificate.holderOrganisationId ? await database.organisations.get(certificate.holderOrganisationId) : undefined;
  const issuing = certificate.applicationId ? await database.applications.get(certificate.applicationId) : undefined;
  const holder = person ? { name: person.name, idNumber: person.idNumber } : organisation ? { name: organisation.name, creditCode: organisation.creditCode } : {};
  const start = applicationFromCertificate(target, input.kind, certificate, holder, issuing?.fields ?? {});
  if (!start.ok) return refuse(start.error.message);
  const s = start.value;
  const fields = { ...s.fields, ...(input.fields ?? {}) };
  const office = target.applicationKinds.find((k) => k.id === input.kind)?.initiatedBy === 'office';
  let record: Omit<Application, 'id' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | 'deleted' | 'applicationNo'>;
  if (office) {
    const status = initialStateOf(target, input.kind);
    const channel = submissionChannelSchema.safeParse(input.channel);
    if (status === undefined) return refuse(`“${target.names.zh}”的这类办理没有流程。`);
    if (!channel.success) return refuse('请选择提交方式。');
    record = {
      programId: target.id,
      kind: input.kind,
      status,
      channel: channel.data,
      receivedDate: input.receivedDate,
      fields,
      ...(s.personId ? { personId: s.personId } : {}),
      ...(s.organisationId ? { organisationId: s.organisationId } : {}),
      previousCertificate: s.previousCertificate,
    };
  } else {
    const prepared = prepareApplication(
      { programId: target.id, kind: input.kind, channel: input.channel, receivedDate: input.receivedDate, personId: s.personId, organisationId: s.organisationId, fields, previousCertificate: s.previousCertificate },
      deps.today(),
    ).record;
    const barred = person ? await checkApplicationBanFor(database, target, person.idNumber, prepared) : undefined;
    if (barred !== undefined) return refuse(barred);
    record = prepared;
  }
  const ctx = await writeContext();
  return database.transaction('rw', [database.applications, database.outbox, database.auditLog, database.mergeStates, database.settings], async () => {
    const applicationNo = await nextApplicationNo(database, record.programId, Number(record.receivedDate.slice(0, 4)), ctx.deviceId);
    return repositories.applications.create({ ...record, applicationNo, certificateId: certificate.id }, ctx);
  });
}
