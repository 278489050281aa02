/**
 * The clerk's work on the report and what gets written: two bad rows fixed in place, a duplicate
 * left out, people already on the desk linked (never a second person), then the exact records of
 * the import and of its undo.
 */
import { describe, expect, it } from 'vitest';
import { planImport, planUndo, readImport, reviewRows, tableValueWith, type DeskLookup, type ImportDecisions, type ImportSpec, type ParsedSheet } from '../../../shared/import';
import { applicationSchema, certificateSchema, importBatchSchema, personSchema, type Application, type ImportBatch, type Person } from '../../../shared/model/records';
import { buildXlsx, fixture, headerRow, is, MESSY, row, specOf, TODAY } from './helpers';
import { programId as pid, stateId as sid } from '../typed-ids';
import { assessedYears } from '../programs/p4-assessments';

const roster = specOf('zj-it-senior', 'roster');
const ctx = { today: TODAY };

function parsed(name: string, spec: ImportSpec): ParsedSheet {
  const r = readImport({ bytes: fixture(name), spec, today: TODAY });
  if (!r.ok || !r.value.parsed.ok) throw new Error('unreadable fixture');
  return r.value.parsed.value;
}

const P_ZHANG = '01937b2c-0000-7000-8000-0000000000a1';
const P_QIAN = '01937b2c-0000-7000-8000-0000000000a2';
const desk: DeskLookup = {
  people: new Map([
    [MESSY.ZHANG, { id: P_ZHANG, name: '张三丰' }],
    [MESSY.QIAN, { id: P_QIAN, name: '钱七' }],
  ]),
  applicationsByPerson: new Map([[P_QIAN, ['P4-2026-ABCD-0007']]]),
};

/** Row 7's ID retyped from the card, row 8's month and 单位性质 corrected, the duplicate row 9 left out. */
const decisions: ImportDecisions = {
  fixes: { 7: { 4: MESSY.WANG }, 8: { 3: '1979年10月', 6: '私营企业和个体工商户' } },
  excluded: [9],
};

describe('reviewing the P4 花名册', () => {
  it('before any decision: three rows to fix or leave out, none linked without the desk', () => {
    const report = reviewRows(parsed('roster-messy.xlsx', roster), roster, ctx);
    expect(report.counts).toEqual({ rows: 6, excluded: 0, ready: 3, withErrors: 3, withWarnings: 0, fixed: 0, linked: 0 });
  });

  it('fixed in place, the duplicate left out, the desk consulted: every row ready, two linked with warnings to look at', () => {
    const report = reviewRows(parsed('roster-messy.xlsx', roster), roster, ctx, decisions, desk);
    expect(report.counts).toEqual({ rows: 6, excluded: 1, ready: 5, withErrors: 0, withWarnings: 2, fixed: 2, linked: 2 });
    const row = (n: number) => report.rows.find((r) => r.row === n)!;
    expect(row(7).values['idNumber']).toBe('330102198003010038');
    expect(row(8).values).toMatchObject({ birthMonth: '1979-10', unitNature: '私营企业和个体工商户' });
    expect(row(5).link).toEqual({ personId: P_ZHANG, name: '张三丰' });
    expect(row(5).warnings.map((w) => w.message)).toEqual([
      '第5行“姓  名”（B列）：办事台上已有此身份证号码的人员“张三丰”，姓名与表中的“张三”不同；导入后关联到已有人员，不会新建。请核对。',
    ]);
    expect(row(10).warnings.map((w) => w.code)).toEqual(['import.already-applied']);
    expect(row(10).warnings[0]!.message).toContain('P4-2026-ABCD-0007');
  });

  it('a fix can make a duplicate: row 7 retyped with row 5’s number', () => {
    const report = reviewRows(parsed('roster-messy.xlsx', roster), roster, ctx, { fixes: { 7: { 4: MESSY.ZHANG } } });
    expect(report.rows.find((r) => r.row === 7)!.errors.map((e) => e.message)).toEqual(['第7行“公民身份号码”（E列）：与第5行是同一人（身份证号码相同），同一人只能导入一次。请删除其中一行，或核对号码。']);
  });

  it('leaving out the first of two rows clears the second', () => {
    const report = reviewRows(parsed('roster-messy.xlsx', roster), roster, ctx, { excluded: [5] });
    expect(report.rows.find((r) => r.row === 9)!.errors).toEqual([]);
  });
});

