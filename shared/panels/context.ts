/**
 * What the panel rules are given: one session and every record of it, gathered by the caller
 * (the renderer reads them from Dexie; the batch file carries them). The rules never look
 * anything up, so each decision is a pure function that a test can replay.
 */
import type { Expert, PanelBallot, PanelRecusal, PanelResult, PanelSession, Scoresheet } from '../model/records';
import type { ProgramPack } from '../programs/schema';
import type { WorkflowRole } from '../workflow/definition';

/** The units an applicant belongs to, as names (recusal compares them with the experts' units). */
export interface ApplicantUnits {
  readonly applicationId: string;
  /** The applicant organisation itself (an organisation program's applicant). */
  readonly organisation?: string;
  /** The applicant's employer and submitting unit (a person program's applicant). */
  readonly units: readonly string[];
}

export interface PanelContext {
  readonly pack: Pick<ProgramPack, 'id' | 'panel' | 'scoring' | 'applicantKind'>;
  readonly session: PanelSession;
  /** At least the session's members. */
  readonly experts: readonly Expert[];
  /** One per application of the session. */
  readonly applicants: readonly ApplicantUnits[];
  readonly recusals: readonly PanelRecusal[];
  readonly sheets: readonly Scoresheet[];
  readonly ballots: readonly PanelBallot[];
  readonly results: readonly PanelResult[];
}

/** Who acts: the signed-in account. Their expert record (if any) is found by the account, never by a name. */
export interface PanelActor {
  readonly userId: string;
  readonly role: WorkflowRole;
}

/** Live records of this session only: a tombstone or another session's record never counts. */
export function live<T extends { readonly sessionId: string; readonly deleted?: boolean | undefined }>(
  records: readonly T[],
  sessionId: string,
): T[] {
  return records.filter((r) => r.sessionId === sessionId && r.deleted !== true);
}

/** The expert record linked to the account, if the account belongs to an expert. */
export function expertOfActor(ctx: Pick<PanelContext, 'experts'>, actor: PanelActor): Expert | undefined {
  return ctx.experts.find((e) => e.deleted !== true && e.userId !== undefined && e.userId === actor.userId);
}

/** The expert's name for messages, falling back to a neutral word for an unknown id. */
export function expertName(ctx: Pick<PanelContext, 'experts'>, expertId: string): string {
  return ctx.experts.find((e) => e.id === expertId)?.name ?? '（未知专家）';
}

/** The office's staff: they prepare sessions and type paper sheets, but never score as themselves. */
export function isOffice(actor: PanelActor): boolean {
  return actor.role === 'clerk' || actor.role === 'admin';
}
