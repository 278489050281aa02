/**
 * The P3 thresholds, now pack data (001 （二）1 1)、1 2)、3), judged on a filing's own fields by the
 * generic engine: 技术人员总数 and 持证人员总数 are 指标要求, the three-year project total a 参考指标.
 */
import { describe, expect, it } from 'vitest';
import { evaluateApplication } from '../../../shared/engine/evaluate';
import { evaluateThresholds } from '../../../shared/engine/thresholds';
import { checkThreshold } from '../../../shared/rules/thresholds';
import { cal } from '../workflow/fixtures';
import { p3, p3Fields, wan } from './org-fixtures';

/** A filing with `technical` staff, `certified` distinct people and project totals per year (万元 typed). */
function filing(grade: string, technical: number, certified: number, byYear: Record<number, string>, certifiedThisYear = true) {
  return {
    grade,
    certifiedThisYear,
    technicalStaffTotal: technical,
    managementCertificates: Array.from({ length: certified }, (_, i) => ({ idNumber: `person-${i}` })),
    projectCompletion: Object.entries(byYear).map(([year, total]) => ({ year: Number(year), total: wan(total) })),
  };
}

const met = (values: Record<string, unknown>) => evaluateThresholds(p3, 'annual-review', values).map((f) => f.met);

describe('001 （二） thresholds per grade, as printed in the seed', () => {
  it.each<[string, string, ReturnType<typeof filing>, [boolean, boolean, boolean]]>([
    ['甲级 exactly at every threshold', '甲', filing('甲', 40, 12, { 2023: '1000', 2024: '1000', 2025: '1000' }), [true, true, true]],
    ['甲级 one short everywhere (the project total by one 分)', '甲', filing('甲', 39, 11, { 2023: '1000', 2024: '1000', 2025: '999.999999' }), [false, false, false]],
    ['乙级 at the thresholds', '乙', filing('乙', 30, 8, { 2025: '1000' }), [true, true, true]],
    ['乙级 29 technical staff', '乙', filing('乙', 29, 8, { 2025: '1000' }), [false, true, true]],
    ['丙级 at the thresholds', '丙', filing('丙', 20, 5, { 2024: '250', 2025: '250' }), [true, true, true]],
    ['丙级 4 certified staff', '丙', filing('丙', 20, 4, { 2025: '500' }), [true, false, true]],
    ['丁级 6 staff, no certificates, no projects', '丁', filing('丁', 6, 0, {}), [true, true, true]],
    ['丁级 5 staff', '丁', filing('丁', 5, 0, {}), [false, true, true]],
  ])('%s', (_name, _grade, values, expected) => {
    expect(evaluateThresholds(p3, 'annual-review', values).map((f) => f.thresholdId)).toEqual(['technical-staff', 'certified-staff', 'project-total']);
    expect(met(values)).toEqual(expected);
  });

  it('a shortfall names the grade, the requirement and the gap in Chinese', () => {
    const [technical, , project] = evaluateThresholds(p3, 'annual-review', filing('乙', 25, 8, { 2023: '300', 2025: '500' }));
    expect(technical).toMatchObject({ required: 30, actual: 25, met: false, binding: 'requirement' });
    expect(technical?.message).toBe('技术人员总数 25 人，乙级要求不少于 30 人，差 5 人。');
    expect(project).toMatchObject({ required: 1_000_000_000, actual: 800_000_000, met: false, binding: 'reference' });
    expect(project?.message).toBe('2023、2024、2025 三年系统集成项目总值 800 万元，乙级参考指标不少于 1,000 万元，差 200 万元（参考指标，供审核参考）。');
  });

  it('丁级 lists the items without a requirement as 无要求', () => {
    expect(evaluateThresholds(p3, 'annual-review', filing('丁', 6, 0, {}))[1]).toMatchObject({ required: null, met: true, message: '持证人员总数 0 人，丁级无要求。' });
  });

  it('001 （二）4 2): years outside 2023–2025 are not added', () => {
    expect(evaluateThresholds(p3, 'annual-review', filing('丙', 20, 5, { 2022: '5000', 2025: '100' }))[2]).toMatchObject({ actual: 100_000_000, met: false });
  });

  it('one person with two certificates counts once', () => {
    const values = { ...filing('丙', 20, 4, {}), managementCertificates: [{ idNumber: 'a' }, { idNumber: 'a' }, { idNumber: 'b' }, { idNumber: 'c' }, { idNumber: 'd' }] };
    expect(evaluateThresholds(p3, 'annual-review', values)[1]).toMatchObject({ actual: 4, met: false, message: '持证人员总数 4 人，丙级要求不少于 5 人，差 1 人。' });
  });

  it('without a grade nothing can be judged, and the message says so', () => {
    expect(evaluateThresholds(p3, 'annual-review', { technicalStaffTotal: 50 })[0]).toMatchObject({ met: false, message: '尚未选择企业等级，无法判断“技术人员总数”。' });
  });
});

describe('the engine: requirements decide eligibility, a reference figure only warns', () => {
  const run = (fields: Record<string, unknown>) =>
    evaluateApplication(p3, { kind: 'annual-review', state: 'submitted', history: [], fields, materials: [] }, { today: '2026-01-12', calendar: cal, role: 'reviewer' });

  it('the example 乙 filing: 29 technical staff fail the requirement; 918.120012 万元 misses the reference', () => {
    const e = run(p3Fields);
    expect(e.eligibility.met).toBe(false);
    expect(e.eligibility.findings.map((f) => [f.code, f.met, f.binding])).toEqual([
      ['threshold.technical-staff', false, 'requirement'],
      ['threshold.certified-staff', true, 'requirement'],
      ['threshold.project-total', false, 'reference'],
    ]);
    expect(e.facts.eligibility).toEqual({ met: false, reasons: ['技术人员总数 29 人，乙级要求不少于 30 人，差 1 人。'] });
    expect(e.eligibility.findings[2]?.message).toBe(
      '2023、2024、2025 三年系统集成项目总值 918.120012 万元，乙级参考指标不少于 1,000 万元，差 81.879988 万元（参考指标，供审核参考）。',
    );
  });

  it('with 30 technical staff the filing is eligible though the reference figure is missed', () => {
    const e = run({ ...p3Fields, technicalStaffTotal: 30 });
    expect(e.eligibility.met).toBe(true);
    expect(e.eligibility.findings.find((f) => f.code === 'threshold.project-total')?.met).toBe(false);
  });
});

describe('rules/thresholds: the comparison words', () => {
  const show = (n: number) => `${n} 个`;
  it.each<[Parameters<typeof checkThreshold>[0]['comparison'], number, number, string]>([
    ['gte', 3, 2, '评价次数 2 个，要求不少于 3 个，差 1 个。'],
    ['lte', 1, 2, '评价次数 2 个，要求不多于 1 个，超出 1 个。'],
    ['gt', 3, 3, '评价次数 3 个，要求多于 3 个。'],
    ['lt', 3, 3, '评价次数 3 个，要求少于 3 个。'],
    ['eq', 3, 2, '评价次数 2 个，要求等于 3 个。'],
  ])('%s %i against %i', (comparison, required, actual, message) => {
    expect(checkThreshold({ label: '评价次数', comparison, required, binding: 'requirement', scopeName: '', show }, actual).message).toBe(message);
  });
});
