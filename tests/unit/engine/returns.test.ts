/**
 * Returns (退回补正), 000 第十一条: materials that do not pass the completeness and authenticity
 * check are returned to the unit or individual who submitted them, with the reasons.
 */
import { describe, expect, it } from 'vitest';
import { defaultReturnTo, returnAddressee, returnReasons } from '../../../shared/engine/returns';
import type { Evaluation } from '../../../shared/engine/evaluate';
import type { Application } from '../../../shared/model/records';

type Who = Pick<Application, 'channel' | 'personId' | 'organisationId'>;

describe('defaultReturnTo (000 第十一条 退回提交单位或个人)', () => {
  const cases: [string, Who, 'unit' | 'individual'][] = [
    ['handed in by the unit → 单位', { channel: 'unit', personId: 'p1' }, 'unit'],
    ['handed in by the person → 个人', { channel: 'individual', personId: 'p1' }, 'individual'],
    ['by the person even for an organisation file → 个人', { channel: 'individual', organisationId: 'o1' }, 'individual'],
    ['counter, a person’s file → 个人', { channel: 'counter', personId: 'p1' }, 'individual'],
    ['post, an organisation’s file → 单位', { channel: 'post', organisationId: 'o1' }, 'unit'],
    ['website, a person with an employer → 个人', { channel: 'website', personId: 'p1', organisationId: 'o1' }, 'individual'],
    ['e-mail, an organisation’s file → 单位', { channel: 'email', organisationId: 'o1' }, 'unit'],
  ];
  it.each(cases)('%s', (_name, application, expected) => {
    expect(defaultReturnTo(application)).toBe(expected);
  });
});

function evaluation(parts: {
  missing?: string[];
  rejected?: [string, string][];
  factRejected?: [string, string][];
  unverified?: string[];
  copiesShort?: [string, number, number][];
}): Pick<Evaluation, 'checklist' | 'facts'> {
  const item = (zh: string) => ({ name: { zh, en: zh } });
  return {
    checklist: {
      missing: (parts.missing ?? []).map(item),
      rejected: (parts.rejected ?? []).map(([zh, reason]) => ({ item: item(zh), reason })),
      unverified: (parts.unverified ?? []).map(item),
      copiesShort: (parts.copiesShort ?? []).map(([zh, required, received]) => ({ item: item(zh), required, received })),
    },
    facts: { rejectedMaterials: (parts.factRejected ?? []).map(([name, reason]) => ({ name, reason })) },
  } as unknown as Pick<Evaluation, 'checklist' | 'facts'>;
}

describe('returnReasons: one line per shortfall, as the return notice lists them', () => {
  const cases: [string, Parameters<typeof evaluation>[0], string[]][] = [
    ['nothing short → no reasons', {}, []],
    ['a missing material', { missing: ['参加继续教育的有关证明'] }, ['缺少：参加继续教育的有关证明']],
    ['a rejected material with its reason', { rejected: [['身份证明', ' 复印件不清晰 ']] }, ['未通过审核：身份证明（复印件不清晰）']],
    ['a rejected material without a reason', { rejected: [['身份证明', '  ']] }, ['未通过审核：身份证明']],
    [
      'a rejection the guards saw is listed once, the checklist’s reason kept',
      { rejected: [['身份证明', '复印件不清晰']], factRejected: [['身份证明', '其它'], ['学历证书', '非原件']] },
      ['未通过审核：身份证明（复印件不清晰）', '未通过审核：学历证书（非原件）'],
    ],
    ['an original not checked', { unverified: ['学历证书'] }, ['未核对原件：学历证书']],
    ['too few copies', { copiesShort: [['业绩证明', 3, 1]] }, ['份数不足：业绩证明（应交3份，已收1份）']],
    [
      'in the order missing, rejected, unverified, copies',
      { copiesShort: [['甲', 2, 1]], unverified: ['乙'], rejected: [['丙', '缺章']], missing: ['丁'] },
      ['缺少：丁', '未通过审核：丙（缺章）', '未核对原件：乙', '份数不足：甲（应交2份，已收1份）'],
    ],
  ];
  it.each(cases)('%s', (_name, parts, lines) => {
    const text = returnReasons(evaluation(parts));
    expect(text === '' ? [] : text.split('\n')).toEqual(lines);
  });
});

describe('returnAddressee: the notice goes to the 退回对象 (000 第十一条, issue 12)', () => {
  const names = { applicant: '阿依古丽·买买提', unit: '新疆某某信息技术有限公司' };
  it.each([
    ['returned to the unit, though handed in by the person', { channel: 'individual' as const }, 'unit' as const, '新疆某某信息技术有限公司'],
    ['returned to the individual, though handed in by the unit', { channel: 'unit' as const }, 'individual' as const, '阿依古丽·买买提'],
    ['no return recorded: the way it came (unit)', { channel: 'unit' as const }, undefined, '新疆某某信息技术有限公司'],
    ['no return recorded: the way it came (individual)', { channel: 'individual' as const }, undefined, '阿依古丽·买买提'],
  ])('%s', (_label, application, returnTo, expected) => {
    expect(returnAddressee(application, returnTo, names)).toBe(expected);
  });
  it('to the unit with no unit known: the applicant, never a blank line', () => {
    expect(returnAddressee({ channel: 'unit' }, 'unit', { applicant: '阿依古丽·买买提', unit: ' ' })).toBe('阿依古丽·买买提');
  });
});
