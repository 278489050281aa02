/**
 * The notice of a decision on a certificate: 注销登记公告 (003 十: cancelled; 十一: published,
 * with the 30 days to appeal counted from it), or the notice of a suspension or revocation sent
 * to the organisation through its evaluation agency (004 第十九条、第二十条).
 */
import { formatDateZh, type IsoDate } from '../../rules/civil-date';
import { ok, type Result } from '../../rules/result';
import { DocumentError, toFailure } from '../errors';
import { type FontBytes } from '../fonts';
import { type TextSink } from '../pdf/canvas';
import { newFlowPdf } from '../pdf/new-flow';
import { BODY, LABEL } from '../pdf/flow';
import type { OfficeInfo } from './common';

export interface DecisionNoticeInput {
  readonly decision: 'cancelled' | 'revoked' | 'suspended';
  readonly office: OfficeInfo;
  readonly certificateNo: string;
  readonly holderName: string;
  readonly programName: string;
  readonly decidedOn: IsoDate;
  /** The ground as the rulebook words it, and its article. */
  readonly ground: string;
  readonly groundCite?: string;
  /** The facts recorded with the decision. */
  readonly reason?: string;
  /** The day of publication (or sending). */
  readonly noticeOn: IsoDate;
  /** The last day to appeal, where the rulebook sets one (003 十一: 30 days), and its article. */
  readonly appealDeadline?: IsoDate;
  readonly appealDays?: number;
  readonly appealCite?: string;
  /** 004 第二十条: sent through the evaluation agency. */
  readonly via?: string;
}

const TITLE = { cancelled: '注销登记公告', revoked: '撤销证书通知', suspended: '暂停证书通知' } as const;
const VERB = { cancelled: '注销其证书登记', revoked: '撤销其证书', suspended: '暂停其证书' } as const;

export async function buildDecisionNoticePdf(input: DecisionNoticeInput, fonts: FontBytes, options: { onTextDrawn?: TextSink } = {}): Promise<Result<Uint8Array>> {
  try {
    if (input.noticeOn < input.decidedOn) throw new DocumentError('documents.fields', '公布（通知）日期早于决定日期，请核对。');
    const title = TITLE[input.decision];
    const { doc, flow } = await newFlowPdf(`${title} ${input.certificateNo}`, fonts, options);
    flow.heading(input.office.name, { font: 'sans-regular', sizePt: 12 }, 2);
    flow.heading(title.split('').join(' '));
    flow.paragraph(`证书编号：${input.certificateNo}`, { font: 'sans-regular', sizePt: 9 }, { align: 'right' });
    flow.spacer(4);
    if (input.decision !== 'cancelled') {
      flow.paragraph(`${input.holderName}：`, BODY);
      flow.spacer(1);
    }
    const cite = input.groundCite ? `（${input.groundCite}）` : '';
    flow.paragraph(
      `${input.holderName}持有的“${input.programName}”证书（编号${input.certificateNo}），因“${input.ground}”${cite}，经审核，决定自${formatDateZh(input.decidedOn)}起${VERB[input.decision]}。`,
      BODY,
      { indentChars: 2 },
    );
    if (input.reason) flow.paragraph(`事实和理由：${input.reason}`, BODY, { indentChars: 2 });
    flow.spacer(2);
    if (input.appealDeadline) {
      const days = input.appealDays ? `${input.appealDays}日内` : '';
      flow.paragraph(
        `如对本决定有异议，可自本${input.decision === 'cancelled' ? '公告' : '通知'}发布之日起${days}（即${formatDateZh(input.appealDeadline)}前）申请复议${input.appealCite ? `（${input.appealCite}）` : ''}。`,
        BODY,
        { indentChars: 2 },
      );
    } else {
      flow.paragraph(`如对本决定有异议，可${input.via ? `通过${input.via}` : ''}提出申诉${input.appealCite ? `（${input.appealCite}）` : ''}。`, BODY, { indentChars: 2 });
    }
    if (input.via) flow.paragraph(`本通知经${input.via}送达。`, BODY, { indentChars: 2 });
    flow.ensure(30);
    flow.spacer(12);
    flow.signOff([
      [`${input.office.name}（盖章）`, LABEL],
      [formatDateZh(input.noticeOn), BODY],
    ]);
    flow.finish();
    return ok(await doc.save());
  } catch (error) {
    return toFailure(error);
  }
}
