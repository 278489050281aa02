/**
 * Rosters and registers (xlsx): each workbook read back with exceljs, and opened by LibreOffice
 * (`soffice --headless --convert-to csv`, all sheets, one run for all files) with the same values.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCertificateRegisterXlsx, eventsInRange, type CertificateEvent } from '../../../shared/documents/xlsx/certificate-register';
import { buildPublicityListXlsx } from '../../../shared/documents/xlsx/publicity-list';
import { buildRkTalentRegisterXlsx, type RkRegisterRow } from '../../../shared/documents/xlsx/rk-talent-register';
import { ZJ_ROSTER_TITLE, buildZjRosterXlsx, zjRosterColumns } from '../../../shared/documents/xlsx/zj-roster';
import type { ZjApplicant } from '../../../shared/documents/zj-applicant';
import { expectFail, expectOk } from '../rules/expect-result';
import { zjApplicant } from './fixtures';
import { libreOfficeCsv, parseCsv, saveResult } from './helpers';
import { assessedYears } from '../programs/p4-assessments';

const second: ZjApplicant = {
  ...zjApplicant,
  name: '林晓',
  sex: 'female',
  birthMonth: '1985-11',
  idNumber: '33010219851104002X',
  unitNature: '其它类企业',
  remarks: '民办非企业单位',
  specialty: '信息安全',
  education: { level: '硕士研究生', school: '浙江大学', major: '工商管理', graduatedOn: '2010-06' },
  engineeringEducation: { level: '大学本科', school: '杭州电子科技大学', major: '通信工程', graduatedOn: '2007-07' },
  engineeringWorkSince: '2010-01-01',
  assessments: assessedYears('优秀', '合格', '优秀'),
  selfScore: 81,
};

const rkRows: RkRegisterRow[] = [
  { name: '李明', sex: 'female', birthMonth: '1986-03', idNumber: '310104198603120047', category: '计算机软件', qualification: '系统分析师（高级）', certificateNo: '04010011230000123', obtainedOn: '2023-12', formNo: 'SH-2026-0817', kind: 'renewal', registeredOn: '2026-11-22', validUntil: '2029-11-21', unit: '上海浦江软件有限公司', educationHoursTenths: 1885 },
  { name: '张伟', sex: 'male', birthMonth: '1990-07', idNumber: '310101199007150011', category: '计算机网络', qualification: '网络工程师（中级）', certificateNo: '04010021230000456', obtainedOn: '2023-05', formNo: 'SH-2026-0818', kind: 'cancellation', registeredOn: '2026-11-23', unit: '上海申通信息网络有限公司', educationHoursTenths: 0, remarks: '脱离专业技术岗位连续二年以上' },
];

const events: CertificateEvent[] = [
  { date: '2026-10-31', kind: 'issued', certificateNo: 'XJPM-2026-000099', holderName: '赵强', programName: '信息系统集成实施工程经理评价', validUntil: '2030-10-30' },
  { date: '2026-11-02', kind: 'issued', certificateNo: 'XJPM-2026-000123', holderName: '阿依古丽·买买提', programName: '信息系统集成实施工程经理评价', validUntil: '2030-11-01', clerk: '周晓燕' },
  { date: '2026-11-15', kind: 'renewed', certificateNo: 'XJPM-2022-000017', holderName: '王建国', programName: '信息系统集成实施工程经理评价', validUntil: '2030-11-14' },
  { date: '2026-11-30', kind: 'revoked', certificateNo: 'IETS-2025-000008', holderName: '某信息技术有限公司', programName: '信息化工程与技术服务能力评价', reason: '年度审查不合格（004 第十七条）' },
  { date: '2026-12-01', kind: 'reissued', certificateNo: 'XJSPM-2025-000002', holderName: '刘洋', programName: '信息系统集成实施高级工程经理评价' },
];

interface Built {
  name: string;
  file: string;
  bytes: Uint8Array;
  sheets: string[];
}
const built: Built[] = [];
let csv: Record<string, string>[] = [];

beforeAll(async () => {
  const make = async (name: string, result: Promise<{ ok: true; value: Uint8Array } | { ok: false; error: { code: string; message: string } }>, sheets: string[]) => {
    const bytes = expectOk(await result);
    built.push({ name, bytes, sheets, file: saveResult(`${name}.xlsx`, bytes) });
  };
  await make('zj-roster', buildZjRosterXlsx({ submittingUnit: '杭州市西湖区经济和信息化局', filledOn: '2019-09-20', assessmentYears: [2016, 2017, 2018], applicants: [zjApplicant, second] }), ['花名册']);
  await make(
    'publicity-zj',
    buildPublicityListXlsx({
      layout: 'zj-it-senior-publicity',
      title: '2019年度信息技术专业高级工程师职务任职资格评审对象公示名单',
      period: { from: '2019-10-21', to: '2019-10-25', note: '5个工作日' },
      publisher: '浙江省软件行业协会',
      contact: '0571-89719267',
      rows: [
        { name: zjApplicant.name, unit: zjApplicant.unit, specialty: zjApplicant.specialty, currentTitle: '工程师', applyingFor: '高级工程师', selfScore: 86.5 },
        { name: second.name, unit: second.unit, specialty: second.specialty, currentTitle: '工程师', applyingFor: '高级工程师', selfScore: 81 },
      ],
    }),
    ['公示名单'],
  );
  await make('rk-talent-register', buildRkTalentRegisterXlsx({ registrar: '上海市职业能力考试院信息人才认证中心', roundName: '2026年第四季度', exportedOn: '2026-12-05', rows: rkRows }), ['人才库']);
  await make('certificate-register', buildCertificateRegisterXlsx({ office: '新疆软件行业协会', from: '2026-11-01', to: '2026-11-30', events }), ['登记簿', '统计']);
  csv = libreOfficeCsv(
    built.map((b) => b.file),
    built.map((b) => b.sheets),
    { asShown: true },
  );
}, 120_000);

/** The sheet as exceljs reads it back: merged-away cells empty, values as text. */
async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function grid(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = ws.getCell(r, c);
      const v = cell.isMerged && cell.master.address !== cell.address ? null : cell.value;
      row.push(v === null || v === undefined ? '' : v instanceof Date ? shownDate(v, cell.numFmt) : String(v));
    }
    rows.push(row);
  }
  return rows;
}

