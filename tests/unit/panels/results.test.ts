/**
 * The chair's sign-off (shared/panels/results): only the chair, in their own account; what the
 * rules decided is signed as computed; every flag needs the chair's ruling with a reason, within
 * what it allows (人社部令第40号: a meeting without its quorum decides nothing — defer only).
 * Then what the workflow reads: the latest signed result per stage, stale if a sheet changed.
 */
import { describe, expect, it } from 'vitest';
import type { PanelResult, Scoresheet } from '../../../shared/model/records';
import { aggregateStage, panelResultFacts, panelSheet, resultIsCurrent, resultKey, signOff, type PanelContext, type PanelResultDraft } from '../../../shared/panels';
import { expectFail, expectOk } from '../rules/expect-result';
import { actorOf, APP, at, CLERK, context, id, QIAN, reviewSheet, SESSION, SUN, ZHAO } from './fixtures';

const sheets: Scoresheet[] = [
  reviewSheet(APP[0]!, ZHAO, 90, 'recommend'),
  reviewSheet(APP[0]!, QIAN, 70, 'recommend'),
  reviewSheet(APP[0]!, SUN, 82, 'recommend'),
  // The fourth: 孙 recused; a tie.
  reviewSheet(APP[3]!, ZHAO, 80, 'recommend'),
  reviewSheet(APP[3]!, QIAN, 70, 'not-recommend'),
  // The second: 孙 has not handed in.
  reviewSheet(APP[1]!, ZHAO, 50, 'not-recommend'),
  reviewSheet(APP[1]!, QIAN, 55, 'not-recommend'),
];
const ctx = context({ sheets });
const agg = (c: PanelContext, app: string) => aggregateStage(c, app, expectOk(panelSheet(c.pack, 'expert-review', {})));
const chair = actorOf('u-zhao');
const labels = { [APP[0]!]: 'P2-2026-0001 张一', [APP[1]!]: 'P2-2026-0002 张二', [APP[3]!]: 'P2-2026-0004 张四' };
const base = { at: at(55), on: '2026-11-25', labels };

describe('signOff', () => {
  it('only the chair, in their own account: a member, the office or an outsider is refused', () => {
    for (const actor of [actorOf('u-qian'), CLERK, { userId: 'u-admin', role: 'admin' as const }]) {
      expect(expectFail(signOff(ctx, { ...base, actor, aggregates: [agg(ctx, APP[0]!)] }), 'panel.not-chair')).toBe('评审结果只能由本次评审会的主任委员在本人账号下签署。');
    }
  });

  it('what the rules decided is signed as computed, with the numbers, the basis and who signed', () => {
    const [result] = expectOk(signOff(ctx, { ...base, actor: chair, aggregates: [agg(ctx, APP[0]!)], opinions: { [resultKey(APP[0]!, 'expert-review')]: ' 同意通过。 ' } }));
    expect(result).toEqual<PanelResultDraft>({
      sessionId: SESSION.id,
      applicationId: APP[0]!,
      stage: 'expert-review',
      outcome: 'pass',
      computed: 'pass',
      scoreTenths: 820,
      totals: [
        { expertId: ZHAO, totalTenths: 900 },
        { expertId: QIAN, totalTenths: 700 },
        { expertId: SUN, totalTenths: 820 },
      ],
      recommendations: { recommend: 3, notRecommend: 0 },
      flags: [],
      opinion: '同意通过。',
      basis: sheets.slice(0, 3).map((s) => ({ table: 'scoresheets', id: s.id, updatedAt: s.updatedAt })),
      signedOffBy: ZHAO,
      signedOffByUser: 'u-zhao',
      signedOffAt: at(55),
      signedOffOn: '2026-11-25',
    });
  });

  it('a tie is not signed without the chair’s ruling and its reason; with them, the ruling is the outcome', () => {
    const tie = agg(ctx, APP[3]!);
    const key = resultKey(APP[3]!, 'expert-review');
    expect(expectFail(signOff(ctx, { ...base, actor: chair, aggregates: [tie] }), 'panel.sign-off-refused')).toBe(
      '未签署：P2-2026-0004 张四：建议通过与建议不通过各1份，票数相同。请主任委员决定“通过”、“未通过”或“暂缓（下次评审会重新评审）”，并写明理由。',
    );
    expect(expectFail(signOff(ctx, { ...base, actor: chair, aggregates: [tie], rulings: { [key]: { outcome: 'pass', reason: ' ' } } }), 'panel.sign-off-refused')).toContain('请写明主任委员决定的理由');
    const [result] = expectOk(signOff(ctx, { ...base, actor: chair, aggregates: [tie], rulings: { [key]: { outcome: 'fail', reason: '经合议，项目经验不足。' } } }));
    expect(result).toMatchObject({ outcome: 'fail', computed: 'undecided', flags: ['recommendation-tie'], ruling: { outcome: 'fail', reason: '经合议，项目经验不足。' } });
  });

  it('missing scores: the chair may accept what the others’ sheets give, or defer — not the opposite', () => {
    const missing = agg(ctx, APP[1]!);
    expect(missing.computed).toBe('fail');
    const key = resultKey(APP[1]!, 'expert-review');
    expect(expectFail(signOff(ctx, { ...base, actor: chair, aggregates: [missing], rulings: { [key]: { outcome: 'pass', reason: '孙专家口头同意' } } }), 'panel.sign-off-refused')).toContain(
      '只能决定为“未通过”或“暂缓（下次评审会重新评审）”，不能决定为“通过”',
    );
    const [deferred] = expectOk(signOff(ctx, { ...base, actor: chair, aggregates: [missing], rulings: { [key]: { outcome: 'deferred', reason: '待孙专家补交评分表' } } }));
    expect(deferred).toMatchObject({ outcome: 'deferred', flags: ['missing-scores'] });
  });

  it('nothing is signed when one of several is refused; a result is signed once', () => {
    expect(signOff(ctx, { ...base, actor: chair, aggregates: [agg(ctx, APP[0]!), agg(ctx, APP[3]!)] }).ok).toBe(false);
    const [signed] = expectOk(signOff(ctx, { ...base, actor: chair, aggregates: [agg(ctx, APP[0]!)] }));
    const stored: PanelResult = { ...signed!, id: id('9999', 1), createdAt: at(55), createdBy: 'u-zhao', updatedAt: at(55), updatedBy: 'u-zhao' };
    const again = context({ sheets, results: [stored] });
    expect(expectFail(signOff(again, { ...base, actor: chair, aggregates: [agg(again, APP[0]!)] }), 'panel.sign-off-refused')).toBe('未签署：P2-2026-0001 张一的结果已经签署。');
  });
});

