/**
 * Figures of the 计算机信息系统集成（信息工程）企业年检 (P3): the computed columns of the project
 * summary, the "absent means 0" staff counts, and the per-grade thresholds.
 *
 * Seed 001 names two kinds of threshold: staff counts are "指标要求" (requirements), the
 * three-year project total is only a "参考指标" (reference indicator). Findings carry that
 * difference so a screen can show a missed reference indicator as a warning, not a refusal.
 */
import { FEN_PER_WAN_YUAN, formatWanYuan, sumFen, ZERO_FEN, type Fen } from './money';
import { fail, ok, type Result } from './result';
import { inputText, SPACES, toHalfWidth } from './input-text';

export const ENTERPRISE_GRADES = ['甲', '乙', '丙', '丁'] as const;
export type EnterpriseGrade = (typeof ENTERPRISE_GRADES)[number];

export function isEnterpriseGrade(value: unknown): value is EnterpriseGrade {
  return typeof value === 'string' && (ENTERPRISE_GRADES as readonly string[]).includes(value);
}

export type ThresholdBinding = 'requirement' | 'reference';

/** A minimum per grade; `null` is the seed's "无要求". */
export interface GradeThreshold<T extends number> {
  readonly label: string;
  readonly unit: '人' | '万元';
  readonly binding: ThresholdBinding;
  readonly min: Readonly<Record<EnterpriseGrade, T | null>>;
}

export interface EnterpriseRequirement {
  readonly technicalStaff: GradeThreshold<number>;
  readonly certifiedStaff: GradeThreshold<number>;
  readonly projectTotal: GradeThreshold<Fen> & {
    /** The years whose 项目完成情况 figures are added up. */
    readonly years: readonly number[];
  };
}

const wanYuan = (amount: number): Fen => (amount * FEN_PER_WAN_YUAN) as Fen;

/** P3 `xj-si-annual`, 2025 round. */
export const P3_ENTERPRISE_REQUIREMENT: EnterpriseRequirement = {
  // 001 （二）1.1) 人员情况部分: "技术人员总数指标要求：甲级 ≥ 40 人、乙级 ≥ 30 人、丙级 ≥ 20 人、丁级 ≥ 6 人"
  technicalStaff: {
    label: '技术人员总数',
    unit: '人',
    binding: 'requirement',
    min: { 甲: 40, 乙: 30, 丙: 20, 丁: 6 },
  },
  // 001 （二）1.2) 管理人员证书情况部分: "持证人员总数指标要求（系统集成实施工程经理+国家软考证书+
  // 其他同等或更高级别证书）：甲级 ≥ 12 人、乙级 ≥ 8 人、丙级 ≥ 5 人、丁级无要求"
  certifiedStaff: {
    label: '持证人员总数',
    unit: '人',
    binding: 'requirement',
    min: { 甲: 12, 乙: 8, 丙: 5, 丁: null },
  },
  // 001 （二）3. and 4., both headed "参考指标": "2023、2024、2025 三年系统集成项目总值（甲级≥3000 万元、
  // 乙级≥1000 万元、丙级≥500 万元、丁级无要求）"
  projectTotal: {
    label: '三年系统集成项目总值',
    unit: '万元',
    binding: 'reference',
    min: { 甲: wanYuan(3000), 乙: wanYuan(1000), 丙: wanYuan(500), 丁: null },
    years: [2023, 2024, 2025],
  },
};

// ---------------------------------------------------------------------------------------------
// Project summary row (项目汇总)

/** 001 （二）3.2): the six parts of 软件和信息技术服务费合计, in the seed's order. */
export const SERVICE_FEE_FIELDS = [
  'softwareDevelopment',
  'consultingDesign',
  'integration',
  'operationMaintenance',
  'dataProcessing',
  'operationService',
] as const;

/** 001 （二）3.2): what is added to the service fees to give 合同金额. */
export const NON_SERVICE_FIELDS = ['ownHardware', 'hardwarePurchase', 'softwarePurchase', 'other'] as const;

export type ContractFeeField = (typeof SERVICE_FEE_FIELDS)[number] | (typeof NON_SERVICE_FIELDS)[number];