/** A date cell as Excel shows it under the writer's formats (yyyy"年"mm"月" or yyyy"年"mm"月"dd"日"). */
function shownDate(d: Date, numFmt: string | undefined): string {
  const ym = `${d.getUTCFullYear()}年${String(d.getUTCMonth() + 1).padStart(2, '0')}月`;
  return numFmt?.includes('dd') ? `${ym}${String(d.getUTCDate()).padStart(2, '0')}日` : ym;
}

const same = (a: string, b: string) => a === b || (a !== '' && b !== '' && !Number.isNaN(Number(a)) && Number(a) === Number(b));

describe.each(['zj-roster', 'publicity-zj', 'rk-talent-register', 'certificate-register'])('%s.xlsx', (name) => {
  it('opens in LibreOffice with the same values exceljs wrote, sheet by sheet', async () => {
    const i = built.findIndex((b) => b.name === name);
    const b = built[i] as Built;
    const wb = await readBack(b.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(b.sheets);
    for (const sheet of b.sheets) {
      const ours = grid(wb.getWorksheet(sheet) as ExcelJS.Worksheet);
      const lo = parseCsv(csv[i]?.[sheet] ?? '');
      expect(lo.length, `${sheet} rows`).toBe(ours.length);
      ours.forEach((row, r) =>
        row.forEach((v, c) => {
          const got = lo[r]?.[c] ?? '';
          if (!same(v, got)) expect(`${sheet}!R${r + 1}C${c + 1}: ${got}`).toBe(`${sheet}!R${r + 1}C${c + 1}: ${v}`);
        }),
      );
    }
  });
});

describe('P4 花名册 (002 附件4)', () => {
  it('has the seed’s columns and formats: YYYY年MM月, 专业工作年限 to 2019-12-31, 单位考核 per year, 自评分', async () => {
    const wb = await readBack((built.find((b) => b.name === 'zj-roster') as Built).bytes);
    const ws = wb.getWorksheet('花名册') as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe(ZJ_ROSTER_TITLE);
    const headers = zjRosterColumns([2016, 2017, 2018]).map((c) => c.header);
    headers.forEach((h, c) => {
      const top = ws.getCell(3, c + 1);
      const text = top.isMerged && top.master.address !== top.address ? String(ws.getCell(4, c + 1).value) : String(top.value);
      expect(h === text || String(ws.getCell(4, c + 1).value) === h).toBe(true);
    });
    expect(ws.getCell(3, 17).value).toBe('单位考核');
    const row = (r: number) => Object.fromEntries(headers.map((h, c) => [h, ws.getCell(r, c + 1).value]));
    const chen = row(5);
    expect(chen).toMatchObject({ 姓名: '陈思远', 身份证号码: '330106198206150032', 从事专业: '系统集成', 专业工作年限: 15, '2017年': '优秀', 自评分: 86.5 });
    // Issue 12: dates are date cells Excel can sort, shown ××××年××月 (002 附件4 四 7); numbers are
    // numbers; the ID number stays text.
    const cellOf = (r: number, header: string) => ws.getCell(r, headers.indexOf(header) + 1);
    for (const [header, utc] of [['出生年月', Date.UTC(1982, 5, 1)], ['取得时间', Date.UTC(2012, 11, 1)], ['聘任时间', Date.UTC(2013, 2, 1)]] as const) {
      const cell = cellOf(5, header);
      expect(cell.type, header).toBe(ExcelJS.ValueType.Date);
      expect((cell.value as Date).getTime(), header).toBe(utc);
      expect(cell.numFmt, header).toBe('yyyy"年"mm"月"');
    }
    expect(cellOf(5, '专业工作年限').type).toBe(ExcelJS.ValueType.Number);
    expect(cellOf(5, '自评分').type).toBe(ExcelJS.ValueType.Number);
    expect(cellOf(5, '身份证号码').type).toBe(ExcelJS.ValueType.String);
    const lin = row(6);
    // 2010-01-01 → 2019-12-31 is 9 full years (fullYearsBetween); engineering education listed too.
    expect(lin).toMatchObject({ 专业工作年限: 9, 备注: '民办非企业单位', 单位性质: '其它类企业' });
    expect(String(lin['学历'])).toBe('硕士研究生\n工程类：大学本科');
    expect(ws.getColumn(5).width).toBe(20);
  });

  it('prints on A4 landscape, fitted to the width, with the two header rows repeated', async () => {
    const wb = await readBack((built.find((b) => b.name === 'zj-roster') as Built).bytes);
    const ws = wb.getWorksheet('花名册') as ExcelJS.Worksheet;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('3:4');
  });

  it('refuses a specialty outside the four and 其它类企业 without a remark', async () => {
    expectFail(await buildZjRosterXlsx({ submittingUnit: 'x', filledOn: '2019-09-20', assessmentYears: [2016, 2017, 2018], applicants: [{ ...zjApplicant, specialty: '软件工程' as never }] }), 'documents.fields');
    const { remarks: _r, ...noRemark } = second;
    expectFail(await buildZjRosterXlsx({ submittingUnit: 'x', filledOn: '2019-09-20', assessmentYears: [2016, 2017, 2018], applicants: [noRemark] }), 'documents.fields');
    expectFail(await buildZjRosterXlsx({ submittingUnit: 'x', filledOn: '2019-09-20', assessmentYears: [2017, 2018], applicants: [zjApplicant] }), 'documents.fields');
  });
});

describe('registers', () => {
  it('certificate register keeps only the range, both ends included, by date', () => {
    expect(eventsInRange(events, '2026-11-01', '2026-11-30').map((e) => e.certificateNo)).toEqual(['XJPM-2026-000123', 'XJPM-2022-000017', 'IETS-2025-000008']);
  });

  it('certificate register counts the kinds in the range', async () => {
    const wb = await readBack((built.find((b) => b.name === 'certificate-register') as Built).bytes);
    const stats = grid(wb.getWorksheet('统计') as ExcelJS.Worksheet);
    expect(stats.find((r) => r[0] === '发证')?.[1]).toBe('1');
    expect(stats.find((r) => r[0] === '撤销')?.[1]).toBe('1');
    expect(stats.find((r) => r[0] === '合计')?.[1]).toBe('3');
  });

  it('talent register writes the registration kind, dates and cycle hours', async () => {
    const wb = await readBack((built.find((b) => b.name === 'rk-talent-register') as Built).bytes);
    const rows = grid(wb.getWorksheet('人才库') as ExcelJS.Worksheet);
    expect(rows[3]).toEqual(['1', '李明', '女', '1986年03月', '310104198603120047', '计算机软件', '系统分析师（高级）', '04010011230000123', '2023年12月', 'SH-2026-0817', '再次登记', '2026年11月22日', '2029年11月21日', '上海浦江软件有限公司', '188.5', '']);
    expect(rows[4]?.[10]).toBe('注销登记');
    // Issue 12: the dates are date cells and the cycle hours a number Excel can sum.
    const ws = wb.getWorksheet('人才库') as ExcelJS.Worksheet;
    expect(ws.getCell('L4').type).toBe(ExcelJS.ValueType.Date);
    expect(ws.getCell('L4').numFmt).toBe('yyyy"年"mm"月"dd"日"');
    expect(ws.getCell('D4').type).toBe(ExcelJS.ValueType.Date);
    expect(ws.getCell('O4').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('O4').value).toBe(188.5);
    expect(ws.getCell('E4').type).toBe(ExcelJS.ValueType.String);
  });
});
