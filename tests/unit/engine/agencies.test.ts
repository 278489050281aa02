/**
 * Evaluation agencies and evaluators against 004 细则 第七、八、十、十二条, the numbers read from
 * the P6 pack's thresholds; and the reviews per stage the workflow's guards count (办法 第十四条（二）).
 */
import { describe, expect, it } from 'vitest';
import { agencyReport, auditsOutstanding, evaluationsInYear, evaluatorElsewhere, hasAgencies, reviewsDoneOf } from '../../../shared/engine/agencies';
import type { AgencyAudit, EvaluationAgency, Evaluator } from '../../../shared/model/records';
import { expectOk } from '../rules/expect-result';
import { p3, p6 } from './org-fixtures';
import { programId as pid } from '../typed-ids';

const base = { createdAt: '2025-01-02T01:00:00.000Z', createdBy: 'u1', updatedAt: '2025-01-02T01:00:00.000Z', updatedBy: 'u1' };
const uid = (n: number) => `01937b2c-0000-7000-8000-${String(n).padStart(12, '0')}`;

const NATIONAL = uid(1);
const LOCAL = uid(2);
const agencies: EvaluationAgency[] = [
  { ...base, id: NATIONAL, programId: pid('iets'), name: '中技评（北京）评价有限公司', scope: 'national', registeredOn: '2020-03-01', standing: 'active' },
  { ...base, id: LOCAL, programId: pid('iets'), name: '新疆信息化评价中心', scope: 'local', region: '新疆', registeredOn: '2025-06-01', standing: 'active' },
];

let next = 100;
/** `n` evaluators of an agency, the first `fullTime` of them full-time. */
function staff(agencyId: string, n: number, fullTime: number, extra: Partial<Evaluator> = {}): Evaluator[] {
  return Array.from({ length: n }, (_, i) => ({
    ...base,
    id: uid(++next),
    agencyId,
    name: `评价员${next}`,
    idNumber: `1101051980010${String(next).padStart(4, '0')}X`.slice(0, 18),
    fullTime: i < fullTime,
    contract: 'labour',
    standing: 'active',
    ...extra,
  }));
}

const TODAY = '2026-05-31';
const options = { today: TODAY, year: 2025 };

describe('004 细则: the P6 pack works through agencies, P3 does not', () => {
  it('has agency thresholds', () => {
    expect(hasAgencies(p6)).toBe(true);
    expect(hasAgencies(p3)).toBe(false);
  });
});

describe('细则 第七条、第八条: the agency', () => {
  it('a national agency with 15 evaluators of whom 8 full-time, registered over a year, meets them all', () => {
    const evaluators = staff(NATIONAL, 15, 8);
    const report = expectOk(agencyReport(p6, NATIONAL, { agencies, evaluators, audits: [] }, options));
    expect(report.findings.map((f) => [f.thresholdId, f.met])).toEqual([
      ['agency-age', true],
      ['national-agency-evaluators', true],
      ['national-agency-full-time', true],
    ]);
    expect(report.findings[0]?.message).toBe('评价机构成立时间 6 年，要求不少于 1 年，符合。');
  });

  it('14 evaluators, 7 full-time: both short, by one each', () => {
    const report = expectOk(agencyReport(p6, NATIONAL, { agencies, evaluators: staff(NATIONAL, 14, 7), audits: [] }, options));
    expect(report.met).toBe(false);
    expect(report.findings.filter((f) => !f.met).map((f) => f.message)).toEqual([
      '全国性评价机构评价人员数量 14 人，要求不少于 15 人，差 1 人。',
      '全国性评价机构专职人员 7 人，要求不少于 8 人，差 1 人。',
    ]);
  });

  it('a local agency needs 10 and 5, and is judged by the local numbers only', () => {
    const report = expectOk(agencyReport(p6, LOCAL, { agencies, evaluators: staff(LOCAL, 10, 5), audits: [] }, { today: '2026-06-01', year: 2025 }));
    expect(report.findings.map((f) => [f.thresholdId, f.met])).toEqual([
      ['agency-age', true],
      ['local-agency-evaluators', true],
      ['local-agency-full-time', true],
    ]);
  });

  it('第七条 成立时间 1 年以上: registered 2025-06-01 is one year on 2026-06-01, not the day before', () => {
    const evaluators = staff(LOCAL, 10, 5);
    const before = expectOk(agencyReport(p6, LOCAL, { agencies, evaluators, audits: [] }, { today: '2026-05-31', year: 2025 }));
    expect(before.findings[0]).toMatchObject({ met: false, message: '评价机构成立时间 0 年，要求不少于 1 年，差 1 年。' });
    const on = expectOk(agencyReport(p6, LOCAL, { agencies, evaluators, audits: [] }, { today: '2026-06-01', year: 2025 }));
    expect(on.findings[0]?.met).toBe(true);
  });

  it('evaluators who left, are suspended or deleted are not counted', () => {
    const evaluators = [
      ...staff(NATIONAL, 13, 8),
      ...staff(NATIONAL, 1, 0, { until: '2026-05-30' }),
      ...staff(NATIONAL, 1, 0, { standing: 'suspended' }),
      ...staff(NATIONAL, 1, 0, { deleted: true }),
      ...staff(NATIONAL, 1, 0, { since: '2026-06-01' }),
    ];
    const report = expectOk(agencyReport(p6, NATIONAL, { agencies, evaluators, audits: [] }, options));
    expect(report.findings[1]?.message).toBe('全国性评价机构评价人员数量 13 人，要求不少于 15 人，差 2 人。');
    expect(report.evaluators).toHaveLength(13);
  });
});

