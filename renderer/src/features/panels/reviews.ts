/**
 * 评审: the applications waiting for a panel (states in the 'panel' queue), how many reviews
 * each stage asks for and has, and saving one expert's review (scores, opinion, recommendation)
 * as a synced `reviews` record — record + outbox + audit in one transaction, through the
 * repository. What the expert scores and what counts as complete is the engine's
 * (shared/engine/review); the workflow's `all-reviews-done` guard then counts the records.
 *
 * Panels often sit with no network: everything here is local, and the reviews sync (or travel
 * in a batch file) afterwards. An expert's second save for the same application and stage
 * corrects their review rather than adding another.
 */
import { checkReview, reviewSheet, reviewsNeeded, type ReviewInput, type ReviewSheet } from '../../../../shared/engine/review';
import type { Application, Review } from '../../../../shared/model/records';
import { getPack, type ProgramPack } from '../../../../shared/programs';
import type { ApplicationKindId } from '../../../../shared/programs/schema';
import type { LocalizedText } from '../../../../shared/workflow/definition';
import { db, repositories } from '../../db';
import type { DeskDatabase } from '../../db/database';
import { ValidationError } from '../../db/errors';
import { writeContext } from '../../session';
import { queueStatePairs } from '../workflow/queues';
import { applicationQueue } from '../workflow/commands';

export class ReviewError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewError';
  }
}

export interface PanelRow {
  readonly application: Application;
  readonly pack: ProgramPack;
  readonly applicant: string;
  /** The state the application waits in: the stage its reviews are for. */
  readonly stage: string;
  readonly stageName: LocalizedText | undefined;
  /** Reviews the workflow asks for at this stage (undefined: none counted). */
  readonly needed: number | undefined;
  /** Live reviews for this stage, oldest first. */
  readonly reviews: readonly Review[];
  readonly sheet: ReviewSheet;
}

function stageOf(pack: ProgramPack, application: Application) {
  const definition = pack.workflows[application.kind as ApplicationKindId];
  return { definition, state: definition?.states.find((s) => s.id === application.status) };
}

/** One application as the panel sees it, or undefined when it is not waiting for a panel. */
export async function panelRow(database: DeskDatabase, application: Application): Promise<PanelRow | undefined> {
  const pack = getPack(application.programId);
  if (pack === undefined || application.deleted || applicationQueue(application) !== 'panel') return undefined;
  const { definition, state } = stageOf(pack, application);
  if (definition === undefined) return undefined;
  const [person, organisation, reviews] = await Promise.all([
    application.personId ? database.people.get(application.personId) : undefined,
    application.organisationId ? database.organisations.get(application.organisationId) : undefined,
    database.reviews.where('applicationId').equals(application.id).toArray(),
  ]);
  return {
    application,
    pack,
    applicant: person?.name ?? organisation?.name ?? '—',
    stage: application.status,
    stageName: state?.name,
    needed: reviewsNeeded(definition, application.status),
    reviews: reviews.filter((r) => !r.deleted && r.stage === application.status).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)),
    sheet: reviewSheet(pack.scoring, application),
  };
}

/** Every application waiting for a panel, oldest receipt first. */
export async function loadPanel(database: DeskDatabase, programId?: string): Promise<PanelRow[]> {
  const pairs = queueStatePairs('panel', programId);
  if (pairs.length === 0) return [];
  const applications = await database.applications.where('[programId+status]').anyOf(pairs).toArray();
  const rows: PanelRow[] = [];
  for (const application of applications) {
    const row = await panelRow(database, application);
    if (row !== undefined) rows.push(row);
  }
  return rows.sort((a, b) =>
    a.application.receivedDate !== b.application.receivedDate
      ? a.application.receivedDate < b.application.receivedDate
        ? -1
        : 1
      : a.application.applicationNo < b.application.applicationNo
        ? -1
        : 1,
  );
}

/**
 * Saves one expert's review of the application at its current stage. Refused (ReviewError, in
 * Chinese, nothing written) when the application is not waiting for a panel or the review does
 * not pass `checkReview`. The same expert (by name) at the same stage corrects their review.
 */
export async function saveReview(applicationId: string, input: ReviewInput): Promise<Review> {
  const ctx = await writeContext('评审');
  return db.transaction('rw', [db.applications, db.people, db.organisations, db.reviews, db.outbox, db.auditLog, db.mergeStates, db.settings], async () => {
    const application = await db.applications.get(applicationId);
    if (application === undefined || application.deleted) throw new ReviewError('找不到这份申请，可能已被删除。');
    const row = await panelRow(db, application);
    if (row === undefined) throw new ReviewError('这份申请当前不在评审阶段，不能录入评审意见。');
    const checked = checkReview(row.sheet, input);
    if (!checked.ok) throw new ReviewError(checked.error.message);
    const { reviewer, opinion, outcome, scores } = checked.value;
    const fields = { opinion, outcome, scores: { ...scores } };
    const own = row.reviews.find((r) => r.reviewer === reviewer);
    try {
      if (own !== undefined) return await repositories.reviews.update(own.id, fields, ctx);
      return await repositories.reviews.create({ applicationId, stage: row.stage, reviewer, ...fields }, ctx);
    } catch (error) {
      if (error instanceof ValidationError) throw new ReviewError(error.message);
      throw error;
    }
  });
}
