/**
 * P4: 推荐高级工程师职务任职资格人员花名册 (002 附件4 一 2: 1 份，同时提供 Excel 格式电子文档).
 * Columns and formats from 附件4 四: dates YYYY年MM月 (7), 专业工作年限 in full years to
 * 2019-12-31 (8, fullYearsBetween), 单位考核 one column per year (9), 自评分 shown (10); 从事专业
 * one of the four (5), identical to the 综合表 (same ZjApplicant record).
 */
import { formatDateZh, formatYearMonthZh, type IsoDate } from '../../rules/civil-date';
import { fail, ok, type Result } from '../../rules/result';
import { type ProgressCallback } from '../errors';
import { SEX_ZH, ZJ_SERVICE_CUTOFF, ZJ_SPECIALTIES, assessmentFor, zjServiceYears, type ZjApplicant } from '../zj-applicant';
import { addSheet, bodyRows, column, countColumn, dateCell, leftColumn, newWorkbook, noteRow, styleHeaderCell, titleRow, workbookBytes, type CellValue, type ColumnDef } from './common';

export interface ZjRosterInput {
  /** 报送单位 (as on its seal). */
  readonly submittingUnit: string;
  readonly filledOn: IsoDate;
  /** The years whose 单位考核 are listed, oldest first (at least three). */
  readonly assessmentYears: readonly number[];
  readonly applicants: readonly ZjApplicant[];
  readonly cutoff?: IsoDate;
  readonly onProgress?: ProgressCallback;
}

export const ZJ_ROSTER_TITLE = '推荐高级工程师职务任职资格人员花名册';
export const ZJ_ROSTER_SHEET = '花名册';

/** Column headers in order; the 单位考核 group expands to one column per year. */
export function zjRosterColumns(assessmentYears: readonly number[]): ColumnDef[] {
  return [
    column('序号', 5),
    column('姓名', 8),
    column('性别', 5),
    column('出生年月', 11),
    column('身份证号码', 20),
    leftColumn('工作单位', 26),
    column('单位性质', 14),
    leftColumn('主管部门', 22),
    column('从事专业', 9),
    column('学历', 14),
    leftColumn('毕业院校及专业', 26),
    column('毕业时间', 17),
    column('现任资格', 10),
    column('取得时间', 11),
    column('聘任时间', 11),
    countColumn('专业工作年限', 8),
    ...assessmentYears.map((y) => column(`${y}年`, 7)),
    column('自评分', 7, { numFmt: '0.0' }),
    leftColumn('备注', 14),
  ];
}

const both = (a: string, b: string | undefined): string => (b ? `${a}\n工程类：${b}` : a);

/** One applicant's cells, in column order. */
export function zjRosterRow(a: ZjApplicant, index: number, assessmentYears: readonly number[], cutoff: IsoDate): Result<CellValue[]> {
  if (!(ZJ_SPECIALTIES as readonly string[]).includes(a.specialty)) {
    return fail('documents.fields', `${a.name}的从事专业“${a.specialty}”不是技术开发、应用电子、信息安全、系统集成之一。`);
  }
  if (a.unitNature === '其它类企业' && !a.remarks) {
    return fail('documents.fields', `${a.name}的单位性质为“其它类企业”，须在备注栏说明情况。`);
  }
  const years = zjServiceYears(a, cutoff);
  if (!years.ok) return fail(years.error.code, `${a.name}：${years.error.message}`);
  const eng = a.engineeringEducation;
  return ok([
    index,
    a.name,
    SEX_ZH[a.sex],
    // 002 附件4 四 7: dates as ××××年××月 — real date cells shown so, which Excel can sort.
    dateCell(a.birthMonth, 'year-month'),
    a.idNumber,
    a.unit,
    a.unitNature,
    a.supervisor,
    a.specialty,
    both(a.education.level, eng?.level),
    both(`${a.education.school} ${a.education.major}`.trim(), eng ? `${eng.school} ${eng.major}`.trim() : undefined),
    eng ? both(formatYearMonthZh(a.education.graduatedOn), formatYearMonthZh(eng.graduatedOn)) : dateCell(a.education.graduatedOn, 'year-month'),
    a.currentTitle,
    dateCell(a.titleObtainedOn, 'year-month'),
    dateCell(a.appointedOn, 'year-month'),
    years.value,
    ...assessmentYears.map((y) => assessmentFor(a, y)),
    a.selfScore,
    a.remarks ?? '',
  ]);
}

export async function buildZjRosterXlsx(input: ZjRosterInput): Promise<Result<Uint8Array>> {
  if (input.assessmentYears.length < 3) return fail('documents.fields', '单位考核至少应列近3年（002 附件4 四、9）。');
  const cutoff = input.cutoff ?? ZJ_SERVICE_CUTOFF;
  const columns = zjRosterColumns(input.assessmentYears);
  const rows: CellValue[][] = [];
  for (const [i, a] of input.applicants.entries()) {
    const row = zjRosterRow(a, i + 1, input.assessmentYears, cutoff);
    if (!row.ok) return row;
    rows.push(row.value);
  }
  const wb = newWorkbook(input.filledOn);
  const ws = addSheet(wb, ZJ_ROSTER_SHEET, columns, { orientation: 'landscape', repeatRows: [3, 4] });
  titleRow(ws, 1, ZJ_ROSTER_TITLE, columns.length);
  noteRow(ws, 2, `报送单位（盖章）：${input.submittingUnit}\u3000\u3000\u3000\u3000申报专业：信息技术\u3000\u3000\u3000\u3000专业工作年限计算到${formatDateZh(cutoff)}\u3000\u3000\u3000\u3000填表日期：${formatDateZh(input.filledOn)}`, columns.length);
  // Two header rows: 单位考核 spans its year columns; every other header spans both rows.
  const firstYear = 17;
  const lastYear = firstYear + input.assessmentYears.length - 1;
  columns.forEach((c, i) => {
    const col = i + 1;
    if (col >= firstYear && col <= lastYear) {
      const cell = ws.getCell(4, col);
      cell.value = c.header;
      styleHeaderCell(cell);
      styleHeaderCell(ws.getCell(3, col));
    } else {
      ws.mergeCells(3, col, 4, col);
      const cell = ws.getCell(3, col);
      cell.value = c.header;
      styleHeaderCell(cell);
    }
  });
  ws.mergeCells(3, firstYear, 3, lastYear);
  ws.getCell(3, firstYear).value = '单位考核';
  ws.getRow(3).height = 20;
  ws.getRow(4).height = 20;
  const chunk = 500;
  for (let start = 0; start < rows.length; start += chunk) {
    bodyRows(ws, 5 + start, columns, rows.slice(start, start + chunk));
    input.onProgress?.(Math.min(rows.length, start + chunk), rows.length);
  }
  return ok(await workbookBytes(wb));
}
