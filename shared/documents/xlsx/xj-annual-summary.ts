/**
 * P3: annual-inspection summary by grade (001). Sheet 汇总: per grade 甲/乙/丙/丁 the number of
 * enterprises, the outcomes (通过 / 驳回 / 待审核) and how many meet each threshold; sheet 明细:
 * every enterprise, grouped by grade, with its figures and the threshold findings of
 * rules/enterprise.ts (技术人员、持证人员 are requirements; the 3-year project total is a
 * reference indicator, 001 （二）3.).
 */
import { formatDateZh, type IsoDate } from '../../rules/civil-date';
import { checkEnterpriseThresholds, ENTERPRISE_GRADES, projectTotalOverYears, P3_ENTERPRISE_REQUIREMENT, type EnterpriseFigures, type EnterpriseGrade } from '../../rules/enterprise';
import { FEN_PER_WAN_YUAN } from '../../rules/money';
import { fail, ok, type Result } from '../../rules/result';
import { addSheet, bodyRows, headerRow, newWorkbook, noteRow, titleRow, workbookBytes, type CellValue, type ColumnDef } from './common';

export type InspectionOutcome = 'passed' | 'rejected' | 'pending';

export const OUTCOME_ZH: Readonly<Record<InspectionOutcome, string>> = { passed: '通过', rejected: '驳回', pending: '待审核' };

export interface InspectedEnterprise {
  readonly name: string;
  readonly creditCode: string;
  readonly grade: EnterpriseGrade;
  readonly figures: EnterpriseFigures;
  readonly outcome: InspectionOutcome;
  /** 001 8. 1): 驳回 with a reason. */
  readonly reason?: string;
}

export interface AnnualSummaryInput {
  readonly year: number;
  readonly generatedOn: IsoDate;
  readonly enterprises: readonly InspectedEnterprise[];
}

export const SUMMARY_SHEET = '汇总';
export const DETAIL_SHEET = '明细';

export const SUMMARY_COLUMNS: readonly ColumnDef[] = [
  { header: '资质等级', width: 10 },
  { header: '企业数', width: 9, numFmt: '0' },
  { header: '通过', width: 8, numFmt: '0' },
  { header: '驳回', width: 8, numFmt: '0' },
  { header: '待审核', width: 8, numFmt: '0' },
  { header: '技术人员达标', width: 12, numFmt: '0' },
  { header: '持证人员达标', width: 12, numFmt: '0' },
  { header: '项目总值达到参考指标', width: 14, numFmt: '0' },
];

export const DETAIL_COLUMNS: readonly ColumnDef[] = [
  { header: '序号', width: 6 },
  { header: '企业名称', width: 32, align: 'left' },
  { header: '统一社会信用代码', width: 21 },
  { header: '资质等级', width: 8 },
  { header: '技术人员总数', width: 10, numFmt: '0' },
  { header: '持证人员总数', width: 10, numFmt: '0' },
  { header: '三年项目总值（万元）', width: 14, numFmt: '0.00' },
  { header: '技术人员', width: 9 },
  { header: '持证人员', width: 9 },
  { header: '项目总值', width: 9 },
  { header: '年检结论', width: 9 },
  { header: '驳回原因', width: 28, align: 'left' },
];

const mark = (met: boolean): string => (met ? '达标' : '未达标');

export async function buildXjAnnualSummaryXlsx(input: AnnualSummaryInput): Promise<Result<Uint8Array>> {
  const byGrade = new Map<EnterpriseGrade, CellValue[][]>(ENTERPRISE_GRADES.map((g) => [g, []]));
  const summary = new Map<EnterpriseGrade, number[]>(ENTERPRISE_GRADES.map((g) => [g, [0, 0, 0, 0, 0, 0, 0]]));
  const sorted = [...input.enterprises].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  for (const e of sorted) {
    const findings = checkEnterpriseThresholds(e.grade, e.figures);
    if (!findings.ok) return fail(findings.error.code, `${e.name}：${findings.error.message}`);
    const total = projectTotalOverYears(e.figures.projectTotalByYear, P3_ENTERPRISE_REQUIREMENT.projectTotal.years);
    if (!total.ok) return fail(total.error.code, `${e.name}：${total.error.message}`);
    const [staff, certified, projects] = findings.value;
    const met = [staff?.met ?? false, certified?.met ?? false, projects?.met ?? false];
    byGrade.get(e.grade)?.push([
      0,
      e.name,
      e.creditCode,
      `${e.grade}级`,
      e.figures.technicalStaff,
      e.figures.certifiedStaff,
      total.value / FEN_PER_WAN_YUAN,
      mark(met[0] ?? false),
      mark(met[1] ?? false),
      (met[2] ?? false) ? '达到' : '未达到',
      OUTCOME_ZH[e.outcome],
      e.outcome === 'rejected' ? (e.reason ?? '') : '',
    ]);
    const s = summary.get(e.grade) ?? [];
    s[0] = (s[0] ?? 0) + 1;
    const outcomeIndex = { passed: 1, rejected: 2, pending: 3 }[e.outcome];
    s[outcomeIndex] = (s[outcomeIndex] ?? 0) + 1;
    met.forEach((m, i) => {
      if (m) s[4 + i] = (s[4 + i] ?? 0) + 1;
    });
  }
  const wb = newWorkbook(input.generatedOn);
  const years = P3_ENTERPRISE_REQUIREMENT.projectTotal.years;
  const title = `${input.year}年自治区计算机信息系统集成（信息工程）企业年检汇总表`;

  const s = addSheet(wb, SUMMARY_SHEET, SUMMARY_COLUMNS, { orientation: 'portrait', repeatRows: [3, 3] });
  titleRow(s, 1, title, SUMMARY_COLUMNS.length);
  noteRow(s, 2, `按资质等级汇总\u3000\u3000生成日期：${formatDateZh(input.generatedOn)}`, SUMMARY_COLUMNS.length);
  headerRow(s, 3, SUMMARY_COLUMNS);
  const summaryRows: CellValue[][] = ENTERPRISE_GRADES.map((g) => [`${g}级`, ...(summary.get(g) ?? [])]);
  const totals = SUMMARY_COLUMNS.slice(1).map((_, i) => summaryRows.reduce((n, r) => n + Number(r[i + 1] ?? 0), 0));
  const next = bodyRows(s, 4, SUMMARY_COLUMNS, [...summaryRows, ['合计', ...totals]]);
  noteRow(s, next + 1, `技术人员、持证人员为指标要求；项目总值（${Math.min(...years)}—${Math.max(...years)}年）为参考指标（001 填报说明（二））。`, SUMMARY_COLUMNS.length, 32);

  const d = addSheet(wb, DETAIL_SHEET, DETAIL_COLUMNS, { orientation: 'landscape', repeatRows: [3, 3] });
  titleRow(d, 1, title, DETAIL_COLUMNS.length);
  noteRow(d, 2, `明细（按资质等级分组）\u3000\u3000共 ${input.enterprises.length} 家企业`, DETAIL_COLUMNS.length);
  headerRow(d, 3, DETAIL_COLUMNS);
  let row = 4;
  let n = 0;
  for (const g of ENTERPRISE_GRADES) {
    const rows = byGrade.get(g) ?? [];
    if (rows.length === 0) continue;
    row = bodyRows(d, row, DETAIL_COLUMNS, rows.map((r) => [++n, ...r.slice(1)]));
  }
  return ok(await workbookBytes(wb));
}
