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
import { column, countColumn, leftColumn, newWorkbook, tableSheet, workbookBytes, type CellValue, type ColumnDef } from './common';

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
    column('等级', 10),
    countColumn('家数', 8),
    ...OUTCOMES.map((o) => countColumn(OUTCOME_ZH[o], 8)),
    ...measures.map((m) => countColumn(`${m.label}${m.binding === 'reference' ? '达到参考指标' : '达标'}`, 14)),
    ...measures.map((m) => figureColumn(m, `${m.label}合计（${m.unit}）`)),
  ];
  const detailColumns: ColumnDef[] = [
    column('序号', 6),
    leftColumn('单位名称', 32),
    column('统一社会信用代码', 21),
    column('等级', 8),
    ...measures.map((m) => figureColumn(m, `${m.label}（${m.unit}）`)),
    ...measures.map((m) => column(m.label, 10)),
    column('结论', 9),
    leftColumn('驳回原因', 28),
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