describe('panelResultFacts: what the workflow reads', () => {
  const [draft] = expectOk(signOff(ctx, { ...base, actor: chair, aggregates: [agg(ctx, APP[0]!)] }));
  const stored: PanelResult = { ...draft!, id: id('9999', 1), createdAt: at(55), createdBy: 'u-zhao', updatedAt: at(55), updatedBy: 'u-zhao' };

  it('the signed result per stage, with its numbers', () => {
    expect(panelResultFacts(APP[0]!, [stored], { sheets, ballots: [] })).toEqual({
      'expert-review': {
        stage: 'expert-review',
        resultId: stored.id,
        sessionId: SESSION.id,
        outcome: 'pass',
        scoreTenths: 820,
        recommendations: { recommend: 3, notRecommend: 0 },
        signedOffOn: '2026-11-25',
      },
    });
    expect(panelResultFacts(APP[1]!, [stored])).toEqual({});
  });

  it('a later session’s result (after a deferral) is the one read; a withdrawn result is not', () => {
    const deferred: PanelResult = { ...stored, id: id('9999', 2), outcome: 'deferred', signedOffAt: at(10), signedOffOn: '2026-11-25' };
    const later: PanelResult = { ...stored, id: id('9999', 3), sessionId: id('cccc', 2), outcome: 'fail', signedOffAt: '2026-12-10T02:00:00.000Z', signedOffOn: '2026-12-10' };
    expect(panelResultFacts(APP[0]!, [later, deferred])['expert-review']?.outcome).toBe('fail');
    expect(panelResultFacts(APP[0]!, [deferred, { ...later, deleted: true }])['expert-review']?.outcome).toBe('deferred');
  });

  it('stale when a sheet behind it changed or one was handed in after the sign-off', () => {
    expect(resultIsCurrent(stored, sheets, [])).toBe(true);
    const changed = sheets.map((s, i) => (i === 1 ? { ...s, scoresTenths: { ...s.scoresTenths, 'soft-skills': 0 }, updatedAt: at(58) } : s));
    expect(panelResultFacts(APP[0]!, [stored], { sheets: changed, ballots: [] })['expert-review']?.stale).toBe(true);
    const late = [...sheets, reviewSheet(APP[0]!, id('aaaa', 9), 10, 'not-recommend', { updatedAt: at(59) })];
    expect(resultIsCurrent(stored, late, [])).toBe(false);
  });
});
