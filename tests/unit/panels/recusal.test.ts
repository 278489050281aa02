/**
 * Recusal (回避): automatic when an expert's unit is the applicant's unit or the applicant
 * organisation itself, after normalising the names (spaces, full-width brackets); manual with a
 * reason; a recused expert can neither open nor score the application. PROGRAMS.md: binding on
 * every 职称评审 (人社部令第40号); P1/P2 (000) and P6 (004) packs state the same reading.
 */
import { describe, expect, it } from 'vitest';
import {
  applicantUnitsOf,
  automaticRecusals,
  eligibleMembers,
  mayOpen,
  mayScore,
  normaliseUnitName,
  recusalsToRecord,
  sameUnit,
} from '../../../shared/panels';
import { expectFail, expectOk } from '../rules/expect-result';
import { APP, at, context, id, P2, P6, QIAN, recusal, SESSION, SUN, ZHAO } from './fixtures';

describe('normaliseUnitName: one unit written many ways', () => {
  it.each<[string, string]>([
    ['新疆天山软件（集团）有限公司', '新疆天山软件(集团)有限公司'],
    ['新疆天山软件 (集团) 有限公司', '新疆天山软件(集团)有限公司'],
    ['　新疆天山软件【集团】有限公司。', '新疆天山软件(集团)有限公司'],
    ['ＸＪ　Ｓｏｆｔ 有限公司', 'xjsoft有限公司'],
    ['   ', ''],
  ])('%s → %s', (name, normal) => expect(normaliseUnitName(name)).toBe(normal));

  it('compares whole names only: a longer or shorter name is another unit; blank matches nothing', () => {
    expect(sameUnit('新疆天山软件有限公司', '新疆天山软件（集团）有限公司')).toBe(false);
    expect(sameUnit('', '')).toBe(false);
    expect(sameUnit(undefined, '新疆大学')).toBe(false);
  });
});

describe('automatic recusal', () => {
  it('the P2 expert of 新疆天山软件（集团）有限公司 sits out the applicant typed as “新疆天山软件 (集团)有限公司”, and only that one', () => {
    expect(automaticRecusals(context())).toEqual([
      {
        expertId: SUN,
        applicationId: APP[3],
        basis: 'same-unit',
        reason: '专家所在单位“新疆天山软件（集团）有限公司”与申报人单位“新疆天山软件 (集团)有限公司”相同。',
      },
    ]);
    expect(eligibleMembers(context(), APP[3]!)).toEqual([ZHAO, QIAN]);
    expect(eligibleMembers(context(), APP[0]!)).toEqual([ZHAO, QIAN, SUN]);
  });

  it('the applicant organisation itself (P6, 004): an expert employed by the applicant sits out', () => {
    const applicant = applicantUnitsOf(P6, { id: APP[0]!, fields: {} }, { organisation: '乌鲁木齐第1软件公司' });
    expect(applicant).toEqual({ applicationId: APP[0], organisation: '乌鲁木齐第1软件公司', units: [] });
    const ctx = context({ pack: P6, applicants: [applicant], experts: [{ ...context().experts[1]!, unit: '乌鲁木齐第１软件公司' }] });
    expect(automaticRecusals({ ...ctx, session: { ...SESSION, memberIds: [QIAN], chairId: QIAN } })).toMatchObject([
      { expertId: QIAN, applicationId: APP[0], basis: 'applicant-organisation', reason: '专家所在单位“乌鲁木齐第１软件公司”即申报单位。' },
    ]);
  });

  it('a person’s units: the submitting unit, the person’s organisation and the pack’s unit field (所在单位), once each', () => {
    const applicant = applicantUnitsOf(P2, { id: APP[0]!, fields: { employer: '新疆大学 ', name: '张三' } }, { organisation: '新疆大学', personOrganisation: '新疆信息产业研究院' });
    expect(applicant).toEqual({ applicationId: APP[0], units: ['新疆大学', '新疆信息产业研究院'] });
  });

  it('recusalsToRecord lists the automatic ones not yet stored, so each is written (and audited) once', () => {
    expect(recusalsToRecord(context())).toHaveLength(1);
    const stored = { ...recusal(SUN, APP[3]!, ''), kind: 'automatic' as const, basis: 'same-unit' as const };
    expect(recusalsToRecord(context({ recusals: [stored] }))).toEqual([]);
  });
});

describe('mayOpen / mayScore', () => {
  it('a recused expert cannot open or score the application; the others can', () => {
    expect(expectFail(mayOpen(context(), SUN, APP[3]!), 'panel.recused')).toBe(
      '孙专家须回避这份申请：专家所在单位“新疆天山软件（集团）有限公司”与申报人单位“新疆天山软件 (集团)有限公司”相同。',
    );
    expect(expectFail(mayScore(context(), SUN, APP[3]!, 'expert-review'), 'panel.recused')).toContain('须回避');
    expectOk(mayOpen(context(), SUN, APP[0]!));
    expectOk(mayScore(context(), ZHAO, APP[3]!, 'awaiting-defense'));
  });

  it('a manual recusal with its reason holds the same way', () => {
    const ctx = context({ recusals: [recusal(QIAN, APP[1]!, '申报人系本人指导的研究生')] });
    expect(expectFail(mayScore(ctx, QIAN, APP[1]!, 'expert-review'), 'panel.recused')).toBe('钱专家须回避这份申请：申报人系本人指导的研究生');
    // A withdrawn (tombstoned) recusal no longer holds.
    expectOk(mayScore(context({ recusals: [{ ...recusal(QIAN, APP[1]!, '误登记'), deleted: true }] }), QIAN, APP[1]!, 'expert-review'));
  });

  it('not a member, not assigned, a stage the session does not decide, absent, or already signed: refused', () => {
    const outsider = id('aaaa', 9);
    expect(expectFail(mayOpen(context(), outsider, APP[0]!), 'panel.not-member')).toContain('不是本次评审会');
    expect(expectFail(mayOpen(context(), ZHAO, id('bbbb', 99)), 'panel.not-assigned')).toBe('这份申请未分配到本次评审会。');
    expectFail(mayScore(context(), ZHAO, APP[0]!, 'decision'), 'panel.wrong-stage');
    const attendance = context({ session: { ...SESSION, presentIds: [ZHAO, SUN] } });
    expect(expectFail(mayScore(attendance, QIAN, APP[0]!, 'expert-review'), 'panel.absent')).toBe('钱专家未出席本次评审会，不能评分。');
    const signed = context({
      results: [
        {
          id: id('9999', 1), sessionId: SESSION.id, applicationId: APP[0]!, stage: 'expert-review', outcome: 'pass', computed: 'pass', totals: [], flags: [], basis: [],
          signedOffBy: ZHAO, signedOffByUser: 'u-zhao', signedOffAt: at(50), signedOffOn: '2026-11-25',
          createdAt: at(50), createdBy: 'u-zhao', updatedAt: at(50), updatedBy: 'u-zhao',
        },
      ],
    });
    expect(expectFail(mayScore(signed, QIAN, APP[0]!, 'expert-review'), 'panel.signed-off')).toContain('已经签署');
    expectOk(mayScore(signed, QIAN, APP[0]!, 'awaiting-defense'));
  });
});
