/**
 * Aggregation and votes, as pack data (shared/panels/aggregate): every rule with all equal, one
 * missing, a quorum not reached, exactly two thirds and a tie. Expected numbers are written out.
 * - mean (P1, 000 第十二条 as the pack reads it; P6, 004 第十四条(三)); pass mark 60;
 * - mean without the highest and the lowest (P2, 000 第十三条 as the pack reads it);
 * - recommendations: more than half 建议通过;
 * - ballot (P4): at least two thirds of the committee present, at least two thirds of those
 *   present voting 同意 (职称评审管理暂行规定, 人社部令第40号).
 * Ties, missing scores and a quorum not reached are flagged, never decided silently.
 */
import { describe, expect, it } from 'vitest';
import type { PanelBallot, PanelSession, Scoresheet } from '../../../shared/model/records';
import { aggregateStage, allowedRulings, describeScore, panelSheet, type PanelContext } from '../../../shared/panels';
import type { ProgramPack } from '../../../shared/programs/schema';
import { expectOk } from '../rules/expect-result';
import { APP, ballot, context, defenceSheet, expert, id, P1, P4, P6, QIAN, reviewSheet, SESSION, SUN, ZHAO } from './fixtures';
import { programId as pid } from '../typed-ids';

const p1Session: PanelSession = { ...SESSION, programId: pid('xj-isi-pm'), stages: ['awaiting-evaluation'] };
const p1Sheet = (applicationId: string, expertId: string, points: number, rec: 'recommend' | 'not-recommend', extra: Partial<Scoresheet> = {}) =>
  reviewSheet(applicationId, expertId, points, rec, { stage: 'awaiting-evaluation', ...extra });

function aggregate(ctx: PanelContext, applicationId: string, stage: string) {
  return aggregateStage(ctx, applicationId, expectOk(panelSheet(ctx.pack, stage, { selfScore: P4_SELF_SCORE })));
}

const P4_SELF_SCORE = { items: [{ id: 'work', name: '业绩', maxScore: 100, claimed: 90, hasEvidence: true }] };