describe('the plan: exactly the records to write', () => {
  const options = { fileName: '杭州市经信局花名册.xlsx', today: TODAY, receivedDate: '2019-09-25', channel: 'unit' as const };

  it('refused while an included row has errors, naming the rows', () => {
    const report = reviewRows(parsed('roster-messy.xlsx', roster), roster, ctx);
    const plan = planImport(report, roster, options);
    expect(plan.ok ? '' : plan.error.message).toBe('还有 3 行有错误（第7、8、9行），请逐行改正或不导入这些行后再确认。');
  });

  it('three new people, two linked, five applications in the workflow’s first state, the import record', () => {
    const report = reviewRows(parsed('roster-messy.xlsx', roster), roster, ctx, decisions, desk);
    const plan = planImport(report, roster, options);
    if (!plan.ok) throw new Error(plan.error.message);
    const p = plan.value;
    expect(p.people.map((x) => [x.rows, x.record])).toEqual([
      [[6], { name: '李四', idNumber: '330106198203200026', sex: 'female', birthDate: '1982-03-20' }],
      [[7], { name: '王五', idNumber: '330102198003010038', sex: 'male', birthDate: '1980-03-01' }],
      [[8], { name: '赵六', idNumber: '330105197909010055', sex: 'male', birthDate: '1979-09-01' }],
    ]);
    expect(p.links).toEqual([
      { row: 5, personId: P_ZHANG },
      { row: 10, personId: P_QIAN },
    ]);
    expect(p.applications.map((a) => [a.row, a.person])).toEqual([
      [5, { existing: P_ZHANG }],
      [6, { planned: 0 }],
      [7, { planned: 1 }],
      [8, { planned: 2 }],
      [10, { existing: P_QIAN }],
    ]);
    expect(p.applications[3]!.record).toEqual({
      programId: 'zj-it-senior',
      kind: 'new',
      status: 'received',
      channel: 'unit',
      receivedDate: '2019-09-25',
      fields: {
        name: '赵六',
        birthMonth: '1979-10',
        idNumber: '330105197909010055',
        employer: '宁波甬江电子有限公司',
        unitNature: '私营企业和个体工商户',
        supervisingDepartment: '宁波市经信局',
        specialty: '应用电子',
        highestEducation: '大学专科',
        graduatedFrom: '宁波大学 电子技术',
        educationObtainedOn: '2000-07',
        currentTitle: '工程师',
        currentTitleObtainedOn: '2009-12',
        appointedOn: '2010-01',
        engineeringWorkYears: 16,
        annualAssessments: assessedYears('合格', '合格', '合格'),
        selfScore: 81,
      },
    });
    expect(p.batch).toEqual({
      programId: 'zj-it-senior',
      kind: 'roster',
      fileName: '杭州市经信局花名册.xlsx',
      sheetName: '花名册',
      importedOn: TODAY,
      rowsRead: 6,
      rowsImported: 5,
      rowsExcluded: 1,
      rowsFixed: 2,
      peopleCreated: 3,
      peopleLinked: 2,
      applicationsCreated: 5,
      certificatesCreated: 0,
      tableRowsAdded: 0,
      status: 'imported',
    });
    // Every draft is a valid record once the repository stamps it.
    const stamp = { id: '01937b2c-0000-7000-8000-0000000000f1', createdAt: '2026-11-22T02:00:00.000Z', createdBy: 'clerk-1', updatedAt: '2026-11-22T02:00:00.000Z', updatedBy: 'clerk-1', importBatchId: '01937b2c-0000-7000-8000-0000000000f2' };
    for (const person of p.people) expect(personSchema.safeParse({ ...person.record, ...stamp }).success).toBe(true);
    for (const a of p.applications) expect(applicationSchema.safeParse({ ...a.record, ...stamp, applicationNo: 'P4-2019-ABCD-0001', personId: P_QIAN }).success).toBe(true);
    const { importBatchId: _b, ...batchStamp } = stamp;
    expect(importBatchSchema.safeParse({ ...p.batch, ...batchStamp }).success).toBe(true);
  });

  it('applications need the received date and the channel', () => {
    const report = reviewRows(parsed('roster-messy.xlsx', roster), roster, ctx, decisions, desk);
    const plan = planImport(report, roster, { fileName: 'a.xlsx', today: TODAY });
    expect(plan.ok ? '' : plan.error.message).toBe('请填写收件日期和提交方式。');
  });

  it('P5 人才库: one person for two certificates; start, end and state of each certificate; the register’s other columns kept', () => {
    const spec = specOf('rk-registration', 'talent-register');
    const report = reviewRows(parsed('talent-p5.xlsx', spec), spec, ctx, { excluded: [6] }, { certificateNos: new Set(['0531000400455']) });
    expect(report.rows.find((r) => r.row === 5)!.errors.map((e) => e.code)).toEqual(['import.certificate-exists']);
    const ok = reviewRows(parsed('talent-p5.xlsx', spec), spec, ctx, { excluded: [6] });
    const plan = planImport(ok, spec, { fileName: '人才库.xlsx', today: TODAY });
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.people.map((p) => [p.record.name, p.rows])).toEqual([
      ['陈晓东', [2, 4]],
      ['林静', [3]],
      ['黄蕾', [5]],
    ]);
    expect(plan.value.certificates.map((c) => [c.row, c.person, c.record.certificateNo, c.record.issuedOn, c.record.validUntil, c.record.status])).toEqual([
      [2, { planned: 0 }, '0831000100112', '2024-03-01', '2027-02-28', 'valid'],
      // 003 47号 三: three years from registration, the last day the day before the anniversary.
      [3, { planned: 1 }, '1431000200233', '2021-06-01', '2024-05-31', 'expired'],
      [4, { planned: 0 }, '1631000300344', '2024-03-01', '2027-02-28', 'valid'],
      [5, { planned: 2 }, '0531000400455', '2024-05-10', '2027-05-09', 'cancelled'],
    ]);
    expect(plan.value.certificates[0]!.record.details).toEqual({
      specialtyCategory: '计算机应用技术',
      qualificationName: '系统分析师',
      obtainedOn: '2008-11',
      formNo: 'SH-2024-0001',
      employer: '上海浦东软件园有限公司',
      registrationKind: '再次登记',
      educationHours: 186,
    });
    const stamp = { id: '01937b2c-0000-7000-8000-0000000000f1', createdAt: '2026-11-22T02:00:00.000Z', createdBy: 'clerk-1', updatedAt: '2026-11-22T02:00:00.000Z', updatedBy: 'clerk-1' };
    for (const c of plan.value.certificates) expect(certificateSchema.safeParse({ ...c.record, ...stamp, holderPersonId: P_QIAN }).success).toBe(true);
    expect(plan.value.batch).toMatchObject({ peopleCreated: 3, certificatesCreated: 4, rowsImported: 4, rowsExcluded: 1 });
  });

  it('P3 管理人员证书: rows added after the table’s own, each tagged with the import; one already there refused', () => {
    const spec = specOf('xj-si-annual', 'certificate-holders');
    const target = {
      id: '01937b2c-0000-7000-8000-0000000000b1',
      programId: pid('xj-si-annual'),
      kind: 'annual-review' as const,
      fields: { managementCertificates: [{ personName: '王建国', idNumber: '650103198001010019', certificateKind: '系统集成实施工程经理', certificateNo: 'XJPM-2024-0001' }] },
    };
    const there = reviewRows(parsed('certificates-p3.xlsx', spec), spec, ctx, { excluded: [5, 6] }, { tableCertificateNos: new Set(['CSCO12345678']) });
    expect(there.rows.find((r) => r.row === 4)!.errors.map((e) => e.code)).toEqual(['import.already-in-table']);
    const report = reviewRows(parsed('certificates-p3.xlsx', spec), spec, ctx, { excluded: [5, 6] });
    expect(planImport(report, spec, { fileName: 'x.xlsx', today: TODAY }).ok).toBe(false);
    const plan = planImport(report, spec, { fileName: '证书名单.xlsx', today: TODAY, targetApplication: target });
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.people).toEqual([]);
    expect(plan.value.batch).toMatchObject({ targetApplicationId: target.id, tableField: 'managementCertificates', tableRowsAdded: 3 });
    const value = tableValueWith(plan.value.table!, 'BATCH');
    expect(value).toHaveLength(4);
    expect(value[0]).toEqual(target.fields.managementCertificates[0]);
    expect(value[3]).toEqual({
      personName: '王建国',
      idNumber: '650103198001010019',
      certificateKind: '其他同等或更高级别证书',
      catalogueEntry: 'CCNP 网络高级工程师（Cisco 认证）',
      certificateNo: 'CSCO12345678',
      importBatchId: 'BATCH',
    });
  });
});

