/**
 * Publicity (公示): starting one for a list of applications (each fired into its publicity state
 * with the publicity record in the same transaction), objections raised during it and their
 * settlement. Decisions are the engine's; a refusal is a `WorkflowError` with nothing written.
 */
import type { Application, Objection, Publicity } from '../../../../shared/model/records';
import { getPack } from '../../../../shared/programs';
import { formatDateZh, isCanonicalDate, type IsoDate } from '../../../../shared/rules/civil-date';
import type { Evaluation } from '../../../../shared/engine/evaluate';
import type { WorkCalendar } from '../../../../shared/rules/work-calendar';
import { periodEndsShown, type ShownDate } from '../../../../shared/workflow/deadlines';
import type { TransitionOption } from '../../../../shared/workflow/engine';
import type { WorkflowDefinition, WorkflowRole } from '../../../../shared/workflow/definition';
import { db, repositories } from '../../db';
import { writeContext } from '../../session';
import { todayIso } from '../../today';
import { loadCalendar } from '../calendar/calendar';
import { evaluateFile, loadApplicationFile } from '../applications/file';
import { fireTransition, workflowTables, WorkflowError } from '../workflow/fire';
import { wrap, checkDate, writeTables } from '../workflow/commands';
import { stateOf } from '../../../../shared/workflow/lookup';
import { errorMessage } from '../../../../shared/rules/error-message';

/** Whether a transition leads into a publicity (公示) state of the definition. */
export function leadsToPublicity(definition: WorkflowDefinition, transition: TransitionOption['transition']): boolean {
  return definition.states.some((s) => s.id === transition.to && s.queue === 'publicity');
}

/** The transitions offered now that start a publicity, allowed or not. */
export function publicityTransitions(definition: WorkflowDefinition | undefined, evaluation: Pick<Evaluation, 'transitions'>): TransitionOption[] {
  if (definition === undefined) return [];
  return evaluation.transitions.filter((o) => leadsToPublicity(definition, o.transition));
}

/**
 * Last day of a publicity posted on `startedOn` under `definition`'s period, counted by the
 * working-day calendar (shared/workflow/deadlines periodEnds). A Chinese error when the
 * definition has no publicity or the calendar lacks the year.
 */
export function publicityEndsOn(definition: WorkflowDefinition, startedOn: IsoDate, calendar: WorkCalendar): ShownDate {
  if (!isCanonicalDate(startedOn)) throw new WorkflowError(`公示开始日期“${String(startedOn)}”无效，请按 2026-11-22 的格式填写。`);
  if (definition.publicity === undefined) throw new WorkflowError(`流程“${definition.name.zh}”没有公示期限，不能开始公示。`);
  // Shown (and stored) provisionally when it reaches into a year not entered yet; the guard that
  // ends the publicity recounts with the exact calendar, so nothing is decided on the guess.
  const ends = periodEndsShown(startedOn, definition.publicity, calendar);
  if (!ends.ok) throw new WorkflowError(ends.error.message);
  return ends.value;
}


export interface RaiseObjectionInput {
  readonly applicationId: string;
  readonly raisedOn: IsoDate;
  readonly raisedBy?: string;
  readonly content: string;
}

/** Records an objection (异议) raised about an application; it stays open until settled. */
export async function raiseObjection(input: RaiseObjectionInput, options: { today?: IsoDate } = {}): Promise<Objection> {
  checkDate(input.raisedOn, '异议日期');
  const today = options.today ?? todayIso();
  if (input.raisedOn > today) throw new WorkflowError(`异议日期${formatDateZh(input.raisedOn)}晚于今天，请核对。`);
  const content = typeof input.content === 'string' ? input.content.trim() : '';
  if (content === '') throw new WorkflowError('请填写异议内容。');
  const raisedBy = input.raisedBy?.trim();
  const ctx = await writeContext('登记异议');
  return db.transaction('rw', writeTables(db), async () => {
    const application = await db.applications.get(input.applicationId);
    if (application === undefined || application.deleted) throw new WorkflowError('找不到这份申请，可能已被删除。');
    try {
      return await repositories.objections.create(
        {
          applicationId: input.applicationId,
          raisedOn: input.raisedOn,
          ...(raisedBy ? { raisedBy } : {}),
          content,
          status: 'open',
        },
        ctx,
      );
    } catch (error) {
      return wrap(error);
    }
  });
}

