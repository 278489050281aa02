/**
 * Notices that end a certificate:
 * - P5 注销登记公布 (003 47号 十、十一): the registrations the office cancels, each with its ground
 *   from 十（一）—（五）; the day of publication starts the 30 days for 复议.
 * - P6 撤销证书通知 (004 办法 第二十条): the centre's decision, passed on by the evaluation agency to
 *   the certified organisation, which may ask for 复议 through the agency.
 */
import { formatDateZh, type IsoDate } from '../../rules/civil-date';
import { ok, type Result } from '../../rules/result';
import { DocumentError, toFailure } from '../errors';
import { type FontBytes } from '../fonts';
import { type TextSink } from '../pdf/canvas';
import { newFlowPdf } from '../pdf/new-flow';
import { BODY, LABEL, centred, column, type FlowDocument } from '../pdf/flow';

/** 003 47号 十: the grounds for 注销登记, in the rulebook's words. */
export const RK_CANCELLATION_GROUNDS = [
  '完全丧失民事行为能力',
  '受到刑事处罚',
  '脱离专业技术岗位连续二年以上',
  '因工作中的失误造成重大损失',
  '申请证书登记的人员在申请登记过程中有弄虚作假行为，并经当地省、自治区、直辖市信息产业主管部门调查核实的',
] as const;

export interface RkCancellation {
  readonly name: string;
  readonly qualification: string;
  readonly certificateNo: string;
  readonly ground: string;
}

export interface RkCancellationInput {
  /** 证书登记实施机构. */
  readonly registrar: string;
  readonly noticeNo?: string;
  readonly publishedOn: IsoDate;
  readonly items: readonly RkCancellation[];
  /** 复议 goes to 计算机专业技术资格（水平）证书登记管理办公室. */
  readonly reviewOffice?: string;
}

export interface IetsRevocationInput {
  /** 评价中心 (the deciding body). */
  readonly centre: string;
  /** The evaluation agency that passes the notice on. */
  readonly agency: string;
  readonly organisationName: string;
  readonly certificateNo: string;
  readonly category: string;
  readonly ground: string;
  readonly decidedOn: IsoDate;
  readonly issuedOn: IsoDate;
}

/** Seal line and date, right-aligned (a long office name wraps rather than run off the page). */
function finishSignature(flow: FlowDocument, who: string, on: IsoDate): void {
  flow.ensure(26);
  flow.spacer(10);
  flow.paragraph(`${who}（盖章）`, LABEL, { align: 'right' });
  flow.spacer(3);
  flow.paragraph(formatDateZh(on), BODY, { align: 'right' });
}

export async function buildRkCancellationNoticePdf(input: RkCancellationInput, fonts: FontBytes, options: { onTextDrawn?: TextSink } = {}): Promise<Result<Uint8Array>> {
  try {
    if (input.items.length === 0) throw new DocumentError('documents.fields', '没有要注销登记的证书。');
    const { doc, flow } = await newFlowPdf('证书注销登记公布', fonts, options);
    const W = flow.contentWidth;
    flow.heading(input.registrar, { font: 'sans-regular', sizePt: 12 }, 2);
    flow.heading('计算机专业技术资格（水平）证书注销登记公布', { font: 'sans-bold', sizePt: 15 }, 3);
    if (input.noticeNo) flow.paragraph(input.noticeNo, { font: 'sans-regular', sizePt: 9 }, { align: 'center' });
    flow.spacer(4);
    flow.paragraph(
      `根据计算机专业技术资格（水平）证书登记的有关规定，下列人员属应办理注销登记手续的情形，现予注销登记，作废其计算机专业技术资格（水平）证书，并报信息产业部电子教育中心备案。`,
      BODY,
      { indentChars: 2 },
    );
    flow.spacer(3);
    flow.table(
      [
        centred('序号', 12),
        centred('姓名', 22),
        column('资格名称', 34),
        column('证书编号', 36),
        column('注销原因', W - 12 - 22 - 34 - 36),
      ],
      input.items.map((item, i) => [String(i + 1), item.name, item.qualification, item.certificateNo, item.ground]),
    );
    flow.spacer(4);
    flow.paragraph(
      `当事人对办理注销手续有异议的，可以在注销登记公布之日（${formatDateZh(input.publishedOn)}）起30日内向${input.reviewOffice ?? '计算机专业技术资格（水平）证书登记管理办公室'}申请复议。`,
      BODY,
      { indentChars: 2 },
    );
    finishSignature(flow, input.registrar, input.publishedOn);
    flow.finish();
    return ok(await doc.save());
  } catch (error) {
    return toFailure(error);
  }
}

export async function buildIetsRevocationNoticePdf(input: IetsRevocationInput, fonts: FontBytes, options: { onTextDrawn?: TextSink } = {}): Promise<Result<Uint8Array>> {
  try {
    if (input.ground.trim() === '') throw new DocumentError('documents.fields', '撤销证书通知须写明撤销原因。');
    const { doc, flow } = await newFlowPdf(`撤销证书通知 ${input.organisationName}`, fonts, options);
    flow.heading(input.agency, { font: 'sans-regular', sizePt: 12 }, 2);
    flow.heading('撤 销 证 书 通 知');
    flow.spacer(4);
    flow.paragraph(`${input.organisationName}：`, BODY);
    flow.spacer(1);
    flow.paragraph(
      `${input.centre}于${formatDateZh(input.decidedOn)}决定撤销你单位持有的${input.category}证书（证书编号：${input.certificateNo}）。撤销原因：${input.ground}。`,
      BODY,
      { indentChars: 2 },
    );
    flow.paragraph('依据《信息化工程与技术服务能力评价工作管理办法（试行）》第二十条，现由本评价机构通知你单位。你单位如有异议，应通过本评价机构向评价中心提出复议申请。', BODY, {
      indentChars: 2,
    });
    finishSignature(flow, input.agency, input.issuedOn);
    flow.finish();
    return ok(await doc.save());
  } catch (error) {
    return toFailure(error);
  }
}
