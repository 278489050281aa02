/**
 * Repeatable tables as pack fields (shared/engine/tables), on the P3 年检 tables of seed 001:
 * stored rows (absent amounts 0), row operations, the grey computed columns and the 合计 line
 * exact to the fen, row-and-column messages, year rows, the files asked per row, and a table of
 * 500 rows kept fast.
 */
import { describe, expect, it } from 'vitest';
import { validateFields } from '../../../shared/engine/fields';
import {
  addRow,
  completeYearRows,
  computedValues,
  ensureRowKeys,
  missingRowUploads,
  moveRow,
  normaliseFields,
  normaliseRow,
  removeRow,
  setCell,
  tableView,
  uploadPlans,
  yearRowErrors,
  yearsAsked,
} from '../../../shared/engine/tables';
import { materialsFromUploads } from '../../../shared/engine/uploads';
import { plainValues } from '../../../shared/programs/condition';
import { formatMoney, parseYuan, type Fen } from '../../../shared/rules/money';
import { expectFail, expectOk } from '../rules/expect-result';
import { CONTRACT_TOTAL_FEN, field, NO_AMOUNTS, p3, p3Fields, projectRows, wan } from './org-fixtures';

const projects = field(p3, 'projects');
const completion = field(p3, 'projectCompletion');
const business = field(p3, 'businessFigures');
const TODAY = '2026-01-12';

describe('money typed in the seed’s unit, stored in 分 (001 （二）3: 万元)', () => {
  it.each<[string, 'yuan' | 'wan-yuan', number]>([
    ['1200', 'wan-yuan', 12_000_000_00], ['0.000001', 'wan-yuan', 1], ['1,234.5678', 'wan-yuan', 12_345_678_00], ['500元', 'wan-yuan', 50_000],
    ['1.2万', 'yuan', 1_200_000], ['12,345.67', 'yuan', 1_234_567], ['０.１', 'yuan', 10],
  ])('%s in %s → %i 分', (typed, unit, fen) => {
    expect(expectOk(parseYuan(typed, { unit }))).toBe(fen);
  });

  it('a 万元 amount keeps at most 6 decimals (one 分)', () => {
    expectFail(parseYuan('1.0000001', { unit: 'wan-yuan' }), 'money.decimals');
  });

  it('shows an amount in its unit', () => {
    expect(formatMoney(918_120_012 as Fen, 'wan-yuan')).toBe('918.120012');
    expect(formatMoney(918_120_012 as Fen, 'yuan')).toBe('9,181,200.12');
  });
});

describe('stored rows: absent amounts are 0, never blank (001 （二）3 3): 合同内未包含的项目填 0)', () => {
  it('a new row holds 0 in each of the ten amounts and nothing in the text columns', () => {
    const [row] = addRow(projects, [], 'k1');
    expect(row).toEqual({ rowKey: 'k1', ...NO_AMOUNTS });
  });

  it('clearing an amount stores 0; clearing a text removes it; computed columns are never stored', () => {
    const rows = addRow(projects, [], 'k1');
    const typed = setCell(projects, setCell(projects, rows, 0, 'projectName', '机房改造'), 0, 'integration', wan('12.5'));
    expect(typed[0]).toMatchObject({ projectName: '机房改造', integration: 12_500_000 });
    const cleared = setCell(projects, setCell(projects, typed, 0, 'integration', ''), 0, 'projectName', '  ');
    expect(cleared[0]?.['integration']).toBe(0);
    expect(cleared[0]).not.toHaveProperty('projectName');
    expect(setCell(projects, typed, 0, 'contractAmount', 1)).toBe(typed);
    expect(normaliseRow(projects, { integration: null, contractAmount: 99, serviceTotal: 7 })).not.toHaveProperty('contractAmount');
  });

  it('normaliseFields fills the form’s absent-means-0 fields and drops computed ones', () => {
    const stored = normaliseFields(p3, 'annual-review', { technicalStaffTotal: '', certifiedStaffTotal: 12, threeYearProjectTotal: 5, projects: [{ projectName: 'x' }] });
    expect(stored['technicalStaffTotal']).toBe(0);
    expect(stored['selfDevelopedSales']).toBe(0);
    expect(stored).not.toHaveProperty('certifiedStaffTotal');
    expect(stored).not.toHaveProperty('threeYearProjectTotal');
    expect((stored['projects'] as Record<string, unknown>[])[0]?.['other']).toBe(0);
  });
});

