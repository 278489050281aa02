/**
 * Panel reviews (shared/engine/review): the rows an expert scores come from the pack's scoring
 * sheet — 000 第九条 elements for P1, the 自评分表 items with their points for P4 (002 二, pass
 * line 80; 002 四(二) 无证明材料的不予评分), the four aspects for P6 (004) — and a typed review is
 * checked with Chinese messages before it is stored.
 */
import { describe, expect, it } from 'vitest';
import { checkReview, reviewSheet, reviewsNeeded, type ReviewInput, type ReviewSheet } from '../../../shared/engine/review';
import type { Application } from '../../../shared/model/records';
import { getPack } from '../../../shared/programs';

const selfScore: Application['selfScore'] = {
  items: [
    { id: 'a', name: '学历', maxScore: 20, claimed: 20, hasEvidence: true },
    { id: 'b', name: '业绩', maxScore: 60, claimed: 55, hasEvidence: true },
    { id: 'c', name: '论文', maxScore: 20, claimed: 10, hasEvidence: false },
  ],
};

describe('reviewSheet: the rows per program', () => {
  it('P1 (000 第九条): ten elements under 知识、技能、经验, no points given, none required', () => {
    const sheet = reviewSheet(getPack('xj-isi-pm')!.scoring, {});
    expect(sheet.rows.map((r) => r.name)).toEqual(['基础知识', '专业知识', '管理知识', '相关知识', '基础技能', '专业技能', '管理技能', '软技能', '专业经验', '项目经验']);
    expect(new Set(sheet.rows.map((r) => r.group))).toEqual(new Set(['知识', '技能', '经验']));
    expect(sheet.rows.every((r) => r.maxScore === null && !r.required)).toBe(true);
    expect(sheet.passScore).toBeUndefined();
  });

  it('P4 (002 二): the 自评分表 items with their points, pass line 80, an item without proof marked', () => {
    const sheet = reviewSheet(getPack('zj-it-senior')!.scoring, { selfScore });
    expect(sheet.rows.map((r) => [r.name, r.maxScore, r.required, r.noEvidence ?? false])).toEqual([
      ['学历', 20, true, false],
      ['业绩', 60, true, false],
      ['论文', 20, true, true],
    ]);
    expect(sheet.passScore).toBe(80);
  });

  it('P6 (004 第三条): the four aspects, one row each', () => {
    expect(reviewSheet(getPack('iets')!.scoring, {}).rows.map((r) => r.name)).toEqual(['基本能力', '技术能力', '服务能力', '运营能力']);
  });

  it('P5 and P3 have no sheet: an opinion only', () => {
    expect(reviewSheet(getPack('rk-registration')!.scoring, {}).rows).toEqual([]);
    expect(reviewSheet(getPack('xj-si-annual')!.scoring, {}).rows).toEqual([]);
  });
});

describe('checkReview', () => {
  const p4: ReviewSheet = reviewSheet(getPack('zj-it-senior')!.scoring, { selfScore });
  const base = (scores: ReviewInput['scores'], extra: Partial<ReviewInput> = {}): ReviewInput => ({
    reviewer: ' 王专家 ',
    opinion: '业绩突出，材料齐全。',
    outcome: '建议通过',
    scores,
    ...extra,
  });

  const good: [string, ReviewInput, number, boolean][] = [
    ['full marks where proven, 0 where not: 80 passes', base({ a: 20, b: 60, c: 0 }), 80, true],
    ['halves add up exactly', base({ a: 19.5, b: 60 }), 79.5, false],
    ['tenths add up exactly (0.1 + 0.2)', base({ a: 0.1, b: 0.2 }), 0.3, false],
  ];
  it.each(good)('accepts %s', (_name, input, total, passes) => {
    const result = checkReview(p4, input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ reviewer: '王专家', total, passes, outcome: '建议通过' });
    expect(result.value.scores.c).toBe(0);
  });

  const bad: [string, ReviewInput, string][] = [
    ['a blank expert name', base({ a: 1, b: 1 }, { reviewer: '  ' }), '请填写评审专家姓名'],
    ['no opinion', base({ a: 1, b: 1 }, { opinion: '' }), '请填写评审意见'],
    ['no recommendation', base({ a: 1, b: 1 }, { outcome: undefined }), '请选择评审结论'],
    ['an unknown recommendation', base({ a: 1, b: 1 }, { outcome: '待定' }), '请选择评审结论'],
    ['a row with points left blank', base({ a: 20 }), '第2项“业绩”尚未评分'],
    ['above the item’s points', base({ a: 21, b: 1 }), '第1项“学历”得 21 分，超过该项满分 20 分'],
    ['a negative score', base({ a: -1, b: 1 }), '第1项“学历”的得分应为不小于 0 的数'],
    ['two decimals', base({ a: 1.25, b: 1 }), '最多保留一位小数'],
    ['points for an item without proof (002 四(二))', base({ a: 1, b: 1, c: 5 }), '第3项“论文”没有证明材料，不予评分'],
  ];
  it.each(bad)('refuses %s, in Chinese', (_name, input, message) => {
    const result = checkReview(p4, input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
  });

  it('lists every problem at once, one per line', () => {
    const result = checkReview(p4, base({ a: 30 }, { opinion: ' ', outcome: undefined }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.split('\n')).toHaveLength(4);
  });

  it('P1 rows may stay blank; the total sums what was scored', () => {
    const p1 = reviewSheet(getPack('xj-isi-pm')!.scoring, {});
    const result = checkReview(p1, base({ 'basic-knowledge': 8, 'project-experience': 9.5 }));
    expect(result.ok && result.value.total).toBe(17.5);
    expect(result.ok && result.value.passes).toBeUndefined();
  });

  it('no sheet: no total', () => {
    const result = checkReview({ rows: [] }, base({}));
    expect(result.ok && result.value.total).toBeUndefined();
  });
});

describe('reviewsNeeded: what the workflow asks of the panel', () => {
  // The expert panels (P1 000 第十二条, P4 002 四(二), P6 004 第十四条(三)) no longer count free
  // reviews: their step fires on the session's signed result (guard panel-result, shared/panels).
  // The P6 agency's two reviews (004 第十四条(二)) are still counted.
  const cases: [string, string, string, number | undefined][] = [
    ['xj-isi-pm', 'new', 'awaiting-evaluation', undefined],
    ['iets', 'new', 'agency-review', 2],
    ['iets', 'new', 'expert-review', undefined],
    ['zj-it-senior', 'new', 'panel', undefined],
    ['xj-isi-pm', 'new', 'received', undefined],
  ];
  it.each(cases)('%s %s at %s → %s', (programId, kind, state, needed) => {
    const definition = getPack(programId)!.workflows[kind as 'new']!;
    expect(reviewsNeeded(definition, state)).toBe(needed);
  });
});
