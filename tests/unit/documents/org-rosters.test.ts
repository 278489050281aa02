/**
 * Organisation rosters from real filings, read from the packs: the P3 年检汇总 by grade (001
 * （二）1 1)、1 2)、3), the P6 公示名单 (004 第十四条) and certificate register with category and
 * level (第十一、十二、十五条). Each workbook is read back with exceljs (numbers as numbers, sums
 * right) and opened by LibreOffice (`soffice --headless --convert-to csv`), whose sums agree.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { gradedRegisterData, gradeSummaryData, publicityListData, type OrganisationFiling } from '../../../shared/documents/org-rosters';
import { buildGradedRegisterXlsx } from '../../../shared/documents/xlsx/graded-register';
import { buildGradeSummaryXlsx } from '../../../shared/documents/xlsx/grade-summary';
import { buildPublicityListXlsx } from '../../../shared/documents/xlsx/publicity-list';
import type { Certificate } from '../../../shared/model/records';
import { expectOk } from '../rules/expect-result';
import { p3, p3Fields, p6, wan } from '../engine/org-fixtures';
import { libreOfficeCsv, parseCsv, saveResult } from './helpers';
import { programId as pid, stateId as sid } from '../typed-ids';

const people = (n: number) => Array.from({ length: n }, (_, i) => ({ idNumber: `person-${i}` }));

const filing = (status: string, fields: Record<string, unknown>, history: OrganisationFiling['history'] = [], extra: Partial<OrganisationFiling['application']> = {}): OrganisationFiling => ({
  application: { programId: pid('xj-si-annual'), kind: 'annual-review', status: sid(status), applicationNo: `P3-2026-${status}`, fields, ...extra },
  history,
});

const filings: OrganisationFiling[] = [
  // 乙: 31 staff, 8 people certified, 918.120012 万元 in 2025 — passed and exchanged.
  filing('completed', { ...p3Fields, technicalStaffTotal: 31 }),
  // 甲: 38 staff (40 asked), 14 certified, 3100 万元 — rejected with its reason.
  filing(
    'rejected',
    { enterpriseName: '乌鲁木齐丝路信息工程有限公司', creditCode: '91650100MA776XXXX2', grade: '甲', certifiedThisYear: false, technicalStaffTotal: 38, managementCertificates: people(14), projectCompletion: [{ year: 2025, total: wan('3100') }] },
    [{ to: 'submitted' }, { to: 'rejected', reason: '技术人员总数不足40人' }],
  ),
  // 丁: 7 staff, no certificates, no projects — awaiting review.
  filing('submitted', { enterpriseName: '昌吉智联网络技术有限公司', creditCode: '91652300MA777XXXX3', grade: '丁', certifiedThisYear: true, technicalStaffTotal: 7 }),
  // Left out: another program's file, a deleted one, one without a grade.
  { ...filing('submitted', { grade: '乙' }), application: { ...filing('submitted', {}).application, programId: pid('iets') } },
  filing('completed', { ...p3Fields }, [], { deleted: true }),
  filing('submitted', { enterpriseName: '无等级公司', technicalStaffTotal: 3 }, [], { applicationNo: 'P3-2026-000009' }),
];

const publicityFiling = (fields: Record<string, unknown>): OrganisationFiling => ({ application: { programId: pid('iets'), kind: 'new', status: sid('publicity'), applicationNo: 'P6', fields }, history: [] });

const base = { createdAt: '2026-03-10T01:00:00.000Z', createdBy: 'u1', updatedAt: '2026-03-10T01:00:00.000Z', updatedBy: 'u1' };
const uid = (n: number) => `01937b2c-0000-7000-8000-${String(n).padStart(12, '0')}`;
const certificates: Certificate[] = [
  { ...base, id: uid(1), certificateNo: 'IETS-2026-000003', programId: pid('iets'), holderOrganisationId: uid(11), issuedOn: '2026-03-10', validUntil: '2029-03-09', status: 'valid', category: 'iets', level: 'IETS-3' },
  { ...base, id: uid(2), certificateNo: 'IETS-2026-000001', programId: pid('iets'), holderOrganisationId: uid(12), issuedOn: '2026-01-05', validUntil: '2029-01-04', status: 'valid', category: 'iets', level: 'IETS-1' },
  { ...base, id: uid(3), certificateNo: 'IETS-2026-000002', programId: pid('iets'), holderOrganisationId: uid(13), issuedOn: '2026-02-01', validUntil: '2029-01-31', status: 'revoked', category: 'nextgen' },
  { ...base, id: uid(4), certificateNo: 'IETS-2026-000004', programId: pid('iets'), holderOrganisationId: uid(14), issuedOn: '2026-02-01', status: 'valid', category: 'iets', level: 'IETS-2', deleted: true },
  { ...base, id: uid(5), certificateNo: 'XJSI-2026-000001', programId: pid('xj-si-annual'), holderOrganisationId: uid(15), issuedOn: '2026-04-20', status: 'valid', category: 'grade', level: '乙' },
];
const holders: Record<string, { name: string; creditCode: string }> = {
  [uid(11)]: { name: '乌鲁木齐丝路信息工程有限公司', creditCode: '91650100MA776XXXX2' },
  [uid(12)]: { name: '新疆天山云数据科技有限公司', creditCode: '91650100MA775XXXX1' },
  [uid(13)]: { name: '新疆数字经济研究会', creditCode: '51650000MJ0000000X' },
};

interface Built {
  readonly name: string;
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly sheets: string[];
}
const built: Built[] = [];
let csv: Record<string, string>[] = [];
let problems: readonly string[] = [];

beforeAll(async () => {
  const summary = expectOk(gradeSummaryData(p3, filings, { generatedOn: '2026-03-15' }));
  problems = summary.problems;
  const publicity = expectOk(
    publicityListData(
      p6,
      'publicity-list',
      [
        publicityFiling({ organisationName: '乌鲁木齐丝路信息工程有限公司', creditCode: '91650100MA776XXXX2', evaluationCategory: 'iets', level: 'IETS-3', agencyName: '中技评（北京）评价有限公司' }),
        publicityFiling({ organisationName: '新疆数字经济研究会', creditCode: '51650000MJ0000000X', evaluationCategory: 'nextgen', agencyName: '新疆信息化评价中心' }),
      ],
      { title: '2026年第一批信息化工程与技术服务能力评价结果公示', period: { from: '2026-03-02', to: '2026-03-08', note: '7天' }, publisher: '中国技术市场协会科学技术评价中心' },
    ),
  );
  const register = gradedRegisterData(p6, certificates, (c) => holders[c.holderOrganisationId ?? ''] ?? { name: '', creditCode: '' }, { asOf: '2026-03-31' });
  const make = async (name: string, bytes: Uint8Array, sheets: string[]) => built.push({ name, bytes, sheets, file: saveResult(`${name}.xlsx`, bytes) });
  await make('p3-grade-summary', expectOk(await buildGradeSummaryXlsx(summary.input)), ['汇总', '明细']);
  await make('p6-publicity', expectOk(await buildPublicityListXlsx(publicity)), ['公示名单']);
  await make('p6-register', expectOk(await buildGradedRegisterXlsx(register)), ['登记簿', '统计']);
  csv = libreOfficeCsv(
    built.map((b) => b.file),
    built.map((b) => b.sheets),
  );
}, 120_000);

async function sheet(name: string, sheetName: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((built.find((b) => b.name === name) as Built).bytes as unknown as ArrayBuffer);
  return wb.getWorksheet(sheetName) as ExcelJS.Worksheet;
}

/** The row whose first cell is `label`, as raw cell values. */
function rowOf(ws: ExcelJS.Worksheet, label: string): unknown[] {
  for (let r = 1; r <= ws.rowCount; r++) {
    if (ws.getCell(r, 1).value === label) return Array.from({ length: ws.columnCount }, (_, c) => ws.getCell(r, c + 1).value);
  }
  return [];
}

