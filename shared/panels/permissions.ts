/**
 * Who may do what in a session, decided here and nowhere else:
 * - an expert scores under their own account, on their own sheet only, and not once it is
 *   submitted (others' scores become visible then: the sheet is final);
 * - the office types a paper sheet only on behalf of a named member who has no sheet of their
 *   own, recorded as such (`enteredBy`, `onBehalfOf`); only the clerk who typed it corrects it;
 * - nobody creates or changes a sheet attributed to another member, and nothing changes once
 *   the chair has signed the result;
 * - ballots are tallied and recusals recorded by the office or the chair; sessions are the office's.
 */
import type { Application, Scoresheet } from '../model/records';
import type { SystemField } from '../model/base';
import { fail, ok, type Result } from '../rules/result';
import { expertName, expertOfActor, isOffice, live, type PanelActor, type PanelContext } from './context';
import { mayOpen, mayScore } from './recusal';
import { checkSheet, panelSheet, panelStage, type SheetInput } from './sheets';

export interface SheetPermission {
  /** own: the member in their account; paper: the office typing the member's paper sheet. */
  readonly mode: 'own' | 'paper';
  /** The member's live sheet to update, if there is one. */
  readonly existing?: Scoresheet;
}

function sheetsOf(ctx: PanelContext, applicationId: string, stage: string, expertId: string): Scoresheet[] {
  return live(ctx.sheets, ctx.session.id).filter((s) => s.applicationId === applicationId && s.stage === stage && s.expertId === expertId);
}

/** Whether the actor may create or change `expertId`'s sheet for the application at the stage. */
export function maySaveSheet(ctx: PanelContext, actor: PanelActor, applicationId: string, stage: string, expertId: string): Result<SheetPermission> {
  const self = expertOfActor(ctx, actor);
  const name = expertName(ctx, expertId);
  const existing = sheetsOf(ctx, applicationId, stage, expertId);
  if (existing.length > 1) return fail('panel.duplicate-sheets', `${name}在这一阶段有${existing.length}份评分表，请先由办公室核对。`);
  const sheet = existing[0];

  if (self !== undefined && self.id === expertId) {
    const may = mayScore(ctx, expertId, applicationId, stage);
    if (!may.ok) return may;
    if (sheet?.enteredBy !== undefined) return fail('panel.paper-entered', '办公室已代录你的纸质评分表，不能再在本人账号下另填。');
    if (sheet?.status === 'submitted') return fail('panel.sheet-submitted', '你的评分表已经提交，不能再修改。');
    return ok(sheet === undefined ? { mode: 'own' } : { mode: 'own', existing: sheet });
  }
  if (!isOffice(actor)) {
    return fail(self === undefined ? 'panel.no-expert' : 'panel.not-own-sheet', self === undefined ? '你的账号没有关联评审专家，不能评分。' : '只能填写本人的评分表。');
  }
  // The office: a paper sheet on behalf of a named member. Whose sheet it is comes first: a
  // member's own sheet is never the office's to type over, whatever the stage's state (issue 14).
  if (sheet !== undefined && sheet.enteredBy === undefined) return fail('panel.member-has-own-sheet', `${name}已在本人账号下评分，不能代录或修改其评分表。`);
  if (sheet !== undefined && sheet.enteredBy !== actor.userId) return fail('panel.not-entered-by-you', `${name}的纸质评分表由其他人录入，只能由录入人更正。`);
  const may = mayScore(ctx, expertId, applicationId, stage);
  if (!may.ok) return may;
  return ok(sheet === undefined ? { mode: 'paper' } : { mode: 'paper', existing: sheet });
}

export type ScoresheetFields = Omit<Scoresheet, SystemField | 'id'>;

export type SheetSavePlan =
  | { readonly kind: 'create'; readonly record: ScoresheetFields }
  | { readonly kind: 'update'; readonly id: string; readonly changes: Partial<ScoresheetFields> };

export interface SheetSaveInput {
  readonly application: Pick<Application, 'id' | 'selfScore'>;
  readonly stage: string;
  /** Whose sheet: the signed-in expert's own, or the member whose paper sheet the office types. */
  readonly expertId: string;
  readonly input: SheetInput;
  /** Hand the sheet in (final, all rows scored) rather than keep a draft. */
  readonly submit: boolean;
  /** Now, as an instant (the submission time). */
  readonly at: string;
}

