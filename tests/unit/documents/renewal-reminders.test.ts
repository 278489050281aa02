/**
 * 续期提醒名单 (issue 13: the dashboard exportable as xlsx for reminder letters): one row per
 * certificate with the holder, the window's first day and the last valid day; ID numbers stay text.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildRenewalRemindersXlsx } from '../../../shared/documents/xlsx/renewal-reminders';
import { expectOk } from '../rules/expect-result';

describe('buildRenewalRemindersXlsx', () => {
  it('writes the title, the note with the count, and each certificate as text', async () => {
    const bytes = expectOk(
      await buildRenewalRemindersXlsx({
        office: '新疆软件行业协会',
        asOf: '2026-12-07',
        horizonDays: 90,
        rows: [
          { certificateNo: 'XJPM-2023-000017', holderName: '王建国', holderId: '110105194910010015', programName: '信息系统集成实施工程经理评价', windowOpensOn: '2026-09-30', expiry: '2027-03-31', daysUntilOpen: 0 },
          { certificateNo: 'RK-2024-000002', holderName: '周强', holderId: '650102198503150058', programName: '计算机技术与软件专业技术资格（水平）证书登记', windowOpensOn: '2027-02-05', expiry: '2027-05-05', daysUntilOpen: 60 },
        ],
      }),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('续期提醒')!;
    expect(ws.getCell('A1').text).toBe('新疆软件行业协会续期提醒名单');
    expect(ws.getCell('A2').text).toBe('截至2026年12月07日：已在办理期内及90天内进入办理期的证书，共 2 份');
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '证书编号', '持证人', '身份证号/统一社会信用代码', '业务', '办理期开始', '有效期至', '距办理期开始（天）']);
    expect(ws.getRow(4).values).toEqual([undefined, 1, 'XJPM-2023-000017', '王建国', '110105194910010015', '信息系统集成实施工程经理评价', '2026年09月30日', '2027年03月31日', 0]);
    expect(ws.getRow(5).getCell(4).value).toBe('650102198503150058');
    expect(ws.getRow(5).getCell(8).value).toBe(60);
  });
});
