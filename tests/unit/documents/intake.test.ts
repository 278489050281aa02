/**
 * Intake documents (PDF): 收件回执, 退回/补正通知, P4 binding tables of contents, P5 证书登记申请表,
 * P4 综合表 with its watermark on every page. Each: pdf-lib parse, qpdf, pdftotext character check,
 * fonts embedded once, page 1 rendered.
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { ZJ_VOLUME_ONE, buildBindingTocPdf, pageRanges, splitVolume, volumeOneEntries, volumeTwoEntries } from '../../../shared/documents/intake/binding-toc';
import { buildReceiptPdf } from '../../../shared/documents/intake/receipt';
import { buildReturnNoticePdf } from '../../../shared/documents/intake/return-notice';
import { buildRkApplicationFormPdf } from '../../../shared/documents/intake/rk-application-form';
import { buildSummarySheetPdf } from '../../../shared/documents/intake/zj-summary-sheet';
import { ZJ_SUMMARY_WATERMARK } from '../../../shared/documents/zj-applicant';
import { expectFail } from '../rules/expect-result';
import * as fx from './fixtures';
import { builtPdf, decodeQr, flat, loadFonts, renderPage1, run } from './helpers';

const pages = async (bytes: Uint8Array) => (await PDFDocument.load(bytes)).getPageCount();
/** Position of each needle in the text, in order; -1 where absent. */
const order = (text: string, needles: readonly string[]) => needles.map((n) => text.indexOf(n));

describe('收件回执 (receipt)', () => {
  it('lists each material with copies, originals checked and status, and carries the application number as a QR code', async () => {
    const { bytes, file, body } = await builtPdf('receipt', (fonts, hooks) => buildReceiptPdf(fx.receipt, fonts, hooks));
    expect(await pages(bytes)).toBe(1);
    for (const m of fx.receipt.materials) expect(body).toContain(flat(m.name));
    for (const shown of ['已核对原件', '不符合要求：缺少项目验收证明', '共收到材料5项8份；未交1项；不符合要求1项。', '经办人：周晓燕', '2026年11月20日', '单位提出']) expect(body).toContain(shown);
    expect(decodeQr(renderPage1(file, 'receipt-200dpi', 200))).toEqual([fx.receipt.applicationNo]);
  });

  it('needs an application number', async () => {
    expectFail(await buildReceiptPdf({ ...fx.receipt, applicationNo: ' ' }, loadFonts()), 'documents.fields');
  });
});

describe('退回 / 补正通知 (return or supplement notice)', () => {
  it('lists each missing or rejected material with its reason and the deadline', async () => {
    const { body } = await builtPdf('supplement-notice', (fonts, hooks) => buildReturnNoticePdf(fx.returnNotice, fonts, hooks));
    expect(body).toContain('补正通知');
    for (const item of fx.returnNotice.items) {
      expect(body).toContain(flat(item.material));
      expect(body).toContain(flat(item.reason));
    }
    expect(body).toContain('2026年12月06日前');
    expect(body).toContain('第十一条');
  });

  it('returns the application when kind is return; refuses an empty list or a supplement without deadline', async () => {
    const { text } = await builtPdf('return-notice', (fonts, hooks) => buildReturnNoticePdf({ ...fx.returnNotice, kind: 'return' }, fonts, hooks));
    expect(flat(text)).toContain('现将申请材料退回');
    expectFail(await buildReturnNoticePdf({ ...fx.returnNotice, items: [] }, loadFonts()), 'documents.fields');
    const { deadline: _deadline, ...noDeadline } = fx.returnNotice;
    expectFail(await buildReturnNoticePdf(noDeadline, loadFonts()), 'documents.fields');
  });
});