function csvOf(name: string, sheetName: string): string[][] {
  const i = built.findIndex((b) => b.name === name);
  return parseCsv(csv[i]?.[sheetName] ?? '');
}

describe('P3 年检汇总 by grade (001)', () => {
  it('headers come from the pack’s thresholds', async () => {
    const ws = await sheet('p3-grade-summary', '汇总');
    expect(Array.from({ length: ws.columnCount }, (_, c) => ws.getCell(3, c + 1).value)).toEqual([
      '等级',
      '家数',
      '通过',
      '驳回',
      '待审核',
      '技术人员总数达标',
      '持证人员总数达标',
      '2023、2024、2025 三年系统集成项目总值达到参考指标',
      '技术人员总数合计（人）',
      '持证人员总数合计（人）',
      '2023、2024、2025 三年系统集成项目总值合计（万元）',
    ]);
  });

  it('each grade’s outcomes, thresholds met and sums, as numbers (丁级 无要求 counts as met)', async () => {
    const ws = await sheet('p3-grade-summary', '汇总');
    expect(rowOf(ws, '甲级')).toEqual(['甲级', 1, 0, 1, 0, 0, 1, 1, 38, 14, 3100]);
    expect(rowOf(ws, '乙级')).toEqual(['乙级', 1, 1, 0, 0, 1, 1, 0, 31, 8, 918.120012]);
    expect(rowOf(ws, '丙级')).toEqual(['丙级', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(rowOf(ws, '丁级')).toEqual(['丁级', 1, 0, 0, 1, 1, 1, 1, 7, 0, 0]);
    expect(rowOf(ws, '合计')).toEqual(['合计', 3, 1, 1, 1, 2, 3, 2, 76, 22, 4018.120012]);
  });

  it('the detail lists each enterprise by grade with its figures, verdicts and the rejection reason', async () => {
    const ws = await sheet('p3-grade-summary', '明细');
    const rows = Array.from({ length: ws.rowCount - 3 }, (_, r) => Array.from({ length: ws.columnCount }, (_, c) => ws.getCell(r + 4, c + 1).value));
    expect(rows).toEqual([
      [1, '乌鲁木齐丝路信息工程有限公司', '91650100MA776XXXX2', '甲级', 38, 14, 3100, '未达标', '达标', '达到', '驳回', '技术人员总数不足40人'],
      [2, '新疆天山云数据科技有限公司', '91350100M000100Y43', '乙级', 31, 8, 918.120012, '达标', '达标', '未达到', '通过', ''],
      [3, '昌吉智联网络技术有限公司', '91652300MA777XXXX3', '丁级', 7, 0, 0, '达标', '无要求', '无要求', '待审核', ''],
      ['合计', '', '', '', 76, 22, 4018.120012, '', '', '', '', ''],
    ]);
  });

  it('a filing without a grade is reported, not guessed', () => {
    expect(problems).toEqual(['P3-2026-000009：未选择有效的等级。']);
  });

  it('LibreOffice reads the same numbers, and its grade rows add up to the 合计 row', () => {
    const rows = csvOf('p3-grade-summary', '汇总');
    const grades = rows.filter((r) => ['甲级', '乙级', '丙级', '丁级'].includes(r[0] ?? ''));
    const total = rows.find((r) => r[0] === '合计') ?? [];
    expect(grades).toHaveLength(4);
    for (let c = 1; c <= 10; c++) {
      const sum = grades.reduce((n, r) => n + Number(r[c]), 0);
      expect(Math.abs(sum - Number(total[c])), `column ${c + 1}`).toBeLessThan(1e-9);
    }
    expect(total.slice(0, 11)).toEqual(['合计', '3', '1', '1', '1', '2', '3', '2', '76', '22', '4018.120012']);
    const detail = csvOf('p3-grade-summary', '明细');
    const body = detail.filter((r) => /^\d+$/.test(r[0] ?? ''));
    const detailTotal = detail.find((r) => r[0] === '合计') ?? [];
    expect(body.reduce((n, r) => n + Number(r[6]), 0)).toBeCloseTo(Number(detailTotal[6]), 9);
  });
});

describe('P6 公示名单 (004 第十四条): columns from the pack document', () => {
  it('shows labels, not codes; no level for the next-generation evaluation', async () => {
    const ws = await sheet('p6-publicity', '公示名单');
    const rows = Array.from({ length: 3 }, (_, r) => Array.from({ length: ws.columnCount }, (_, c) => ws.getCell(r + 4, c + 1).value));
    expect(rows).toEqual([
      ['序号', '组织名称', '统一社会信用代码', '评价类别', '能力等级', '评价机构'],
      [1, '乌鲁木齐丝路信息工程有限公司', '91650100MA776XXXX2', '信息化工程与技术服务能力评价', 'IETS-3', '中技评（北京）评价有限公司'],
      [2, '新疆数字经济研究会', '51650000MJ0000000X', '新一代信息技术应用与创新能力评价', '', '新疆信息化评价中心'],
    ]);
    expect(ws.getCell(3, 1).value).toBe('公示期：2026年03月02日至2026年03月08日（7天）');
  });

  it('LibreOffice reads the same list', () => {
    const rows = csvOf('p6-publicity', '公示名单');
    expect(rows[4]?.slice(0, 6)).toEqual(['1', '乌鲁木齐丝路信息工程有限公司', '91650100MA776XXXX2', '信息化工程与技术服务能力评价', 'IETS-3', '中技评（北京）评价有限公司']);
  });
});

describe('P6 certificate register with category and level (004 第十一、十二、十五条)', () => {
  it('lists the program’s live certificates by category, level high first; dates are date cells', async () => {
    const ws = await sheet('p6-register', '登记簿');
    const rows = Array.from({ length: ws.rowCount - 3 }, (_, r) => Array.from({ length: ws.columnCount }, (_, c) => ws.getCell(r + 4, c + 1).value));
    expect(rows).toEqual([
      [1, 'IETS-2026-000001', '新疆天山云数据科技有限公司', '91650100MA775XXXX1', '信息化工程与技术服务能力评价（企业）', '一级（IETS-1）', new Date('2026-01-05T00:00:00Z'), new Date('2029-01-04T00:00:00Z'), '有效'],
      [2, 'IETS-2026-000003', '乌鲁木齐丝路信息工程有限公司', '91650100MA776XXXX2', '信息化工程与技术服务能力评价（企业）', '三级（IETS-3）', new Date('2026-03-10T00:00:00Z'), new Date('2029-03-09T00:00:00Z'), '有效'],
      [3, 'IETS-2026-000002', '新疆数字经济研究会', '51650000MJ0000000X', '新一代信息技术应用与创新能力评价', '', new Date('2026-02-01T00:00:00Z'), new Date('2029-01-31T00:00:00Z'), '已撤销'],
    ]);
    // Shown as the seed writes dates.
    expect(ws.getCell(4, 7).numFmt).toBe('yyyy"年"mm"月"dd"日"');
  });

  it('counts per category and level add up to the total, in exceljs and in LibreOffice', async () => {
    const ws = await sheet('p6-register', '统计');
    const rows = Array.from({ length: ws.rowCount - 3 }, (_, r) => [ws.getCell(r + 4, 2).value, ws.getCell(r + 4, 3).value]);
    expect(rows).toEqual([
      ['卓越级（IETS-E）', 0],
      ['一级（IETS-1）', 1],
      ['二级（IETS-2）', 0],
      ['三级（IETS-3）', 1],
      ['四级（IETS-4）', 0],
      ['不分等级', 1],
      ['', 3],
    ]);
    const lo = csvOf('p6-register', '统计').slice(3);
    const counts = lo.slice(0, -1).reduce((n, r) => n + Number(r[2]), 0);
    expect(counts).toBe(Number(lo.at(-1)?.[2]));
    expect(lo.at(-1)?.slice(0, 3)).toEqual(['合计', '', '3']);
  });
});
