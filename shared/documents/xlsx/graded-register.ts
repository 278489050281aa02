/**
 * A program's certificates with what each attests (004 第十一、十二条: 评价类别 and 等级; 第十五条:
 * 有效期 3 年). Sheet 登记簿: every certificate by category, level (high first) and number; sheet
 * 统计: how many per category and level, with the total. Dates are date cells, counts numbers.
 */
import { formatDateZh } from '../../rules/civil-date';
import { ok, type Result } from '../../rules/result';
import type { GradedRegisterInput } from '../org-rosters';
import { column, countColumn, dateCell, leftColumn, newWorkbook, REGISTER_SHEETS, tableSheet, workbookBytes, type CellValue, type ColumnDef } from './common';

export const GRADED_REGISTER_COLUMNS: readonly ColumnDef[] = [
  column('序号', 6),
  column('证书编号', 19),
  leftColumn('获证组织', 30),
  column('统一社会信用代码', 21),
  leftColumn('评价类别', 26),
  column('等级', 14),
  column('发证日期', 15),
  column('有效期至', 15),
  column('状态', 8),
];

export async function buildGradedRegisterXlsx(input: GradedRegisterInput): Promise<Result<Uint8Array>> {
  const wb = newWorkbook(input.asOf);
  tableSheet(wb, {
    name: REGISTER_SHEETS.register,
    orientation: 'landscape',
    columns: GRADED_REGISTER_COLUMNS,
    title: input.title,
    notes: [`截至${formatDateZh(input.asOf)}\u3000\u3000共 ${input.rows.length} 本`],
    rows: input.rows.map((r, i): CellValue[] => [
      i + 1,
      r.certificateNo,
      r.holderName,
      r.creditCode,
      r.categoryName,
      r.levelName,
      dateCell(r.issuedOn, 'date'),
      r.validUntil ? dateCell(r.validUntil, 'date') : '',
      r.status,
    ]),
  });

  const statsColumns: ColumnDef[] = [
    leftColumn('评价类别', 30),
    column('等级', 14),
    countColumn('证书数', 10),
  ];
  const lines: CellValue[][] = [];
  for (const c of input.categories) {
    const inCategory = input.rows.filter((r) => r.categoryName === c.name);
    if (c.levels.length === 0) lines.push([c.name, '不分等级', inCategory.length]);
    for (const level of [...c.levels].reverse()) lines.push([c.name, level, inCategory.filter((r) => r.levelName === level).length]);
  }
  tableSheet(wb, {
    name: REGISTER_SHEETS.stats,
    orientation: 'portrait',
    columns: statsColumns,
    title: '证书统计（按评价类别和等级）',
    notes: [`截至${formatDateZh(input.asOf)}`],
    rows: [...lines, ['合计', '', input.rows.length]],
  });
  return ok(await workbookBytes(wb));
}