describe('row operations are pure', () => {
  const rows = [{ rowKey: 'a' }, { rowKey: 'b' }, { rowKey: 'c' }];
  const keys = (r: readonly Record<string, unknown>[]) => r.map((x) => x['rowKey']);

  it('add at a place, remove, move up and down; the input is never changed', () => {
    expect(keys(addRow(business, rows, 'n', 1))).toEqual(['a', 'n', 'b', 'c']);
    expect(keys(removeRow(rows, 1))).toEqual(['a', 'c']);
    expect(keys(moveRow(rows, 2, 'up'))).toEqual(['a', 'c', 'b']);
    expect(keys(moveRow(rows, 0, 'down'))).toEqual(['b', 'a', 'c']);
    expect(keys(rows)).toEqual(['a', 'b', 'c']);
  });

  it('an index out of range, or a move past either end, changes nothing', () => {
    expect(removeRow(rows, 3)).toBe(rows);
    expect(removeRow(rows, -1)).toBe(rows);
    expect(moveRow(rows, 0, 'up')).toBe(rows);
    expect(moveRow(rows, 2, 'down')).toBe(rows);
    expect(setCell(business, rows, 5, 'category', 'x')).toBe(rows);
    expect(setCell(business, rows, 0, 'noSuchColumn', 'x')).toBe(rows);
  });

  it('rows without a key get one; keyed rows keep theirs', () => {
    let n = 0;
    expect(keys(ensureRowKeys([{ rowKey: 'a' }, {}, { rowKey: '' }], () => `new-${++n}`))).toEqual(['a', 'new-1', 'new-2']);
    expect(ensureRowKeys(rows, () => 'x')).toBe(rows);
  });
});

describe('001 （二）3 2): the grey columns and the 合计 line, exact to the 分', () => {
  const view = tableView(projects, projectRows);

  it('软件和信息技术服务费合计 = the six fees; 合同金额 = 服务费合计 + the four other parts', () => {
    expect(view.rows[2]?.cells).toMatchObject({ serviceTotal: 35_010_001, contractAmount: 38_010_001 });
    expect(view.rows[11]?.cells).toMatchObject({ serviceTotal: 125_010_001, contractAmount: 137_010_001 });
  });

  it('the 合计 line adds each amount column over the twelve projects', () => {
    expect(view.totals).toEqual({
      softwareDevelopment: 780_120_000,
      consultingDesign: 0,
      integration: 60_000_012,
      operationMaintenance: 0,
      dataProcessing: 0,
      operationService: 0,
      serviceTotal: 840_120_012,
      ownHardware: 0,
      hardwarePurchase: 78_000_000,
      softwarePurchase: 0,
      other: 0,
      contractAmount: CONTRACT_TOTAL_FEN,
    });
    expect(formatMoney(view.totals['contractAmount'] as Fen, 'wan-yuan')).toBe('918.120012');
  });

  it('0.1 + 0.2 元 is 0.3 元', () => {
    const v = tableView(projects, [{ softwareDevelopment: 10, dataProcessing: 20 }]);
    expect(v.rows[0]?.cells['serviceTotal']).toBe(30);
  });

  it('a cell typed as text the form could not read leaves its row’s totals unknown, never wrong', () => {
    const v = tableView(projects, [{ softwareDevelopment: 'abc' }, { softwareDevelopment: 100 }]);
    expect(v.rows[0]?.cells['serviceTotal']).toBeUndefined();
    expect(v.rows[0]?.cells['contractAmount']).toBeUndefined();
    expect(v.rows[1]?.cells['serviceTotal']).toBe(100);
    expect(v.totals['serviceTotal']).toBeNull();
    expect(v.totals['contractAmount']).toBeNull();
  });

  it('a sum beyond exact arithmetic is refused with the row and column named', () => {
    const v = tableView(projects, [{}, { softwareDevelopment: Number.MAX_SAFE_INTEGER, integration: 1 }]);
    expect(v.problems.map((p) => p.message)).toContain(
      '“计算机信息系统集成项目汇总（2025 年度已完成项目）”第2行：“软件和信息技术服务费合计”合计过大，无法准确计算，请核对各项金额。',
    );
  });
});

