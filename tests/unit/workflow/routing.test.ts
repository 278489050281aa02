import { describe, expect, it } from 'vitest';
import {
  chainComplete,
  levelPassed,
  nextLevel,
  previousLevel,
  recordOpinion,
  routingChain,
  startRouting,
  type RoutingChainState,
  type RoutingLevelId,
  type RoutingOpinion,
  type RoutingVariant,
} from '../../../shared/workflow/routing';
import { expectFail, expectOk } from '../rules/expect-result';

describe('routingChain follows 002 附件3 一', () => {
  it.each<[string, RoutingVariant, string[]]>([
    [
      '（一）县（市、区）属单位',
      'county',
      ['申报对象', '所在单位', '县（市、区）经信部门', '县（市、区）人力社保部门', '市经信部门或人力社保部门', '省信息技术专业高评委办公室'],
    ],
    ['（二）市属单位', 'city', ['申报对象', '所在单位', '单位主管部门', '市经信部门或人力社保部门', '省信息技术专业高评委办公室']],
    ['（三）省属单位', 'provincial', ['申报对象', '所在单位', '省级主管部门', '省信息技术专业高评委办公室']],
    ['（四）档案委托人才交流中心代理', 'private-talent-centre', ['申报对象', '所在单位', '人才交流中心', '省信息技术专业高评委办公室']],
    ['（四）未委托，属地申报', 'private-local', ['申报对象', '所在单位', '当地经信部门或人力社保部门', '省信息技术专业高评委办公室']],
  ])('%s', (_rule, variant, names) => {
    expect(routingChain(variant).map((l) => l.name.zh)).toEqual(names);
  });
});

describe('nextLevel / previousLevel', () => {
  it.each<[string, RoutingVariant, RoutingLevelId, RoutingLevelId | undefined, RoutingLevelId | undefined]>([
    ['县经信之上是县人力社保', 'county', 'county-eit', 'county-hrss', 'unit'],
    ['省级主管部门之上是高评委办公室', 'provincial', 'provincial-department', 'senior-board-office', 'unit'],
    ['高评委办公室是最高一级', 'city', 'senior-board-office', undefined, 'city-eit-or-hrss'],
    ['申报对象之下无人', 'city', 'applicant', 'unit', undefined],
    ['不在本路线上的一级', 'city', 'county-eit', undefined, undefined],
  ])('%s', (_rule, variant, level, next, previous) => {
    expect(nextLevel(variant, level)?.id).toBe(next);
    expect(previousLevel(variant, level)?.id).toBe(previous);
  });
});

type Step = [RoutingLevelId, RoutingOpinion, string];

function run(variant: RoutingVariant, steps: readonly Step[]): RoutingChainState {
  let state = startRouting(variant);
  steps.forEach(([level, opinion, note], i) => {
    state = expectOk(recordOpinion(state, level, opinion, note, `2026-09-${String(i + 1).padStart(2, '0')}`));
  });
  return state;
}

describe('recordOpinion (002 附件3: 逐级审核, 不符合要求的一律退回下一级)', () => {
  it('every level of the provincial route passes → the chain is complete', () => {
    const state = run('provincial', [
      ['applicant', 'pass', '提交'],
      ['unit', 'pass', '单位已公示5个工作日，无异议'],
      ['provincial-department', 'pass', '同意推荐'],
      ['senior-board-office', 'pass', '材料齐全'],
    ]);
    expect(chainComplete(state)).toBe(true);
    expect(state.holder).toBe('done');
  });

  it('附件3 三 a return goes to the level below and the history keeps both opinions', () => {
    const state = run('county', [
      ['applicant', 'pass', ''],
      ['unit', 'pass', ''],
      ['county-eit', 'pass', '同意'],
      ['county-hrss', 'return', '综合表与花名册的“现从事专业”不一致'],
    ]);
    expect(state.holder).toBe('county-eit');
    expect(chainComplete(state)).toBe(false);
    expect(levelPassed(state, 'county-eit')).toBe(false);
    expect(levelPassed(state, 'unit')).toBe(true);
    expect(state.entries.slice(-2)).toEqual([
      { level: 'county-eit', opinion: 'pass', note: '同意', on: '2026-09-03' },
      { level: 'county-hrss', opinion: 'return', note: '综合表与花名册的“现从事专业”不一致', on: '2026-09-04' },
    ]);

    // The lower level corrects and passes again; the file climbs back and the record grows.
    const again = expectOk(recordOpinion(state, 'county-eit', 'pass', '已更正', '2026-09-05'));
    expect(again.holder).toBe('county-hrss');
    expect(again.entries).toHaveLength(5);
    expect(state.entries).toHaveLength(4);
  });

  it('a return from the unit goes back to the applicant, who resubmits', () => {
    const state = run('city', [
      ['applicant', 'pass', ''],
      ['unit', 'return', '任期考核缺2018年度'],
      ['applicant', 'pass', '已补交'],
    ]);
    expect(state.holder).toBe('unit');
  });

  it.each<[string, RoutingVariant, Step[], Step, string, RegExp]>([
    ['退回须写明理由', 'county', [['applicant', 'pass', '']], ['unit', 'return', ' '], 'routing.reason-required', /退回申报对象时必须写明退回理由/],
    ['只有材料所在的一级可以签署', 'county', [['applicant', 'pass', '']], ['county-eit', 'pass', ''], 'routing.not-holder', /材料目前在所在单位，县（市、区）经信部门暂不能签署意见/],
    ['申报对象无处退回', 'city', [], ['applicant', 'return', '无'], 'routing.no-level-below', /申报对象是报送的第一级，无处退回/],
    [
      '报送完成后不能再签署',
      'provincial',
      [['applicant', 'pass', ''], ['unit', 'pass', ''], ['provincial-department', 'pass', ''], ['senior-board-office', 'pass', '']],
      ['senior-board-office', 'return', '迟交'],
      'routing.done',
      /已报送至省信息技术专业高评委办公室并审核通过/,
    ],
  ])('%s', (_rule, variant, before, [level, opinion, note], code, message) => {
    const state = run(variant, before);
    expect(expectFail(recordOpinion(state, level, opinion, note, '2026-09-30'), code)).toMatch(message);
  });
});