export const CONTRACT_FEE_LABELS: Readonly<Record<ContractFeeField, string>> = {
  softwareDevelopment: '软件开发费',
  consultingDesign: '咨询设计费',
  integration: '集成实施费',
  // The seed prints "运行运行维护费", a doubled word; the column is 运行维护费.
  operationMaintenance: '运行维护费',
  dataProcessing: '数据处理费',
  operationService: '运营服务费',
  ownHardware: '自制硬件费',
  hardwarePurchase: '硬件购置费',
  softwarePurchase: '软件购置费',
  other: '其他',
};

/** What the clerk entered; a fee the contract does not include may be left out (001 （二）3.3): 填 0). */
export type ContractFeeInput = Readonly<Partial<Record<ContractFeeField, Fen | null>>>;

export type ContractAmounts = Readonly<Record<ContractFeeField, Fen>> & {
  /** 软件和信息技术服务费合计 — computed, read-only on the form. */
  readonly serviceTotal: Fen;
  /** 合同金额 — computed, read-only on the form. */
  readonly contractAmount: Fen;
};

/**
 * Fills the two grey columns of a project row (001 （二）"灰色不能输入部分均为自动运算"):
 * 服务费合计 = the six service fees; 合同金额 = 服务费合计 + the four other amounts.
 */
export function computeContractRow(input: ContractFeeInput): Result<ContractAmounts> {
  const fees = {} as Record<ContractFeeField, Fen>;
  for (const field of [...SERVICE_FEE_FIELDS, ...NON_SERVICE_FIELDS]) {
    const value = input[field] ?? ZERO_FEN;
    if (!Number.isSafeInteger(value) || value < 0) {
      return fail('contract.fee', `“${CONTRACT_FEE_LABELS[field]}”金额无效，请填写不小于 0 的金额。`);
    }
    fees[field] = value;
  }
  const serviceTotal = sumFen(...SERVICE_FEE_FIELDS.map((field) => fees[field]));
  if (!serviceTotal.ok) return serviceTotal;
  const contractAmount = sumFen(serviceTotal.value, ...NON_SERVICE_FIELDS.map((field) => fees[field]));
  if (!contractAmount.ok) return contractAmount;
  return ok({ ...fees, serviceTotal: serviceTotal.value, contractAmount: contractAmount.value });
}

/** 001 （二）4. "此处与项目汇总表对应": the year's 项目完成情况 is the sum of its project rows. */
export function sumContractAmounts(rows: readonly Pick<ContractAmounts, 'contractAmount'>[]): Result<Fen> {
  return sumFen(...rows.map((row) => row.contractAmount));
}

// ---------------------------------------------------------------------------------------------
// Staff counts (人员情况)

/**
 * 001 （二）1.1): "不包含的人员分类和证书情况填‘0’" — a category the enterprise does not have is
 * 0, never blank. Seed 001 does not list the categories themselves (they are the web form's), so
 * they come from the program pack. Blank, null and missing become 0; anything else must be a
 * whole number ≥ 0 (full-width digits accepted).
 */
export function normaliseStaffCounts(
  raw: Readonly<Record<string, unknown>>,
  categories: readonly string[],
): Result<Record<string, number>> {
  const unknown = Object.keys(raw).find((key) => !categories.includes(key));
  if (unknown !== undefined) {
    return fail('staff.category', `“${unknown}”不是本表的人员分类，请核对。`);
  }
  const counts: Record<string, number> = {};
  for (const category of categories) {
    const value = raw[category];
    const text = toHalfWidth(inputText(value)).replace(SPACES, '');
    const blank = value === undefined || value === null || (typeof value === 'string' && text === '');
    if (blank) {
      counts[category] = 0;
      continue;
    }
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
      return fail('staff.count', `“${category}”人数“${text}”无效，请填写 0 或正整数。`);
    }
    counts[category] = Number(text);
  }
  return ok(counts);
}

// ---------------------------------------------------------------------------------------------
// Thresholds