describe('mean (P1: 000 第十二条 as read by the pack) with a pass mark of 60 and more than half recommending', () => {
  const ctx = (sheets: Scoresheet[], extra: Partial<PanelContext> = {}) => context({ pack: P1, session: p1Session, sheets, ...extra });

  it('all equal: 70, 70, 70 → 70, passes, nothing flagged', () => {
    const agg = aggregate(ctx([p1Sheet(APP[0]!, ZHAO, 70, 'recommend'), p1Sheet(APP[0]!, QIAN, 70, 'recommend'), p1Sheet(APP[0]!, SUN, 70, 'recommend')]), APP[0]!, 'awaiting-evaluation');
    expect(agg.score).toEqual({ method: 'mean', tenths: 700, trimmed: false, passMarkTenths: 600, passes: true });
    expect(agg.recommendations).toEqual({ recommend: 3, notRecommend: 0, passes: true });
    expect([agg.computed, agg.flags]).toEqual(['pass', []]);
    expect(describeScore(agg.score!)).toBe('70 分（平均分），合格分数线 60 分，达到');
  });

  it('issue 14: two of three recommend 不通过 — fails, whatever the scores', () => {
    const agg = aggregate(ctx([p1Sheet(APP[0]!, ZHAO, 80, 'recommend'), p1Sheet(APP[0]!, QIAN, 80, 'not-recommend'), p1Sheet(APP[0]!, SUN, 80, 'not-recommend')]), APP[0]!, 'awaiting-evaluation');
    expect(agg.recommendations).toEqual({ recommend: 1, notRecommend: 2, passes: false });
    expect(agg.computed).toBe('fail');
  });

  it('one missing: the two sheets in give the mean, and the missing member is flagged to the chair', () => {
    const agg = aggregate(ctx([p1Sheet(APP[0]!, ZHAO, 65, 'recommend'), p1Sheet(APP[0]!, QIAN, 70, 'recommend')]), APP[0]!, 'awaiting-evaluation');
    expect(agg.score?.tenths).toBe(675);
    expect(agg.missing).toEqual([SUN]);
    expect(agg.flags).toEqual([{ code: 'missing-scores', message: '孙专家尚未提交评分表（应评3份，已交2份）。' }]);
    expect(agg.computed).toBe('pass');
    // The chair may accept what the others' sheets give, or defer — not decide the opposite.
    expect(allowedRulings(agg)).toEqual(['pass', 'deferred']);
  });

  it('a draft is not a score: a member whose sheet is still a draft counts as missing', () => {
    const agg = aggregate(ctx([p1Sheet(APP[0]!, ZHAO, 65, 'recommend'), p1Sheet(APP[0]!, QIAN, 70, 'recommend'), p1Sheet(APP[0]!, SUN, 90, 'recommend', { status: 'draft', submittedAt: undefined })]), APP[0]!, 'awaiting-evaluation');
    expect(agg.missing).toEqual([SUN]);
  });

  it('a tie: one recused, the other two split 建议通过 / 建议不通过 — flagged, not decided', () => {
    const agg = aggregate(ctx([p1Sheet(APP[3]!, ZHAO, 75, 'recommend'), p1Sheet(APP[3]!, QIAN, 62, 'not-recommend')]), APP[3]!, 'awaiting-evaluation');
    expect(agg.recused).toEqual([SUN]);
    expect(agg.expected).toEqual([ZHAO, QIAN]);
    expect(agg.score?.tenths).toBe(685);
    expect(agg.recommendations).toEqual({ recommend: 1, notRecommend: 1 });
    expect(agg.flags).toEqual([{ code: 'recommendation-tie', message: '建议通过与建议不通过各1份，票数相同。' }]);
    expect(agg.computed).toBe('undecided');
    expect(allowedRulings(agg)).toEqual(['pass', 'fail', 'deferred']);
  });

  it('exactly the pass mark passes; the mean is rounded half up to a tenth first (60, 59.9, 60 → 60.0)', () => {
    const at60 = aggregate(ctx([p1Sheet(APP[0]!, ZHAO, 60, 'recommend'), p1Sheet(APP[0]!, QIAN, 59.9, 'recommend'), p1Sheet(APP[0]!, SUN, 60, 'recommend')]), APP[0]!, 'awaiting-evaluation');
    expect(at60.score).toMatchObject({ tenths: 600, passes: true });
    const below = aggregate(ctx([p1Sheet(APP[0]!, ZHAO, 60, 'recommend'), p1Sheet(APP[0]!, QIAN, 59.8, 'recommend'), p1Sheet(APP[0]!, SUN, 59.9, 'recommend')]), APP[0]!, 'awaiting-evaluation');
    expect(below.score).toMatchObject({ tenths: 599, passes: false });
    expect(below.computed).toBe('fail');
  });

  it('nobody scored: flagged, and only a deferral is possible', () => {
    const agg = aggregate(ctx([]), APP[0]!, 'awaiting-evaluation');
    expect(agg.flags.map((f) => f.code)).toEqual(['no-scores']);
    expect(agg.score).toBeUndefined();
    expect(agg.computed).toBe('undecided');
    expect(allowedRulings(agg)).toEqual(['deferred']);
  });

  it('a recused expert’s sheet (synced in before the recusal) is not counted, and that is said', () => {
    const agg = aggregate(ctx([p1Sheet(APP[3]!, ZHAO, 75, 'recommend'), p1Sheet(APP[3]!, QIAN, 72, 'recommend'), p1Sheet(APP[3]!, SUN, 10, 'not-recommend')]), APP[3]!, 'awaiting-evaluation');
    expect(agg.totals.map((t) => t.expertId)).toEqual([ZHAO, QIAN]);
    expect(agg.notes).toEqual(['孙专家的评分表未计入（须回避）。']);
    expect(agg.computed).toBe('pass');
  });
});

