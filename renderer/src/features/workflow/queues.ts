/**
 * The work queues (待审核, 退回待补正, 公示中, 待评审, 待决定, 待发证), as OpenCRVS keeps them: an
 * application is in the queue its current state names in its pack's workflow definition
 * (shared/workflow/definition `queue`). Each listed application is evaluated by the engine for
 * the signed-in role, which gives the deadline shown beside it (the decision limit, e.g. P5's 15
 * working days, or the publicity's last day) and the transitions offered from the list.
 */
import type { Application } from '../../../../shared/model/records';
import { programPacks, type ProgramPack } from '../../../../shared/programs';
import type { IsoDate } from '../../../../shared/rules/civil-date';
import type { WorkCalendar } from '../../../../shared/rules/work-calendar';
import type { QueueDeadline } from '../../../../shared/workflow/deadlines';
import { keyDateDeadlines, type KeyDateDeadline } from '../../../../shared/engine/key-dates';
import type { ApplicationKindId } from '../../../../shared/programs/schema';
import { WORKFLOW_QUEUES, type LocalizedText, type WorkflowQueue, type WorkflowRole } from '../../../../shared/workflow/definition';
import type { TransitionOption } from '../../../../shared/workflow/engine';
import type { DeskDatabase } from '../../db/database';
import { evaluateFile, loadApplicationFile } from '../applications/file';
import { applicationQueue } from './commands';
import { publicityTransitions } from '../publicity/commands';
import { stateOf } from '../../../../shared/workflow/lookup';

export interface QueueRow {
  readonly application: Application;
  readonly pack: ProgramPack;
  /** The person's or organisation's name. */
  readonly applicant: string;
  readonly state: LocalizedText | undefined;
  readonly deadline: QueueDeadline | undefined;
  /** The round's dates that bind the state (001 温馨提示 11 换证截止). */
  readonly keyDates: readonly KeyDateDeadline[];
  /**
   * Transitions offered now that lead into a publicity state and ask for nothing but a reason
   * (开始公示 from the list records the publicity's title as the reason).
   */
  readonly publicity: readonly TransitionOption[];
  /** What the engine could not judge (a missing calendar year …), in Chinese. */
  readonly problems: readonly string[];
}

export interface QueueOptions {
  readonly role: WorkflowRole;
  readonly today: IsoDate;
  readonly calendar: WorkCalendar;
  /** Only this program. */
  readonly programId?: string;
}

/** Every [programId, state] pair whose state puts its applications in `queue`, across the packs. */
export function queueStatePairs(queue: WorkflowQueue, programId?: string): [string, string][] {
  const pairs = new Map<string, [string, string]>();
  for (const pack of programPacks) {
    if (programId !== undefined && pack.id !== programId) continue;
    for (const definition of Object.values(pack.workflows)) {
      for (const s of definition?.states ?? []) {
        if (s.queue === queue) pairs.set(`${pack.id}\u0000${s.id}`, [pack.id, s.id]);
      }
    }
  }
  return [...pairs.values()];
}

/**
 * The applications in `queue` (not deleted; a state id shared by two kinds of one program counts
 * only where that kind's state is in the queue).
 */
async function applicationsIn(database: DeskDatabase, queue: WorkflowQueue, programId?: string): Promise<Application[]> {
  const pairs = queueStatePairs(queue, programId);
  if (pairs.length === 0) return [];
  return database.applications
    .where('[programId+status]')
    .anyOf(pairs)
    .filter((a) => !a.deleted && applicationQueue(a) === queue)
    .toArray();
}

/** Overdue first, then the earliest due date, then those without a deadline; ties by receipt. */
export function compareQueueRows(a: Pick<QueueRow, 'deadline' | 'application'>, b: Pick<QueueRow, 'deadline' | 'application'>): number {
  const ao = a.deadline?.overdue ? 0 : 1;
  const bo = b.deadline?.overdue ? 0 : 1;
  if (ao !== bo) return ao - bo;
  const ad = a.deadline?.due;
  const bd = b.deadline?.due;
  if (ad !== bd) {
    if (ad === undefined) return 1;
    if (bd === undefined) return -1;
    return ad < bd ? -1 : 1;
  }
  const ar = a.application.receivedDate;
  const br = b.application.receivedDate;
  if (ar !== br) return ar < br ? -1 : 1;
  return a.application.applicationNo < b.application.applicationNo ? -1 : a.application.applicationNo > b.application.applicationNo ? 1 : 0;
}

/** One queue, each application evaluated for `role` on `today`, sorted by compareQueueRows. */
export async function loadQueue(database: DeskDatabase, queue: WorkflowQueue, options: QueueOptions): Promise<QueueRow[]> {
  const applications = await applicationsIn(database, queue, options.programId);
  const rows: QueueRow[] = [];
  for (const app of applications) {
    const file = await loadApplicationFile(database, app.id);
    if (file === undefined) continue;
    const evaluated = evaluateFile(file, { today: options.today, calendar: options.calendar, role: options.role });
    if (evaluated === undefined) continue;
    const { pack, evaluation } = evaluated;
    const definition = pack.workflows[app.kind];
    const keys = keyDateDeadlines(pack, app.kind as ApplicationKindId, app.status, options.today);
    rows.push({
      application: file.application,
      pack,
      applicant: file.person?.name ?? file.organisation?.name ?? '—',
      state: stateOf(definition, app.status)?.name,
      deadline: evaluation.deadline,
      keyDates: keys.ok ? keys.value : [],
      publicity: publicityTransitions(definition, evaluation).filter((o) => o.transition.records.every((r) => r === 'reason')),
      problems: evaluation.problems,
    });
  }
  return rows.sort(compareQueueRows);
}

/** How many applications each queue holds now. */
export async function queueCounts(database: DeskDatabase, programId?: string): Promise<Record<WorkflowQueue, number>> {
  const counts = await Promise.all(WORKFLOW_QUEUES.map(async (q) => [q, (await applicationsIn(database, q, programId)).length] as const));
  return Object.fromEntries(counts) as Record<WorkflowQueue, number>;
}