describe('undo: exactly what the import made', () => {
  const BATCH = '01937b2c-0000-7000-8000-0000000000c1';
  const base = { createdAt: '2026-11-22T02:00:00.000Z', createdBy: 'clerk-1', updatedAt: '2026-11-22T02:00:00.000Z', updatedBy: 'clerk-1' };
  const batch: ImportBatch = {
    id: BATCH, ...base, programId: pid('zj-it-senior'), kind: 'roster', fileName: 'a.xlsx', importedOn: TODAY, rowsRead: 2, rowsImported: 2, rowsExcluded: 0, rowsFixed: 0,
    peopleCreated: 2, peopleLinked: 0, applicationsCreated: 2, certificatesCreated: 0, tableRowsAdded: 0, status: 'imported',
  };
  const person = (n: number, name: string): Person => ({ id: `01937b2c-0000-7000-8000-00000000010${n}`, ...base, name, idNumber: MESSY.LI, importBatchId: BATCH });
  const app = (n: number, status: string, personId: string): Application => ({
    id: `01937b2c-0000-7000-8000-00000000020${n}`, ...base, programId: pid('zj-it-senior'), kind: 'new', applicationNo: `P4-2019-ABCD-000${n}`, personId, status: sid(status),
    channel: 'unit', receivedDate: '2019-09-25', fields: {}, importBatchId: BATCH,
  });
  const li = person(1, '李四');
  const wang = person(2, '王五');

  it('removes the applications and the people; a person another record now uses is kept', () => {
    const plan = planUndo({ batch, people: [li, wang], applications: [app(1, 'received', li.id), app(2, 'received', wang.id)], certificates: [], peopleInUse: new Set([wang.id]) }, roster, TODAY);
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value).toEqual({
      remove: { people: [li.id], applications: [app(1, 'received', li.id).id, app(2, 'received', wang.id).id], certificates: [] },
      keptPeople: [{ id: wang.id, name: '王五' }],
      batchPatch: { status: 'undone', undoneOn: TODAY },
    });
  });

  it('refused once an imported application has moved on, or when the import is undone already', () => {
    const moved = planUndo({ batch, people: [li], applications: [app(1, 'accepted', li.id)], certificates: [], peopleInUse: new Set() }, roster, TODAY);
    expect(moved.ok ? '' : moved.error.message).toBe('有 1 份导入的申请已经开始办理（P4-2019-ABCD-0001），不能整体撤销。请先撤回这些申请的办理步骤，或逐份处理。');
    const again = planUndo({ batch: { ...batch, status: 'undone' }, people: [], applications: [], certificates: [], peopleInUse: new Set() }, roster, TODAY);
    expect(again.ok ? '' : again.error.code).toBe('import.undo');
  });

  it('table rows: only the rows tagged with this import leave the table', () => {
    const spec = specOf('xj-si-annual', 'certificate-holders');
    const tableBatch: ImportBatch = { ...batch, programId: pid('xj-si-annual'), kind: 'certificate-holders', targetApplicationId: '01937b2c-0000-7000-8000-0000000000b1', tableField: 'managementCertificates', tableRowsAdded: 1 };
    const own = { personName: '甲', certificateNo: '1' };
    const other = { personName: '乙', certificateNo: '2', importBatchId: '01937b2c-0000-7000-8000-0000000000c9' };
    const imported = { personName: '丙', certificateNo: '3', importBatchId: BATCH };
    const plan = planUndo(
      { batch: tableBatch, people: [], applications: [], certificates: [], peopleInUse: new Set(), targetApplication: { id: '01937b2c-0000-7000-8000-0000000000b1', fields: { managementCertificates: [own, imported, other] } } },
      spec,
      TODAY,
    );
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.table).toEqual({ applicationId: '01937b2c-0000-7000-8000-0000000000b1', field: 'managementCertificates', value: [own, other] });
  });
});