describe('mean without the highest and the lowest (P2 专家评审会, from three scores on)', () => {
  const ctx = (sheets: Scoresheet[]) => context({ sheets });

  it('all equal: 80, 80, 80 → 80, the extremes dropped', () => {
    const agg = aggregate(ctx([reviewSheet(APP[0]!, ZHAO, 80, 'recommend'), reviewSheet(APP[0]!, QIAN, 80, 'recommend'), reviewSheet(APP[0]!, SUN, 80, 'recommend')]), APP[0]!, 'expert-review');
    expect(agg.score).toMatchObject({ method: 'trimmed-mean', tenths: 800, trimmed: true });
    expect(agg.computed).toBe('pass');
  });

  it('90, 70, 82 → 82 (90 and 70 dropped)', () => {
    const agg = aggregate(ctx([reviewSheet(APP[0]!, ZHAO, 90, 'recommend'), reviewSheet(APP[0]!, QIAN, 70, 'recommend'), reviewSheet(APP[0]!, SUN, 82, 'recommend')]), APP[0]!, 'expert-review');
    expect(agg.score).toMatchObject({ tenths: 820, dropped: { highest: ZHAO, lowest: QIAN } });
  });

  it('a tie at the top: 90, 90, 70 → 90 (one 90 and the 70 dropped)', () => {
    const agg = aggregate(ctx([reviewSheet(APP[0]!, ZHAO, 90, 'recommend'), reviewSheet(APP[0]!, QIAN, 90, 'recommend'), reviewSheet(APP[0]!, SUN, 70, 'recommend')]), APP[0]!, 'expert-review');
    expect(agg.score?.tenths).toBe(900);
    expect(agg.flags).toEqual([]);
  });

  it('one missing: two scores cannot lose their extremes — averaged whole, noted, the missing member flagged', () => {
    const agg = aggregate(ctx([reviewSheet(APP[0]!, ZHAO, 85, 'recommend'), reviewSheet(APP[0]!, QIAN, 76.5, 'recommend')]), APP[0]!, 'expert-review');
    expect(agg.score).toMatchObject({ tenths: 808, trimmed: false });
    expect(agg.notes).toEqual(['只有2份评分，不足3份，未去掉最高分和最低分，按平均分计。']);
    expect(agg.flags.map((f) => f.code)).toEqual(['missing-scores']);
  });

  it('the 现场答辩 stage: its own pass mark, no recommendation counted', () => {
    const agg = aggregate(ctx([defenceSheet(APP[0]!, ZHAO, 58), defenceSheet(APP[0]!, QIAN, 95), defenceSheet(APP[0]!, SUN, 59)]), APP[0]!, 'awaiting-defense');
    expect(agg.score).toMatchObject({ tenths: 590, passes: false, passMarkTenths: 600 });
    expect(agg.recommendations).toBeUndefined();
    expect(agg.computed).toBe('fail');
  });
});

describe('more than half recommending (P6: 004 第十四条(三) 组织专家评审确认评价结果, as read by the pack)', () => {
  const ctx = (sheets: Scoresheet[]) => context({ pack: P6, session: { ...SESSION, programId: pid('iets'), stages: ['expert-review'] }, sheets });

  it.each<[string, ('recommend' | 'not-recommend')[], boolean | undefined, string]>([
    ['all three recommend', ['recommend', 'recommend', 'recommend'], true, 'pass'],
    ['two of three', ['recommend', 'recommend', 'not-recommend'], true, 'pass'],
    ['one of three', ['recommend', 'not-recommend', 'not-recommend'], false, 'fail'],
  ])('%s → %s', (_name, recs, passes, computed) => {
    // 80 over the four aspects of 25 each (004 第三条 as the pack reads it).
    const aspects = { basic: 200, technical: 200, service: 200, operation: 200 };
    const agg = aggregate(ctx([ZHAO, QIAN, SUN].map((e, i) => reviewSheet(APP[0]!, e, 0, recs[i]!, { scoresTenths: aspects }))), APP[0]!, 'expert-review');
    expect(agg.recommendations?.passes).toBe(passes);
    expect(agg.computed).toBe(computed);
    expect(agg.score).toMatchObject({ method: 'mean', tenths: 800 });
    expect(agg.score?.passes).toBeUndefined();
  });
});

/** A P4 board of nine (人社部令第40号 counts on the committee). */
const BOARD = [11, 12, 13, 14, 15, 16, 17, 18, 19].map((n) => id('aaaa', n));
const P4_SESSION: PanelSession = {
  ...SESSION,
  id: id('cccc', 4),
  programId: pid('zj-it-senior'),
  title: '2026年度信息技术高评委评审会',
  stages: ['panel'],
  chairId: BOARD[0]!,
  memberIds: BOARD,
  applicationIds: [APP[0]!],
};
const BOARD_EXPERTS = BOARD.map((e, i) => expert(e, `评委${i + 1}`, `杭州第${i + 1}研究所`, `u-board-${i + 1}`));

