/**
 * P6 评价报告和推荐意见 (004 办法 第十四条（二）: 评价机构…审核通过后出具评价报告和推荐意见; 第三条:
 * 基本能力、技术能力、服务能力和运营能力四个方面进行量化评价). The agency's report on one organisation:
 * who was evaluated, the basis, a finding (and score where one was given) per aspect, the
 * conclusion and the recommendation to the evaluation centre, the agency's seal and date.
 */
import { formatDateZh, type IsoDate } from '../../rules/civil-date';
import { ok, type Result } from '../../rules/result';
import { DocumentError, toFailure } from '../errors';
import { type FontBytes } from '../fonts';
import { type TextSink } from '../pdf/canvas';
import { newFlowPdf } from '../pdf/new-flow';
import { BODY, LABEL, centred, column, type FlowDocument } from '../pdf/flow';

export interface IetsAspect {
  /** 基本能力, 技术能力, 服务能力, 运营能力. */
  readonly name: string;
  readonly finding: string;
  readonly score?: number;
  readonly maxScore?: number;
}

export interface IetsReportInput {
  readonly reportNo: string;
  readonly agency: string;
  readonly organisationName: string;
  readonly creditCode: string;
  readonly category: string;
  /** Absent for 新一代信息技术应用与创新能力评价 (证书不标等级). */
  readonly level?: string;
  readonly basis: string;
  readonly reviewedOn: { readonly from: IsoDate; readonly to: IsoDate };
  readonly aspects: readonly IetsAspect[];
  readonly conclusion: string;
  readonly recommendation: string;
  readonly evaluators: readonly string[];
  readonly issuedOn: IsoDate;
}

export const IETS_ASPECTS = ['基本能力', '技术能力', '服务能力', '运营能力'] as const;

/** A numbered part of the report: its heading, then its text indented. */
function section(flow: FlowDocument, heading: string, text: string): void {
  flow.paragraph(heading, LABEL);
  flow.paragraph(text, BODY, { indentChars: 2 });
}

export async function buildIetsEvaluationReportPdf(input: IetsReportInput, fonts: FontBytes, options: { onTextDrawn?: TextSink } = {}): Promise<Result<Uint8Array>> {
  try {
    if (input.aspects.length === 0) throw new DocumentError('documents.fields', '评价报告须写明各方面的评价结果（004 办法 第三条）。');
    if (input.conclusion.trim() === '' || input.recommendation.trim() === '') throw new DocumentError('documents.fields', '评价报告须有评价结论和推荐意见。');
    const { doc, flow } = await newFlowPdf(`评价报告和推荐意见 ${input.organisationName}`, fonts, options);
    const W = flow.contentWidth;
    flow.heading('信息化工程与技术服务能力评价', { font: 'sans-regular', sizePt: 12 }, 2);
    flow.heading('评价报告和推荐意见');
    flow.paragraph(`报告编号：${input.reportNo}`, { font: 'sans-regular', sizePt: 9 }, { align: 'right' });
    flow.spacer(3);
    const info: [string, string][] = [
      ['申请组织', input.organisationName],
      ['统一社会信用代码', input.creditCode],
      ['评价类别', input.category],
      ['申请等级', input.level ?? '不标等级'],
      ['评价机构', input.agency],
      ['审核期间', `${formatDateZh(input.reviewedOn.from)}至${formatDateZh(input.reviewedOn.to)}`],
    ];
    flow.infoRows(info, 38);
    flow.spacer(5);
    section(flow, '一、评价依据', input.basis);
    flow.spacer(3);
    flow.paragraph('二、评价结果（文件资料审核和现场审核）', LABEL);
    flow.spacer(1);
    const scored = input.aspects.some((a) => a.score !== undefined);
    flow.table(
      [
        centred('序号', 12),
        centred('评价方面', 26),
        column('审核结果', W - 12 - 26 - (scored ? 24 : 0)),
        ...(scored ? [centred('得分', 24)] : []),
      ],
      input.aspects.map((a, i) => [
        String(i + 1),
        a.name,
        a.finding,
        ...(scored ? [a.score === undefined ? '' : a.maxScore === undefined ? String(a.score) : `${a.score} / ${a.maxScore}`] : []),
      ]),
      { minRowHeightMm: 9 },
    );
    flow.spacer(3);
    section(flow, '三、评价结论', input.conclusion);
    flow.spacer(3);
    section(flow, '四、推荐意见', input.recommendation);
    flow.spacer(3);
    flow.paragraph(`评价人员：${input.evaluators.join('、')}`, BODY);
    flow.ensure(28);
    flow.spacer(10);
    flow.paragraph(`${input.agency}（盖章）`, LABEL, { align: 'right' });
    flow.spacer(3);
    flow.paragraph(formatDateZh(input.issuedOn), BODY, { align: 'right' });
    flow.finish();
    return ok(await doc.save());
  } catch (error) {
    return toFailure(error);
  }
}