describe('P4 binding tables of contents (002 附件4 三)', () => {
  it('puts volume 1 in the seed’s order, with 外省社保证明 and 岗位信息表 only when they apply', () => {
    const all = volumeOneEntries({ outOfProvinceSocialSecurity: true, publicInstitution: true });
    expect(all.map((e) => e.title)).toEqual(ZJ_VOLUME_ONE.map((i) => i.title));
    const usual = volumeOneEntries({ outOfProvinceSocialSecurity: false, publicInstitution: false }).map((e) => e.title);
    expect(usual).not.toContain('近三年省外缴纳社保的相关证明');
    expect(usual).not.toContain('事业单位岗位信息表');
    expect(usual[0]).toBe('专业技术职务任职资格评审材料真实性保证书');
    expect(usual.at(-1)).toBe('专业技术工作总结');
  });

  it('starts volume 2 with the 评审评分表 and splits a thick one into 第二册（一）、（二）… without cutting an item', () => {
    const evidence = Array.from({ length: 7 }, (_, i) => ({ scoreItem: `评分项${i + 1}`, title: `证明材料${i + 1}`, pages: 20 }));
    const v2 = volumeTwoEntries(2, evidence);
    expect(v2[0]).toEqual({ title: '评审评分表', pages: 2 });
    const parts = splitVolume('第二册', '第二册（{n}）', v2, 50);
    expect(parts.map((p) => p.name)).toEqual(['第二册（一）', '第二册（二）', '第二册（三）', '第二册（四）']);
    expect(parts.flatMap((p) => p.entries)).toEqual(v2);
    expect(splitVolume('第二册', '第二册（{n}）', v2, 1000).map((p) => p.name)).toEqual(['第二册']);
    expect(pageRanges([{ title: 'a', pages: 2 }, { title: 'b', pages: 1 }, { title: 'c', pages: 3 }])).toEqual(['1—2', '3', '4—6']);
    expect(pageRanges([{ title: 'a', pages: 2 }, { title: 'b' }, { title: 'c', pages: 3 }])).toEqual(['1—2', '', '']);
  });

  it('prints one contents page per volume, a line per item in order, labelled with its score item', async () => {
    const evidence = Array.from({ length: 6 }, (_, i) => ({ scoreItem: `业绩成果${i + 1}`, title: `项目验收报告${i + 1}`, pages: 15 }));
    const volumes = [
      { name: '第一册', entries: volumeOneEntries({ outOfProvinceSocialSecurity: true, publicInstitution: false, pages: Object.fromEntries(ZJ_VOLUME_ONE.map((i) => [i.title, 2])) }) },
      ...splitVolume('第二册', '第二册（{n}）', volumeTwoEntries(2, evidence), 50),
    ];
    const { bytes, file } = await builtPdf('binding-toc', (fonts, hooks) => buildBindingTocPdf({ heading: '浙江省信息技术专业高级工程师职务任职资格评审材料', applicantName: '陈思远', unit: fx.zjApplicant.unit, specialty: '系统集成', volumes }, fonts, hooks));
    expect(await pages(bytes)).toBe(volumes.length);
    const first = flat(run('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', file, '-']));
    const titles = volumes[0]?.entries.map((e) => e.title) ?? [];
    const at = order(first, titles);
    expect(at.every((p) => p >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(first).toContain('第一册');
    expect(first).toContain('目录');
    expect(first).toContain('1—2');
    const second = flat(run('pdftotext', ['-enc', 'UTF-8', '-f', '2', '-l', '2', file, '-']));
    expect(second).toContain('第二册（一）');
    expect(second).toContain('评审评分表');
    expect(second).toContain('业绩成果1');
  });
});

describe('P5 证书登记申请表 (003 附表)', () => {
  it('fills the form in the seed’s field order with the continuing-education rows and total', async () => {
    const { bytes, body, drawn } = await builtPdf('rk-application-form', (fonts, hooks) => buildRkApplicationFormPdf({ ...fx.rkApplication, photoJpeg: fx.photo() }, fonts, hooks));
    expect(await pages(bytes)).toBe(1);
    const labels = ['专业类别', '资格名称', '登记表编号', '姓名', '性别', '出生年月', '健康状况', '身份证号码', '证书编号', '取得时间', '联系地址', '邮政编码', '所在单位', '本人联系电话', '参加继续教育情况（附证明件）', '日期', '方式', '内容', '核准的学时数', '所在单位考核结果', '登记实施机构意见', '备注', '本人签字', '申请日期'];
    // Labels in the drawing order match the seed's order (pdftotext's reading order may interleave columns).
    const drawnText = drawn.join('\n');
    const at = labels.map((l) => drawnText.indexOf(l));
    expect(at.every((p) => p >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const v of ['李明', '310104198603120047', '04010011230000123', '2023年12月', '1986年03月', '信息系统架构设计新技术研修班', '80.5', '188.5', '2026年10月30日（盖章）', '2026年11月22日']) {
      expect(body).toContain(flat(v));
    }
    expect(body).toContain('此表除黑体外均由本人负责填写');
  });
});

describe('P4 推荐高级工程师职务任职资格人员情况综合表', () => {
  it('has the required watermark on every page and the roster’s facts (years to 2019-12-31, 考核 per year)', async () => {
    const many = Array.from({ length: 14 }, (_, i) => `第${i + 1}项业绩：主持完成某市政务信息系统集成项目（合同额${300 + i * 10}万元），已通过验收并稳定运行。`);
    const { bytes, file, text } = await builtPdf('zj-summary-sheet', (fonts, hooks) => buildSummarySheetPdf({ applicant: { ...fx.zjApplicant, achievements: many }, assessmentYears: [2016, 2017, 2018], photoJpeg: fx.photo() }, fonts, hooks));
    const n = await pages(bytes);
    expect(n).toBeGreaterThanOrEqual(2);
    for (let p = 1; p <= n; p++) {
      // -raw keeps each watermark copy's characters together, in drawing order.
      const raw = run('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', String(p), '-l', String(p), file, '-']);
      expect(raw, `page ${p}`).toContain(ZJ_SUMMARY_WATERMARK);
    }
    const body = flat(text);
    for (const v of ['陈思远', '1982年06月', '2004年07月', '2012年12月', '2013年03月', '15年（计算到2019年12月31日）', '系统集成', '2016年', '优秀', '86.5']) expect(body).toContain(flat(v));
  });

  it('refuses fewer than three assessment years and 其它类企业 without a remark', async () => {
    expectFail(await buildSummarySheetPdf({ applicant: fx.zjApplicant, assessmentYears: [2017, 2018] }, loadFonts()), 'documents.fields');
    expectFail(await buildSummarySheetPdf({ applicant: { ...fx.zjApplicant, unitNature: '其它类企业' }, assessmentYears: [2016, 2017, 2018] }, loadFonts()), 'documents.fields');
  });
});