function p4(present: number, tally: Pick<PanelBallot, 'issued' | 'agree' | 'disagree' | 'abstain'> | undefined, extra: Partial<PanelContext> = {}, pack: ProgramPack = P4) {
  const presentIds = BOARD.slice(0, present);
  const sheets = presentIds.map((e) => ({ ...reviewSheet(APP[0]!, e, 0, 'recommend'), sessionId: P4_SESSION.id, stage: 'panel', scoresTenths: { work: 850 }, recommendation: undefined }));
  return aggregate(
    context({
      pack,
      session: { ...P4_SESSION, presentIds },
      experts: BOARD_EXPERTS,
      applicants: [{ applicationId: APP[0]!, units: ['杭州某某科技有限公司'] }],
      sheets,
      ballots: tally === undefined ? [] : [ballot(APP[0]!, tally, P4_SESSION.id)],
      ...extra,
    }),
    APP[0]!,
    'panel',
  );
}

describe('ballot (P4: 人社部令第40号 — two thirds present, two thirds of those present voting 同意)', () => {
  it('the pack cites the regulation for both thirds', () => {
    const rule = P4.panel?.stages[0]?.ballot;
    expect(rule?.quorum).toMatchObject({ numerator: 2, denominator: 3, comparison: 'at-least', regulation: { id: 'mohrss-order-40' } });
    expect(rule?.majority.regulation?.words).toBe('同意票数达到出席评审会议的评审专家总数2/3以上的即为评审通过');
    expect(rule?.secret).toBe(true);
  });

  it('all agree: 9 present, 9 同意 → passes; the confirmed score is the mean (最终分值由高评委专家确认)', () => {
    const agg = p4(9, { issued: 9, agree: 9, disagree: 0, abstain: 0 });
    expect(agg.ballot).toEqual({ committee: 9, present: 9, eligible: 9, agree: 9, disagree: 0, abstain: 0, quorumMet: true, passes: true });
    expect(agg.score).toMatchObject({ tenths: 850 });
    expect([agg.computed, agg.flags]).toEqual(['pass', []]);
  });

  it('quorum not reached: 5 of 9 present — flagged, nothing decided, only a deferral', () => {
    const agg = p4(5, { issued: 5, agree: 5, disagree: 0, abstain: 0 });
    expect(agg.ballot).toMatchObject({ quorumMet: false });
    expect(agg.ballot?.passes).toBeUndefined();
    expect(agg.flags).toEqual([{ code: 'quorum-not-reached', message: '出席5人，不足评审委员会9人的三分之二（至少6人），不能表决。' }]);
    expect(agg.computed).toBe('undecided');
    expect(allowedRulings(agg)).toEqual(['deferred']);
  });

  it('exactly two thirds present (6 of 9) and exactly two thirds 同意 (4 of 6) → passes', () => {
    const agg = p4(6, { issued: 6, agree: 4, disagree: 2, abstain: 0 });
    expect(agg.ballot).toMatchObject({ present: 6, eligible: 6, quorumMet: true, passes: true });
    expect(agg.computed).toBe('pass');
  });

  it('short of two thirds: 3 of 6 同意 does not pass (no tie under a two-thirds rule)', () => {
    const agg = p4(6, { issued: 6, agree: 3, disagree: 3, abstain: 0 });
    expect(agg.ballot?.passes).toBe(false);
    expect(agg.flags).toEqual([]);
    expect(agg.computed).toBe('fail');
  });

  it('abstentions and blank ballots are not 同意: 5 同意, 1 弃权 of 8 → 5/8 < 2/3, fails', () => {
    const agg = p4(8, { issued: 8, agree: 5, disagree: 1, abstain: 1 });
    expect(agg.ballot?.passes).toBe(false);
  });

  it('a recused member present does not vote on that applicant: 6 present, 1 recused → 5 ballots; 4 同意 passes', () => {
    const recused = [{ ...BOARD_EXPERTS[5]!, unit: '杭州某某科技有限公司' }];
    const experts = [...BOARD_EXPERTS.slice(0, 5), ...recused, ...BOARD_EXPERTS.slice(6)];
    const agg = p4(6, { issued: 5, agree: 4, disagree: 1, abstain: 0 }, { experts });
    expect(agg.ballot).toMatchObject({ present: 6, eligible: 5, quorumMet: true, passes: true });
    expect(agg.recused).toEqual([BOARD[5]]);
    expect(p4(6, { issued: 5, agree: 3, disagree: 2, abstain: 0 }, { experts }).ballot?.passes).toBe(false);
  });

  it('one missing: a present member’s ballot not in (6 issued of 7 due) — the tally is refused, only a deferral', () => {
    const agg = p4(7, { issued: 6, agree: 6, disagree: 0, abstain: 0 });
    expect(agg.flags).toEqual([{ code: 'ballot-invalid', message: '发出选票6张，应投票专家7人（出席且无须回避），票数与人数不符。' }]);
    expect(agg.computed).toBe('undecided');
    expect(allowedRulings(agg)).toEqual(['deferred']);
  });

  it('no tally recorded, or attendance not taken: flagged', () => {
    expect(p4(9, undefined).flags.map((f) => f.code)).toEqual(['no-ballot']);
    const noAttendance = aggregate(
      context({ pack: P4, session: P4_SESSION, experts: BOARD_EXPERTS, applicants: [{ applicationId: APP[0]!, units: [] }], ballots: [ballot(APP[0]!, { issued: 9, agree: 9, disagree: 0, abstain: 0 }, P4_SESSION.id)] }),
      APP[0]!,
      'panel',
    );
    expect(noAttendance.flags.find((f) => f.code === 'quorum-not-reached')?.message).toBe('尚未登记出席专家，无法确认是否达到法定人数。');
  });

  it('a tie under a one-half rule (a pack voting by simple majority): 3 of 6 同意 — flagged to the chair', () => {
    const halfPack = structuredClone(P4);
    halfPack.panel!.stages[0]!.ballot!.majority = { numerator: 1, denominator: 2, comparison: 'more-than', cite: '002 四(二)' };
    const tie = p4(6, { issued: 6, agree: 3, disagree: 3, abstain: 0 }, {}, halfPack);
    expect(tie.flags).toEqual([{ code: 'ballot-tie', message: '同意3票，恰为应投票专家6人的一半。' }]);
    expect(tie.computed).toBe('undecided');
    expect(allowedRulings(tie)).toEqual(['pass', 'fail', 'deferred']);
    expect(p4(6, { issued: 6, agree: 4, disagree: 2, abstain: 0 }, {}, halfPack).computed).toBe('pass');
  });
});

