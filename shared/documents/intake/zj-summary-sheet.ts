/**
 * P4: 推荐高级工程师职务任职资格人员情况综合表, A4, with the watermark 002 附件2 requires on every
 * page (“浙江省高级专业技术职务任职资格网上申报评审”; without it the sheet is not accepted).
 * Dates as YYYY年MM月 (附件4 四 7), 专业工作年限 to 2019-12-31 (四 8), 单位考核 year by year (四 9).
 */
import { formatYearMonthZh, type IsoDate } from '../../rules/civil-date';
import { ok, type Result } from '../../rules/result';
import { DocumentError, toFailure } from '../errors';
import { type FontBytes } from '../fonts';
import { type TextSink } from '../pdf/canvas';
import { newFlowPdf } from '../pdf/new-flow';
import { BODY, LABEL, LABEL_FILL, type Cell } from '../pdf/flow';
import { SEX_ZH, ZJ_SERVICE_CUTOFF, ZJ_SUMMARY_WATERMARK, assessmentFor, zjServiceYears, type ZjApplicant } from '../zj-applicant';

export interface SummarySheetInput {
  readonly applicant: ZjApplicant;
  /** The years whose 单位考核 the sheet lists (at least the last three). */
  readonly assessmentYears: readonly number[];
  readonly photoJpeg?: Uint8Array;
  readonly cutoff?: IsoDate;
}

const label = (text: string, widthMm: number): Cell => ({ text, widthMm, style: LABEL, align: 'center', fill: LABEL_FILL });
const value = (text: string, widthMm: number, align: 'left' | 'center' = 'center'): Cell => ({ text, widthMm, style: BODY, align });

export async function buildSummarySheetPdf(input: SummarySheetInput, fonts: FontBytes, options: { onTextDrawn?: TextSink } = {}): Promise<Result<Uint8Array>> {
  try {
    const a = input.applicant;
    if (input.assessmentYears.length < 3) throw new DocumentError('documents.fields', '单位考核至少应填写近3年（002 附件4 四、9）。');
    if (a.unitNature === '其它类企业' && !a.remarks) throw new DocumentError('documents.fields', '单位性质为“其它类企业”时须在备注栏说明情况。');
    const years = zjServiceYears(a, input.cutoff ?? ZJ_SERVICE_CUTOFF);
    if (!years.ok) throw new DocumentError(years.error.code, years.error.message);
    const { doc, flow } = await newFlowPdf(`推荐高级工程师职务任职资格人员情况综合表 ${a.name}`, fonts, {
      ...options,
      marginsMm: { top: 18, right: 16, bottom: 18, left: 16 },
      watermark: { text: ZJ_SUMMARY_WATERMARK, style: { font: 'sans-regular', sizePt: 14, color: { r: 0.87, g: 0.87, b: 0.87 } }, angleDeg: 30, stepXMm: 130, stepYMm: 45 },
    });
    const W = flow.contentWidth;
    flow.heading('推荐高级工程师职务任职资格人员情况综合表', { font: 'sans-bold', sizePt: 16 }, 3);
    flow.paragraph(`申报专业：信息技术\u3000\u3000从事专业：${a.specialty}\u3000\u3000自评分：${a.selfScore}`, { font: 'sans-regular', sizePt: 9.5 }, { align: 'center' });
    flow.spacer(3);

    // Rows 1–4 leave a 34 mm column on the right for the photo, drawn over their full height.
    const photoW = 34;
    const left = W - photoW;
    const top = flow.y;
    const rowH = 10;
    flow.drawRow([label('姓名', 20), value(a.name, 32), label('性别', 16), value(SEX_ZH[a.sex], 16), label('出生年月', 22), value(formatYearMonthZh(a.birthMonth), left - 106)], { minHeightMm: rowH });
    flow.drawRow([label('身份证号码', 28), value(a.idNumber, 58), label('学位', 16), value(a.degree ?? '', left - 102)], { minHeightMm: rowH });
    flow.drawRow([label('工作单位', 20), value(a.unit, left - 20, 'left')], { minHeightMm: rowH });
    flow.drawRow([label('单位性质', 20), value(a.unitNature, 46), label('主管部门', 20), value(a.supervisor, left - 86, 'left')], { minHeightMm: rowH });
    const photoH = flow.y - top;
    await flow.photoBox(flow.left + left, top, photoW, photoH, input.photoJpeg, BODY);

    const edu = (title: string, e: ZjApplicant['education']) => {
      flow.drawRow([label(title, 28), value(e.level, 24), label('毕业院校及专业', 30), value(`${e.school}\u3000${e.major}`, W - 28 - 24 - 30 - 46, 'left'), label('毕业时间', 20), value(formatYearMonthZh(e.graduatedOn), 26)], { minHeightMm: rowH });
    };
    edu('最高学历', a.education);
    if (a.engineeringEducation) edu('工程技术类学历', a.engineeringEducation);
    flow.drawRow([label('现任资格', 28), value(a.currentTitle, 46), label('取得时间', 22), value(formatYearMonthZh(a.titleObtainedOn), 28), label('聘任时间', 22), value(formatYearMonthZh(a.appointedOn), W - 146)], { minHeightMm: rowH });
    flow.drawRow([label('专业工作年限', 28), value(`${years.value}年（计算到${(input.cutoff ?? ZJ_SERVICE_CUTOFF).slice(0, 4)}年${(input.cutoff ?? ZJ_SERVICE_CUTOFF).slice(5, 7)}月${(input.cutoff ?? ZJ_SERVICE_CUTOFF).slice(8, 10)}日）`, 74), label('从事专业', 22), value(a.specialty, W - 124)], { minHeightMm: rowH });

    // 单位考核: one column per year (002 附件4 四 9: 逐年填写考核结果).
    const yw = (W - 28) / input.assessmentYears.length;
    flow.drawRow([label('单位考核', 28), ...input.assessmentYears.map((y) => label(`${y}年`, yw))], { minHeightMm: 8 });
    flow.drawRow([label('考核结果', 28), ...input.assessmentYears.map((y) => value(assessmentFor(a, y), yw))], { minHeightMm: rowH });

    const section = (title: string, lines: readonly string[]) => {
      const text = lines.length > 0 ? lines.join('\n') : '（无）';
      flow.splitRow(label(title, 28), { ...value(text, W - 28, 'left'), valign: 'top' }, 24);
    };
    section(
      '主要工作经历',
      (a.workHistory ?? []).map((w) => `${formatYearMonthZh(w.from)}—${w.to ? formatYearMonthZh(w.to) : '至今'}\u3000${w.unit}\u3000${w.role}`),
    );
    section('主要业绩及论文、著作', (a.achievements ?? []).map((t, i) => `${i + 1}. ${t}`));
    section('备注', a.remarks ? [a.remarks] : []);
    flow.ensure(30);
    const opinionTop = flow.y;
    flow.drawRow([label('单位意见', 28), value('', W - 28, 'left')], { minHeightMm: 30 });
    flow.canvas.text('单位（盖章）：\u3000\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日', flow.right - 4, opinionTop + 26, { ...BODY, align: 'right' });
    flow.finish();
    return ok(await doc.save());
  } catch (error) {
    return toFailure(error);
  }
}