describe('what the form requires, and the header printed again', () => {
  it('其它类企业 without a 备注 (002 附件4 四 3), a blank 从事专业: imported with warnings, as at the counter; a repeated header is not a row', () => {
    const headers = ['姓名', '身份证号码', '单位性质', '从事专业', '备注'];
    const data =
      headerRow(1, headers) +
      row(2, is('A2', '张三') + is('B2', MESSY.ZHANG) + is('C2', '其它类企业') + is('D2', '技术开发')) +
      headerRow(3, headers) +
      row(4, is('A4', '李四') + is('B4', MESSY.LI) + is('C4', '国有企业'));
    const read = readImport({ bytes: buildXlsx({ sheets: [{ name: '花名册', data }] }), spec: roster, today: TODAY });
    if (!read.ok || !read.value.parsed.ok) throw new Error('unreadable');
    const report = reviewRows(read.value.parsed.value, roster, ctx);
    expect(report.skipped).toEqual([{ row: 3, text: '姓名 身份证号码 单位性质 从事专业 备注' }]);
    expect(report.rows.map((r) => [r.row, r.errors.length, r.warnings.map((w) => w.message)])).toEqual([
      [2, 0, ['第2行“单位性质”（C列）：选择“其它类企业”时须在“备注”中说明情况，导入后请补齐。']],
      [4, 0, ['第4行“从事专业”（D列）：未填写（表单中为必填项，导入后请补齐）。']],
    ]);
    expect(report.counts).toMatchObject({ ready: 2, withWarnings: 2 });
  });
});