export interface EnterpriseFigures {
  /** 技术人员总数. */
  readonly technicalStaff: number;
  /** 持证人员总数 (系统集成实施工程经理 + 国家软考 + other equal or higher certificates). */
  readonly certifiedStaff: number;
  /**
   * 项目完成情况 per year. A year left out counts as 0: 001 （二）4.2) "如成立未满 3 年，前两年或一年
   * 填 0 即可", and an enterprise certified before 2025 only fills the current year (（二）2.).
   */
  readonly projectTotalByYear: Readonly<Partial<Record<number, Fen>>>;
}

export type ThresholdItem = 'technicalStaff' | 'certifiedStaff' | 'projectTotal';

export interface ThresholdFinding {
  readonly item: ThresholdItem;
  readonly label: string;
  readonly binding: ThresholdBinding;
  /** `null` when the grade has no requirement for this item. Money in fen, people as a count. */
  readonly required: number | null;
  readonly actual: number;
  readonly met: boolean;
  readonly message: string;
}

/** Adds the configured years' project totals; missing years are 0. */
export function projectTotalOverYears(
  byYear: Readonly<Partial<Record<number, Fen>>>,
  years: readonly number[],
): Result<Fen> {
  for (const year of years) {
    const value = byYear[year];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      return fail('enterprise.projectTotal', `${year}年系统集成项目总值无效，请填写不小于 0 的金额。`);
    }
  }
  return sumFen(...years.map((year) => byYear[year] ?? ZERO_FEN));
}

function describe(
  threshold: GradeThreshold<number>,
  item: ThresholdItem,
  grade: EnterpriseGrade,
  actual: number,
  subject: string,
): ThresholdFinding {
  const required = threshold.min[grade];
  const show = (value: number): string =>
    threshold.unit === '万元' ? `${formatWanYuan(value as Fen)} 万元` : `${value} 人`;
  const kind = threshold.binding === 'reference' ? '参考指标' : '要求';
  const base = { item, label: threshold.label, binding: threshold.binding, required, actual };
  if (required === null) {
    return { ...base, met: true, message: `${subject} ${show(actual)}，${grade}级无要求。` };
  }
  if (actual >= required) {
    return { ...base, met: true, message: `${subject} ${show(actual)}，${grade}级${kind}不少于 ${show(required)}，符合。` };
  }
  return {
    ...base,
    met: false,
    message:
      `${subject} ${show(actual)}，${grade}级${kind}不少于 ${show(required)}，差 ${show(required - actual)}` +
      (threshold.binding === 'reference' ? '（参考指标，供审核参考）。' : '。'),
  };
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/**
 * One finding per item, in the order of the seed's form, including the items a grade has no
 * requirement for (shown as met) so the screen always lists all three.
 */
export function checkEnterpriseThresholds(
  grade: EnterpriseGrade,
  figures: EnterpriseFigures,
  requirement: EnterpriseRequirement = P3_ENTERPRISE_REQUIREMENT,
): Result<readonly ThresholdFinding[]> {
  if (!isEnterpriseGrade(grade)) {
    return fail('enterprise.grade', '企业资质等级必须是甲级、乙级、丙级或丁级之一。');
  }
  if (!isCount(figures.technicalStaff)) {
    return fail('enterprise.technicalStaff', '技术人员总数无效，请填写 0 或正整数。');
  }
  if (!isCount(figures.certifiedStaff)) {
    return fail('enterprise.certifiedStaff', '持证人员总数无效，请填写 0 或正整数。');
  }
  const projectTotal = projectTotalOverYears(figures.projectTotalByYear, requirement.projectTotal.years);
  if (!projectTotal.ok) return projectTotal;

  const years = requirement.projectTotal.years;
  const span = years.length === 0 ? '' : `${Math.min(...years)}–${Math.max(...years)}年`;
  return ok([
    describe(requirement.technicalStaff, 'technicalStaff', grade, figures.technicalStaff, '技术人员总数'),
    describe(requirement.certifiedStaff, 'certifiedStaff', grade, figures.certifiedStaff, '持证人员总数'),
    describe(requirement.projectTotal, 'projectTotal', grade, projectTotal.value, `${span}系统集成项目总值`),
  ]);
}
