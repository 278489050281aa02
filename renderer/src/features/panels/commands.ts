/**
 * 评审会 commands: the expert roster, sessions (members, applications, attendance, the 现场答辩
 * schedule), recusals, sheets, tallies and the chair's sign-off. Each is ONE Dexie transaction:
 * the session is re-read inside it, shared/panels decides (who may, what is refused, what to
 * write), and the records go through the repository (record + outbox + audit). A refusal is a
 * `PanelError` with the rules' Chinese message, and nothing is written then.
 */
import {
  aggregateStage,
  checkSession,
  defenceScheduleProblems,
  mayEditSession,
  mayRecordBallot,
  mayRecordRecusal,
  planSheetSave,
  recusalsToRecord,
  resultKey,
  signOff,
  type PanelSheet,
  type Ruling,
  type SheetInput,
  type StageAggregate,
} from '../../../../shared/panels';
import { expertAccountProblem } from '../../../../shared/panels/exchange';
import type { DefenceSlot, Expert, PanelBallot, PanelRecusal, PanelResult, PanelSession, Scoresheet } from '../../../../shared/model/records';
import { getPack } from '../../../../shared/programs';
import type { Result } from '../../../../shared/rules/result';
import { db, repositories } from '../../db';
import { ValidationError } from '../../db/errors';
import type { WriteContext } from '../../db/repository';
import { writeContext } from '../../session';
import { todayIso } from '../../today';
import { loadSessionData, PanelError, panelActor, panelReadTables, type SessionData } from './context';

/** Every table a panel command reads or writes. */
function panelTables() {
  return [...panelReadTables(db), db.users, db.outbox, db.auditLog, db.mergeStates, db.settings];
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new PanelError(result.error.message);
  return result.value;
}

/** Runs `fn` in one transaction over the panel tables; a schema refusal becomes a PanelError. */
async function inPanelTransaction<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await db.transaction('rw', panelTables(), fn);
  } catch (error) {
    if (error instanceof ValidationError) throw new PanelError(error.message);
    throw error;
  }
}

async function sessionData(sessionId: string): Promise<SessionData> {
  const data = await loadSessionData(db, sessionId);
  if (data === undefined) throw new PanelError('找不到这次评审会，可能已被删除。');
  return data;
}

// ---------------------------------------------------------------------------------------------
// The roster

export interface ExpertInput {
  readonly name: string;
  readonly unit: string;
  readonly specialties: readonly string[];
  readonly phone?: string;
  readonly email?: string;
  /** The 评审人员 account the expert signs in with. */
  readonly userId?: string;
  readonly note?: string;
}

/** Adds an expert to the roster, or corrects one (`id`). Office staff only (the repository checks). */
export async function saveExpert(input: ExpertInput, id?: string): Promise<Expert> {
  const ctx = await writeContext(id === undefined ? '专家入库' : '修改专家信息');
  unwrap(mayEditSession(panelActor()));
  return inPanelTransaction(async () => {
    const [experts, user] = await Promise.all([db.experts.toArray(), input.userId ? db.users.get(input.userId) : undefined]);
    if (input.userId !== undefined) {
      unwrap(expertAccountProblem(experts, user, id));
    }
    const trimmed = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
    const phone = trimmed(input.phone);
    const email = trimmed(input.email);
    const note = trimmed(input.note);
    const record = {
      name: input.name,
      unit: input.unit,
      specialties: input.specialties.map((s) => s.trim()).filter((s) => s !== ''),
      ...(phone ? { phone } : {}),
      ...(email ? { email } : {}),
      ...(input.userId ? { userId: input.userId } : {}),
      ...(note ? { note } : {}),
    };
    if (id === undefined) return repositories.experts.create(record, ctx);
    return repositories.experts.update(id, { phone: undefined, email: undefined, userId: undefined, note: undefined, ...record }, ctx);
  });
}

// ---------------------------------------------------------------------------------------------
// Sessions

export interface SessionInput {
  readonly programId: string;
  readonly title: string;
  readonly stages: readonly string[];
  readonly date: string;
  readonly venue: string;
  readonly chairId: string;
  readonly memberIds: readonly string[];
  readonly applicationIds: readonly string[];
}

/** Records the automatic recusals the session's members and applications call for (audited). */
async function recordAutomaticRecusals(sessionId: string, ctx: WriteContext): Promise<PanelRecusal[]> {
  const data = await sessionData(sessionId);
  const written: PanelRecusal[] = [];
  for (const finding of recusalsToRecord(data.ctx)) {
    written.push(
      await repositories.panelRecusals.create(
        { sessionId, applicationId: finding.applicationId, expertId: finding.expertId, kind: 'automatic', basis: finding.basis, reason: finding.reason },
        ctx,
      ),
    );
  }
  return written;
}

/**
 * Prepares a session (or changes one, `id`): shared/panels checkSession decides (the pack's panel
 * stages, members and chair, applications waiting at those stages); the automatic recusals by
 * unit are recorded with it, each audited.
 */
