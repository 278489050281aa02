/**
 * P5: 计算机技术与软件专业技术资格（水平）证书登记申请表 (003, 信办人[2004]47号 附件), filled from the
 * record in the form's own field order: 专业类别, 资格名称, 登记表编号; 姓名, 性别, 出生年月, 照片;
 * 健康状况, 身份证号码; 证书编号, 取得时间; 联系地址, 邮政编码; 所在单位, 本人联系电话; 参加继续教育
 * 情况（附证明件）: 日期, 方式, 内容, 核准的学时数; 所在单位考核结果; 登记实施机构意见; 备注; 本人签字,
 * 申请日期. Labels are set in bold sans (黑体): the form's note says 此表除黑体外均由本人负责填写.
 */
import { formatDateZh, type IsoDate, type IsoYearMonth } from '../../rules/civil-date';
import { ok, type Result } from '../../rules/result';
import { toFailure } from '../errors';
import { type FontBytes } from '../fonts';
import { type TextSink } from '../pdf/canvas';
import { newFlowPdf } from '../pdf/new-flow';
import { BODY, LABEL, LABEL_FILL, SMALL, type Cell } from '../pdf/flow';
import { SEX_ZH } from '../zj-applicant';
import { BLANK_DATE, hoursFromTenths, monthOrDateZh } from './common';

export interface RkEducationRow {
  readonly date: IsoDate;
  /** 003 (信办人[2004]48号 第五条): 脱产, 半脱产, 业余, 在岗. */
  readonly mode: string;
  readonly content: string;
  /** Approved hours in tenths (model/records EducationRecord.hoursTenths). */
  readonly hoursTenths: number;
}

export interface RkApplicationInput {
  readonly category: string;
  readonly qualification: string;
  readonly formNo: string;
  readonly name: string;
  readonly sex: 'male' | 'female';
  readonly birthMonth: IsoYearMonth;
  readonly health: string;
  readonly idNumber: string;
  readonly certificateNo: string;
  /** 'YYYY-MM' or 'YYYY-MM-DD'. */
  readonly obtainedOn: string;
  readonly address: string;
  readonly postcode: string;
  readonly unit: string;
  readonly phone: string;
  readonly education: readonly RkEducationRow[];
  /** Filled by the unit (with its seal); blank lines otherwise. */
  readonly unitAssessment?: { readonly result: string; readonly date?: IsoDate };
  /** Filled by the registration office (with its seal); blank lines otherwise. */
  readonly officeOpinion?: { readonly text: string; readonly date?: IsoDate };
  readonly remarks?: string;
  readonly appliedOn?: IsoDate;
  readonly photoJpeg?: Uint8Array;
}

/** Blank continuing-education lines left on the form for hand-written additions. */
const MIN_EDUCATION_ROWS = 8;

const label = (text: string, widthMm: number): Cell => ({ text, widthMm, style: LABEL, align: 'center', fill: LABEL_FILL });
const value = (text: string, widthMm: number, align: 'left' | 'center' = 'center'): Cell => ({ text, widthMm, style: BODY, align });

