/**
 * The sheets a panel member fills in, with every row's maximum (shared/panels/sheets):
 * 000 第九条 elements get the points the pack reads into the seed (equal shares of 100, stated as
 * a reading), P2's 现场答辩 is its own sheet (000 第七条、第十三条), P4 scores the 自评分表 items
 * against the applicant's claim with 002 四(二) 无证明材料的不予评分, P6 the four aspects of
 * 004 第三条. A score above a row's maximum is refused naming the row; totals are integer tenths.
 */
import { describe, expect, it } from 'vitest';
import { checkSheet, formatTenths, meanTenths, panelSheet, sheetProblems, sheetTotalTenths, toTenths } from '../../../shared/panels';
import { expectFail, expectOk } from '../rules/expect-result';
import { P1, P2, P4, P6 } from './fixtures';

const selfScore = {
  items: [
    { id: 'edu', name: '学历', maxScore: 20, claimed: 20, hasEvidence: true },
    { id: 'work', name: '业绩', maxScore: 70, claimed: 65.5, hasEvidence: true },
    { id: 'paper', name: '论文', maxScore: 10, claimed: 10, hasEvidence: false },
  ],
};

describe('panelSheet: the rows and their maxima per program', () => {
  it('000 第九条 (P1): ten elements, 10 points each — the pack reads the seed as equal shares of 100 and says so', () => {
    const sheet = expectOk(panelSheet(P1, 'awaiting-evaluation', {}));
    expect(sheet.rows.map((r) => [r.group, r.name, r.maxTenths])).toEqual([
      ['知识', '基础知识', 100],
      ['知识', '专业知识', 100],
      ['知识', '管理知识', 100],
      ['知识', '相关知识', 100],
      ['技能', '基础技能', 100],
      ['技能', '专业技能', 100],
      ['技能', '管理技能', 100],
      ['技能', '软技能', 100],
      ['经验', '专业经验', 100],
      ['经验', '项目经验', 100],
    ]);
    expect(sheet.maxTotalTenths).toBe(1000);
    expect(sheet.asksRecommendation).toBe(true);
    const points = P1.panel?.stages[0]?.sheet;
    expect(points?.kind === 'dimensions' && points.equalShares.reading.zh).toContain('十项要素均分，每项10分');
  });

  it('000 第七条、第十三条 (P2): 现场答辩 is scored on its own sheet, out of 100, without a recommendation', () => {
    const sheet = expectOk(panelSheet(P2, 'awaiting-defense', {}));
    expect(sheet.rows.map((r) => [r.name, r.maxTenths])).toEqual([['现场答辩', 1000]]);
    expect(sheet.name).toBe('现场答辩');
    expect(sheet.asksRecommendation).toBe(false);
    expect(expectOk(panelSheet(P2, 'expert-review', {})).rows).toHaveLength(10);
  });

  it('002 二、四(二) (P4): the 自评分表 items up to their points, the claim beside each, no proof marked', () => {
    const sheet = expectOk(panelSheet(P4, 'panel', { selfScore }));
    expect(sheet.rows.map((r) => [r.name, r.maxTenths, r.claimedTenths, r.noEvidence ?? false])).toEqual([
      ['学历', 200, 200, false],
      ['业绩', 700, 655, false],
      ['论文', 100, 100, true],
    ]);
    expect(sheet.asksRecommendation).toBe(false);
    expect(expectFail(panelSheet(P4, 'panel', {}), 'panel.no-items')).toContain('尚未录入申报人的自评分表');
  });

  it('004 第三条 (P6): the four aspects, 25 points each', () => {
    const sheet = expectOk(panelSheet(P6, 'expert-review', {}));
    expect(sheet.rows.map((r) => [r.name, r.maxTenths])).toEqual([
      ['基本能力', 250],
      ['技术能力', 250],
      ['服务能力', 250],
      ['运营能力', 250],
    ]);
  });

  it('a stage without a panel is refused', () => {
    expect(expectFail(panelSheet(P1, 'received', {}), 'panel.no-stage')).toContain('没有评审会');
  });
});

