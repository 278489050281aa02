/**
 * Who sees a session, and what travels in its results file from whom. A panel that sits with no
 * network moves its records by file (batch.ts): each member's desk hands the chair its own
 * sheets; the chair's desk hands the office everything the session decided. Decided here:
 * - the office sees every session; an expert account only the sessions it sits on (reviewer mode);
 * - the office and the chair export the whole session; a member exports the session, the roster,
 *   the recusals and their OWN sheets — never another member's, so a member's file cannot carry
 *   scores they had no right to see;
 * - a file is imported by the office, or by the chair of its session (collecting the members' sheets).
 */
import type { Expert, PanelSession, User } from '../model/records';
import { fail, ok, type Result } from '../rules/result';
import type { PanelBatchContent } from './batch';
import { expertOfActor, isOffice, type PanelActor, type PanelContext } from './context';

/** Whether the account may open the session at all (reviewer mode lists only these). */
export function maySeeSession(ctx: Pick<PanelContext, 'experts'>, session: Pick<PanelSession, 'memberIds'>, actor: PanelActor): boolean {
  if (isOffice(actor)) return true;
  const self = expertOfActor(ctx, actor);
  return self !== undefined && session.memberIds.includes(self.id);
}

/** The records this account's desk puts in the session's file, or why it may not export. */
export function batchContentFor(ctx: PanelContext, actor: PanelActor): Result<PanelBatchContent> {
  const sessionId = ctx.session.id;
  const members = new Set(ctx.session.memberIds);
  const self = expertOfActor(ctx, actor);
  const whole = isOffice(actor) || (self !== undefined && self.id === ctx.session.chairId);
  if (!whole && (self === undefined || !members.has(self.id))) return fail('panel.not-member', '你不是本次评审会的成员，不能导出评审会文件。');
  const mine = <T extends { readonly sessionId: string }>(records: readonly T[]) => records.filter((r) => r.sessionId === sessionId);
  return ok({
    session: ctx.session,
    experts: ctx.experts.filter((e) => members.has(e.id)),
    recusals: mine(ctx.recusals),
    // Tombstones travel too (a withdrawn recusal), but a member's file holds only their own sheets.
    scoresheets: mine(ctx.sheets).filter((s) => whole || s.expertId === self?.id),
    ballots: whole ? mine(ctx.ballots) : [],
    results: whole ? mine(ctx.results) : [],
  });
}

/** Whether the account may import a file of this session: the office, or the session's chair. */
export function mayImportBatch(ctx: Pick<PanelContext, 'experts'>, session: Pick<PanelSession, 'chairId' | 'title'>, actor: PanelActor): Result<true> {
  if (isOffice(actor)) return ok(true);
  const self = expertOfActor(ctx, actor);
  if (self !== undefined && self.id === session.chairId) return ok(true);
  return fail('panel.not-allowed', `评审会文件只能由办公室或本次评审会（${session.title}）的主任委员导入。`);
}

/**
 * Why the account cannot be the expert's (undefined: it can): an expert signs in with a 评审人员
 * account of their own — never an office account (it would score as the office and as the
 * expert at once), never one another expert already uses.
 */
export function expertAccountProblem(
  experts: readonly Pick<Expert, 'id' | 'name' | 'userId' | 'deleted'>[],
  user: Pick<User, 'id' | 'role' | 'displayName' | 'deleted' | 'disabled'> | undefined,
  expertId?: string,
): Result<true> {
  if (user === undefined || user.deleted === true) return fail('panel.account-missing', '找不到所选的用户账号。');
  if (user.role !== 'reviewer') return fail('panel.account-role', `“${user.displayName}”不是评审人员账号：专家只能关联评审人员账号。`);
  const other = experts.find((e) => e.deleted !== true && e.userId === user.id && e.id !== expertId);
  if (other !== undefined) return fail('panel.account-taken', `账号“${user.displayName}”已关联专家${other.name}。`);
  return ok(true);
}