describe('细则 第十条、第十二条: the evaluators', () => {
  it('第十条: a person on the books of two agencies is named with the other agency', () => {
    const own = staff(NATIONAL, 15, 8);
    const twin = { ...staff(LOCAL, 1, 1)[0]!, idNumber: own[0]!.idNumber, name: own[0]!.name };
    const report = expectOk(agencyReport(p6, NATIONAL, { agencies, evaluators: [...own, twin], audits: [] }, options));
    const first = report.evaluators.find((e) => e.evaluator.id === own[0]!.id);
    expect(first?.findings.find((f) => f.fact === 'evaluator.agencies')).toMatchObject({
      met: false,
      message: `${own[0]!.name}：评价人员同时任职的评价机构数 2 个，要求不多于 1 个，超出 1 个（另在新疆信息化评价中心）。`,
    });
    expect(report.met).toBe(false);
  });

  it('第十二条: at least 3 evaluations a year, counted by application (a document and an on-site review of one are one)', () => {
    const evaluators = staff(NATIONAL, 15, 8);
    const [a, b] = evaluators;
    const audit = (n: number, applicationId: string, kind: AgencyAudit['kind'], on: string, ids: string[]): AgencyAudit => ({
      ...base,
      id: uid(900 + n),
      applicationId,
      stage: 'agency-review',
      kind,
      on,
      evaluatorIds: ids,
      findings: '符合',
      passed: true,
    });
    const audits = [
      audit(1, uid(501), 'documents', '2025-03-01', [a!.id, b!.id]),
      audit(2, uid(501), 'on-site', '2025-03-08', [a!.id, b!.id]),
      audit(3, uid(502), 'documents', '2025-06-01', [a!.id]),
      audit(4, uid(503), 'on-site', '2025-11-20', [a!.id, b!.id]),
      audit(5, uid(504), 'on-site', '2026-01-05', [b!.id]),
    ];
    expect(evaluationsInYear(audits, 2025).get(a!.id)).toBe(3);
    expect(evaluationsInYear(audits, 2025).get(b!.id)).toBe(2);
    const report = expectOk(agencyReport(p6, NATIONAL, { agencies, evaluators, audits }, options));
    const of = (id: string) => report.evaluators.find((e) => e.evaluator.id === id)?.findings.find((f) => f.fact === 'evaluator.evaluations-per-year');
    expect(of(a!.id)?.met).toBe(true);
    expect(of(b!.id)?.message).toBe(`${b!.name}（2025年）：评价人员每年参加能力评价次数 2 次，要求不少于 3 次，差 1 次。`);
  });

  // 第十条 at save: 不得同时在 2 个（含）以上的评价机构工作 — another agency's live record with the
  // same 身份证号 whose time there overlaps the new one.
  it.each<[string, Partial<Evaluator>, { since?: string; until?: string }, boolean]>([
    ['still with the other agency, open-ended', {}, {}, true],
    ['left the other agency before joining this one', { until: '2025-12-31' }, { since: '2026-01-01' }, false],
    ['left the other agency the day they joined this one', { until: '2026-01-01' }, { since: '2026-01-01' }, true],
    ['stopped (细则 第十六条) at the other agency', { standing: 'stopped' }, {}, false],
    ['suspended at the other agency: still on its books', { standing: 'suspended' }, {}, true],
    ['the other record deleted', { deleted: true }, {}, false],
    ['joins this agency after the other, both open', { since: '2020-01-01' }, { since: '2026-03-01' }, true],
  ])('第十条 at save: %s → refused %s', (_name, other, mine, refused) => {
    const existing = staff(LOCAL, 1, 1, other)[0]!;
    const found = evaluatorElsewhere([existing], { agencyId: NATIONAL, idNumber: existing.idNumber, ...mine });
    expect(found !== undefined).toBe(refused);
  });

  it('第十条 at save: the same agency or another person is not "elsewhere"', () => {
    const existing = staff(LOCAL, 1, 1)[0]!;
    expect(evaluatorElsewhere([existing], { agencyId: LOCAL, idNumber: existing.idNumber })).toBeUndefined();
    expect(evaluatorElsewhere([existing], { agencyId: NATIONAL, idNumber: '110105198001019999' })).toBeUndefined();
    expect(evaluatorElsewhere([existing], { id: existing.id, agencyId: NATIONAL, idNumber: existing.idNumber })).toBeUndefined();
  });

  it('an unknown agency is refused in Chinese', () => {
    expect(agencyReport(p6, uid(77), { agencies, evaluators: [], audits: [] }, options).ok).toBe(false);
  });
});

describe('办法 第十四条（二）: the two agency reviews count for the stage once both passed', () => {
  const audit = (kind: AgencyAudit['kind'], passed: boolean, extra: Partial<AgencyAudit> = {}) => ({ stage: 'agency-review', kind, passed, ...extra });

  it.each<[string, ReturnType<typeof audit>[], number, string[]]>([
    ['none yet', [], 0, ['documents', 'on-site']],
    ['documents passed', [audit('documents', true)], 1, ['on-site']],
    ['on-site failed', [audit('documents', true), audit('on-site', false)], 1, ['on-site']],
    ['on-site repeated and passed', [audit('documents', true), audit('on-site', false), audit('on-site', true)], 2, []],
    ['a deleted record does not count', [audit('documents', true), audit('on-site', true, { deleted: true })], 1, ['on-site']],
  ])('%s', (_name, audits, done, outstanding) => {
    expect(reviewsDoneOf([], audits)['agency-review'] ?? 0).toBe(done);
    expect(auditsOutstanding(audits, 'agency-review')).toEqual(outstanding);
  });

  it('reviews and audits add up per stage', () => {
    expect(reviewsDoneOf([{ stage: 'expert-review' }, { stage: 'expert-review', deleted: true }], [audit('documents', true), audit('on-site', true)])).toEqual({
      'expert-review': 1,
      'agency-review': 2,
    });
  });
});