export interface SettleObjectionInput {
  /** Whether the objection was found to hold (异议成立). */
  readonly upheld: boolean;
  /** How it was settled (处理结果), kept as the audit reason as well. */
  readonly settlement: string;
  readonly settledOn: IsoDate;
}

/**
 * Settles an open objection. An upheld objection does not by itself change the application: the
 * definition's transition for it (e.g. 公示异议成立) is fired separately, by whoever may.
 */
export async function settleObjection(objectionId: string, input: SettleObjectionInput, options: { today?: IsoDate } = {}): Promise<Objection> {
  checkDate(input.settledOn, '处理日期');
  const today = options.today ?? todayIso();
  if (input.settledOn > today) throw new WorkflowError(`处理日期${formatDateZh(input.settledOn)}晚于今天，请核对。`);
  const settlement = typeof input.settlement === 'string' ? input.settlement.trim() : '';
  if (settlement === '') throw new WorkflowError('请填写异议的处理结果。');
  if (typeof input.upheld !== 'boolean') throw new WorkflowError('请选择异议是否成立。');
  const ctx = await writeContext(settlement);
  return db.transaction('rw', writeTables(db), async () => {
    const objection = await db.objections.get(objectionId);
    if (objection === undefined || objection.deleted) throw new WorkflowError('找不到这条异议，可能已被删除。');
    if (objection.status !== 'open') throw new WorkflowError('这条异议已经处理过了，不能重复处理。');
    if (input.settledOn < objection.raisedOn) {
      throw new WorkflowError(`处理日期${formatDateZh(input.settledOn)}早于异议提出日期${formatDateZh(objection.raisedOn)}，请核对。`);
    }
    try {
      return await repositories.objections.update(
        objectionId,
        { status: 'settled', settledOn: input.settledOn, settlement, upheld: input.upheld },
        ctx,
      );
    } catch (error) {
      return wrap(error);
    }
  });
}

export interface StartPublicityInput {
  readonly programId: string;
  readonly title: string;
  readonly startedOn: IsoDate;
  readonly applicationIds: readonly string[];
  /** The transition into the publicity state (e.g. P4 `pass-check`). */
  readonly transitionId: string;
}

export interface PublicityRefusal {
  readonly applicationId: string;
  readonly applicationNo: string;
  readonly message: string;
}

/** A publicity that could not start: which applications were refused and why. Nothing was written. */
export class StartPublicityError extends WorkflowError {
  constructor(
    message: string,
    readonly refusals: readonly PublicityRefusal[] = [],
  ) {
    super(message);
    this.name = 'StartPublicityError';
  }
}

function refusalMessage(refusals: readonly PublicityRefusal[]): string {
  return `不能开始公示，以下${refusals.length}份申请未能进入公示（均未作任何更改）：\n${refusals
    .map((r) => `${r.applicationNo}：${r.message}`)
    .join('\n')}`;
}


/**
 * Starts a publicity (公示) for a list of applications: computes its last day with the
 * definition's publicity period on the working-day calendar, creates the `publicities` record,
 * then fires `transitionId` (into the publicity state) for each application.
 *
 * All or nothing: the posted list must be exactly the applications in publicity. Every
 * application is first judged by the engine; if any may not enter publicity, nothing is
 * written and the error lists each one with the engine's reasons, so the clerk can take them
 * off the list and start again. The writes then run in ONE transaction (fireTransition nests in
 * it); should a transition still be refused there (a change made a moment ago on this desk),
 * the whole publicity is rolled back and that application is named.
 */
