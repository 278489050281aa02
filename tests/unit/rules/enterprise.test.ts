import { describe, expect, it } from 'vitest';
import {
  checkEnterpriseThresholds,
  computeContractRow,
  normaliseStaffCounts,
  P3_ENTERPRISE_REQUIREMENT,
  projectTotalOverYears,
  sumContractAmounts,
  type ContractFeeInput,
  type EnterpriseFigures,
  type EnterpriseGrade,
} from '../../../shared/rules/enterprise';
import { FEN_PER_WAN_YUAN, type Fen } from '../../../shared/rules/money';

const wan = (amount: number): Fen => (amount * FEN_PER_WAN_YUAN) as Fen;
const yuan = (amount: number): Fen => (amount * 100) as Fen;

describe('001 （二）thresholds per grade, as printed in the seed', () => {
  it.each([
    ['甲', 40, 12, wan(3000)],
    ['乙', 30, 8, wan(1000)],
    ['丙', 20, 5, wan(500)],
    ['丁', 6, null, null],
  ] as const)('%s级: 技术人员 ≥ %s, 持证人员 ≥ %s, 三年项目总值 ≥ %s 分', (grade, technical, certified, project) => {
    expect(P3_ENTERPRISE_REQUIREMENT.technicalStaff.min[grade]).toBe(technical);
    expect(P3_ENTERPRISE_REQUIREMENT.certifiedStaff.min[grade]).toBe(certified);
    expect(P3_ENTERPRISE_REQUIREMENT.projectTotal.min[grade]).toBe(project);
  });

  it('001 （二）3./4.: the project total is a 参考指标 over 2023–2025; staff counts are 指标要求', () => {
    expect(P3_ENTERPRISE_REQUIREMENT.projectTotal.years).toEqual([2023, 2024, 2025]);
    expect(P3_ENTERPRISE_REQUIREMENT.projectTotal.binding).toBe('reference');
    expect(P3_ENTERPRISE_REQUIREMENT.technicalStaff.binding).toBe('requirement');
    expect(P3_ENTERPRISE_REQUIREMENT.certifiedStaff.binding).toBe('requirement');
  });
});

