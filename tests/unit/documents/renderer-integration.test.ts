/**
 * The renderer's side of the documents: from stored records (fake-indexeddb) and the engine's
 * evaluation to builder inputs, built into real PDFs / workbooks and read back; issuing numbers
 * certificates from this device's block with the rules' validity (an enrolled desk: only from
 * blocks the server reserved); readiness to issue comes from
 * the workflow state.
 */
import '../intake/env';
import { beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { db, repositories } from '../../../renderer/src/db';
import {
  bindingTocInput,
  certificateFields,
  noticeItems,
  receiptInput,
  returnNoticeInput,
  rkApplicationInput,
  scoringSheetInput,
  summarySheetInput,
  zjApplicantOf,
} from '../../../renderer/src/documents/inputs';
import { fireIssuedTransition, isReadyToIssue, issueCertificate, readyToIssue } from '../../../renderer/src/features/certificates/issue';
import { jobOutput } from '../../../renderer/src/documents/protocol';
import { certificateEvents, publicityInput, rkRegisterRows, zjRosterApplicants } from '../../../renderer/src/features/rosters/rosters';
import { safeFileName } from '../../../renderer/src/documents/names';
import { NO_NUMBER_MESSAGE, saveServerNumbers } from '../../../renderer/src/documents/settings';
import { SYNC_KEYS, type SyncConnection } from '../../../renderer/src/sync/settings';
import { writeContext } from '../../../renderer/src/session';
import {
  buildBindingTocPdf,
  buildCertificateRegisterXlsx,
  buildReceiptPdf,
  buildReturnNoticePdf,
  buildRkApplicationFormPdf,
  buildScoringSheetPdf,
  buildSummarySheetPdf,
  buildZjRosterXlsx,
  certificateTemplate,
} from '../../../shared/documents';
import { getPack } from '../../../shared/programs';
import { emptyDatabase, evaluated, loadFile, newApplication, P4_FIELDS, signIn } from '../intake/file-fixtures';
import { loadFonts, pdfText, qpdfCheck, saveResult } from './helpers';
import { programId as pid, stateId as sid } from '../typed-ids';

const fonts = loadFonts();

beforeEach(async () => {
  signIn();
  await emptyDatabase();
});

function bytesOf<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('intake documents from a stored file', () => {
  it('a receipt lists the checklist as received, and the notice lists what the engine found missing', async () => {
    const app = await newApplication('xj-isi-pm', 'new', { name: '王小明', employer: '新疆某软件有限公司' });
    const ctx = await writeContext();
    await repositories.materials.create({ applicationId: app.id, itemId: 'diploma', status: 'received', copiesReceived: 1 }, ctx);
    await repositories.materials.create(
      { applicationId: app.id, itemId: 'training-certificate', status: 'rejected', copiesReceived: 1, rejectReason: '培训合格证已过期' },
      ctx,
    );
    const result = await evaluated(app.id);
    const file = await loadFile(app.id);

    const receipt = receiptInput(file, result, { clerk: '李办事员' });
    expect(receipt.applicationNo).toBe(app.applicationNo);
    expect(receipt.applicantName).toBe('王小明');
    expect(receipt.materials.length).toBe(result.evaluation.checklist.lines.length);
    expect(receipt.materials.find((m) => m.status === 'rejected')?.note).toBe('培训合格证已过期');
    const receiptPdf = saveResult('renderer-receipt.pdf', bytesOf(await buildReceiptPdf(receipt, fonts)));
    qpdfCheck(receiptPdf);
    const receiptText = pdfText(receiptPdf);
    expect(receiptText).toContain('王小明');
    expect(receiptText.replace(/\s+/g, '')).toContain('培训合格证已过期');

    const items = noticeItems(result);
    expect(items.some((i) => i.problem === 'rejected' && i.reason === '培训合格证已过期')).toBe(true);
    expect(items.some((i) => i.problem === 'missing')).toBe(true);
    expect(items.map((i) => i.material)).not.toContain(result.evaluation.checklist.lines.find((l) => l.item.id === 'diploma')?.item.name.zh);
    const notice = returnNoticeInput(file, result, { kind: 'supplement', clerk: '李办事员', issuedOn: '2026-03-24', deadline: '2026-04-10' });
    const noticePdf = saveResult('renderer-supplement.pdf', bytesOf(await buildReturnNoticePdf(notice, fonts)));
    qpdfCheck(noticePdf);
    expect(pdfText(noticePdf)).toContain('补正通知');
  });

  it('P4: the binding contents follow the engine plan, and the summary sheet and roster take the record', async () => {
    const app = await newApplication('zj-it-senior', 'new', {
      ...P4_FIELDS,
      birthMonth: '1980-05',
      employer: '杭州某信息技术有限公司',
      supervisingDepartment: '杭州市经济和信息化局',
      specialty: '技术开发',
      highestEducation: '大学本科',
      educationObtainedOn: '2002-07',
      currentTitle: '工程师',
      currentTitleObtainedOn: '2010-09',
      appointedOn: '2010-10',
      engineeringWorkYears: 17,
      selfScore: 72.5,
      annualAssessments: [
        { year: 2017, result: '合格' },
        { year: 2018, result: '优秀' },
        { year: 2019, result: '合格' },
      ],
    });
    const result = await evaluated(app.id);
    const file = await loadFile(app.id);

    const toc = bytesOf(bindingTocInput(file, result));
    expect(toc.volumes.map((v) => v.name)).toEqual(result.evaluation.binding?.volumes.filter((v) => v.tableOfContents).map((v) => v.title.zh));
    expect(toc.volumes[0]?.entries.length).toBeGreaterThan(0);
    const tocPdf = saveResult('renderer-binding-toc.pdf', bytesOf(await buildBindingTocPdf(toc, fonts)));
    qpdfCheck(tocPdf);
    expect(pdfText(tocPdf)).toContain(toc.volumes[0]?.entries[0]?.title ?? '');

    const applicant = bytesOf(zjApplicantOf(file));
    expect(applicant.sex).toBe('male');
    expect(applicant.engineeringWorkSince).toBe('2002-12-31');
    const sheet = bytesOf(summarySheetInput(file));
    expect(sheet.assessmentYears).toEqual([2017, 2018, 2019]);
    const sheetPdf = saveResult('renderer-summary-sheet.pdf', bytesOf(await buildSummarySheetPdf(sheet, fonts)));
    qpdfCheck(sheetPdf);
    const sheetText = pdfText(sheetPdf);
    expect(sheetText).toContain('杭州某信息技术有限公司');
    expect(sheetText).toContain('17');

    const { applicants, problems } = zjRosterApplicants([file]);
    expect(problems).toEqual([]);
    const roster = bytesOf(await buildZjRosterXlsx({ submittingUnit: '杭州市软件行业协会', filledOn: '2026-03-24', assessmentYears: [2017, 2018, 2019], applicants }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(roster as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]?.eachRow((row) => row.eachCell((c) => cells.push(c.text)));
    expect(cells).toContain('王小明');
    expect(cells).toContain('杭州某信息技术有限公司');
  });

  it('the scoring sheet takes the pack dimensions (P1) or the self-score items (P4)', async () => {
    const p1 = await newApplication('xj-isi-pm', 'new', { name: '王小明' });
    const sheet = bytesOf(scoringSheetInput(await loadFile(p1.id), await evaluated(p1.id), { printedOn: '2026-11-22' }));
    expect(sheet.dimensions.map((d) => d.name)).toEqual(['知识', '技能', '经验']);
    const pdf = saveResult('renderer-scoring-p1.pdf', bytesOf(await buildScoringSheetPdf(sheet, fonts)));
    qpdfCheck(pdf);
    expect(pdfText(pdf)).toContain('软技能');
    await emptyDatabase();
    const p4 = await newApplication('zj-it-senior', 'new', P4_FIELDS, {
      selfScore: { items: [{ id: 'a', name: '专业技术工作业绩', maxScore: 50, claimed: 41.5, hasEvidence: true }] },
    });
    const own = bytesOf(scoringSheetInput(await loadFile(p4.id), await evaluated(p4.id), {}));
    expect(own.dimensions).toEqual([{ name: '量化评价', items: [{ name: '专业技术工作业绩', maxScore: 50, claimed: 41.5 }] }]);
    expect(own.passScore).toBe(80);
  });

  it('P4 with a missing unit nature is refused with a message naming the field', async () => {
    const app = await newApplication('zj-it-senior', 'new', { name: '王小明', specialty: '技术开发', engineeringWorkYears: 10, birthMonth: '1980-05' });
    const file = await loadFile(app.id);
    const applicant = zjApplicantOf(file);
    expect(applicant.ok).toBe(false);
    if (!applicant.ok) expect(applicant.error.message).toContain('单位性质');
  });

  it('P5: the registration form takes the record in the seed order fields', async () => {
    const app = await newApplication('rk-registration', 'new', {
      specialtyCategory: '计算机技术与软件',
      qualificationName: '系统分析师',
      formNo: 'DJ-2026-0001',
      name: '王小明',
      sex: '男',
      birthMonth: '1949-10',
      health: '良好',
      certificateNo: 'R2026000123',
      obtainedOn: '2025-12-20',
      address: '乌鲁木齐市天山区解放北路1号',
      postalCode: '830000',
      employer: '新疆某软件有限公司',
      phone: '0991-1234567',
      continuingEducation: [{ date: '2026-01-10', mode: '业余', content: '软件工程新技术', approvedHours: 40 }],
      unitAssessment: { text: '合格', date: '2026-02-01' },
      appliedOn: '2026-03-20',
    });
    const file = await loadFile(app.id);
    const input = bytesOf(rkApplicationInput(file));
    expect(input.sex).toBe('male');
    expect(input.postcode).toBe('830000');
    expect(input.education).toEqual([{ date: '2026-01-10', mode: '业余', content: '软件工程新技术', hoursTenths: 400 }]);
    expect(input.unitAssessment).toEqual({ result: '合格', date: '2026-02-01' });
    const pdf = saveResult('renderer-rk-form.pdf', bytesOf(await buildRkApplicationFormPdf(input, fonts)));
    qpdfCheck(pdf);
    const text = pdfText(pdf);
    expect(text).toContain('系统分析师');
    expect(text).toContain('软件工程新技术');
  });
});

describe('issuing certificates', () => {
  it('ready means the issue queue or a granting final state, and an issued application leaves the list', async () => {
    const pack = getPack('xj-isi-pm');
    if (!pack) throw new Error('no pack');
    expect(isReadyToIssue(pack, { kind: 'new', status: sid('issue') })).toBe(true);
    expect(isReadyToIssue(pack, { kind: 'new', status: sid('certified') })).toBe(true);
    expect(isReadyToIssue(pack, { kind: 'new', status: sid('not-passed') })).toBe(false);
    expect(isReadyToIssue(pack, { kind: 'new', status: sid('decision') })).toBe(false);
    const app = await newApplication('xj-isi-pm', 'new', { name: '王小明' }, { status: sid('issue') });
    expect(readyToIssue([app], []).map((r) => r.template.id)).toEqual(['xj-isi-pm-certificate']);
    expect(readyToIssue([app], [{ applicationId: app.id }])).toEqual([]);
    // P4 has no certificate template yet: never offered.
    const p4 = await newApplication('zj-it-senior', 'new', { name: '李四' }, { status: sid('qualified'), applicationNo: 'P4-2026-000009' });
    expect(readyToIssue([p4], [])).toEqual([]);
  });

  it('numbers come from this device block in order, validity from the rules, and the record is written', async () => {
    const template = certificateTemplate('xj-isi-pm-certificate');
    if (!template) throw new Error('no template');
    const ctx = await writeContext();
    const issued: string[] = [];
    for (let i = 0; i < 3; i++) {
      const app = await newApplication('xj-isi-pm', 'new', { name: `申请人${i}` }, { status: sid('issue'), applicationNo: `P1-2026-00000${i}` }).catch(async () => {
        // newApplication creates the same person each time; reuse it for the next ones.
        const person = await db.people.toCollection().first();
        return repositories.applications.create(
          { programId: 'xj-isi-pm', kind: 'new', applicationNo: `P1-2026-00000${i}`, personId: person?.id, status: 'issue', channel: 'counter', receivedDate: '2026-03-23', fields: {} },
          ctx,
        );
      });
      const made = await issueCertificate(app, template, { issuedOn: '2026-11-22', deviceId: 'desk-a', ctx });
      expect(made.ok).toBe(true);
      if (made.ok) {
        issued.push(made.value.certificateNo);
        expect(made.value.validUntil).toBe('2030-11-21');
        expect(made.value.applicationId).toBe(app.id);
      }
    }
    expect(issued).toEqual(['XJPM-2026-000001', 'XJPM-2026-000002', 'XJPM-2026-000003']);
    expect(await db.certificates.count()).toBe(3);
    expect((await db.outbox.toArray()).some((op) => (op as { table?: string }).table === 'certificates')).toBe(true);
  });

  it('once issued, the application leaves 待发证 through the workflow’s 发证 step, recorded as the user', async () => {
    const ctx = await writeContext();
    const person = await repositories.people.create({ name: '申请人', idNumber: '11010519491231002X' }, ctx);
    const app = await repositories.applications.create({ programId: 'xj-isi-pm', kind: 'new', applicationNo: 'P1-2026-000009', personId: person.id, status: 'issue', channel: 'counter', receivedDate: '2026-03-23', fields: {} }, ctx);
    // A reviewer may not issue (发证 is the clerk's): nothing fired.
    expect(await fireIssuedTransition(app, 'reviewer', '2026-11-22')).toBeUndefined();
    expect(await fireIssuedTransition(app, 'clerk', '2026-11-22')).toBe('issue-certificate');
    expect((await db.applications.get(app.id))?.status).toBe('certified');
    const events = await db.workflowEvents.where('applicationId').equals(app.id).toArray();
    expect(events).toMatchObject([{ transitionId: 'issue-certificate', from: 'issue', to: 'certified', on: '2026-11-22' }]);
    // A final state has nothing left to fire.
    expect(await fireIssuedTransition((await db.applications.get(app.id))!, 'clerk', '2026-11-22')).toBeUndefined();
  });

  it('an enrolled desk numbers only from blocks the server reserved: with none it refuses in Chinese and writes nothing', async () => {
    const template = certificateTemplate('xj-isi-pm-certificate');
    if (!template) throw new Error('no template');
    // Numbers issued from the desk's own ledger before it was enrolled …
    const ctx = await writeContext();
    const first = await newApplication('xj-isi-pm', 'new', { name: '王小明' }, { status: sid('issue') });
    const local = await issueCertificate(first, template, { issuedOn: '2026-11-22', deviceId: 'desk-a', ctx });
    expect(local.ok && local.value.certificateNo).toBe('XJPM-2026-000001');
    // … then the desk enrols: the rest of its local block is not used.
    const connection: SyncConnection = {
      baseUrl: 'https://sync.example.org',
      officeCode: 'TEST',
      officeId: 'office-1',
      officeName: '测试协会',
      deviceName: '发证窗口',
      enrolledAt: '2026-11-22T08:00:00.000Z',
    };
    await db.settings.put({ key: SYNC_KEYS.connection, value: connection });
    const person = await db.people.toCollection().first();
    const second = await repositories.applications.create({ programId: 'xj-isi-pm', kind: 'new', applicationNo: 'P1-2026-000002', personId: person?.id, status: 'issue', channel: 'counter', receivedDate: '2026-03-23', fields: {} }, ctx);
    const settingsBefore = await db.settings.toArray();
    const outboxBefore = await db.outbox.count();
    const refused = await issueCertificate(second, template, { issuedOn: '2026-11-22', deviceId: 'desk-a', ctx });
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ message: NO_NUMBER_MESSAGE }) });
    expect(NO_NUMBER_MESSAGE).toMatch(/^本机没有可用的证书编号，请联网同步后再发证/);
    expect(await db.certificates.count()).toBe(1);
    expect(await db.outbox.count()).toBe(outboxBefore);
    expect(await db.settings.toArray()).toEqual(settingsBefore);
    // A block from the server (as renderer/src/sync/numbers.ts stores it): numbers come from it.
    await saveServerNumbers(db, 'office-1', { deviceId: 'desk-a', blocks: [{ series: 'XJPM-2026', deviceId: 'desk-a', start: 301, end: 400, next: 301 }] });
    const made = await issueCertificate(second, template, { issuedOn: '2026-11-22', deviceId: 'desk-a', ctx });
    expect(made.ok && made.value.certificateNo).toBe('XJPM-2026-000301');
    // Blocks kept for another office (the desk enrolled elsewhere since) are not used.
    await db.settings.put({ key: SYNC_KEYS.connection, value: { ...connection, officeId: 'office-2' } });
    const third = await repositories.applications.create({ programId: 'xj-isi-pm', kind: 'new', applicationNo: 'P1-2026-000003', personId: person?.id, status: 'issue', channel: 'counter', receivedDate: '2026-03-23', fields: {} }, ctx);
    expect((await issueCertificate(third, template, { issuedOn: '2026-11-22', deviceId: 'desk-a', ctx })).ok).toBe(false);
  });

  it('a template without a validity rule needs the date and refuses a wrong one', async () => {
    const template = certificateTemplate('xj-si-certificate');
    if (!template) throw new Error('no template');
    const app = await newApplication('xj-si-annual', 'annual-review', { enterpriseName: '某公司' }, { status: sid('awaiting-stamped') });
    const ctx = await writeContext();
    const refused = await issueCertificate(app, template, { issuedOn: '2026-11-22', deviceId: 'desk-a', ctx });
    expect(refused.ok).toBe(false);
    expect(await db.certificates.count()).toBe(0);
    const made = await issueCertificate(app, template, { issuedOn: '2026-11-22', validUntil: '2027-12-31', deviceId: 'desk-a', ctx });
    expect(made.ok && made.value.validUntil).toBe('2027-12-31');
  });

  it('004 第十一条、第十五条: an IETS certificate carries the category and level, and prints the category by name', async () => {
    const template = certificateTemplate('iets-certificate');
    if (!template) throw new Error('no template');
    const app = await newApplication('iets', 'new', { organisationName: '乌鲁木齐丝路信息工程有限公司', creditCode: '91650100MA77A1B2C3', evaluationCategory: 'iets', level: 'IETS-3' }, { status: sid('issue') });
    const made = await issueCertificate(app, template, { issuedOn: '2026-03-10', deviceId: 'desk-a', ctx: await writeContext() });
    if (!made.ok) throw new Error(made.error.message);
    expect(made.value).toMatchObject({ category: 'iets', level: 'IETS-3', validUntil: '2029-03-09' });
    expect(certificateFields(template, await loadFile(app.id))).toMatchObject({ category: '信息化工程与技术服务能力评价', level: 'IETS-3' });
  });

  it('004 第十四条: a P6 公示名单 is laid out from the pack document’s columns, labels not codes', async () => {
    const app = await newApplication('iets', 'new', { organisationName: '新疆数字经济研究会', creditCode: '51650000MJ0000000X', evaluationCategory: 'nextgen', agencyName: '新疆信息化评价中心' }, { status: sid('publicity') });
    const publicity = { ...app, programId: pid('iets'), title: '2026年第一批评价结果公示', startedOn: '2026-03-02', endsOn: '2026-03-08', applicationIds: [app.id] };
    const input = publicityInput(publicity, [await loadFile(app.id)], '中国技术市场协会科学技术评价中心');
    expect(input.columns?.map((c) => c.header)).toEqual(['序号', '组织名称', '统一社会信用代码', '评价类别', '能力等级', '评价机构']);
    expect(input.rows).toEqual([{ organisationName: '新疆数字经济研究会', creditCode: '51650000MJ0000000X', evaluationCategory: '新一代信息技术应用与创新能力评价', level: '', agencyName: '新疆信息化评价中心' }]);
  });

  it('certificate fields come from the person and the application', async () => {
    const template = certificateTemplate('xj-isi-pm-certificate');
    if (!template) throw new Error('no template');
    const app = await newApplication('xj-isi-pm', 'new', { name: '王小明' }, { status: sid('issue') });
    const file = await loadFile(app.id);
    expect(certificateFields(template, file)).toEqual({ sex: 'male', idNumber: '110105194910010015' });
  });
});

