/**
 * Recusal (回避). Automatic: an expert whose unit is the applicant's unit, or is the applicant
 * organisation itself, sits out that application — unit names compared after normalising (units.ts).
 * Manual: the expert declares an interest, or the panel decides, always with a reason. Binding on
 * every 职称评审 (人社部令第40号, PROGRAMS.md); the seeds 000 and 004 are read the same way (the
 * pack states it). A recused expert can neither open nor score the application: `mayOpen`,
 * `mayScore` decide it, recomputing the automatic case so a recusal not yet stored still holds.
 */
import type { Application, Expert, PanelRecusal } from '../model/records';
import type { ProgramPack } from '../programs/schema';
import { fail, ok, type Result } from '../rules/result';
import type { RecusalBasis } from './codes';
import { expertName, live, type ApplicantUnits, type PanelContext } from './context';
import { normaliseUnitName, sameUnit } from './units';

/**
 * The applicant's units for recusal: the applicant organisation (organisation programs); for a
 * person, the submitting unit and the person's organisation (names looked up by the caller) and
 * the form fields the pack names (`panel.recusal.unitFields`, e.g. 所在单位).
 */
export function applicantUnitsOf(
  pack: Pick<ProgramPack, 'panel' | 'applicantKind'>,
  application: Pick<Application, 'id' | 'fields'>,
  names: { readonly organisation?: string | undefined; readonly personOrganisation?: string | undefined },
): ApplicantUnits {
  const units: string[] = [];
  const add = (name: unknown): void => {
    if (typeof name !== 'string' || normaliseUnitName(name) === '') return;
    if (!units.some((u) => sameUnit(u, name))) units.push(name.trim());
  };
  if (pack.applicantKind === 'organisation') {
    for (const f of pack.panel?.recusal.unitFields ?? []) add(application.fields[f]);
    const organisation = names.organisation?.trim();
    return organisation ? { applicationId: application.id, organisation, units } : { applicationId: application.id, units };
  }
  add(names.organisation);
  add(names.personOrganisation);
  for (const f of pack.panel?.recusal.unitFields ?? []) add(application.fields[f]);
  return { applicationId: application.id, units };
}

export interface RecusalFinding {
  readonly expertId: string;
  readonly applicationId: string;
  readonly basis: RecusalBasis;
  /** In Chinese, for the record and the audit. */
  readonly reason: string;
}

/** Why the expert must sit out the application by unit, or undefined. */
export function unitConflict(expert: Pick<Expert, 'id' | 'unit'>, applicant: ApplicantUnits): RecusalFinding | undefined {
  if (applicant.organisation !== undefined && sameUnit(expert.unit, applicant.organisation)) {
    return {
      expertId: expert.id,
      applicationId: applicant.applicationId,
      basis: 'applicant-organisation',
      reason: `专家所在单位“${expert.unit}”即申报单位。`,
    };
  }
  const unit = applicant.units.find((u) => sameUnit(expert.unit, u));
  if (unit === undefined) return undefined;
  return {
    expertId: expert.id,
    applicationId: applicant.applicationId,
    basis: 'same-unit',
    reason: `专家所在单位“${expert.unit}”与申报人单位“${unit}”相同。`,
  };
}

/** Every automatic recusal among the session's members and applications, members in session order. */
export function automaticRecusals(ctx: Pick<PanelContext, 'session' | 'experts' | 'applicants'>): RecusalFinding[] {
  const found: RecusalFinding[] = [];
  for (const expertId of ctx.session.memberIds) {
    const expert = ctx.experts.find((e) => e.id === expertId);
    if (expert === undefined) continue;
    for (const applicationId of ctx.session.applicationIds) {
      const applicant = ctx.applicants.find((a) => a.applicationId === applicationId);
      const conflict = applicant === undefined ? undefined : unitConflict(expert, applicant);
      if (conflict !== undefined) found.push(conflict);
    }
  }
  return found;
}

/** The automatic recusals not yet stored: the caller writes them as records (and so into the audit). */
export function recusalsToRecord(ctx: Pick<PanelContext, 'session' | 'experts' | 'applicants' | 'recusals'>): RecusalFinding[] {
  const stored = live(ctx.recusals, ctx.session.id);
  return automaticRecusals(ctx).filter(
    (f) => !stored.some((r) => r.expertId === f.expertId && r.applicationId === f.applicationId),
  );
}

/** Why the expert is recused from the application (stored or by unit), or undefined. */
export function recusalOf(
  ctx: Pick<PanelContext, 'session' | 'experts' | 'applicants' | 'recusals'>,
  expertId: string,
  applicationId: string,
): Pick<PanelRecusal, 'kind' | 'basis' | 'reason'> | undefined {
  const stored = live(ctx.recusals, ctx.session.id).find((r) => r.expertId === expertId && r.applicationId === applicationId);
  if (stored !== undefined) return { kind: stored.kind, basis: stored.basis, reason: stored.reason };
  const expert = ctx.experts.find((e) => e.id === expertId);
  const applicant = ctx.applicants.find((a) => a.applicationId === applicationId);
  const conflict = expert && applicant ? unitConflict(expert, applicant) : undefined;
  return conflict === undefined ? undefined : { kind: 'automatic', basis: conflict.basis, reason: conflict.reason };
}

/** The session's members not recused from the application, in session order. */
export function eligibleMembers(ctx: Pick<PanelContext, 'session' | 'experts' | 'applicants' | 'recusals'>, applicationId: string): string[] {
  return ctx.session.memberIds.filter((id) => recusalOf(ctx, id, applicationId) === undefined);
}

/**
 * Whether the expert may open the application's file in this session: a member, the
 * application assigned to the session, not recused from it.
 */
export function mayOpen(ctx: Pick<PanelContext, 'session' | 'experts' | 'applicants' | 'recusals'>, expertId: string, applicationId: string): Result<true> {
  const name = expertName(ctx, expertId);
  if (!ctx.session.memberIds.includes(expertId)) return fail('panel.not-member', `${name}不是本次评审会（${ctx.session.title}）的成员。`);
  if (!ctx.session.applicationIds.includes(applicationId)) return fail('panel.not-assigned', '这份申请未分配到本次评审会。');
  const recusal = recusalOf(ctx, expertId, applicationId);
  if (recusal !== undefined) return fail('panel.recused', `${name}须回避这份申请：${recusal.reason}`);
  return ok(true);
}

/**
 * Whether the expert may score the application at the stage: as `mayOpen`, the stage one this
 * session decides, present when attendance is taken, and no signed result for it yet.
 */
export function mayScore(ctx: PanelContext, expertId: string, applicationId: string, stage: string): Result<true> {
  const open = mayOpen(ctx, expertId, applicationId);
  if (!open.ok) return open;
  if (!ctx.session.stages.includes(stage)) return fail('panel.wrong-stage', '本次评审会不评这一阶段。');
  const present = ctx.session.presentIds;
  if (present !== undefined && !present.includes(expertId)) return fail('panel.absent', `${expertName(ctx, expertId)}未出席本次评审会，不能评分。`);
  const signed = live(ctx.results, ctx.session.id).some((r) => r.applicationId === applicationId && r.stage === stage);
  if (signed) return fail('panel.signed-off', '本次评审会对这份申请的结果已经签署，不能再评分。');
  return ok(true);
}
