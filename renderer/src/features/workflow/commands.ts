/**
 * The review workflow's writes and the helpers its screens share: the pre-filled reasons of a
 * return (退回补正), whom it goes back to, 002 附件3 routing opinions, objections raised during
 * publicity (公示) and their settlement, starting a publicity for a list of applications, an
 * application's queue, and the audit trail read back for people.
 *
 * Every decision is the engine's (shared/workflow, shared/engine/evaluate): these functions
 * gather input, ask the engine, and write through the repositories (record + outbox + audit in
 * one transaction). A refusal is a `WorkflowError` with a Chinese message and nothing written.
 */
import type { Application, RoutingOpinion } from '../../../../shared/model/records';
import { getPack } from '../../../../shared/programs';
import { formatDateZh, isCanonicalDate, type IsoDate } from '../../../../shared/rules/civil-date';
import type { WorkflowDefinition, WorkflowQueue, WorkflowState } from '../../../../shared/workflow/definition';
import { recordOpinion, ROUTING_LEVELS, type RoutingLevelId, type RoutingOpinion as OpinionKind } from '../../../../shared/workflow/routing';
import { db, repositories } from '../../db';
import type { DeskDatabase } from '../../db/database';
import { ValidationError } from '../../db/errors';
import { writeContext } from '../../session';
import { todayIso } from '../../today';
import { routingStateOf } from '../applications/file';
import { WorkflowError } from './fire';
import { applicationStateOf } from '../../../../shared/workflow/lookup';

// ---------------------------------------------------------------------------------------------
// Definitions, states, queues
// ---------------------------------------------------------------------------------------------

/** The workflow definition an application runs under, if its pack has one for its kind. */
export function definitionOf(application: Pick<Application, 'programId' | 'kind'>): WorkflowDefinition | undefined {
  return getPack(application.programId)?.workflows[application.kind];
}

/** The application's current state in its definition. */
export function currentStateOf(application: Pick<Application, 'programId' | 'kind' | 'status'>): WorkflowState | undefined {
  return applicationStateOf(getPack(application.programId), application);
}

/** The work queue the application is in now (its state's `queue`), if any. */
export function applicationQueue(application: Pick<Application, 'programId' | 'kind' | 'status'>): WorkflowQueue | undefined {
  return currentStateOf(application)?.queue;
}

// ---------------------------------------------------------------------------------------------
// Returns (退回补正)
// ---------------------------------------------------------------------------------------------

// Whom a return goes to and its pre-filled reasons are the engine's: shared/engine/returns.

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

export function wrap(error: unknown): never {
  if (error instanceof ValidationError) throw new WorkflowError(error.message);
  throw error;
}

export function checkDate(value: unknown, what: string): IsoDate {
  if (!isCanonicalDate(value)) throw new WorkflowError(`${what}“${String(value ?? '')}”无效，请按 2026-11-22 的格式填写。`);
  return value;
}

/** The tables the routing / objection writes touch, for one transaction (repository writes nest). */
export function writeTables(database: DeskDatabase) {
  return [
    database.applications,
    database.routingOpinions,
    database.workflowEvents,
    database.objections,
    database.outbox,
    database.auditLog,
    database.mergeStates,
    database.settings,
  ];
}

/**
 * Records one level's opinion on a P4 file (002 附件3), as the clerk transcribes it from the
 * paper. The chain is replayed from the opinions already recorded and the new one is checked
 * with the shared `recordOpinion` first (only the level holding the file may sign; a return needs
 * a note), inside the transaction, so two desks cannot both sign for the same level here.
 */
export async function recordRoutingOpinion(
  applicationId: string,
  level: RoutingLevelId,
  opinion: OpinionKind,
  note: string,
  on: IsoDate,
  options: { today?: IsoDate } = {},
): Promise<RoutingOpinion> {
  checkDate(on, '意见日期');
  const today = options.today ?? todayIso();
  if (on > today) throw new WorkflowError(`意见日期${formatDateZh(on)}晚于今天，请核对纸质材料上的日期。`);
  if (!Object.hasOwn(ROUTING_LEVELS, level)) throw new WorkflowError(`未知的报送层级“${String(level)}”。`);
  const ctx = await writeContext(note.trim() === '' ? undefined : note.trim());
  return db.transaction('rw', writeTables(db), async () => {
    const application = await db.applications.get(applicationId);
    if (application === undefined || application.deleted) throw new WorkflowError('找不到这份申请，可能已被删除。');
    const opinions = (await db.routingOpinions.where('applicationId').equals(applicationId).toArray())
      .filter((o) => !o.deleted)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // Only the opinions since the latest return count: a returned file climbs the chain again.
    const events = (await db.workflowEvents.where('applicationId').equals(applicationId).toArray()).filter((e) => !e.deleted);
    const { state } = routingStateOf(application.fields['routingVariant'], opinions, events);
    if (state === undefined) throw new WorkflowError('这份申请尚未选择报送途径（单位隶属关系），请先在申请表中填写。');
    const next = recordOpinion(state, level, opinion, note, on);
    if (!next.ok) throw new WorkflowError(next.error.message);
    try {
      return await repositories.routingOpinions.create({ applicationId, level, opinion, note: note.trim(), on }, ctx);
    } catch (error) {
      return wrap(error);
    }
  });
}