describe('registers', () => {
  it('the certificate register lists issues and revocations by day, and the workbook reads back', async () => {
    const at = '2026-11-23T01:00:00.000Z';
    const base = { createdAt: '2026-11-22T01:00:00.000Z', createdBy: 'u1', updatedAt: at, updatedBy: 'u2', programId: pid('xj-isi-pm') };
    const events = certificateEvents(
      [
        { ...base, id: 'a', certificateNo: 'XJPM-2026-000002', issuedOn: '2026-11-22', validUntil: '2030-11-21', status: 'revoked' },
        { ...base, id: 'b', certificateNo: 'XJPM-2026-000001', issuedOn: '2026-11-22', validUntil: '2030-11-21', status: 'valid' },
      ],
      () => '王小明',
      (id) => (id === 'u1' ? '李办事员' : '王管理'),
    );
    expect(events.map((e) => [e.date, e.kind, e.certificateNo, e.clerk])).toEqual([
      ['2026-11-22', 'issued', 'XJPM-2026-000001', '李办事员'],
      ['2026-11-22', 'issued', 'XJPM-2026-000002', '李办事员'],
      ['2026-11-23', 'revoked', 'XJPM-2026-000002', '王管理'],
    ]);
    const xlsx = bytesOf(await buildCertificateRegisterXlsx({ office: '新疆软件行业协会', from: '2026-11-01', to: '2026-11-30', events }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]?.eachRow((row) => row.eachCell((c) => cells.push(c.text)));
    expect(cells).toContain('XJPM-2026-000002');
  });

  it('the P5 register takes registrations decided in the range only', async () => {
    const app = await newApplication('rk-registration', 'new', { name: '王小明', birthMonth: '1949-10', qualificationName: '系统分析师' }, { status: sid('registered') });
    const ctx = await writeContext();
    await repositories.workflowEvents.create({ applicationId: app.id, transitionId: 'register', from: 'under-review', to: 'registered', on: '2026-05-10', role: 'clerk' }, ctx);
    const file = await loadFile(app.id);
    expect(rkRegisterRows([file], [], '2026-01-01', '2026-12-31').rows.map((r) => [r.name, r.kind, r.registeredOn])).toEqual([['王小明', 'first', '2026-05-10']]);
    expect(rkRegisterRows([file], [], '2026-06-01', '2026-12-31').rows).toEqual([]);
  });

  it('jobs say what they produce, and file names are made safe for the save dialog', () => {
    expect(jobOutput('receipt')).toBe('pdf');
    expect(jobOutput('zj-roster')).toBe('xlsx');
    expect(safeFileName('收件回执 P1/2026:01. ')).toBe('收件回执 P1_2026_01');
  });
});
