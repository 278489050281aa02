import { describe, expect, it } from 'vitest';
import { expectFail, expectOk } from './expect-result';
import {
  evaluateSelfScore,
  P4_SELF_SCORE_REQUIREMENT,
  type EligibilityRoute,
  type ScoreEntry,
  type ScoreItem,
  type SeniorityRoute,
} from '../../../shared/rules/self-score';

/** Example items: seed 002 does not list the 量化赋分标准's items, so the sheet is a parameter. */
const ITEMS: ScoreItem[] = [
  { id: 'edu', name: '学历', maxScore: 20 },
  { id: 'years', name: '专业工作年限', maxScore: 20 },
  { id: 'projects', name: '项目业绩', maxScore: 40 },
  { id: 'papers', name: '论文著作', maxScore: 20 },
];
const entry = (itemId: string, claimed: number, hasEvidence = true): ScoreEntry => ({ itemId, claimed, hasEvidence });
const SENIOR: SeniorityRoute = { meets: true, reason: '大学本科毕业，担任工程师职务 5 年以上' };

describe('002 二: eligible by the 1986 学历资历 conditions, or by a self-score of 80 or more', () => {
  it('P4 pass score is 80 (002 二 "自评分达到80分以上")', () => {
    expect(P4_SELF_SCORE_REQUIREMENT.passScore).toBe(80);
  });

  it.each<[string, ScoreEntry[], SeniorityRoute | undefined, boolean, EligibilityRoute | null, number]>([
    ['100 points', [entry('edu', 20), entry('years', 20), entry('projects', 40), entry('papers', 20)], undefined, true, 'score', 100],
    ['exactly 80 (以上 includes 80)', [entry('edu', 20), entry('years', 20), entry('projects', 40)], undefined, true, 'score', 80],
    ['79.9 points', [entry('edu', 19.9), entry('years', 20), entry('projects', 40)], undefined, false, null, 79.9],
    ['no entries at all', [], undefined, false, null, 0],
    ['low score but the 1986 conditions met', [entry('edu', 10)], SENIOR, true, 'seniority', 10],
    ['both routes open: the 1986 conditions are the regular route', [entry('edu', 20), entry('years', 20), entry('projects', 40)], SENIOR, true, 'seniority', 80],
    ['the 1986 conditions recorded as not met', [entry('edu', 10)], { meets: false, reason: '' }, false, null, 10],
    [
      '002 四(二) "无证明材料的不予评分": 100 claimed, 20 of it without evidence',
      [entry('edu', 20), entry('years', 20), entry('projects', 40), entry('papers', 20, false)],
      undefined,
      true,
      'score',
      80,
    ],
    [
      '90 claimed, 15 without evidence, falls below 80',
      [entry('edu', 20), entry('years', 15, false), entry('projects', 40), entry('papers', 15)],
      undefined,
      false,
      null,
      75,
    ],
    ['a claim over the item maximum is capped', [entry('edu', 25), entry('years', 20), entry('projects', 40)], undefined, true, 'score', 80],
  ])('%s', (_name, entries, seniority, eligible, route, total) => {
    const value = expectOk(evaluateSelfScore({ items: ITEMS, entries, ...(seniority ? { seniority } : {}) }));
    expect(value).toMatchObject({ eligible, route, total });
  });

  it('0.1 + 0.2 + 39.7 + 20 + 20 points total exactly 80', () => {
    const items = [...ITEMS, { id: 'awards', name: '获奖', maxScore: 20 }];
    const entries = [entry('edu', 0.1), entry('years', 0.2), entry('projects', 39.7), entry('papers', 20), entry('awards', 20)];
    const result = evaluateSelfScore({ items, entries });
    expect(result).toMatchObject({ ok: true, value: { total: 80, eligible: true, route: 'score' } });
  });

  it('reports each item that did not count as claimed, in Chinese', () => {
    const result = evaluateSelfScore({
      items: ITEMS,
      entries: [entry('edu', 25), entry('years', 20), entry('projects', 30, false), entry('papers', 0, false)],
    });
    const value = expectOk(result);
    expect(value.findings).toEqual([
      { code: 'score.overMax', itemId: 'edu', message: '评分项“学历”自评 25 分，超过该项满分 20 分，按 20 分计。' },
      { code: 'score.noEvidence', itemId: 'projects', message: '评分项“项目业绩”自评 30 分，但没有证明材料，按 0 分计。' },
      {
        code: 'score.notEligible',
        message: '自评分 40 分，未达到 80 分，且未满足 1986 年规定的学历资历条件，不符合申报条件。',
      },
    ]);
    expect(value.items).toEqual([
      { itemId: 'edu', claimed: 25, scored: 20 },
      { itemId: 'years', claimed: 20, scored: 20 },
      { itemId: 'projects', claimed: 30, scored: 0 },
      { itemId: 'papers', claimed: 0, scored: 0 },
    ]);
  });

  it('the seniority route carries its recorded reason', () => {
    const result = evaluateSelfScore({ items: ITEMS, entries: [], seniority: SENIOR });
    expect(result).toMatchObject({ ok: true, value: { route: 'seniority', seniorityReason: SENIOR.reason, findings: [] } });
  });

  it.each<[string, ScoreItem[], ScoreEntry[], SeniorityRoute | undefined, string]>([
    ['an entry for an item not on the sheet', ITEMS, [entry('sports', 5)], undefined, 'score.unknownItem'],
    ['the same item twice', ITEMS, [entry('edu', 5), entry('edu', 6)], undefined, 'score.duplicate'],
    ['a negative claim', ITEMS, [entry('edu', -1)], undefined, 'score.claimed'],
    ['two decimals', ITEMS, [entry('edu', 1.25)], undefined, 'score.claimed'],
    ['NaN', ITEMS, [entry('edu', Number.NaN)], undefined, 'score.claimed'],
    ['an item with maximum 0', [{ id: 'x', name: '其他', maxScore: 0 }], [], undefined, 'score.item'],
    ['two items with one id', [ITEMS[0]!, ITEMS[0]!], [], undefined, 'score.item'],
    ['the seniority route without a reason', ITEMS, [], { meets: true, reason: '  ' }, 'score.seniorityReason'],
  ])('refuses %s', (_name, items, entries, seniority, code) => {
    expectFail(evaluateSelfScore({ items, entries, ...(seniority ? { seniority } : {}) }), code);
  });
});