/**
 * What to write for a sheet being saved: permission, recusal and the sheet's maxima checked, the
 * scores in tenths. The caller writes it through the repository (record, outbox, audit).
 */
export function planSheetSave(ctx: PanelContext, actor: PanelActor, save: SheetSaveInput): Result<SheetSavePlan> {
  const permission = maySaveSheet(ctx, actor, save.application.id, save.stage, save.expertId);
  if (!permission.ok) return permission;
  const sheet = panelSheet(ctx.pack, save.stage, save.application);
  if (!sheet.ok) return sheet;
  const checked = checkSheet(sheet.value, save.input, save.submit ? 'submit' : 'draft');
  if (!checked.ok) return checked;
  const { scoresTenths, opinion, recommendation } = checked.value;
  const content = {
    scoresTenths: { ...scoresTenths },
    opinion,
    ...(recommendation === undefined ? {} : { recommendation }),
    status: save.submit ? ('submitted' as const) : ('draft' as const),
    ...(save.submit ? { submittedAt: save.at } : {}),
  };
  const existing = permission.value.existing;
  if (existing !== undefined) {
    return ok({
      kind: 'update',
      id: existing.id,
      changes: { ...content, ...(recommendation === undefined ? { recommendation: undefined } : {}), ...(save.submit ? {} : { submittedAt: undefined }) },
    });
  }
  return ok({
    kind: 'create',
    record: {
      sessionId: ctx.session.id,
      applicationId: save.application.id,
      stage: save.stage,
      expertId: save.expertId,
      ...content,
      ...(permission.value.mode === 'paper' ? { enteredBy: actor.userId, onBehalfOf: save.expertId } : {}),
    },
  });
}

/** Whether the actor may record a manual recusal of the expert from the application (with a reason). */
export function mayRecordRecusal(ctx: PanelContext, actor: PanelActor, expertId: string, applicationId: string): Result<true> {
  if (!ctx.session.memberIds.includes(expertId)) return fail('panel.not-member', `${expertName(ctx, expertId)}不是本次评审会的成员。`);
  if (!ctx.session.applicationIds.includes(applicationId)) return fail('panel.not-assigned', '这份申请未分配到本次评审会。');
  const self = expertOfActor(ctx, actor);
  const chair = self !== undefined && self.id === ctx.session.chairId;
  const declares = self !== undefined && self.id === expertId;
  if (!isOffice(actor) && !chair && !declares) return fail('panel.not-allowed', '回避只能由专家本人申请，或由主任委员、办公室登记。');
  if (live(ctx.results, ctx.session.id).some((r) => r.applicationId === applicationId)) {
    return fail('panel.signed-off', '这份申请的评审结果已经签署，不能再登记回避。');
  }
  return ok(true);
}

/** Whether the actor may record (or correct) the ballot's tally for the application at the stage. */
export function mayRecordBallot(ctx: PanelContext, actor: PanelActor, applicationId: string, stage: string): Result<true> {
  if (panelStage(ctx.pack, stage)?.ballot === undefined) return fail('panel.no-ballot-rule', '这一评审阶段不投票表决。');
  if (!ctx.session.applicationIds.includes(applicationId) || !ctx.session.stages.includes(stage)) {
    return fail('panel.not-assigned', '这份申请未分配到本次评审会的这一阶段。');
  }
  const self = expertOfActor(ctx, actor);
  if (!isOffice(actor) && self?.id !== ctx.session.chairId) return fail('panel.not-allowed', '计票结果只能由主任委员或办公室登记。');
  if (live(ctx.results, ctx.session.id).some((r) => r.applicationId === applicationId && r.stage === stage)) {
    return fail('panel.signed-off', '这份申请的评审结果已经签署，不能再修改计票结果。');
  }
  return ok(true);
}

/** Whether the actor may open the application in this session (experts: member, assigned, not recused). */
export function mayOpenAs(ctx: PanelContext, actor: PanelActor, applicationId: string): Result<true> {
  const self = expertOfActor(ctx, actor);
  if (self !== undefined && ctx.session.memberIds.includes(self.id)) return mayOpen(ctx, self.id, applicationId);
  if (isOffice(actor)) return ok(true);
  return fail('panel.not-member', '你不是本次评审会的成员。');
}

/** Whether the actor may prepare or change the session (date, venue, members, applications, schedule). */
export function mayEditSession(actor: PanelActor): Result<true> {
  return isOffice(actor) ? ok(true) : fail('panel.not-allowed', '评审会由办公室安排。');
}
