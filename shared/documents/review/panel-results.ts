/**
 * A panel session's printed papers (issue 14): the result list the chair signs (PDF to print and
 * sign, xlsx for the office's decisions and the publicity list), and the 现场答辩 notice (000
 * 第十三条: 专家评审会及现场答辩相结合) with each applicant's slot, order and room. Every value
 * comes formatted by the caller from the signed results (shared/panels): nothing is computed here.
 */
import { formatDateZh, type IsoDate } from '../../rules/civil-date';
import { fail, ok, type Result } from '../../rules/result';
import { toFailure } from '../errors';
import { type FontBytes } from '../fonts';
import { type TextSink } from '../pdf/canvas';
import { newFlowPdf } from '../pdf/new-flow';
import { BODY, LABEL, centred } from '../pdf/flow';
import { newWorkbook, tableSheet, workbookBytes, type ColumnDef } from '../xlsx/common';

export interface PanelResultRow {
  readonly applicationNo: string;
  readonly applicant: string;
  /** The stage's name (现场答辩, 专家评审会 …). */
  readonly stage: string;
  /** e.g. '82.5（去掉最高分和最低分后的平均分）'; '' when the stage has no score. */
  readonly score: string;
  /** 建议通过 2 / 建议不通过 1, or the ballot's tally; '' when neither. */
  readonly votes: string;
  /** 通过 / 未通过 / 暂缓. */
  readonly outcome: string;
  /** The chair's ruling on a flag, with its reason; ''. */
  readonly note: string;
}

export interface PanelResultsInput {
  readonly office: string;
  readonly sessionTitle: string;
  readonly programName: string;
  readonly date: IsoDate;
  readonly venue: string;
  readonly chair: string;
  readonly members: readonly string[];
  readonly signedOn: IsoDate;
  readonly rows: readonly PanelResultRow[];
}

const RESULT_COLUMNS: readonly (ColumnDef & { key: keyof PanelResultRow | '#' })[] = [
  { key: '#', header: '序号', width: 6 },
  { key: 'applicationNo', header: '申请编号', width: 18 },
  { key: 'applicant', header: '申请人', width: 12 },
  { key: 'stage', header: '评审阶段', width: 12 },
  { key: 'score', header: '得分', width: 26 },
  { key: 'votes', header: '推荐/表决', width: 20 },
  { key: 'outcome', header: '评审结果', width: 10 },
  { key: 'note', header: '备注', width: 30, align: 'left' },
];

function checkRows(input: PanelResultsInput): Result<true> {
  return input.rows.length === 0 ? fail('documents.fields', '评审会还没有签署的结果，无法打印结果清单。') : ok(true);
}

export async function buildPanelResultsPdf(input: PanelResultsInput, fonts: FontBytes, options: { onTextDrawn?: TextSink } = {}): Promise<Result<Uint8Array>> {
  const checked = checkRows(input);
  if (!checked.ok) return checked;
  try {
    const { doc, flow } = await newFlowPdf(`评审结果清单 ${input.sessionTitle}`, fonts, { ...options, page: { paper: 'A4', orientation: 'landscape' } });
    if (input.office) flow.heading(input.office, { font: 'sans-regular', sizePt: 12 }, 2);
    flow.heading(`${input.sessionTitle}评审结果清单`);
    flow.paragraph(`业务：${input.programName}\u3000\u3000时间：${formatDateZh(input.date)}\u3000\u3000地点：${input.venue}`, BODY);
    flow.paragraph(`主任委员：${input.chair}\u3000\u3000评审专家：${input.members.join('、')}`, BODY);
    flow.spacer(3);
    const widths = [12, 38, 24, 26, 58, 40, 20];
    const used = widths.reduce((s, w) => s + w, 0);
    flow.table(
      RESULT_COLUMNS.map((c, i) => ({ header: c.header, widthMm: i < widths.length ? widths[i]! : flow.contentWidth - used, ...(c.key === 'note' ? {} : { align: 'center' as const }) })),
      input.rows.map((r, i) => [String(i + 1), r.applicationNo, r.applicant, r.stage, r.score, r.votes, r.outcome, r.note]),
    );
    flow.ensure(30);
    flow.spacer(10);
    const x = flow.left + flow.contentWidth * 0.6;
    flow.canvas.text('主任委员（签字）：', x, flow.y, LABEL);
    flow.spacer(8);
    flow.canvas.text(`签署日期：${formatDateZh(input.signedOn)}`, x, flow.y, BODY);
    flow.finish();
    return ok(await doc.save());
  } catch (error) {
    return toFailure(error);
  }
}

export async function buildPanelResultsXlsx(input: PanelResultsInput): Promise<Result<Uint8Array>> {
  const checked = checkRows(input);
  if (!checked.ok) return checked;
  const wb = newWorkbook(input.signedOn);
  tableSheet(wb, {
    name: '评审结果',
    orientation: 'landscape',
    columns: RESULT_COLUMNS,
    title: `${input.sessionTitle}评审结果清单`,
    notes: [`业务：${input.programName}\u3000时间：${formatDateZh(input.date)}\u3000地点：${input.venue}`, `主任委员：${input.chair}\u3000评审专家：${input.members.join('、')}`],
    rows: input.rows.map((r, i) => RESULT_COLUMNS.map((c) => (c.key === '#' ? i + 1 : r[c.key]))),
    footer: `主任委员签署日期：${formatDateZh(input.signedOn)}`,
  });
  return ok(await workbookBytes(wb));
}

export interface DefenceNoticeInput {
  readonly office: string;
  readonly sessionTitle: string;
  readonly programName: string;
  readonly date: IsoDate;
  readonly venue: string;
  readonly issuedOn: IsoDate;
  /** In order of appearance. */
  readonly rows: readonly { readonly order: number; readonly start: string; readonly end: string; readonly room: string; readonly applicationNo: string; readonly applicant: string }[];
}

export async function buildDefenceNoticePdf(input: DefenceNoticeInput, fonts: FontBytes, options: { onTextDrawn?: TextSink } = {}): Promise<Result<Uint8Array>> {
  if (input.rows.length === 0) return fail('documents.fields', '尚未安排现场答辩，无法打印答辩通知。');
  try {
    const { doc, flow } = await newFlowPdf(`现场答辩安排 ${input.sessionTitle}`, fonts, options);
    if (input.office) flow.heading(input.office, { font: 'sans-regular', sizePt: 12 }, 2);
    flow.heading('现场答辩安排通知');
    flow.paragraph(
      `“${input.programName}”${input.sessionTitle}定于${formatDateZh(input.date)}在${input.venue}举行，采取专家评审会及现场答辩相结合的方式。请下列申请人按以下时间、顺序到指定答辩室参加现场答辩。`,
      BODY,
      { indentChars: 2 },
    );
    flow.spacer(4);
    flow.table(
      [
        centred('顺序', 16),
        centred('时间', 32),
        centred('答辩室', 40),
        centred('申请编号', 44),
        centred('申请人', flow.contentWidth - 132),
      ],
      input.rows.map((r) => [String(r.order), `${r.start}–${r.end}`, r.room, r.applicationNo, r.applicant]),
    );
    flow.spacer(10);
    flow.signOff([
      [input.office, LABEL],
      [formatDateZh(input.issuedOn), BODY],
    ]);
    flow.finish();
    return ok(await doc.save());
  } catch (error) {
    return toFailure(error);
  }
}