export async function startPublicity(
  input: StartPublicityInput,
  options: { role: WorkflowRole; today?: IsoDate },
): Promise<{ publicity: Publicity; applications: Application[] }> {
  const title = typeof input.title === 'string' ? input.title.trim() : '';
  if (title === '') throw new StartPublicityError('请填写公示标题。');
  checkDate(input.startedOn, '公示开始日期');
  const ids = [...new Set(input.applicationIds)];
  if (ids.length === 0) throw new StartPublicityError('请至少选择一份申请。');
  const today = options.today ?? todayIso();
  const calendar = await loadCalendar();

  // Judge every application first, so the clerk hears about all refusals at once.
  const refusals: PublicityRefusal[] = [];
  let period: { definition: WorkflowDefinition; key: string } | undefined;
  for (const id of ids) {
    const file = await loadApplicationFile(db, id);
    if (file === undefined) {
      refusals.push({ applicationId: id, applicationNo: id, message: '找不到这份申请，可能已被删除。' });
      continue;
    }
    const app = file.application;
    const refuse = (message: string): void => {
      refusals.push({ applicationId: id, applicationNo: app.applicationNo, message });
    };
    if (app.programId !== input.programId) {
      refuse(`不属于本次公示的业务（${getPack(input.programId)?.names.zh ?? input.programId}）。`);
      continue;
    }
    const evaluated = evaluateFile(file, { today, calendar, role: options.role });
    const definition = evaluated?.pack.workflows[app.kind];
    if (evaluated === undefined || definition === undefined) {
      refuse('此类申请没有办理流程。');
      continue;
    }
    const option = evaluated.evaluation.transitions.find((o) => o.transition.id === input.transitionId);
    if (option === undefined) {
      const state = stateOf(definition, app.status)?.name.zh ?? app.status;
      refuse(`当前为“${state}”，不能执行此操作或无权执行。`);
      continue;
    }
    if (!leadsToPublicity(definition, option.transition)) {
      refuse(`“${option.transition.label.zh}”不是进入公示的操作。`);
      continue;
    }
    if (!option.allowed) {
      refuse(option.blockedBy.map((b) => b.message).join(''));
      continue;
    }
    if (definition.publicity === undefined) {
      refuse(`流程“${definition.name.zh}”没有公示期限。`);
      continue;
    }
    const key = `${definition.publicity.length}:${definition.publicity.unit}`;
    if (period === undefined) period = { definition, key };
    else if (period.key !== key) refuse('公示期限与所选的其他申请不同，请分开公示。');
  }
  const programId = getPack(input.programId)?.id;
  if (programId === undefined) throw new StartPublicityError(`未知的业务类型“${input.programId}”。`, []);
  if (refusals.length > 0) throw new StartPublicityError(refusalMessage(refusals), refusals);
  const endsOn = publicityEndsOn(period!.definition, input.startedOn, calendar).date;
  const { length, unit } = period!.definition.publicity!;

  const ctx = await writeContext(`开始公示：${title}`);
  try {
    return await db.transaction('rw', workflowTables(db), async () => {
      const publicity = await repositories.publicities.create(
        { programId: programId!, title, startedOn: input.startedOn, endsOn, period: { length, unit }, applicationIds: ids },
        ctx,
      );
      const applications: Application[] = [];
      for (const id of ids) {
        try {
          applications.push(await fireTransition(id, input.transitionId, { reason: `开始公示：${title}` }, { role: options.role, today, withPublicityRecord: true }));
        } catch (error) {
          const no = (await db.applications.get(id))?.applicationNo ?? id;
          const message = errorMessage(error);
          const refusal = { applicationId: id, applicationNo: no, message };
          throw new StartPublicityError(refusalMessage([refusal]), [refusal]);
        }
      }
      return { publicity, applications };
    });
  } catch (error) {
    if (error instanceof WorkflowError) throw error;
    return wrap(error);
  }
}

