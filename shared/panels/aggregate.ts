/**
 * Aggregation: the members' sheets and the ballot of one application at one stage, combined by
 * the rules the pack gives (`panel.stages[].score / recommendations / ballot`):
 * - score: the members' totals averaged (`mean`), or without the highest and the lowest
 *   (`trimmed-mean`, from `trimFrom` totals on; fewer are averaged whole, and that is noted);
 *   rounded half up to one decimal, compared with the pass mark when there is one;
 * - recommendations: the share of sheets saying 建议通过 must reach the pack's majority;
 * - ballot: members present must reach the quorum of the committee, and 同意 the majority of
 *   those present and not recused (P4: two thirds and two thirds, 人社部令第40号).
 * Every rule the stage has must pass. What the rules cannot decide — a tie under a one-half rule,
 * missing or no scores, no or an impossible tally, a quorum not reached — is flagged to the chair,
 * who rules on it before signing (results.ts); nothing is decided silently.
 */
import type { PanelBallot, Scoresheet } from '../model/records';
import type { PanelStageDef } from '../programs/schema';
import { DEFER_ONLY_FLAGS, type ComputedOutcome, type PanelFlagCode } from './codes';
import { expertName, live, type PanelContext } from './context';
import { isHalf, reaches, shareZh, smallestReaching } from './fraction';
import { recusalOf } from './recusal';
import { panelStage, sheetTotalTenths, type PanelSheet } from './sheets';
import { formatTenths, meanTenths, toTenths } from './tenths';

export interface PanelFlag {
  readonly code: PanelFlagCode;
  readonly message: string;
}

export interface MemberTotal {
  readonly expertId: string;
  readonly totalTenths: number;
}

export interface ScoreAggregate {
  readonly method: 'mean' | 'trimmed-mean';
  /** The combined score, tenths, rounded half up. */
  readonly tenths: number;
  /** Whether the highest and the lowest were dropped (trimmed-mean with enough totals). */
  readonly trimmed: boolean;
  readonly dropped?: { readonly highest: string; readonly lowest: string };
  readonly passMarkTenths?: number;
  readonly passes?: boolean;
}

export interface RecommendationAggregate {
  readonly recommend: number;
  readonly notRecommend: number;
  /** Undefined on a tie. */
  readonly passes?: boolean;
}

export interface BallotAggregate {
  /** The session's members. */
  readonly committee: number;
  readonly present: number;
  /** Present and not recused: the ballots due. */
  readonly eligible: number;
  readonly agree: number;
  readonly disagree: number;
  readonly abstain: number;
  readonly quorumMet: boolean;
  /** Undefined when there is no valid tally, the quorum is not met, or on a tie. */
  readonly passes?: boolean;
}

export interface StageAggregate {
  readonly applicationId: string;
  readonly stage: string;
  /** Members expected to score: present (when attendance is taken) and not recused. */
  readonly expected: readonly string[];
  readonly recused: readonly string[];
  /** Submitted sheets of expected members, in session order. */
  readonly totals: readonly MemberTotal[];
  readonly missing: readonly string[];
  readonly score?: ScoreAggregate;
  readonly recommendations?: RecommendationAggregate;
  readonly ballot?: BallotAggregate;
  readonly computed: ComputedOutcome;
  readonly flags: readonly PanelFlag[];
  /** What the chair should know that decides nothing (a sheet not counted, no trimming). */
  readonly notes: readonly string[];
  /** The sheets and the ballot it was computed from, with their last change. */
  readonly basis: readonly { readonly table: 'scoresheets' | 'panelBallots'; readonly id: string; readonly updatedAt: string }[];
}

const names = (ctx: Pick<PanelContext, 'experts'>, ids: readonly string[]) => ids.map((id) => expertName(ctx, id)).join('、');

