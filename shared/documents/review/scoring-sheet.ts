/**
 * 评审表 / 评分表: one applicant's sheet for the panel, a row per scoring item grouped by the
 * pack's dimensions (P1/P2: 000 第九条 知识、技能、经验 and their elements; P4: the items of the
 * imported 量化评价标准 with the applicant's self-score), maximum points where the rulebook gives
 * them, columns for the panel's score and remarks, totals, the pass line and signature lines.
 */
import { formatDateZh, type IsoDate } from '../../rules/civil-date';
import { ok, type Result } from '../../rules/result';
import type { ScoringSheet } from '../../programs/schema';
import { DocumentError, toFailure } from '../errors';
import { type FontBytes } from '../fonts';
import { type TextSink } from '../pdf/canvas';
import { newFlowPdf } from '../pdf/new-flow';
import { BODY, LABEL, SMALL, centred, column } from '../pdf/flow';
import { BLANK_DATE, type OfficeInfo } from '../intake/common';

export interface ScoringSheetItem {
  readonly name: string;
  /** Points; null where the rulebook gives none (the panel scores by the standard). */
  readonly maxScore: number | null;
  /** A score already known (P4: the applicant's self-score), printed in its own column. */
  readonly claimed?: number;
}

export interface ScoringSheetDimension {
  readonly name: string;
  readonly items: readonly ScoringSheetItem[];
}

export interface ScoringSheetInput {
  /** 评审表, 评审打分表 … */
  readonly title: string;
  readonly office: OfficeInfo;
  readonly programName: string;
  readonly applicationNo: string;
  readonly applicantName: string;
  readonly applicantUnit?: string;
  readonly dimensions: readonly ScoringSheetDimension[];
  /** What the evaluation weighs, in the rulebook's words. */
  readonly bases?: readonly string[];
  /** Where the items come from when the rulebook names a standard instead of listing them. */
  readonly itemsNote?: string;
  readonly passScore?: number;
  /** Column title of `claimed` (e.g. 自评分); the column is left out when no item has one. */
  readonly claimedLabel?: string;
  /** Signature lines for the panel. */
  readonly reviewerLines?: number;
  readonly printedOn?: IsoDate;
}

/** The pack's scoring sheet as dimensions and items (P1/P2 000 第九条). */
export function scoringDimensionsOf(sheet: ScoringSheet): ScoringSheetDimension[] {
  return sheet.dimensions.map((d) => ({ name: d.name.zh, items: d.items.map((i) => ({ name: i.name.zh, maxScore: i.maxScore })) }));
}

const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export async function buildScoringSheetPdf(input: ScoringSheetInput, fonts: FontBytes, options: { onTextDrawn?: TextSink } = {}): Promise<Result<Uint8Array>> {
  try {
    if (input.dimensions.length === 0) throw new DocumentError('documents.fields', '评分表没有评价维度，无法生成。');
    const { doc, flow } = await newFlowPdf(`${input.title} ${input.applicantName}`, fonts, options);
    const W = flow.contentWidth;
    flow.heading(input.office.name, { font: 'sans-regular', sizePt: 12 }, 2);
    flow.heading(input.title, { font: 'sans-bold', sizePt: 17 }, 2);
    flow.paragraph(input.programName, { font: 'sans-regular', sizePt: 10 }, { align: 'center' });
    flow.spacer(4);
    const info: [string, string][] = [
      ['申请编号', input.applicationNo],
      ['申请人', input.applicantUnit ? `${input.applicantName}（${input.applicantUnit}）` : input.applicantName],
    ];
    flow.infoRows(info, 30);
    flow.spacer(4);
    if (input.bases && input.bases.length > 0) {
      flow.paragraph('评价依据：', LABEL);
      for (const basis of input.bases) flow.paragraph(basis, BODY, { indentChars: 2 });
      flow.spacer(2);
    }
    const withClaimed = input.dimensions.some((d) => d.items.some((i) => i.claimed !== undefined));
    const claimedW = withClaimed ? 18 : 0;
    const columns = [
      centred('序号', 11),
      centred('评价维度', 24),
      column('评价项目', W - 11 - 24 - 16 - claimedW - 18 - 40),
      centred('满分', 16),
      ...(withClaimed ? [centred(input.claimedLabel ?? '自评分', claimedW)] : []),
      centred('得分', 18),
      column('评语', 40),
    ];
    const rows: string[][] = [];
    let n = 0;
    for (const d of input.dimensions) {
      const items = d.items.length > 0 ? d.items : [{ name: '（按评价标准评分）', maxScore: null }];
      for (const item of items) {
        n += 1;
        rows.push([
          String(n),
          d.name,
          item.name,
          item.maxScore === null ? '' : points(item.maxScore),
          ...(withClaimed ? [item.claimed === undefined ? '' : points(item.claimed)] : []),
          '',
          '',
        ]);
      }
    }
    const all = input.dimensions.flatMap((d) => d.items);
    const maxKnown = all.length > 0 && all.every((i) => i.maxScore !== null);
    const claimedTotal = all.reduce((s, i) => s + (i.claimed ?? 0), 0);
    rows.push(['', '合计', '', maxKnown ? points(all.reduce((s, i) => s + (i.maxScore ?? 0), 0)) : '', ...(withClaimed ? [points(claimedTotal)] : []), '', '']);
    flow.table(columns, rows, { minRowHeightMm: 8.5 });
    flow.spacer(3);
    if (input.itemsNote) flow.paragraph(`评分项来源：${input.itemsNote}`, SMALL);
    if (input.passScore !== undefined) flow.paragraph(`合格分数线：${points(input.passScore)} 分。`, BODY);
    flow.spacer(3);
    flow.paragraph('评审意见：', LABEL);
    flow.spacer(22);
    const lines = input.reviewerLines ?? 3;
    for (let i = 0; i < lines; i++) {
      flow.ensure(10);
      flow.canvas.text('评审专家（签字）：', flow.left, flow.y, BODY);
      flow.canvas.text(`日期：${BLANK_DATE}`, flow.left + W * 0.58, flow.y, BODY);
      flow.spacer(10);
    }
    if (input.printedOn) flow.paragraph(`打印日期：${formatDateZh(input.printedOn)}`, SMALL, { align: 'right' });
    flow.finish();
    return ok(await doc.save());
  } catch (error) {
    return toFailure(error);
  }
}
