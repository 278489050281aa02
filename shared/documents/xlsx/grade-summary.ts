/**
 * Filings summarised by level (001 年检汇总 by 甲乙丙丁; any pack with `grading` and thresholds
 * measured on its form). Sheet 汇总: per level the number of filings, the outcomes, how many meet
 * each threshold and the sum of each figure; sheet 明细: every filing grouped by level with its
 * figures and verdicts. Amounts are written as numbers in the threshold's unit (万元), each sum
 * computed exactly in 分 first.
 */
import { formatDateZh } from '../../rules/civil-date';
import { fenToUnitNumber, type Fen } from '../../rules/money';
import { ok, type Result } from '../../rules/result';
import { OUTCOME_ZH, type FilingOutcome, type GradeSummaryInput, type SummaryMeasure } from '../org-rosters';
import { newWorkbook, tableSheet, workbookBytes, type CellValue, type ColumnDef } from './common';

export const SUMMARY_SHEET = '汇总';
export const DETAIL_SHEET = '明细';

const OUTCOMES: readonly FilingOutcome[] = ['passed', 'rejected', 'pending'];

function figureColumn(m: SummaryMeasure, header: string): ColumnDef {
  return { header, width: m.money ? 16 : 12, numFmt: m.money === 'wan-yuan' ? '#,##0.00####' : m.money ? '#,##0.00' : '0' };
}

/** A figure as a cell: money in its unit (a number), counts as they are; unreadable → blank. */
function cell(m: SummaryMeasure, value: number | null): CellValue {
  if (value === null) return null;
  return m.money ? fenToUnitNumber(value as Fen, m.money) : value;
}

/** Exact sum of the figures (分 for money); null when one cannot be read. */
function sumOf(values: readonly (number | null)[]): number | null {
  let total = 0;
  for (const v of values) {
    if (v === null) return null;
    total += v;
  }
  return Number.isSafeInteger(total) ? total : null;
}

export async function buildGradeSummaryXlsx(input: GradeSummaryInput): Promise<Result<Uint8Array>> {
  const { measures, levels } = input;
  const summaryColumns: ColumnDef[] = [
    { header: '等级', width: 10 },
    { header: '家数', width: 8, numFmt: '0' },
    ...OUTCOMES.map((o) => ({ header: OUTCOME_ZH[o], width: 8, numFmt: '0' })),
    ...measures.map((m) => ({ header: `${m.label}${m.binding === 'reference' ? '达到参考指标' : '达标'}`, width: 14, numFmt: '0' })),
    ...measures.map((m) => figureColumn(m, `${m.label}合计（${m.unit}）`)),
  ];
  const detailColumns: ColumnDef[] = [
    { header: '序号', width: 6 },
    { header: '单位名称', width: 32, align: 'left' },
    { header: '统一社会信用代码', width: 21 },
    { header: '等级', width: 8 },
    ...measures.map((m) => figureColumn(m, `${m.label}（${m.unit}）`)),
    ...measures.map((m) => ({ header: m.label, width: 10 })),
    { header: '结论', width: 9 },
    { header: '驳回原因', width: 28, align: 'left' },
  ];

  const wb = newWorkbook(input.generatedOn);
  const byLevel = levels.map((l) => input.rows.filter((r) => r.levelId === l.id));
  const lineOf = (name: string, rows: typeof input.rows): CellValue[] => [
    name,
    rows.length,
    ...OUTCOMES.map((o) => rows.filter((r) => r.outcome === o).length),
    ...measures.map((_, i) => rows.filter((r) => r.met[i] === true).length),
    ...measures.map((m, i) => cell(m, sumOf(rows.map((r) => r.figures[i] ?? null)))),
  ];
  tableSheet(wb, {
    name: SUMMARY_SHEET,
    orientation: 'landscape',
    columns: summaryColumns,
    title: input.title,
    notes: [`按等级汇总\u3000\u3000生成日期：${formatDateZh(input.generatedOn)}`],
    headerHeight: 40,
    rows: [...levels.map((l, i) => lineOf(l.name, byLevel[i] ?? [])), lineOf('合计', byLevel.flat())],
    ...(input.note === '' ? {} : { footer: { text: input.note, height: 32 } }),
  });

  let n = 0;
  const detail: CellValue[][] = [];
  levels.forEach((l, li) => {
    const rows = [...(byLevel[li] ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    for (const r of rows) {
      detail.push([
        ++n,
        r.name,
        r.creditCode,
        l.name,
        ...measures.map((m, i) => cell(m, r.figures[i] ?? null)),
        ...measures.map((_, i) => r.verdicts[i] ?? ''),
        OUTCOME_ZH[r.outcome],
        r.reason,
      ]);
    }
  });
  const all = byLevel.flat();
  detail.push(['合计', '', '', '', ...measures.map((m, i) => cell(m, sumOf(all.map((r) => r.figures[i] ?? null)))), ...measures.map(() => ''), '', '']);
  tableSheet(wb, {
    name: DETAIL_SHEET,
    orientation: 'landscape',
    columns: detailColumns,
    title: input.title,
    notes: [`明细（按等级分组）\u3000\u3000共 ${input.rows.length} 家`],
    headerHeight: 40,
    rows: detail,
  });
  return ok(await workbookBytes(wb));
}