describe('row validation names the row and the column', () => {
  const messages = (projectsValue: unknown[]) =>
    validateFields(p3, 'annual-review', { ...p3Fields, projects: projectsValue }, TODAY).map((e) => e.message);

  it('an amount typed wrong in row 3', () => {
    const rows = projectRows.map((r, i) => (i === 2 ? { ...r, softwareDevelopment: '12.3.4' } : r));
    expect(messages(rows)).toEqual([
      '“计算机信息系统集成项目汇总（2025 年度已完成项目）”第3行：“软件开发费”：“12.3.4”不是有效金额。请填写数字，如 12345.67、12,345.67 或 1.2万。',
    ]);
  });

  it('a required cell left blank, and an option not in the list', () => {
    const rows = projectRows.map((r, i) => (i === 0 ? { ...r, projectName: '' } : i === 4 ? { ...r, completionEvidence: '合同' } : r));
    expect(messages(rows)).toEqual([
      '“计算机信息系统集成项目汇总（2025 年度已完成项目）”第1行：请填写“项目名称”。',
      '“计算机信息系统集成项目汇总（2025 年度已完成项目）”第5行：“完成依据”应为以下之一：验收报告、部分回款发票。',
    ]);
  });

  it('a negative stored amount', () => {
    const rows = projectRows.map((r, i) => (i === 1 ? { ...r, other: -100 } : r));
    expect(messages(rows)).toEqual([
      '“计算机信息系统集成项目汇总（2025 年度已完成项目）”第2行：“其他”：此处金额不能为负数。',
      // The total no longer agrees either (001 （二）4).
      '“系统集成项目完成情况（2023–2025 年）”2025 年的“系统集成项目总值”（918.120012 万元）应与“计算机信息系统集成项目汇总（2025 年度已完成项目）”的“合同金额”合计（918.119912 万元）一致。',
    ]);
  });

  it('001 （二）1 2): the 身份证号 of a certificate row is checked, and the certificate must be in the catalogue', () => {
    const certificates = [
      { personName: '王建新', idNumber: '110105198002111012', certificateKind: '国家软考证书', catalogueEntry: 'no-9', certificateNo: 'A1' },
      { personName: '李娜', idNumber: '110105198003121027', certificateKind: '国家软考证书', catalogueEntry: 'no-22', certificateNo: 'A2' },
      { personName: '张伟', idNumber: '110105198004131032', certificateKind: '系统集成实施工程经理', certificateNo: 'A3' },
    ];
    const errors = validateFields(p3, 'annual-review', { ...p3Fields, managementCertificates: certificates }, TODAY);
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['managementCertificates[0].idNumber', 'id.checksum'],
      ['managementCertificates[1].catalogueEntry', 'field.catalogue'],
    ]);
    expect(errors[1]?.message).toBe(
      '“计算机信息系统集成管理人员证书情况”第2行：“证书名称（目录）”应为“有效的计算机信息系统集成（信息工程）管理人员能力评价或认证证书”中的一项。',
    );
  });

  it('the example filing has no field error', () => {
    expect(validateFields(p3, 'annual-review', p3Fields, TODAY)).toEqual([]);
  });
});

describe('computed form fields', () => {
  it('001 （二）1 2): 持证人员总数 counts people, not certificates', () => {
    expect(computedValues(p3, 'annual-review', p3Fields)['certifiedStaffTotal']).toBe(8);
  });

  it('001 （二）3–4: the three-year total adds 2023–2025 only, a missing year being 0', () => {
    const values = {
      ...p3Fields,
      certifiedThisYear: true,
      projectCompletion: [
        { year: 2022, total: wan('5000') },
        { year: 2023, total: wan('300.5') },
        { year: 2025, total: wan('420.000001') },
      ],
    };
    expect(computedValues(p3, 'annual-review', values)['threeYearProjectTotal']).toBe(720_500_001);
  });
});