describe('checkSheet: maxima enforced, naming the row', () => {
  const p1 = expectOk(panelSheet(P1, 'awaiting-evaluation', {}));
  const p4 = expectOk(panelSheet(P4, 'panel', { selfScore }));
  const full = (value: number) => Object.fromEntries(p1.rows.map((r) => [r.id, value]));

  it('000 第九条: 999 on 基础知识 is refused — 10 is its maximum (issue 14: 999 was accepted)', () => {
    const message = expectFail(checkSheet(p1, { scores: { ...full(8), 'basic-knowledge': 999 }, opinion: '好', recommendation: 'recommend' }, 'submit'), 'panel.score-above-max');
    expect(message).toBe('第1项“基础知识”得 999 分，超过该项满分 10 分。');
  });

  it('10.5 on 项目经验 is refused; 10 is accepted', () => {
    expect(expectFail(checkSheet(p1, { scores: { 'project-experience': 10.5 }, opinion: '' }, 'draft'), 'panel.score-above-max')).toBe('第10项“项目经验”得 10.5 分，超过该项满分 10 分。');
    expect(expectOk(checkSheet(p1, { scores: { 'project-experience': 10 }, opinion: '' }, 'draft')).totalTenths).toBe(100);
  });

  it('002 四(二): an item without proof takes only 0, and is stored as 0', () => {
    expect(expectFail(checkSheet(p4, { scores: { edu: 20, work: 60, paper: 5 }, opinion: '确认' }, 'submit'), 'panel.no-evidence')).toBe('第3项“论文”没有证明材料，不予评分（只能为 0 分）。');
    const ok = expectOk(checkSheet(p4, { scores: { edu: 20, work: 60.5 }, opinion: '确认' }, 'submit'));
    expect(ok.scoresTenths).toEqual({ edu: 200, work: 605, paper: 0 });
    expect(ok.totalTenths).toBe(805);
  });

  it('a submitted sheet has every row, an opinion and (where the stage counts them) a recommendation; a draft need not', () => {
    expect(expectOk(checkSheet(p1, { scores: { 'basic-knowledge': 7 }, opinion: '' }, 'draft')).scoresTenths).toEqual({ 'basic-knowledge': 70 });
    const problems = sheetProblems(p1, { scores: { ...full(8), 'soft-skills': null }, opinion: ' ', recommendation: '' }, 'submit');
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      ['score-missing', '第8项“软技能”尚未评分。'],
      ['opinion-missing', '请填写评审意见。'],
      ['recommendation-missing', '请选择评审结论：建议通过或建议不通过。'],
    ]);
    expect(expectFail(checkSheet(p1, { scores: full(8), opinion: '好', recommendation: '建议通过' }, 'submit'), 'panel.recommendation-missing')).toContain('请选择评审结论');
  });

  it('a negative, a second decimal, a row not on the sheet: each refused', () => {
    const problems = sheetProblems(p1, { scores: { 'basic-knowledge': -1, 'related-knowledge': 1.25, 知识: 30 }, opinion: '' }, 'draft');
    expect(problems.map((p) => p.code)).toEqual(['unknown-row', 'score-invalid', 'score-invalid']);
    expect(problems[0]?.message).toBe('评分项“知识”不在本评分表中。');
  });

  it('the total is summed in tenths: 0.1 + 0.2 is 0.3, and 8 × 8.3 + 2 × 9.9 is 86.2', () => {
    expect(expectOk(checkSheet(p1, { scores: { 'basic-knowledge': 0.1, 'professional-knowledge': 0.2 }, opinion: '' }, 'draft')).totalTenths).toBe(3);
    const scores = { ...full(8.3), 'professional-experience': 9.9, 'project-experience': 9.9 };
    const checked = expectOk(checkSheet(p1, { scores, opinion: '好', recommendation: 'not-recommend' }, 'submit'));
    expect(checked.totalTenths).toBe(862);
    expect(checked.recommendation).toBe('not-recommend');
    expect(sheetTotalTenths(p1, checked.scoresTenths)).toBe(862);
  });
});

describe('tenths', () => {
  it.each<[number, number | null]>([
    [0, 0],
    [1.1, 11],
    [82.5, 825],
    [100, 1000],
    [1.25, null],
    [-0.5, null],
    [Number.NaN, null],
  ])('toTenths(%s) = %s', (points, tenths) => expect(toTenths(points)).toBe(tenths));

  it('formats as a result list prints, and rounds a mean half up', () => {
    expect([formatTenths(825), formatTenths(800), formatTenths(5)]).toEqual(['82.5', '80', '0.5']);
    // (80.0 + 80.1) / 2 = 80.05 → 80.1; (80.0 + 80.0 + 80.1) / 3 = 80.033… → 80.0
    expect(meanTenths(1601, 2)).toBe(801);
    expect(meanTenths(2401, 3)).toBe(800);
  });
});

