/**
 * A panel expert's review (评审意见) of one application: the rows the expert scores, taken from the
 * pack's scoring sheet, and the check of what was typed before it is stored as a `reviews` record.
 *
 * Where the rows come from, per seed:
 * - P1/P2 (000 第九条): the indicator system's elements under 知识、技能、经验. The seed gives
 *   no points, so an element's score has no maximum (the row says so) and may be left blank.
 * - P4 (002 二, 《评审打分表》): the items of the imported standard as typed from the applicant's
 *   自评分表, each with its maximum points; the panel scores each item within it, and the total is
 *   compared with the pass line (80). 002 四(二): 无证明材料的不予评分 — an item without proof in
 *   the file is scored 0.
 * - P6 (004 第三条): the four aspects (基本能力、技术能力、服务能力、运营能力), one row each; the
 *   items and points come from the named standard, so the aspect has no maximum here.
 * - No sheet (P3, P5): an opinion and a recommendation only.
 *
 * Every review needs the expert's name, an opinion and a recommendation (建议通过 / 建议不通过).
 * Errors are Chinese, one per problem, and name the row.
 */
import type { Application } from '../model/records';
import type { ScoringSheet } from '../programs/schema';
import { fail, ok, type Result } from '../rules/result';
import { transitionSources, type WorkflowDefinition, type WorkflowGuard } from '../workflow/definition';

export interface ReviewRow {
  readonly id: string;
  /** The dimension it belongs to (the group heading on the form), when there is one. */
  readonly group?: string;
  readonly name: string;
  /** The most points the row can get; null when the seed gives none. */
  readonly maxScore: number | null;
  /** Scored 0: 002 四(二) 无证明材料的不予评分. */
  readonly noEvidence?: boolean;
  /** Whether the expert must score it (rows with points must be scored; others may stay blank). */
  readonly required: boolean;
}

export interface ReviewSheet {
  readonly rows: readonly ReviewRow[];
  /** The pass line of the total, when the seed has one (P4: 80). */
  readonly passScore?: number;
}

export const REVIEW_OUTCOMES = ['建议通过', '建议不通过'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** The rows an expert scores for this application under this pack's sheet. */
export function reviewSheet(sheet: ScoringSheet | undefined, application: Pick<Application, 'selfScore'>): ReviewSheet {
  if (sheet === undefined) return { rows: [] };
  const passScore = sheet.passScore?.value;
  const rows: ReviewRow[] = [];
  if (sheet.itemsFrom !== undefined && sheet.dimensions.length === 0) {
    // P4: the items are the imported standard's, as typed from the 自评分表.
    for (const item of application.selfScore?.items ?? []) {
      rows.push({
        id: item.id,
        name: item.name,
        maxScore: item.maxScore,
        required: true,
        ...(sheet.evidenceRequired !== undefined && !item.hasEvidence ? { noEvidence: true } : {}),
      });
    }
  } else {
    for (const dimension of sheet.dimensions) {
      if (dimension.items.length === 0) {
        rows.push({ id: dimension.id, name: dimension.name.zh, maxScore: null, required: false });
        continue;
      }
      for (const item of dimension.items) {
        rows.push({ id: item.id, group: dimension.name.zh, name: item.name.zh, maxScore: item.maxScore, required: item.maxScore !== null });
      }
    }
  }
  return passScore === undefined ? { rows } : { rows, passScore };
}

export interface ReviewInput {
  readonly reviewer: string;
  readonly opinion: string;
  readonly outcome: string | undefined;
  /** Row id → points as typed (undefined or null = blank). */
  readonly scores: Readonly<Record<string, number | null | undefined>>;
}

export interface CheckedReview {
  readonly reviewer: string;
  readonly opinion: string;
  readonly outcome: ReviewOutcome;
  readonly scores: Readonly<Record<string, number>>;
  /** Sum of the scored rows; undefined when the sheet has no rows. */
  readonly total?: number;
  /** Whether the total reaches the pass line, when there is one. */
  readonly passes?: boolean;
}

const MAX_FREE_SCORE = 1000;

/** Checks a typed review against its sheet; the first problem of each row, in the form's order. */
export function checkReview(sheet: ReviewSheet, input: ReviewInput): Result<CheckedReview> {
  const problems: string[] = [];
  const reviewer = input.reviewer.trim();
  if (reviewer === '') problems.push('请填写评审专家姓名。');
  else if (reviewer.length > 50) problems.push('评审专家姓名过长（最多50个字）。');
  const opinion = input.opinion.trim();
  if (opinion === '') problems.push('请填写评审意见。');
  else if (opinion.length > 4000) problems.push('评审意见过长（最多4000个字）。');
  const outcome = REVIEW_OUTCOMES.find((o) => o === input.outcome);
  if (outcome === undefined) problems.push('请选择评审结论：建议通过或建议不通过。');

  const scores: Record<string, number> = {};
  sheet.rows.forEach((row, i) => {
    const label = `第${i + 1}项“${row.name}”`;
    const value = input.scores[row.id];
    if (row.noEvidence) {
      // 002 四(二): 无证明材料的不予评分.
      if (value !== undefined && value !== null && value !== 0) problems.push(`${label}没有证明材料，不予评分（只能为 0 分）。`);
      scores[row.id] = 0;
      return;
    }
    if (value === undefined || value === null) {
      if (row.required) problems.push(`${label}尚未评分。`);
      return;
    }
    if (!Number.isFinite(value) || value < 0) problems.push(`${label}的得分应为不小于 0 的数。`);
    else if (Math.round(value * 10) !== value * 10) problems.push(`${label}的得分最多保留一位小数。`);
    else if (row.maxScore !== null && value > row.maxScore) problems.push(`${label}得 ${value} 分，超过该项满分 ${row.maxScore} 分。`);
    else if (row.maxScore === null && value > MAX_FREE_SCORE) problems.push(`${label}得 ${value} 分，数值过大。`);
    else scores[row.id] = value;
  });
  if (problems.length > 0) return fail('review.invalid', problems.join('\n'));

  return ok({ reviewer, opinion, outcome: outcome!, scores, ...sheetTotal(sheet, scores) });
}

/**
 * The total of the scored rows (blank or non-numeric ones count 0) and whether it reaches the
 * pass line, when there is one; `{}` when the sheet has no rows. Tenths are summed as integers:
 * no 0.1 + 0.2 drift. The form's live total and a stored review's total both come from here.
 */
export function sheetTotal(sheet: ReviewSheet, scores: Readonly<Record<string, unknown>> | undefined): { total?: number; passes?: boolean } {
  if (sheet.rows.length === 0) return {};
  const total =
    sheet.rows.reduce((sum, row) => {
      const value = scores?.[row.id];
      return sum + (typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 10) : 0);
    }, 0) / 10;
  return sheet.passScore === undefined ? { total } : { total, passes: total >= sheet.passScore };
}

/**
 * How many reviews the definition asks for at `stateId` before the panel's transition may fire
 * (the largest `all-reviews-done` count on a transition leaving it for that stage), or undefined
 * when the state asks for none.
 */
export function reviewsNeeded(definition: Pick<WorkflowDefinition, 'transitions'>, stateId: string): number | undefined {
  let needed: number | undefined;
  const visit = (guard: WorkflowGuard): void => {
    if (guard.kind === 'all-of' || guard.kind === 'any-of') guard.guards.forEach(visit);
    else if (guard.kind === 'all-reviews-done' && guard.stage === stateId) needed = Math.max(needed ?? 0, guard.count);
  };
  for (const t of definition.transitions) if (transitionSources(t).includes(stateId)) t.guards.forEach(visit);
  return needed;
}