describe('001 （二）2、4: year rows', () => {
  it('an enterprise certified this year fills 2023–2025; any other the current year only', () => {
    expect(yearsAsked(completion, { certifiedThisYear: true })).toEqual([2023, 2024, 2025]);
    expect(yearsAsked(completion, { certifiedThisYear: false })).toEqual([2025]);
    expect(yearsAsked(business, {})).toEqual([2025]);
  });

  it('the form starts with one row per year asked, 0 where nothing is typed (成立未满 3 年 … 填 0)', () => {
    let n = 0;
    const rows = completeYearRows(completion, [{ rowKey: 'r', year: 2024, total: wan('12') }], { certifiedThisYear: true }, () => `y${++n}`);
    expect(rows).toEqual([
      { rowKey: 'y1', year: 2023, total: 0 },
      { rowKey: 'r', year: 2024, total: 12_000_000 },
      { rowKey: 'y2', year: 2025, total: 0 },
    ]);
  });

  it('a year not asked for, or a year twice in a one-row-per-year table, is named with its row', () => {
    const errors = yearRowErrors(completion, [{ year: 2025 }, { year: 2024 }, { year: 2025 }], plainValues({ certifiedThisYear: false }));
    expect(errors.map((e) => e.message)).toEqual([
      '“系统集成项目完成情况（2023–2025 年）”第2行：“年度”应为 2025 年。',
      '“系统集成项目完成情况（2023–2025 年）”第3行：2025 年已在第1行填写，每年只填一行。',
    ]);
    expect(yearRowErrors(business, [{ year: 2025 }, { year: 2025 }], plainValues({}))).toEqual([]);
  });
});

describe('001 （二）4: 项目完成情况 agrees with the project summary (此处与项目汇总表对应)', () => {
  it('the round year’s total must be the projects’ 合同金额 added up, to the 分', () => {
    const off = { ...p3Fields, projectCompletion: [{ year: 2025, total: CONTRACT_TOTAL_FEN - 1 }] };
    expect(validateFields(p3, 'annual-review', off, TODAY).map((e) => [e.field, e.message])).toEqual([
      [
        'projectCompletion',
        '“系统集成项目完成情况（2023–2025 年）”2025 年的“系统集成项目总值”（918.120011 万元）应与“计算机信息系统集成项目汇总（2025 年度已完成项目）”的“合同金额”合计（918.120012 万元）一致。',
      ],
    ]);
  });

  it('a missing 2025 row counts as 0; earlier years are not compared', () => {
    const missing = { ...p3Fields, certifiedThisYear: true, projectCompletion: [{ year: 2024, total: wan('10') }] };
    expect(validateFields(p3, 'annual-review', missing, TODAY).map((e) => e.code)).toEqual(['table.agreement']);
    const none = { ...p3Fields, projects: [], projectCompletion: [{ year: 2025, total: 0 }] };
    expect(validateFields(p3, 'annual-review', none, TODAY)).toEqual([]);
  });
});

