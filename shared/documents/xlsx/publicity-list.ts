/**
 * 公示名单 for any program's publicity: 002 (单位内公示 ≥ 5 个工作日; 高评委办公室网站公示 5 个工作日),
 * 004 第十四条 (公示期 7 天), 000 第十二条/第十三条 (评价结束后公布结果). The columns differ per
 * program: a pack document may list them (documents/org-rosters publicityListData, 004), else the
 * presets here by the layout of the pack's publicity document (`documents[].layout`); the period
 * is given by the caller, who counts working days with the office's calendar.
 */
import { formatDateZh, type IsoDate } from '../../rules/civil-date';
import { fail, ok, type Result } from '../../rules/result';
import { newWorkbook, tableSheet, workbookBytes, type ColumnDef } from './common';

export interface PublicityColumn extends ColumnDef {
  /** The row field shown in this column. */
  readonly key: string;
}

const seq: PublicityColumn = { key: '#', header: '序号', width: 6 };

/** Columns per publicity document layout (the packs name theirs: `documents[].layout`). */
export const PUBLICITY_COLUMNS: Readonly<Record<string, readonly PublicityColumn[]>> = {
  // 000 第十二条、第十三条: the results of P1 and P2, one layout.
  'xj-isi-results-list': [seq, { key: 'name', header: '姓名', width: 12 }, { key: 'unit', header: '工作单位', width: 36, align: 'left' }, { key: 'result', header: '评价结果', width: 14 }],
  'xj-si-annual-results': [
    seq,
    { key: 'name', header: '企业名称', width: 36, align: 'left' },
    { key: 'creditCode', header: '统一社会信用代码', width: 22 },
    { key: 'grade', header: '资质等级', width: 10 },
    { key: 'result', header: '年检结论', width: 12 },
  ],
  'zj-it-senior-publicity': [
    seq,
    { key: 'name', header: '姓名', width: 10 },
    { key: 'unit', header: '工作单位', width: 34, align: 'left' },
    { key: 'specialty', header: '从事专业', width: 10 },
    { key: 'currentTitle', header: '现任资格', width: 10 },
    { key: 'applyingFor', header: '申报资格', width: 12 },
    { key: 'selfScore', header: '自评分', width: 8, numFmt: '0.0' },
  ],
};

export interface PublicityInput {
  /** The pack's publicity document layout: which preset columns (unless `columns` are given). */
  readonly layout: string;
  /** e.g. 2026年度信息系统集成实施工程经理评价结果公示名单. */
  readonly title: string;
  readonly intro?: string;
  readonly period: { readonly from: IsoDate; readonly to: IsoDate; readonly note?: string };
  readonly publisher: string;
  readonly contact?: string;
  readonly rows: readonly Readonly<Record<string, string | number | undefined>>[];
  /** Overrides the program's preset columns. */
  readonly columns?: readonly PublicityColumn[];
}

export const PUBLICITY_SHEET = '公示名单';

export async function buildPublicityListXlsx(input: PublicityInput): Promise<Result<Uint8Array>> {
  const columns = input.columns ?? PUBLICITY_COLUMNS[input.layout];
  if (!columns) return fail('documents.layout', `没有“${input.layout}”的公示名单格式。`);
  if (input.period.to < input.period.from) return fail('documents.validity', '公示截止日期早于开始日期，请核对。');
  const wb = newWorkbook(input.period.from);
  const period = `公示期：${formatDateZh(input.period.from)}至${formatDateZh(input.period.to)}${input.period.note ? `（${input.period.note}）` : ''}`;
  tableSheet(wb, {
    name: PUBLICITY_SHEET,
    orientation: 'portrait',
    columns,
    title: input.title,
    notes: [{ text: input.intro ?? '现将名单公示如下，公示期内如有异议，请以书面形式向公示单位反映。', height: 32 }, period],
    rows: input.rows.map((r, i) => columns.map((c) => (c.key === '#' ? i + 1 : (r[c.key] ?? '')))),
    footer: `公示单位：${input.publisher}${input.contact ? `\u3000\u3000联系电话：${input.contact}` : ''}`,
  });
  return ok(await workbookBytes(wb));
}
