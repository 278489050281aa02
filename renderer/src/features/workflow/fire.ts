/**
 * Firing a workflow transition: the application's file re-read and re-judged by the engine inside
 * one transaction, then the step recorded (history record + new status, each with its outbox
 * operation and audit entry). Every screen that moves a file goes through `fireTransition`.
 */
import type { Application } from '../../../../shared/model/records';
import type { WorkflowRole } from '../../../../shared/workflow/definition';
import { fire, type FireInput } from '../../../../shared/workflow/engine';
import { db, repositories } from '../../db';
import type { DeskDatabase } from '../../db/database';
import { ValidationError } from '../../db/errors';
import { RETURN_TO_OPTIONS, returnToCode } from '../../../../shared/model/codes';
import { writeContext } from '../../session';
import { todayIso } from '../../today';
import { loadCalendar } from '../calendar/calendar';
import { evaluateFile, historyOf, loadApplicationFile } from '../applications/file';
import { applyLifecycleEffect, LifecycleError, lifecycleTables } from '../certificates/lifecycle';
import { defined } from '../../../../shared/rules/defined';

/**
 * The tables a workflow step reads and writes, for one transaction over all of them; an outer
 * transaction that nests `fireTransition` must cover them all.
 */
export function workflowTables(database: DeskDatabase) {
  return [
    database.applications,
    database.workflowEvents,
    database.materials,
    database.people,
    database.organisations,
    database.educationRecords,
    database.attachments,
    database.blobs,
    database.routingOpinions,
    database.objections,
    database.publicities,
    database.calendarYears,
    database.reviews,
    database.scoresheets,
    database.panelBallots,
    database.panelResults,
    database.agencyAudits,
    ...lifecycleTables(database),
    database.outbox,
    database.auditLog,
    database.mergeStates,
    database.settings,
  ];
}

export class WorkflowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkflowError';
  }
}

/**
 * Fires a transition the engine allows for the signed-in user, in ONE transaction: the file is
 * re-read and re-judged inside it (so a change made a moment ago on this desk counts), the
 * shared `fire` checks role, guards and required records, then the new status and the history
 * record are written (each with its outbox operation and audit entry). Throws `WorkflowError`
 * with the engine's Chinese message when refused; nothing is written then.
 */
export async function fireTransition(
  applicationId: string,
  transitionId: string,
  records: Omit<FireInput, 'role' | 'today'>,
  options: { today?: string; role: WorkflowRole; /** Set only by startPublicity, which writes the publicity record in the same transaction. */ withPublicityRecord?: boolean },
): Promise<Application> {
  const ctx = await writeContext(records.reason ?? records.override?.reason);
  const today = options.today ?? todayIso();
  const calendar = await loadCalendar();
  return db.transaction('rw', workflowTables(db), async () => {
    const file = await loadApplicationFile(db, applicationId);
    if (file === undefined) throw new WorkflowError('找不到这份申请，可能已被删除。');
    const evaluated = evaluateFile(file, { today, calendar, role: options.role });
    if (evaluated === undefined) throw new WorkflowError(`未知的业务类型“${file.application.programId}”。`);
    const definition = evaluated.pack.workflows[file.application.kind];
    if (definition === undefined) throw new WorkflowError(evaluated.evaluation.problems.join('') || '此类申请没有办理流程。');
    // One path into 公示中: the publicity record and the state change are one step (startPublicity),
    // so no file shows 公示中 without a publicity to count its days and list it.
    const target = definition.transitions.find((x) => x.id === transitionId)?.to;
    if (options.withPublicityRecord !== true && definition.states.some((st) => st.id === target && st.queue === 'publicity')) {
      throw new WorkflowError('进入公示须同时建立公示记录：请填写公示标题和开始日期后开始公示。');
    }
    const result = fire(
      definition,
      { state: file.application.status, history: historyOf(file.events) },
      transitionId,
      { ...records, role: options.role, today },
      { calendar, facts: evaluated.evaluation.facts },
    );
    if (!result.ok) throw new WorkflowError(result.error.message);
    const entry = result.value.historyEntry;
    const returnTo = RETURN_TO_OPTIONS.find((o) => o === returnToCode(entry.returnTo));
    if (entry.returnTo !== undefined && returnTo === undefined) throw new WorkflowError('退回对象应为单位或个人。');
    try {
      await repositories.workflowEvents.create(
        {
          applicationId,
          transitionId: entry.transitionId,
          from: file.application.status,
          to: result.value.state,
          on: entry.at,
          role: entry.role,
          ...defined({ reason: entry.reason, opinion: entry.opinion, decision: entry.decision, returnTo }),
          ...(entry.scores === undefined ? {} : { scores: { ...entry.scores } }),
          ...(entry.override === undefined ? {} : { override: { reason: entry.override.reason, waived: [...entry.override.waived] } }),
          // The signed panel results the step fired on, kept with the step (shared/panels).
          ...(entry.panel === undefined ? {} : { panel: entry.panel.map((p) => ({ ...p })) }),
        },
        ctx,
      );
      // A final step of a renewal, change, deferral, cancellation … acts on its certificate too.
      await applyLifecycleEffect(db, evaluated.pack, file.application, result.value.state, { on: entry.at, role: entry.role, ...(entry.reason ? { reason: entry.reason } : {}) }, { ...ctx, as: 'workflow.fire' });
      return await repositories.applications.update(applicationId, { status: result.value.state }, ctx);
    } catch (error) {
      if (error instanceof ValidationError || error instanceof LifecycleError) throw new WorkflowError(error.message);
      throw error;
    }
  });
}