describe('001 （二）5、6 3): files per row', () => {
  it('with twelve contracts, the ten largest by 合同金额 are the ones to upload', () => {
    const plan = uploadPlans(p3, 'annual-review', p3Fields).find((p) => p.item.id === 'project-contracts');
    expect(plan?.limitedTo).toBe(10);
    expect(plan?.rows.filter((r) => !r.asked).map((r) => r.label)).toEqual(['项目1', '项目2']);
    expect(plan?.asked).toBe(10);
  });

  it('ties keep the table’s order; with ten or fewer contracts every one is asked for', () => {
    const same = Array.from({ length: 11 }, (_, i) => ({ rowKey: `r${i}`, projectName: `同额${i + 1}`, other: 100 }));
    const plan = uploadPlans(p3, 'annual-review', { ...p3Fields, projects: same }).find((p) => p.item.id === 'project-contracts');
    expect(plan?.rows.filter((r) => !r.asked).map((r) => r.label)).toEqual(['同额11']);
    const few = uploadPlans(p3, 'annual-review', { ...p3Fields, projects: projectRows.slice(0, 4) }).find((p) => p.item.id === 'project-contracts');
    expect(few?.rows.every((r) => r.asked)).toBe(true);
    expect(few?.limitedTo).toBeUndefined();
  });

  it('each innovation needs its certificate: the rows without one are named', () => {
    const plans = uploadPlans(p3, 'annual-review', p3Fields);
    const files = [{ itemId: 'innovation-certificates', rowKey: 'inno-2' }, ...Array.from({ length: 10 }, (_, i) => ({ itemId: 'project-contracts', rowKey: `project-${i + 3}` }))];
    expect(missingRowUploads(plans, files)).toEqual(['“企业技术创新”第1行（数据中台软件著作权）尚未上传“技术创新对应证书（本年度新增）”。']);
  });

  it('the checklist counts the files: 营业执照, 3 statements, 10 contracts, 2 certificates', () => {
    const files = [
      { itemId: 'business-licence' },
      { itemId: 'financial-statements' },
      { itemId: 'financial-statements' },
      ...Array.from({ length: 12 }, (_, i) => ({ itemId: 'project-contracts', rowKey: `project-${i + 1}` })),
      { itemId: 'innovation-certificates', rowKey: 'inno-1' },
      { itemId: 'innovation-certificates', rowKey: 'inno-1', deleted: true },
    ];
    expect(materialsFromUploads(p3, 'annual-review', p3Fields, files)).toEqual([
      { itemId: 'business-licence', status: 'received', copiesReceived: 1 },
      { itemId: 'financial-statements', status: 'received', copiesReceived: 2 },
      { itemId: 'project-contracts', status: 'received', copiesReceived: 10 },
      { itemId: 'innovation-certificates', status: 'received', copiesReceived: 1 },
      { itemId: 'stamped-return', status: 'pending', copiesReceived: 0 },
    ]);
  });

  it('a clerk’s rejection of an item stands until a file is added after it', () => {
    const rejected = [{ itemId: 'business-licence', status: 'rejected' as const, copiesReceived: 1, rejectReason: '营业执照已过期', rejectedAt: '2026-01-10T08:00:00.000Z' }];
    const old = [{ itemId: 'business-licence', createdAt: '2026-01-09T08:00:00.000Z' }];
    expect(materialsFromUploads(p3, 'annual-review', p3Fields, old, rejected)[0]).toMatchObject({ status: 'rejected', rejectReason: '营业执照已过期' });
    const fresh = [...old, { itemId: 'business-licence', createdAt: '2026-01-11T08:00:00.000Z' }];
    expect(materialsFromUploads(p3, 'annual-review', p3Fields, fresh, rejected)[0]).toEqual({ itemId: 'business-licence', status: 'received', copiesReceived: 2 });
  });
});

describe('hundreds of rows', () => {
  it('500 projects: computed, totalled, validated and ranked (speed: npm run bench tables)', () => {
    const many = Array.from({ length: 500 }, (_, k) => ({
      rowKey: `p${k}`,
      projectName: `项目${k + 1}`,
      completionEvidence: '部分回款发票',
      softwareDevelopment: 1_000_001 + k,
      integration: 2_500_000,
      hardwarePurchase: k % 7 === 0 ? 123 : 0,
    }));
    const values = { ...p3Fields, projects: many, projectCompletion: [{ year: 2025, total: 1_750_134_106 }] };
    const view = tableView(projects, many);
    expect(view.rows).toHaveLength(500);
    expect(validateFields(p3, 'annual-review', values, TODAY)).toEqual([]);
    expect(uploadPlans(p3, 'annual-review', values).find((p) => p.item.id === 'project-contracts')?.asked).toBe(10);
    // Σ(1,000,001 + k) + 500 × 2,500,000 + 72 × 123 for k < 500.
    expect(view.totals['contractAmount']).toBe(1_750_134_106);
    // How fast: `npm run bench tables` (speed never fails the suite: a loaded machine is not a bug).
  });
});
