/**
 * A panel session's printed papers (issue 14): the result list the chair signs, as PDF (to print
 * and sign) and xlsx (for decisions and the publicity list), and the P2 现场答辩 notice (000
 * 第十三条: 专家评审会及现场答辩相结合). Each PDF: qpdf, pdftotext character check, fonts embedded
 * once, page 1 rendered; the workbook read back with exceljs.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildDefenceNoticePdf, buildPanelResultsPdf, buildPanelResultsXlsx, type PanelResultsInput } from '../../../shared/documents/review/panel-results';
import { expectFail, expectOk } from '../rules/expect-result';
import { builtPdf, loadFonts } from './helpers';

const RESULTS: PanelResultsInput = {
  office: '新疆维吾尔自治区软件行业协会',
  sessionTitle: '2026年第一次专家评审会',
  programName: '信息系统集成实施高级工程经理评价',
  date: '2026-12-08',
  venue: '协会三楼会议室',
  chair: '张评审',
  members: ['张评审', '王评审', '赵评审'],
  signedOn: '2026-12-08',
  rows: [
    { applicationNo: 'P2-2026-0001', applicant: '陈一', stage: '现场答辩', score: '80（去掉最高分和最低分后的平均分）', votes: '', outcome: '通过', note: '' },
    { applicationNo: 'P2-2026-0002', applicant: '周二', stage: '现场答辩', score: '55（去掉最高分和最低分后的平均分）', votes: '', outcome: '未通过', note: '' },
    {
      applicationNo: 'P2-2026-0006',
      applicant: '韩六',
      stage: '专家评审会',
      score: '70（平均分）',
      votes: '建议通过 1 / 建议不通过 1',
      outcome: '通过',
      note: '主任委员裁定：现场答辩表现突出，经合议同意通过。',
    },
  ],
};

describe('评审结果清单', () => {
  it('PDF: every signed row, the chair named, the chair’s signature line and the signing date', async () => {
    const { body } = await builtPdf('panel-results', (fonts, hooks) => buildPanelResultsPdf(RESULTS, fonts, hooks));
    expect(body).toContain('2026年第一次专家评审会评审结果清单');
    expect(body).toContain('主任委员：张评审');
    expect(body).toContain('主任委员（签字）：');
    expect(body).toContain('签署日期：2026年12月08日');
    for (const no of ['P2-2026-0001', 'P2-2026-0002', 'P2-2026-0006']) expect(body).toContain(no);
    expect(body).toContain('未通过');
    expect(body).toContain('主任委员裁定：现场答辩表现突出');
  });

  it('xlsx: the same rows in order, the chair and the signing date', async () => {
    const bytes = expectOk(await buildPanelResultsXlsx(RESULTS));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
    const text = cells.join('|');
    expect(text).toContain('主任委员：张评审');
    expect(text).toContain('主任委员签署日期：2026年12月08日');
    const numbers = cells.filter((c) => /^P2-2026-\d{4}$/.test(c));
    expect(numbers).toEqual(['P2-2026-0001', 'P2-2026-0002', 'P2-2026-0006']);
    expect(text).toContain('70（平均分）');
  });

  it('nothing signed yet: refused, nothing printed', async () => {
    expect(expectFail(await buildPanelResultsPdf({ ...RESULTS, rows: [] }, loadFonts()), 'documents.fields')).toBe('评审会还没有签署的结果，无法打印结果清单。');
    expectFail(await buildPanelResultsXlsx({ ...RESULTS, rows: [] }), 'documents.fields');
  });
});

describe('现场答辩安排通知 (P2, 000 第十三条)', () => {
  it('each applicant’s order, time and room, the session’s date and venue', async () => {
    const { body } = await builtPdf('panel-defence-notice', (fonts, hooks) =>
      buildDefenceNoticePdf(
        {
          office: RESULTS.office,
          sessionTitle: RESULTS.sessionTitle,
          programName: RESULTS.programName,
          date: '2026-12-08',
          venue: '协会三楼会议室',
          issuedOn: '2026-12-01',
          rows: [
            { order: 1, start: '09:00', end: '09:20', room: '第一答辩室', applicationNo: 'P2-2026-0001', applicant: '陈一' },
            { order: 2, start: '09:20', end: '09:40', room: '第一答辩室', applicationNo: 'P2-2026-0002', applicant: '周二' },
          ],
        },
        fonts,
        hooks,
      ),
    );
    for (const shown of ['现场答辩安排通知', '2026年12月08日在协会三楼会议室', '09:00', '09:40', '第一答辩室', 'P2-2026-0002', '周二']) expect(body).toContain(shown);
  });

  it('no slot yet: refused', async () => {
    expect(
      expectFail(
        await buildDefenceNoticePdf({ office: '', sessionTitle: 'x', programName: 'y', date: '2026-12-08', venue: 'z', issuedOn: '2026-12-01', rows: [] }, loadFonts()),
        'documents.fields',
      ),
    ).toBe('尚未安排现场答辩，无法打印答辩通知。');
  });
});