export async function buildRkApplicationFormPdf(input: RkApplicationInput, fonts: FontBytes, options: { onTextDrawn?: TextSink } = {}): Promise<Result<Uint8Array>> {
  try {
    const { doc, flow } = await newFlowPdf(`证书登记申请表 ${input.name}`, fonts, {
      ...options,
      marginsMm: { top: 16, right: 18, bottom: 16, left: 18 },
      footer: (n, total) => (total > 1 ? `第 ${n} 页\u3000共 ${total} 页` : ''),
    });
    const W = flow.contentWidth;
    flow.heading('计算机技术与软件专业技术资格（水平）', { font: 'sans-bold', sizePt: 15 }, 1);
    flow.heading('证书登记申请表', { font: 'sans-bold', sizePt: 15 }, 4);
    // 专业类别 / 资格名称 / 登记表编号 on one line above the grid, as on the form.
    const third = W / 3;
    const lineY = flow.y + 3;
    [
      ['专业类别：', input.category],
      ['资格名称：', input.qualification],
      ['登记表编号：', input.formNo],
    ].forEach(([l, v], i) => {
      const x = flow.left + i * third;
      const lw = flow.width(l ?? '', LABEL);
      flow.canvas.text(l ?? '', x, lineY, LABEL);
      const fit = flow.wrap(v ?? '', BODY, third - lw - 2)[0] ?? '';
      flow.canvas.text(fit, x + lw, lineY, BODY);
    });
    flow.spacer(6);

    const photoW = 36;
    const left = W - photoW;
    const rowH = 11;
    const top = flow.y;
    flow.drawRow([label('姓名', 20), value(input.name, 36), label('性别', 14), value(SEX_ZH[input.sex], 16), label('出生年月', 20), value(monthOrDateZh(input.birthMonth), left - 106)], { minHeightMm: rowH });
    flow.drawRow([label('健康状况', 20), value(input.health, 36), label('身份证号码', 24), value(input.idNumber, left - 80)], { minHeightMm: rowH });
    flow.drawRow([label('证书编号', 20), value(input.certificateNo, 56), label('取得时间', 20), value(monthOrDateZh(input.obtainedOn), left - 96)], { minHeightMm: rowH });
    const photoH = flow.y - top;
    await flow.photoBox(flow.left + left, top, photoW, photoH, input.photoJpeg, LABEL);
    flow.drawRow([label('联系地址', 20), value(input.address, W - 20 - 20 - 36, 'left'), label('邮政编码', 20), value(input.postcode, 36)], { minHeightMm: rowH });
    flow.drawRow([label('所在单位', 20), value(input.unit, W - 20 - 28 - 36, 'left'), label('本人联系电话', 28), value(input.phone, 36)], { minHeightMm: rowH });

    // 参加继续教育情况（附证明件）: the seed's columns, rows from the records plus blank lines.
    const eduCols = [32, 24, W - 32 - 24 - 30, 30];
    flow.drawRow([{ text: '参加继续教育情况（附证明件）', widthMm: W, style: LABEL, align: 'center', fill: LABEL_FILL }], { minHeightMm: 8 });
    const header = () => flow.drawRow(['日期', '方式', '内容', '核准的学时数'].map((t, i) => label(t, eduCols[i] ?? 0)), { minHeightMm: 8 });
    header();
    const rows = input.education.map((e) => [formatDateZh(e.date), e.mode, e.content, hoursFromTenths(e.hoursTenths)]);
    while (rows.length < MIN_EDUCATION_ROWS) rows.push(['', '', '', '']);
    for (const row of rows) {
      const cells = row.map((t, i) => value(t, eduCols[i] ?? 0, i === 2 ? 'left' : 'center'));
      if (flow.ensure(flow.measureRow(cells, 8).heightMm)) header();
      flow.drawRow(cells, { minHeightMm: 8 });
    }
    const total = input.education.reduce((n, e) => n + e.hoursTenths, 0);
    flow.drawRow([label('合计', (eduCols[0] ?? 0) + (eduCols[1] ?? 0) + (eduCols[2] ?? 0)), value(input.education.length > 0 ? hoursFromTenths(total) : '', eduCols[3] ?? 0)], { minHeightMm: 8 });

    const opinion = (title: string, text: string, date: IsoDate | undefined) => {
      // The opinion at the top of the box; the date and seal line right-aligned at its foot.
      const cells = [label(title, 34), { ...value(text, W - 34, 'left'), valign: 'top' as const }];
      const h = Math.max(26, flow.measureRow(cells).heightMm + 9);
      flow.ensure(h);
      const y = flow.y;
      flow.drawRow(cells, { minHeightMm: h });
      const dateLine = `${date ? formatDateZh(date) : BLANK_DATE}（盖章）`;
      flow.canvas.text(dateLine, flow.right - 4, y + h - 3.5, { ...BODY, align: 'right' });
    };
    opinion('所在单位考核结果', input.unitAssessment?.result ?? '', input.unitAssessment?.date);
    opinion('登记实施机构意见', input.officeOpinion?.text ?? '', input.officeOpinion?.date);
    flow.ensure(14);
    flow.drawRow([label('备注', 34), value(input.remarks ?? '', W - 34, 'left')], { minHeightMm: 14 });
    flow.ensure(20);
    flow.spacer(9);
    flow.canvas.text('本人签字：', flow.left, flow.y, LABEL);
    flow.canvas.text('申请日期：', flow.left + W * 0.55, flow.y, LABEL);
    flow.canvas.text(input.appliedOn ? formatDateZh(input.appliedOn) : BLANK_DATE, flow.left + W * 0.55 + flow.width('申请日期：', LABEL), flow.y, BODY);
    flow.spacer(7);
    flow.canvas.text('注：此表除黑体外均由本人负责填写。', flow.left, flow.y, SMALL);
    flow.finish();
    return ok(await doc.save());
  } catch (error) {
    return toFailure(error);
  }
}