describe('checkEnterpriseThresholds (001 （二）1.1), 1.2), 4.)', () => {
  const figures = (technicalStaff: number, certifiedStaff: number, byYear: Record<number, Fen>): EnterpriseFigures => ({
    technicalStaff,
    certifiedStaff,
    projectTotalByYear: byYear,
  });

  it.each<[string, EnterpriseGrade, EnterpriseFigures, [boolean, boolean, boolean]]>([
    ['甲级 exactly at every threshold', '甲', figures(40, 12, { 2023: wan(1000), 2024: wan(1000), 2025: wan(1000) }), [true, true, true]],
    ['甲级 one short everywhere', '甲', figures(39, 11, { 2023: wan(1000), 2024: wan(1000), 2025: (wan(1000) - 1) as Fen }), [false, false, false]],
    ['乙级 at the thresholds', '乙', figures(30, 8, { 2025: wan(1000) }), [true, true, true]],
    ['乙级 29 technical staff', '乙', figures(29, 8, { 2025: wan(1000) }), [false, true, true]],
    ['丙级 at the thresholds', '丙', figures(20, 5, { 2024: wan(250), 2025: wan(250) }), [true, true, true]],
    ['丙级 4 certified staff', '丙', figures(20, 4, { 2025: wan(500) }), [true, false, true]],
    ['丁级 6 staff, no certificates, no projects', '丁', figures(6, 0, {}), [true, true, true]],
    ['丁级 5 staff', '丁', figures(5, 0, {}), [false, true, true]],
  ])('%s', (_name, grade, input, expected) => {
    const result = checkEnterpriseThresholds(grade, input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((finding) => finding.item)).toEqual(['technicalStaff', 'certifiedStaff', 'projectTotal']);
    expect(result.value.map((finding) => finding.met)).toEqual(expected);
  });

  it('a shortfall names the grade, the requirement and the gap in Chinese', () => {
    const result = checkEnterpriseThresholds('乙', figures(25, 8, { 2023: wan(300), 2025: wan(500) }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [technical, , project] = result.value;
    expect(technical).toMatchObject({ required: 30, actual: 25, met: false, binding: 'requirement' });
    expect(technical?.message).toBe('技术人员总数 25 人，乙级要求不少于 30 人，差 5 人。');
    expect(project).toMatchObject({ required: wan(1000), actual: wan(800), met: false, binding: 'reference' });
    expect(project?.message).toBe(
      '2023–2025年系统集成项目总值 800 万元，乙级参考指标不少于 1,000 万元，差 200 万元（参考指标，供审核参考）。',
    );
  });

  it('丁级 lists the items without a requirement as 无要求', () => {
    const result = checkEnterpriseThresholds('丁', figures(6, 0, {}));
    expect(result.ok && result.value[1]).toMatchObject({ required: null, met: true, message: '持证人员总数 0 人，丁级无要求。' });
  });

  it('001 （二）4.2): years outside 2023–2025 are not added', () => {
    const result = checkEnterpriseThresholds('丙', figures(20, 5, { 2022: wan(5000), 2025: wan(100) }));
    expect(result.ok && result.value[2]).toMatchObject({ actual: wan(100), met: false });
  });

  it.each<[string, unknown, EnterpriseFigures, string]>([
    ['an unknown grade', '戊', figures(40, 12, {}), 'enterprise.grade'],
    ['a negative staff count', '甲', figures(-1, 12, {}), 'enterprise.technicalStaff'],
    ['a fractional certified count', '甲', figures(40, 2.5, {}), 'enterprise.certifiedStaff'],
    ['a negative project total', '甲', figures(40, 12, { 2024: -1 as Fen }), 'enterprise.projectTotal'],
  ])('refuses %s', (_name, grade, input, code) => {
    const result = checkEnterpriseThresholds(grade as EnterpriseGrade, input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });
});

describe('projectTotalOverYears: 001 （二）2./4.2) a missing year counts as 0', () => {
  it.each<[Record<number, Fen>, number]>([
    [{}, 0],
    [{ 2025: wan(100) }, wan(100)],
    [{ 2023: yuan(0.1), 2024: yuan(0.2), 2025: 0 as Fen }, 30],
  ])('%j → %i 分', (byYear, expected) => {
    expect(projectTotalOverYears(byYear, [2023, 2024, 2025])).toEqual({ ok: true, value: expected });
  });
});

describe('computeContractRow: 001 （二）3.2) the two grey, computed columns', () => {
  it.each<[string, ContractFeeInput, number, number]>([
    ['an empty row is all zeros (3.3) 填 0)', {}, 0, 0],
    [
      'all ten amounts',
      {
        softwareDevelopment: yuan(100),
        consultingDesign: yuan(200),
        integration: yuan(300),
        operationMaintenance: yuan(400),
        dataProcessing: yuan(500),
        operationService: yuan(600),
        ownHardware: yuan(1000),
        hardwarePurchase: yuan(2000),
        softwarePurchase: yuan(3000),
        other: yuan(4000),
      },
      yuan(2100),
      yuan(12100),
    ],
    ['hardware only', { hardwarePurchase: wan(50), other: null }, 0, wan(50)],
    ['0.10 + 0.20 元 of fees', { softwareDevelopment: 10 as Fen, dataProcessing: 20 as Fen }, 30, 30],
  ])('%s', (_name, input, serviceTotal, contractAmount) => {
    const result = computeContractRow(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.serviceTotal).toBe(serviceTotal);
    expect(result.value.contractAmount).toBe(contractAmount);
    expect(result.value.other).toBe(input.other ?? 0);
  });

  it.each<[string, ContractFeeInput, string]>([
    ['a negative fee', { integration: -1 as Fen }, 'contract.fee'],
    ['a fractional fen', { other: 0.5 as Fen }, 'contract.fee'],
    ['an overflowing total', { softwareDevelopment: Number.MAX_SAFE_INTEGER as Fen, other: 1 as Fen }, 'money.overflow'],
  ])('refuses %s', (_name, input, code) => {
    const result = computeContractRow(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('refusal names the column in Chinese', () => {
    const result = computeContractRow({ integration: -1 as Fen });
    expect(!result.ok && result.error.message).toContain('集成实施费');
  });

  it('001 （二）4.: the year total is the sum of the rows’ 合同金额', () => {
    const rows = [computeContractRow({ integration: wan(10) }), computeContractRow({ hardwarePurchase: wan(5) })];
    const amounts = rows.flatMap((row) => (row.ok ? [row.value] : []));
    expect(sumContractAmounts(amounts)).toEqual({ ok: true, value: wan(15) });
  });
});

describe('normaliseStaffCounts: 001 （二）1.1) 不包含的人员分类填“0”', () => {
  const categories = ['高级职称', '中级职称', '初级职称'];
  it.each<[string, Record<string, unknown>, Record<string, number>]>([
    ['missing categories become 0', { 中级职称: 3 }, { 高级职称: 0, 中级职称: 3, 初级职称: 0 }],
    ['blank, null and spaces become 0', { 高级职称: '', 中级职称: null, 初级职称: '  ' }, { 高级职称: 0, 中级职称: 0, 初级职称: 0 }],
    ['digit strings and full-width digits', { 高级职称: '12', 中级职称: '１２', 初级职称: 0 }, { 高级职称: 12, 中级职称: 12, 初级职称: 0 }],
  ])('%s', (_name, raw, expected) => {
    expect(normaliseStaffCounts(raw, categories)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a negative count', { 高级职称: -1 }, 'staff.count'],
    ['a fraction', { 高级职称: '2.5' }, 'staff.count'],
    ['a word', { 高级职称: '若干' }, 'staff.count'],
    ['NaN', { 高级职称: Number.NaN }, 'staff.count'],
    ['a category the form does not have', { 博士: 1 }, 'staff.category'],
  ])('refuses %s', (_name, raw, code) => {
    const result = normaliseStaffCounts(raw, categories);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });
});