describe('the acceptance session (P2, 3 experts, 6 applications, one expert recused by unit)', () => {
  // Defence and review scores per application, [赵, 钱, 孙]; 孙 is recused from the fourth.
  const defence = [[85, 80, 90], [70, 72, 40], [55, 58, 61], [88, 76, null], [90, 91, 92], [60, 60, 60]] as const;
  const review: [number, number, number | null, ('recommend' | 'not-recommend')[]][] = [
    [82, 78, 95, ['recommend', 'recommend', 'recommend']],
    [66, 71, 58, ['recommend', 'recommend', 'not-recommend']],
    [59, 62, 64, ['not-recommend', 'recommend', 'recommend']],
    [80, 70, null, ['recommend', 'not-recommend']],
    [91, 93, 92, ['recommend', 'recommend', 'recommend']],
    [40, 59, 60, ['not-recommend', 'not-recommend', 'recommend']],
  ];
  const members = [ZHAO, QIAN, SUN];
  const sheets: Scoresheet[] = [];
  APP.forEach((app, i) => {
    defence[i]!.forEach((points, m) => points !== null && sheets.push(defenceSheet(app, members[m]!, points)));
    const [a, b, c, recs] = review[i]!;
    [a, b, c].forEach((points, m) => points !== null && sheets.push(reviewSheet(app, members[m]!, points, recs[m]!)));
  });
  const ctx = context({ sheets });

  it('defence: the mean without the extremes per applicant; the recused expert’s place is not missing', () => {
    const rows = APP.map((app) => aggregate(ctx, app, 'awaiting-defense')).map((a) => [a.score?.tenths, a.computed, a.flags.map((f) => f.code)]);
    expect(rows).toEqual([
      [850, 'pass', []],
      [700, 'pass', []],
      [580, 'fail', []],
      [820, 'pass', []],
      [910, 'pass', []],
      [600, 'pass', []],
    ]);
  });

  it('review: the mean without the extremes and more than half recommending; the fourth is a tie, flagged', () => {
    const rows = APP.map((app) => aggregate(ctx, app, 'expert-review')).map((a) => [a.score?.tenths, a.recommendations?.recommend, a.computed, a.flags.map((f) => f.code)]);
    expect(rows).toEqual([
      [820, 3, 'pass', []],
      [660, 2, 'pass', []],
      [620, 2, 'pass', []],
      [750, 1, 'undecided', ['recommendation-tie']],
      [920, 3, 'pass', []],
      [590, 1, 'fail', []],
    ]);
  });
});