function combineScores(rule: PanelStageDef['score'], totals: readonly MemberTotal[], notes: string[]): ScoreAggregate | undefined {
  if (totals.length === 0) return undefined;
  let counted = [...totals];
  let dropped: ScoreAggregate['dropped'];
  const trimFrom = rule.trimFrom?.count;
  if (rule.method === 'trimmed-mean' && trimFrom !== undefined) {
    if (totals.length >= trimFrom) {
      // Ties at either end drop one of the equal totals: which one does not change the mean.
      const sorted = [...totals].sort((a, b) => a.totalTenths - b.totalTenths || (a.expertId < b.expertId ? -1 : 1));
      dropped = { lowest: sorted[0]!.expertId, highest: sorted.at(-1)!.expertId };
      counted = sorted.slice(1, -1);
    } else {
      notes.push(`只有${totals.length}份评分，不足${trimFrom}份，未去掉最高分和最低分，按平均分计。`);
    }
  }
  const sum = counted.reduce((s, t) => s + t.totalTenths, 0);
  const tenths = meanTenths(sum, counted.length);
  const passMarkTenths = rule.passMark === undefined ? undefined : toTenths(rule.passMark.value) ?? undefined;
  return {
    method: rule.method,
    tenths,
    trimmed: dropped !== undefined,
    ...(dropped ? { dropped } : {}),
    ...(passMarkTenths === undefined ? {} : { passMarkTenths, passes: tenths >= passMarkTenths }),
  };
}

/**
 * The aggregate of one application at one stage of the session. `sheet` is the stage's sheet
 * for this application (sheets.ts panelSheet): totals are recomputed from the stored tenths.
 */
