/**
 * The self-score sheet (自评分, 评审打分表) of the Zhejiang senior-engineer review (P4) and the
 * eligibility it gives.
 *
 * Seed 002 二 gives two routes: the 1986 education-and-seniority conditions (职改字〔1986〕78号),
 * or, for applicants who do not meet them, a self-score of 80 or more under the quantitative
 * scoring standard. The seed names the standard (浙人社发〔2017〕93号, revised 2018) but does not
 * list its items or the 1986 conditions, so the items come in as data and the seniority route
 * comes in as a judgement recorded by a person, with the reason written down.
 *
 * The total is only the applicant's claim as the office can check it: 002 四(二) leaves the
 * final score to the experts.
 */
import { fail, ok, type Result } from './result';

export interface ScoreItem {
  readonly id: string;
  readonly name: string;
  readonly maxScore: number;
}

export interface ScoreEntry {
  readonly itemId: string;
  readonly claimed: number;
  /** Whether the proof for this item is in the file (002 附件4 三: bound in volume 2, labelled). */
  readonly hasEvidence: boolean;
}

/** The 1986 route as decided by the clerk or reviewer. */
export interface SeniorityRoute {
  readonly meets: boolean;
  /** Why, e.g. the degree and the years as 工程师; required when `meets` is true. */
  readonly reason: string;
}

export interface SelfScoreRequirement {
  readonly passScore: number;
}

/**
 * 002 二: "按照评价条件所附量化赋分标准自评分达到80分以上人员，也可申报" — 以上 includes 80.
 */
export const P4_SELF_SCORE_REQUIREMENT: SelfScoreRequirement = { passScore: 80 };

export type EligibilityRoute = 'score' | 'seniority';

export interface SelfScoreFinding {
  readonly code: string;
  readonly itemId?: string;
  readonly message: string;
}

export interface ScoredItem {
  readonly itemId: string;
  readonly claimed: number;
  /** What counts: 0 without evidence, capped at the item's maximum. */
  readonly scored: number;
}

export interface SelfScoreEvaluation {
  readonly eligible: boolean;
  readonly route: EligibilityRoute | null;
  /** The recorded reason when the seniority route applies; otherwise null. */
  readonly seniorityReason: string | null;
  readonly total: number;
  readonly items: readonly ScoredItem[];
  readonly findings: readonly SelfScoreFinding[];
}

export interface SelfScoreSheet {
  readonly items: readonly ScoreItem[];
  readonly entries: readonly ScoreEntry[];
  readonly seniority?: SeniorityRoute;
}

/**
 * Scores are whole or one-decimal points. They are turned into integer tenths once, so the
 * total of many items is exact; a value with more decimals is a typing mistake, not rounded.
 */
function toTenths(value: number): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return null;
  const tenths = Math.round(value * 10);
  return Math.abs(tenths - value * 10) < 1e-6 && Number.isSafeInteger(tenths) ? tenths : null;
}

const fromTenths = (tenths: number): number => tenths / 10;

/**
 * Claimed points above an item's maximum are capped, not refused: the paper sheet is the
 * applicant's and the clerk records it as written, while 002 附件4 二 14 has the checking
 * department return sheets that "严重高估" — so the over-claim is reported as a finding.
 */
export function evaluateSelfScore(
  sheet: SelfScoreSheet,
  requirement: SelfScoreRequirement = P4_SELF_SCORE_REQUIREMENT,
): Result<SelfScoreEvaluation> {
  const maxTenths = new Map<string, number>();
  for (const item of sheet.items) {
    const max = toTenths(item.maxScore);
    if (max === null || max === 0) {
      return fail('score.item', `评分项“${item.name}”的满分设置无效。`);
    }
    if (maxTenths.has(item.id)) return fail('score.item', `评分项“${item.name}”重复。`);
    maxTenths.set(item.id, max);
  }
  const names = new Map(sheet.items.map((item) => [item.id, item.name]));

  const findings: SelfScoreFinding[] = [];
  const scoredById = new Map<string, ScoredItem>();
  let totalTenths = 0;
  for (const entry of sheet.entries) {
    const max = maxTenths.get(entry.itemId);
    const name = names.get(entry.itemId) ?? entry.itemId;
    if (max === undefined) return fail('score.unknownItem', `“${entry.itemId}”不是评分表中的项目。`);
    if (scoredById.has(entry.itemId)) return fail('score.duplicate', `评分项“${name}”填写了两次。`);
    const claimed = toTenths(entry.claimed);
    if (claimed === null) {
      return fail('score.claimed', `评分项“${name}”的自评分无效，请填写不小于 0、最多一位小数的分数。`);
    }
    let scored = claimed;
    if (claimed > 0 && entry.hasEvidence !== true) {
      // 002 四(二): "无证明材料的不予评分"
      scored = 0;
      findings.push({
        code: 'score.noEvidence',
        itemId: entry.itemId,
        message: `评分项“${name}”自评 ${fromTenths(claimed)} 分，但没有证明材料，按 0 分计。`,
      });
    } else if (claimed > max) {
      scored = max;
      findings.push({
        code: 'score.overMax',
        itemId: entry.itemId,
        message: `评分项“${name}”自评 ${fromTenths(claimed)} 分，超过该项满分 ${fromTenths(max)} 分，按 ${fromTenths(max)} 分计。`,
      });
    }
    totalTenths += scored;
    scoredById.set(entry.itemId, { itemId: entry.itemId, claimed: fromTenths(claimed), scored: fromTenths(scored) });
  }

  const { seniority } = sheet;
  const seniorityMet = seniority?.meets === true;
  const reason = typeof seniority?.reason === 'string' ? seniority.reason.trim() : '';
  if (seniorityMet && reason === '') {
    return fail('score.seniorityReason', '按学历资历条件申报时，请写明所依据的学历和任职年限。');
  }

  const pass = toTenths(requirement.passScore);
  if (pass === null) return fail('score.requirement', '合格分数设置无效。');
  const total = fromTenths(totalTenths);
  const scoreMet = totalTenths >= pass;
  // The 1986 conditions are the regular route; the score route is for those who do not meet them.
  const route: EligibilityRoute | null = seniorityMet ? 'seniority' : scoreMet ? 'score' : null;
  if (route === null) {
    findings.push({
      code: 'score.notEligible',
      message: `自评分 ${total} 分，未达到 ${fromTenths(pass)} 分，且未满足 1986 年规定的学历资历条件，不符合申报条件。`,
    });
  }

  return ok({
    eligible: route !== null,
    route,
    seniorityReason: seniorityMet ? reason : null,
    total,
    items: sheet.items.map(
      (item) => scoredById.get(item.id) ?? { itemId: item.id, claimed: 0, scored: 0 },
    ),
    findings,
  });
}