export async function saveSession(input: SessionInput, id?: string): Promise<{ session: PanelSession; recusals: PanelRecusal[] }> {
  const ctx = await writeContext(id === undefined ? '安排评审会' : '修改评审会');
  unwrap(mayEditSession(panelActor()));
  return inPanelTransaction(async () => {
    const existing = id === undefined ? undefined : await db.panelSessions.get(id);
    if (id !== undefined && (existing === undefined || existing.deleted)) throw new PanelError('找不到这次评审会，可能已被删除。');
    const pack = getPack(input.programId);
    if (pack === undefined) throw new PanelError(`未知的业务类型“${input.programId}”。`);
    const draft = {
      programId: pack.id,
      stages: [...input.stages],
      memberIds: [...input.memberIds],
      chairId: input.chairId,
      applicationIds: [...input.applicationIds],
      ...(existing?.presentIds ? { presentIds: existing.presentIds.filter((p) => input.memberIds.includes(p)) } : {}),
      ...(existing?.defence ? { defence: existing.defence.filter((d) => input.applicationIds.includes(d.applicationId)) } : {}),
    };
    const applications = (await db.applications.bulkGet([...input.applicationIds])).filter((a) => a !== undefined);
    const kept = new Set(existing?.applicationIds ?? []);
    // An application already in the session may have moved on a step since (its defence recorded):
    // it stays; only one newly assigned must be waiting at one of the session's stages.
    const asAssigned = applications.map((a) => (kept.has(a.id) && !draft.stages.includes(a.status) ? { ...a, status: draft.stages[0]! } : a));
    unwrap(checkSession(pack, draft, asAssigned));
    const record = { ...draft, title: input.title, date: input.date, venue: input.venue };
    const session = existing === undefined ? await repositories.panelSessions.create(record, ctx) : await repositories.panelSessions.update(existing.id, record, ctx);
    const recusals = await recordAutomaticRecusals(session.id, ctx);
    return { session, recusals };
  });
}

/** The 现场答辩 schedule (000 第十三条): each applicant a slot, an order and a room, no clashes. */
export async function saveDefenceSchedule(sessionId: string, slots: readonly DefenceSlot[]): Promise<PanelSession> {
  const ctx = await writeContext('安排现场答辩');
  unwrap(mayEditSession(panelActor()));
  return inPanelTransaction(async () => {
    const data = await sessionData(sessionId);
    const defence = data.pack.panel?.defence;
    if (defence === undefined || !data.ctx.session.stages.includes(defence.stage)) throw new PanelError('本次评审会没有现场答辩。');
    const problems = defenceScheduleProblems({ applicationIds: data.ctx.session.applicationIds, defence: [...slots] }, data.labels);
    if (problems.length > 0) throw new PanelError(problems.join('\n'));
    return repositories.panelSessions.update(sessionId, { defence: slots.map((s) => ({ ...s, room: s.room.trim() })) }, ctx);
  });
}

/** Who signed in on the day (a ballot's quorum counts them). */
export async function recordAttendance(sessionId: string, presentIds: readonly string[]): Promise<PanelSession> {
  const ctx = await writeContext('登记出席专家');
  unwrap(mayEditSession(panelActor()));
  return inPanelTransaction(async () => {
    const data = await sessionData(sessionId);
    const present = data.ctx.session.memberIds.filter((m) => presentIds.includes(m));
    return repositories.panelSessions.update(sessionId, { presentIds: present }, ctx);
  });
}

// ---------------------------------------------------------------------------------------------
// Recusal, sheets, tallies

/** A manual recusal (回避) with its reason: declared by the expert, or recorded by the chair or the office. */
export async function recordRecusal(sessionId: string, expertId: string, applicationId: string, reason: string): Promise<PanelRecusal> {
  const ctx = await writeContext(`回避：${reason.trim()}`);
  const actor = panelActor();
  return inPanelTransaction(async () => {
    const data = await sessionData(sessionId);
    unwrap(mayRecordRecusal(data.ctx, actor, expertId, applicationId));
    const stored = data.ctx.recusals.find((r) => r.deleted !== true && r.expertId === expertId && r.applicationId === applicationId);
    if (stored !== undefined) throw new PanelError(`该专家已回避这份申请：${stored.reason}`);
    if (reason.trim() === '') throw new PanelError('请填写回避理由。');
    return repositories.panelRecusals.create({ sessionId, applicationId, expertId, kind: 'manual', basis: 'declared', reason: reason.trim() }, ctx);
  });
}

export interface SheetSave {
  readonly sessionId: string;
  readonly applicationId: string;
  readonly stage: string;
  /** Whose sheet: the signed-in expert's own, or the member whose paper sheet the office types. */
  readonly expertId: string;
  readonly input: SheetInput;
  readonly submit: boolean;
}