export function aggregateStage(ctx: PanelContext, applicationId: string, sheet: PanelSheet): StageAggregate {
  const stage = sheet.stage;
  const def = panelStage(ctx.pack, stage);
  const flags: PanelFlag[] = [];
  const notes: string[] = [];
  const flag = (code: PanelFlagCode, message: string) => flags.push({ code, message });
  const { session } = ctx;

  const recused = session.memberIds.filter((id) => recusalOf(ctx, id, applicationId) !== undefined);
  const attending = session.presentIds ?? session.memberIds;
  const expected = session.memberIds.filter((id) => attending.includes(id) && !recused.includes(id));

  const sheets = live(ctx.sheets, session.id).filter((s) => s.applicationId === applicationId && s.stage === stage);
  const submitted = new Map<string, Scoresheet>();
  for (const s of sheets) {
    if (s.status !== 'submitted') continue;
    if (!expected.includes(s.expertId)) {
      notes.push(`${expertName(ctx, s.expertId)}的评分表未计入（${recused.includes(s.expertId) ? '须回避' : '未出席或不是本次评审会成员'}）。`);
      continue;
    }
    const other = submitted.get(s.expertId);
    // One sheet per member: should two arrive (two desks offline), the later change counts, and it is said.
    if (other !== undefined) notes.push(`${expertName(ctx, s.expertId)}有两份评分表，按最后修改的一份计。`);
    if (other === undefined || other.updatedAt < s.updatedAt || (other.updatedAt === s.updatedAt && other.id < s.id)) submitted.set(s.expertId, s);
  }
  const counted = expected.filter((id) => submitted.has(id)).map((id) => submitted.get(id)!);
  const totals = counted.map((s) => ({ expertId: s.expertId, totalTenths: sheetTotalTenths(sheet, s.scoresTenths) }));
  const missing = expected.filter((id) => !submitted.has(id));
  const basis: StageAggregate['basis'][number][] = counted.map((s) => ({ table: 'scoresheets', id: s.id, updatedAt: s.updatedAt }));

  if (counted.length === 0) flag('no-scores', '尚无专家提交评分表。');
  else if (missing.length > 0) flag('missing-scores', `${names(ctx, missing)}尚未提交评分表（应评${expected.length}份，已交${counted.length}份）。`);

  const score = def === undefined ? undefined : combineScores(def.score, totals, notes);

  let recommendations: RecommendationAggregate | undefined;
  if (def?.recommendations !== undefined && counted.length > 0) {
    const recommend = counted.filter((s) => s.recommendation === 'recommend').length;
    const notRecommend = counted.filter((s) => s.recommendation === 'not-recommend').length;
    const total = recommend + notRecommend;
    const majority = def.recommendations.majority;
    if (isHalf(majority) && recommend * 2 === total) {
      flag('recommendation-tie', `建议通过与建议不通过各${recommend}份，票数相同。`);
      recommendations = { recommend, notRecommend };
    } else {
      recommendations = { recommend, notRecommend, passes: reaches(recommend, total, majority) };
    }
  }

  let ballot: BallotAggregate | undefined;
  if (def?.ballot !== undefined) {
    const rule = def.ballot;
    const committee = session.memberIds.length;
    const presentIds = session.presentIds;
    const present = presentIds?.length ?? 0;
    const eligible = (presentIds ?? []).filter((id) => !recused.includes(id)).length;
    const quorumMet = presentIds !== undefined && reaches(present, committee, rule.quorum);
    if (presentIds === undefined) flag('quorum-not-reached', '尚未登记出席专家，无法确认是否达到法定人数。');
    else if (!quorumMet) {
      flag('quorum-not-reached', `出席${present}人，不足评审委员会${committee}人的${shareZh(rule.quorum)}（至少${smallestReaching(committee, rule.quorum)}人），不能表决。`);
    }
    const tallies = live(ctx.ballots, session.id).filter((b) => b.applicationId === applicationId && b.stage === stage);
    const tally: PanelBallot | undefined = tallies.length === 1 ? tallies[0] : undefined;
    if (tallies.length === 0) flag('no-ballot', '尚未登记投票结果。');
    else if (tallies.length > 1) flag('ballot-invalid', `登记了${tallies.length}份投票结果，应只有一份。`);
    else if (tally !== undefined && (tally.issued !== eligible || tally.agree + tally.disagree + tally.abstain > eligible)) {
      flag('ballot-invalid', `发出选票${tally.issued}张，应投票专家${eligible}人（出席且无须回避），票数与人数不符。`);
    }
    const agree = tally?.agree ?? 0;
    const base = { committee, present, eligible, agree, disagree: tally?.disagree ?? 0, abstain: tally?.abstain ?? 0, quorumMet };
    if (tally !== undefined) basis.push({ table: 'panelBallots', id: tally.id, updatedAt: tally.updatedAt });
    const valid = quorumMet && tally !== undefined && !flags.some((f) => f.code === 'ballot-invalid');
    if (!valid) ballot = base;
    else if (isHalf(rule.majority) && agree * 2 === eligible) {
      flag('ballot-tie', `同意${agree}票，恰为应投票专家${eligible}人的一半。`);
      ballot = base;
    } else {
      ballot = { ...base, passes: reaches(agree, eligible, rule.majority) };
    }
  }

  const criteria: (boolean | undefined)[] = [];
  if (def?.score.passMark !== undefined) criteria.push(score?.passes);
  if (def?.recommendations !== undefined) criteria.push(recommendations?.passes);
  if (def?.ballot !== undefined) criteria.push(ballot?.passes);
  let computed: ComputedOutcome;
  if (def === undefined || flags.some((f) => DEFER_ONLY_FLAGS.includes(f.code))) computed = 'undecided';
  else if (criteria.includes(false)) computed = 'fail';
  else if (criteria.includes(undefined)) computed = 'undecided';
  else computed = 'pass';

  return {
    applicationId,
    stage,
    expected,
    recused,
    totals,
    missing,
    ...(score ? { score } : {}),
    ...(recommendations ? { recommendations } : {}),
    ...(ballot ? { ballot } : {}),
    computed,
    flags,
    notes,
    basis,
  };
}

/** '82.5 分（去掉最高分和最低分后的平均分）' and the like, for the result list. */
export function describeScore(score: ScoreAggregate): string {
  const how = score.trimmed ? '去掉最高分和最低分后的平均分' : '平均分';
  const line = score.passMarkTenths === undefined ? '' : `，合格分数线 ${formatTenths(score.passMarkTenths)} 分，${score.passes ? '达到' : '未达到'}`;
  return `${formatTenths(score.tenths)} 分（${how}）${line}`;
}
