/**
 * Issuing certificates: which applications are ready (their workflow state is in the 'issue'
 * queue, or a final state that grants the certificate), and writing the certificate record with
 * a number from this device's block and the validity the rules give.
 */
import type { CertificateTemplate } from '../../../../shared/documents';
import { issueWrites, organisationPatch, personPatch, planIssue } from '../../../../shared/lifecycle';
import { certificateGrading } from '../../../../shared/documents/org-rosters';
import { certificateTemplate } from '../../../../shared/documents/templates';
import type { Application, Certificate } from '../../../../shared/model/records';
import { getPack } from '../../../../shared/programs';
import type { ProgramPack } from '../../../../shared/programs/schema';
import type { IsoDate } from '../../../../shared/rules/civil-date';
import { fail, ok, type Result } from '../../../../shared/rules/result';
import { db, repositories } from '../../db';
import type { WriteContext } from '../../db/repository';
import { grantsCertificate, transitionSources, type WorkflowRole } from '../../../../shared/workflow/definition';
import { fireTransition } from '../workflow/fire';
import { certificateLayoutOf } from '../../documents/inputs';
import { nextCertificateNo } from '../../documents/settings';
import { stateOf } from '../../../../shared/workflow/lookup';

/** The certificate template of a program, when one is built. */
export function templateOfPack(pack: ProgramPack): CertificateTemplate | undefined {
  const layout = certificateLayoutOf(pack);
  return layout ? certificateTemplate(layout) : undefined;
}

/** Whether the application's state is one where its certificate is issued (the pack says). */
export function isReadyToIssue(pack: ProgramPack, application: Pick<Application, 'kind' | 'status'>): boolean {
  const definition = pack.workflows[application.kind];
  return definition !== undefined && grantsCertificate(definition, application.status);
}

/** Applications ready to issue that have no live certificate yet, with the template to print. */
export function readyToIssue(
  applications: readonly Application[],
  certificates: readonly Pick<Certificate, 'applicationId' | 'deleted'>[],
): { application: Application; pack: ProgramPack; template: CertificateTemplate }[] {
  const issued = new Set(certificates.filter((c) => !c.deleted && c.applicationId).map((c) => c.applicationId));
  const out: { application: Application; pack: ProgramPack; template: CertificateTemplate }[] = [];
  for (const application of applications) {
    if (application.deleted || issued.has(application.id)) continue;
    const pack = getPack(application.programId);
    if (!pack || !isReadyToIssue(pack, application)) continue;
    const template = templateOfPack(pack);
    if (template) out.push({ application, pack, template });
  }
  return out;
}

function gradingOf(application: Application): { category?: string; level?: string } {
  const pack = getPack(application.programId);
  return pack === undefined ? {} : certificateGrading(pack, application.fields);
}

/** The tables issuing reads and writes: an outer transaction around a batch must cover them all. */
export function issueTables() {
  return [db.certificates, db.certificateEvents, db.attachments, db.people, db.organisations, db.outbox, db.auditLog, db.mergeStates, db.settings];
}

/**
 * Writes one certificate record, numbered from this device's block, in one transaction with
 * the number state (so a number is never issued twice, nor lost on a failed write). What is
 * written is shared/lifecycle `planIssue`'s decision, asked first: nothing is written and no
 * number is taken when the certificate cannot be printed; the validity is the rulebook's for
 * the kind (a renewal runs on from the old expiry, a reissue keeps it); a reissued number is
 * voided and linked to its successor; the certificate's history gets its event.
 */
export async function issueCertificate(
  application: Application,
  template: CertificateTemplate,
  options: { issuedOn: IsoDate; validUntil?: IsoDate; deviceId: string; ctx: WriteContext; role?: WorkflowRole },
): Promise<Result<Certificate>> {
  const pack = getPack(application.programId);
  if (pack === undefined) return fail('certificate.program', `未知的业务类型“${application.programId}”。`);
  const year = Number(options.issuedOn.slice(0, 4));
  return db.transaction('rw', issueTables(), async () => {
    const photos = await db.attachments.where('applicationId').equals(application.id).toArray();
    const person = application.personId ? await db.people.get(application.personId) : undefined;
    const organisation = application.organisationId ? await db.organisations.get(application.organisationId) : undefined;
    const stored = application.certificateId ? await db.certificates.get(application.certificateId) : undefined;
    const previous = stored && !stored.deleted ? stored : application.previousCertificate;
    const plan = planIssue({
      pack,
      application,
      issuedOn: options.issuedOn,
      ...(previous ? { previous } : {}),
      hasPhoto: photos.some((a) => a.kind === 'photo' && !a.deleted),
      ...(person && !person.deleted ? { holder: { name: person.name, idNumber: person.idNumber } } : {}),
      ...(organisation && !organisation.deleted && !person ? { holder: { name: organisation.name, creditCode: organisation.creditCode } } : {}),
      role: options.role ?? 'clerk',
      template,
      ...(options.validUntil ? { validUntil: options.validUntil } : {}),
    });
    if (!plan.ok) return plan;
    const number = await nextCertificateNo(db, options.deviceId, { prefix: template.numberPrefix, year });
    if (!number.ok) return fail(number.error.code, number.error.message);
    const created = await repositories.certificates.create({ certificateNo: number.value, ...plan.value.certificate, ...gradingOf(application) }, options.ctx);
    const writes = issueWrites(plan.value, created.id);
    if (writes.previous) await repositories.certificates.update(writes.previous.id, writes.previous.patch, options.ctx);
    for (const event of writes.events) await repositories.certificateEvents.create(event, options.ctx);
    const holder = plan.value.holderPatch;
    if (holder && application.personId) await repositories.people.update(application.personId, personPatch(holder), options.ctx);
    if (holder && application.organisationId) await repositories.organisations.update(application.organisationId, organisationPatch(holder), options.ctx);
    return ok(created);
  });
}

/**
 * Once its certificate is issued, the application leaves 待发证: the transition out of its issue
 * state into a final state that asks nothing to be recorded (e.g. 发证) is fired as the signed-in
 * user, through the engine like any other step. Returns the transition fired, or undefined when
 * there is none for this state and role (a final granting state, or a role that may not).
 * Throws the engine's `WorkflowError` when it refuses.
 */
export async function fireIssuedTransition(application: Application, role: WorkflowRole, today: IsoDate): Promise<string | undefined> {
  const definition = getPack(application.programId)?.workflows[application.kind];
  const state = stateOf(definition, application.status);
  if (definition === undefined || state?.queue !== 'issue') return undefined;
  const transition = definition.transitions.find(
    (t) =>
      transitionSources(t).includes(state.id) &&
      t.records.length === 0 &&
      t.roles.includes(role) &&
      stateOf(definition, t.to)?.kind === 'final',
  );
  if (transition === undefined) return undefined;
  await fireTransition(application.id, transition.id, {}, { role, today });
  return transition.id;
}
