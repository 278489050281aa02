/**
 * 收件回执: what the office received for an application — each material, copies, whether the
 * original was checked (002 四(四): 复印件…核对原件), missing items — with the date, the clerk and
 * the application number, also as a QR code so the counter can scan it back.
 */
import { formatDateZh, type IsoDate } from '../../rules/civil-date';
import { ok, type Result } from '../../rules/result';
import { DocumentError, toFailure } from '../errors';
import { type FontBytes } from '../fonts';
import { type TextSink } from '../pdf/canvas';
import { newFlowPdf } from '../pdf/new-flow';
import { BODY, LABEL, SMALL, centred, column } from '../pdf/flow';
import { encodeQr } from '../vendor/qrcode';
import { channelZh, type OfficeInfo } from './common';

export type ReceivedStatus = 'received' | 'missing' | 'rejected';

export interface ReceiptMaterial {
  readonly name: string;
  readonly copies: number;
  /** True when the clerk checked the original against the copy. */
  readonly originalVerified?: boolean;
  readonly status: ReceivedStatus;
  readonly note?: string;
}

export interface ReceiptInput {
  readonly office: OfficeInfo;
  readonly applicationNo: string;
  readonly programName: string;
  readonly applicantName: string;
  readonly applicantUnit?: string;
  /** model/records channel ('unit', 'email', …) or the clerk's own words. */
  readonly channel: string;
  readonly receivedOn: IsoDate;
  readonly clerk: string;
  readonly materials: readonly ReceiptMaterial[];
  readonly note?: string;
}

const STATUS_ZH: Readonly<Record<ReceivedStatus, string>> = { received: '已收', missing: '未交', rejected: '不符合要求' };

export async function buildReceiptPdf(input: ReceiptInput, fonts: FontBytes, options: { onTextDrawn?: TextSink } = {}): Promise<Result<Uint8Array>> {
  try {
    if (input.applicationNo.trim() === '') throw new DocumentError('documents.fields', '缺少申请编号，无法出具收件回执。');
    const { doc, flow } = await newFlowPdf(`收件回执 ${input.applicationNo}`, fonts, options);
    const c = flow.canvas;
    // Application number as a QR code, top right, with the number printed under it.
    const qrSize = 28;
    c.qr(encodeQr(input.applicationNo, 'M'), flow.right - qrSize, flow.top - 6, qrSize);
    c.text(input.applicationNo, flow.right - qrSize / 2, flow.top + qrSize - 3, { ...SMALL, align: 'center' });
    flow.spacer(6);
    flow.heading(input.office.name, { font: 'sans-regular', sizePt: 12 }, 2);
    flow.heading('收 件 回 执');
    flow.spacer(8);
    const info: [string, string][] = [
      ['申请编号', input.applicationNo],
      ['办理事项', input.programName],
      ['申请人', input.applicantUnit ? `${input.applicantName}（${input.applicantUnit}）` : input.applicantName],
      ['提交方式', channelZh(input.channel)],
      ['收件日期', formatDateZh(input.receivedOn)],
    ];
    flow.infoRows(info, 30);
    flow.spacer(6);
    flow.paragraph('收到材料如下：', LABEL);
    flow.spacer(2);
    const rows = input.materials.map((m, i) => [
      String(i + 1),
      m.name,
      m.status === 'missing' ? '—' : String(m.copies),
      m.status === 'missing' ? '—' : m.originalVerified ? '已核对原件' : '—',
      STATUS_ZH[m.status] + (m.note ? `：${m.note}` : ''),
    ]);
    flow.table(
      [
        centred('序号', 12),
        column('材料名称', 70),
        centred('份数', 13),
        centred('原件核验', 24),
        column('状态', flow.contentWidth - 119),
      ],
      rows,
    );
    const received = input.materials.filter((m) => m.status !== 'missing');
    const copies = received.reduce((n, m) => n + m.copies, 0);
    const missing = input.materials.filter((m) => m.status === 'missing').length;
    const rejected = input.materials.filter((m) => m.status === 'rejected').length;
    flow.spacer(3);
    flow.paragraph(`共收到材料 ${received.length} 项 ${copies} 份；未交 ${missing} 项；不符合要求 ${rejected} 项。`, BODY);
    if (input.note) flow.paragraph(`备注：${input.note}`, BODY);
    flow.spacer(4);
    flow.paragraph('本回执仅证明已收到上列材料，不表示申请已通过审核。请妥善保管，查询办理进度时请出示申请编号或扫描右上角二维码。', SMALL);
    flow.ensure(30);
    flow.spacer(10);
    const half = flow.contentWidth / 2;
    flow.canvas.text(`经办人：${input.clerk}`, flow.left, flow.y, BODY);
    flow.canvas.text(`收件单位（盖章）：${input.office.name}`, flow.left + half, flow.y, BODY);
    flow.spacer(9);
    flow.canvas.text(`日期：${formatDateZh(input.receivedOn)}`, flow.left, flow.y, BODY);
    flow.canvas.text("申请人签收：", flow.left + half, flow.y, BODY);
    flow.finish();
    return ok(await doc.save());
  } catch (error) {
    return toFailure(error);
  }
}
