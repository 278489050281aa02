/**
 * 退回通知 / 补正通知: each missing or rejected material with its reason. 000 第十一条: materials
 * that fail the completeness and authenticity check are returned to the unit or individual who
 * submitted them; 001 年检: 驳回 with a reason, fix and resubmit; 002 附件3: non-conforming files
 * go back to the level below.
 */
import { formatDateZh, type IsoDate } from '../../rules/civil-date';
import { ok, type Result } from '../../rules/result';
import { DocumentError, toFailure } from '../errors';
import { type FontBytes } from '../fonts';
import { type TextSink } from '../pdf/canvas';
import { newFlowPdf } from '../pdf/new-flow';
import { BODY, LABEL, centred, column } from '../pdf/flow';
import type { OfficeInfo } from './common';

export interface NoticeItem {
  readonly material: string;
  readonly problem: 'missing' | 'rejected';
  /** Why, in words the applicant can act on. */
  readonly reason: string;
}

export interface ReturnNoticeInput {
  /** 'return': the application goes back; 'supplement': fix the items by `deadline` and resubmit. */
  readonly kind: 'return' | 'supplement';
  readonly office: OfficeInfo;
  readonly applicationNo: string;
  readonly programName: string;
  /** Who submitted: the unit or the individual (000 第十一条: 退回提交单位或个人). */
  readonly addressee: string;
  readonly applicantName: string;
  readonly receivedOn: IsoDate;
  readonly issuedOn: IsoDate;
  readonly clerk: string;
  readonly items: readonly NoticeItem[];
  readonly deadline?: IsoDate;
  /** The rule relied on, e.g. 《…实施细则》第十一条. */
  readonly basis?: string;
  readonly contact?: string;
}

const PROBLEM_ZH = { missing: '缺少', rejected: '不符合要求' } as const;

export async function buildReturnNoticePdf(input: ReturnNoticeInput, fonts: FontBytes, options: { onTextDrawn?: TextSink } = {}): Promise<Result<Uint8Array>> {
  try {
    if (input.items.length === 0) throw new DocumentError('documents.fields', '没有需要退回或补正的材料，无需出具通知。');
    if (input.kind === 'supplement' && !input.deadline) throw new DocumentError('documents.fields', '补正通知须写明补正期限。');
    const title = input.kind === 'return' ? '退回通知' : '补正通知';
    const { doc, flow } = await newFlowPdf(`${title} ${input.applicationNo}`, fonts, options);
    flow.heading(input.office.name, { font: 'sans-regular', sizePt: 12 }, 2);
    flow.heading(title.split('').join(' '));
    flow.paragraph(`申请编号：${input.applicationNo}`, { font: 'sans-regular', sizePt: 9 }, { align: 'right' });
    flow.spacer(4);
    flow.paragraph(`${input.addressee}：`, BODY);
    flow.spacer(1);
    const what = input.applicantName === input.addressee ? '' : `（申请人：${input.applicantName}）`;
    const action =
      input.kind === 'return'
        ? '现将申请材料退回。请按下列意见整理后重新提交。'
        : `请于${formatDateZh(input.deadline ?? '')}前按下列意见补正后提交；逾期未补正的，按退回处理。`;
    flow.paragraph(
      `你方于${formatDateZh(input.receivedOn)}提交的“${input.programName}”申请${what}，经完整性、真实性审核，下列材料缺少或不符合要求，${action}`,
      BODY,
      { indentChars: 2 },
    );
    flow.spacer(4);
    flow.table(
      [
        centred('序号', 12),
        column('材料名称', 58),
        centred('问题', 24),
        column('原因及补正要求', flow.contentWidth - 94),
      ],
      input.items.map((item, i) => [String(i + 1), item.material, PROBLEM_ZH[item.problem], item.reason]),
    );
    flow.spacer(4);
    if (input.basis) flow.paragraph(`依据：${input.basis}`, BODY, { indentChars: 2 });
    if (input.contact) flow.paragraph(`联系方式：${input.contact}`, BODY, { indentChars: 2 });
    flow.ensure(30);
    flow.spacer(12);
    flow.signOff([
      [`${input.office.name}（盖章）`, LABEL],
      [formatDateZh(input.issuedOn), BODY],
      [`经办人：${input.clerk}`, BODY],
    ]);
    flow.finish();
    return ok(await doc.save());
  } catch (error) {
    return toFailure(error);
  }
}