/**
 * Saves a sheet: the member's own (their account), or a paper sheet the office types on behalf of
 * a named member (recorded as such). shared/panels planSheetSave decides who may, recusal, the
 * rows' maxima (a score above one is refused naming the row) and what to store.
 */
export async function saveSheet(save: SheetSave): Promise<Scoresheet> {
  const ctx = await writeContext(save.submit ? '提交评分表' : '保存评分表草稿');
  const actor = panelActor();
  return inPanelTransaction(async () => {
    const data = await sessionData(save.sessionId);
    const row = data.applications.find((a) => a.application.id === save.applicationId);
    if (row === undefined) throw new PanelError('这份申请未分配到本次评审会。');
    const plan = unwrap(
      planSheetSave(data.ctx, actor, {
        application: row.application,
        stage: save.stage,
        expertId: save.expertId,
        input: save.input,
        submit: save.submit,
        at: new Date().toISOString(),
      }),
    );
    if (plan.kind === 'create') return repositories.scoresheets.create(plan.record, ctx);
    return repositories.scoresheets.update(plan.id, plan.changes, ctx);
  });
}

export interface TallyInput {
  readonly issued: number;
  readonly agree: number;
  readonly disagree: number;
  readonly abstain: number;
}

/** The secret ballot's tally for one application (无记名投票: only the counts). The office or the chair. */
export async function recordBallot(sessionId: string, applicationId: string, stage: string, tally: TallyInput): Promise<PanelBallot> {
  const ctx = await writeContext('登记投票结果');
  const actor = panelActor();
  return inPanelTransaction(async () => {
    const data = await sessionData(sessionId);
    unwrap(mayRecordBallot(data.ctx, actor, applicationId, stage));
    const existing = data.ctx.ballots.find((b) => b.deleted !== true && b.applicationId === applicationId && b.stage === stage);
    const counts = { issued: tally.issued, agree: tally.agree, disagree: tally.disagree, abstain: tally.abstain };
    if (existing !== undefined) return repositories.panelBallots.update(existing.id, counts, ctx);
    return repositories.panelBallots.create({ sessionId, applicationId, stage, ...counts }, ctx);
  });
}

// ---------------------------------------------------------------------------------------------
// Aggregation and the chair's sign-off

export interface SessionAggregate {
  readonly key: string;
  readonly applicationId: string;
  readonly stage: string;
  readonly label: string;
  readonly aggregate?: StageAggregate;
  /** Why there is no aggregate (no sheet for the stage, e.g. a P4 file without its 自评分表). */
  readonly problem?: string;
  /** The signed result, once there is one. */
  readonly result?: PanelResult;
}

/** Every application × stage of the session, aggregated by the pack's rules (pure: for screens too). */
export function sessionAggregates(data: SessionData): SessionAggregate[] {
  const out: SessionAggregate[] = [];
  for (const stage of data.ctx.session.stages) {
    for (const row of data.applications) {
      const id = row.application.id;
      const key = resultKey(id, stage);
      const sheet: PanelSheet | string | undefined = row.sheets[stage];
      const result = data.ctx.results.find((r) => r.deleted !== true && r.applicationId === id && r.stage === stage);
      const base = { key, applicationId: id, stage, label: row.label, ...(result ? { result } : {}) };
      if (sheet === undefined || typeof sheet === 'string') out.push({ ...base, problem: sheet ?? '没有评分表。' });
      else out.push({ ...base, aggregate: aggregateStage(data.ctx, id, sheet) });
    }
  }
  return out;
}

export interface SignOffRequest {
  /** The result keys (application:stage) to sign now. */
  readonly keys: readonly string[];
  readonly rulings?: Readonly<Record<string, Ruling>>;
  readonly opinions?: Readonly<Record<string, string>>;
}

/** The chair signs the chosen results in their own account; refused whole (nothing signed) on any problem. */
export async function signOffResults(sessionId: string, request: SignOffRequest): Promise<PanelResult[]> {
  const ctx = await writeContext('主任委员签署评审结果');
  const actor = panelActor();
  return inPanelTransaction(async () => {
    const data = await sessionData(sessionId);
    const aggregates = sessionAggregates(data).filter((a) => request.keys.includes(a.key));
    const missing = aggregates.filter((a) => a.aggregate === undefined);
    if (missing.length > 0) throw new PanelError(missing.map((m) => `${m.label}：${m.problem ?? ''}`).join('\n'));
    const at = new Date().toISOString();
    const drafts = unwrap(
      signOff(data.ctx, {
        actor,
        aggregates: aggregates.map((a) => a.aggregate!),
        ...(request.rulings ? { rulings: request.rulings } : {}),
        ...(request.opinions ? { opinions: request.opinions } : {}),
        labels: data.labels,
        at,
        on: todayIso(),
      }),
    );
    const written: PanelResult[] = [];
    for (const draft of drafts) written.push(await repositories.panelResults.create(draft, ctx));
    return written;
  });
}
