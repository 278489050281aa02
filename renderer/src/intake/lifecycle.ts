/**
 * The write-path glue of a certificate's life (the decisions are shared/lifecycle's): what a
 * final workflow step does to the certificate it acts on, written in the step's transaction, and
 * the fraud bans that intake checks before registering a new application (002 五).
 */
import { checkFraudBans, fraudBanOf, holderChanges, organisationPatch, personPatch, planEffect, type FraudBan } from '../../../shared/lifecycle';
import type { Application } from '../../../shared/model/records';
import type { ApplicationKindId, ProgramPack } from '../../../shared/programs/schema';
import type { IsoDate } from '../../../shared/rules/civil-date';
import type { WorkflowRole } from '../../../shared/workflow/definition';
import { repositories } from '../db';
import type { DeskDatabase } from '../db/database';
import type { WriteContext } from '../db/repository';

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
    const changes = holderChanges(pack, application.kind as ApplicationKindId, application.fields);
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

/**
 * The bans (002 五) on this 身份证号 in this program: every application of a person with that
 * number that ended in the pack's fraud state, dated by the step that found it.
 */
export async function fraudBansOn(database: DeskDatabase, pack: ProgramPack, idNumber: string): Promise<FraudBan[]> {
  const rule = pack.lifecycle?.fraudBan;
  if (rule === undefined) return [];
  const people = await database.people.where('idNumber').equals(idNumber.trim().toUpperCase()).toArray();
  const bans: FraudBan[] = [];
  for (const person of people) {
    const applications = await database.applications.where('personId').equals(person.id).toArray();
    for (const app of applications) {
      if (app.deleted || app.programId !== pack.id || !rule.states.includes(app.status)) continue;
      const steps = await database.workflowEvents.where('applicationId').equals(app.id).toArray();
      const found = steps.filter((e) => !e.deleted && e.to === app.status).sort((a, b) => (a.id < b.id ? 1 : -1))[0];
      const ban = fraudBanOf(pack, { idNumber: person.idNumber, state: app.status, foundOn: found?.on ?? app.updatedAt.slice(0, 10) });
      if (ban.ok && ban.value) bans.push(ban.value);
    }
  }
  return bans;
}

/** Refuses (Chinese message) a new application barred by 002 五; resolves when none bars it. */
export async function checkApplicationBan(database: DeskDatabase, pack: ProgramPack, application: { idNumber: string; kind: ApplicationKindId; on: IsoDate }): Promise<string | undefined> {
  const result = checkFraudBans(pack, await fraudBansOn(database, pack, application.idNumber), application);
  return result.ok ? undefined : result.error.message;
}
