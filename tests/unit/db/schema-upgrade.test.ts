/**
 * Schema versioning. Each version adds a case here in the same shape: open the previous version,
 * write data in its shape, close, open the new version, assert the upgrade ran and nothing was
 * lost. Version 1 → 2 is the real one; the "v3" at the end is a worked example of the pattern.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { currentSchema, DeskDatabase, SCHEMA_VERSION, schemaV1, schemaV2, schemaV3, schemaV7 } from '../../../renderer/src/db/database';
import { CLOCK_KEY } from '../../../renderer/src/db/clock';
import { Repository } from '../../../renderer/src/db/repository';
import { isDeleted, visibleValues } from '../../../shared/sync/merge';
import { operationSchema } from '../../../shared/sync/protocol';
import { programId as pid } from '../typed-ids';

let n = 0;
const freshName = () => `schema-test-${++n}`;

const OLD_SCHEMAS = [schemaV1, schemaV2, schemaV3] as const;

/** The database exactly as the version-`version` app declared it (its versions 1 to `version`). */
function openOld(name: string, version: 1 | 2 | 3): Dexie {
  const db = new Dexie(name);
  OLD_SCHEMAS.slice(0, version).forEach((schema, i) => db.version(i + 1).stores(schema));
  return db;
}

/** Opens `name` with today's app, which runs every upgrade up to the current version. */
async function openCurrent(name: string): Promise<DeskDatabase> {
  const db = new DeskDatabase(name);
  await db.open();
  expect(db.verno).toBe(SCHEMA_VERSION);
  return db;
}

const at = (s: number) => `2026-11-22T02:00:${String(s).padStart(2, '0')}.000Z`;
/** Who wrote a record and when, as every stored record carries it. */
const base = { createdAt: at(0), createdBy: 'clerk-1', updatedAt: at(0), updatedBy: 'clerk-1' };
const ZHANG = '01937b2c-0000-7000-8000-000000000001';
const LI = '01937b2c-0000-7000-8000-000000000002';
const WANG = '01937b2c-0000-7000-8000-000000000003';
const opId = (k: number) => `01937b2c-1111-7000-8000-00000000000${k}`;
/** 张三丰 as every version since 2 stores him. */
const STORED_ZHANG = { id: ZHANG, name: '张三丰', idNumber: '110105194910010015', birthDate: '1949-10-01', ...base };

describe('Dexie schema', () => {
  it('the current version opens empty with every table', async () => {
    const db = new DeskDatabase(freshName());
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(currentSchema).sort());
    db.close();
  });

  it('reopens with its data and indexes intact', async () => {
    const name = freshName();
    const first = new DeskDatabase(name);
    await first.people.add({
      id: ZHANG,
      name: '张三丰',
      idNumber: '110105194910010015',
      createdAt: at(0),
      createdBy: 'clerk-1',
      updatedAt: at(0),
      updatedBy: 'clerk-1',
    });
    await first.settings.put({ key: 'deviceId', value: 'device-a' });
    first.close();

    const second = new DeskDatabase(name);
    expect((await second.people.where('idNumber').equals('110105194910010015').first())?.name).toBe('张三丰');
    expect((await second.settings.get('deviceId'))?.value).toBe('device-a');
    second.close();
  });

  it('version 1 → 2: outbox operations gain stamps and prev, every record gains its merge state', async () => {
    const zhang = { id: ZHANG, name: '张君宝', idNumber: '110105194910010015', phone: '13912345678', createdAt: at(0), createdBy: 'clerk-1', updatedAt: at(5), updatedBy: 'clerk-2' };
    const li = { id: LI, name: '李四', idNumber: '11010519491001002X', createdAt: at(1), createdBy: 'clerk-1', updatedAt: at(6), updatedBy: 'clerk-1', deleted: true };
    const wang = { id: WANG, name: '王五', idNumber: '110105194910010031', createdAt: at(2), createdBy: 'clerk-1', updatedAt: at(2), updatedBy: 'clerk-1' };
    const v1 = openOld(freshName(), 1);
    await v1.table('people').bulkAdd([zhang, li, wang]);
    // What the version-1 repository wrote: create, update, create, delete. Wang has no operation
    // (written around the repository), so the upgrade must give him one.
    const { id: _z, ...zhangCreate } = { ...zhang, name: '张三丰', updatedAt: at(0), updatedBy: 'clerk-1', phone: undefined };
    const { id: _l, deleted: _d, ...liCreate } = { ...li, updatedAt: at(1) };
    await v1.table('outbox').bulkAdd([
      { id: opId(1), table: 'people', recordId: ZHANG, kind: 'put', fields: zhangCreate, at: at(0), userId: 'clerk-1', deviceId: 'device-a' },
      { id: opId(2), table: 'people', recordId: LI, kind: 'put', fields: liCreate, at: at(1), userId: 'clerk-1', deviceId: 'device-a' },
      { id: opId(3), table: 'people', recordId: ZHANG, kind: 'put', fields: { name: '张君宝', phone: '13912345678', updatedAt: at(5), updatedBy: 'clerk-2' }, at: at(5), userId: 'clerk-2', deviceId: 'device-a' },
      { id: opId(4), table: 'people', recordId: LI, kind: 'delete', fields: { deleted: true, updatedAt: at(6), updatedBy: 'clerk-1' }, at: at(6), userId: 'clerk-1', deviceId: 'device-a' },
    ]);
    await v1.table('auditLog').add({ id: opId(9), at: at(0), userId: 'clerk-1', table: 'people', recordId: ZHANG, action: 'create', changes: {} });
    await v1.table('settings').put({ key: 'deviceId', value: 'device-a' });
    v1.close();

    const v2 = await openCurrent(v1.name); // through 2 (and every later version)

    // Records and the audit log are untouched.
    expect(await v2.people.get(ZHANG)).toEqual(zhang);
    expect(await v2.auditLog.count()).toBe(1);

    // Every operation is now a valid wire operation, same ids, in the same order.
    const ops = await v2.outbox.orderBy('id').toArray();
    for (const op of ops) expect(operationSchema.safeParse(op).success, JSON.stringify(op)).toBe(true);
    const [create, , update, remove, synthesised] = [ops.find((o) => o.id === opId(1))!, ops.find((o) => o.id === opId(2))!, ops.find((o) => o.id === opId(3))!, ops.find((o) => o.id === opId(4))!, ops.find((o) => o.recordId === WANG)!];
    expect(ops).toHaveLength(5);
    expect(create).toMatchObject({ table: 'people', recordId: ZHANG, kind: 'put', prev: {}, hlc: `${at(0)}-0000-device-a` });
    expect(create).not.toHaveProperty('at');
    expect(create.fields).toMatchObject({ name: '张三丰', idNumber: '110105194910010015', phone: null });
    expect(update.prev).toEqual({ name: [create.hlc], phone: [create.hlc] });
    expect(update.hlc > create.hlc).toBe(true);
    expect(remove).toMatchObject({ kind: 'delete', fields: { updatedAt: at(6), updatedBy: 'clerk-1' } });
    expect(synthesised).toMatchObject({ kind: 'put', deviceId: 'device-a', fields: { name: '王五', createdAt: at(2) } });

    // Merge states rebuilt from the operations show exactly the stored records.
    const zhangState = (await v2.mergeStates.get(['people', ZHANG]))!;
    const { id: _zid, ...zhangValues } = zhang;
    expect(visibleValues(zhangState)).toEqual(zhangValues);
    expect(zhangState.fields.name!.hlc).toBe(update.hlc);
    expect(isDeleted((await v2.mergeStates.get(['people', LI]))!)).toBe(true);
    expect(visibleValues((await v2.mergeStates.get(['people', WANG]))!)).toMatchObject({ name: '王五' });

    // The clock resumes after the newest stamp, and the next edit names what it replaced.
    expect((await v2.settings.get(CLOCK_KEY))?.value).toBe(ops.map((o) => o.hlc).sort().at(-1));
    const people = new Repository(v2, 'people');
    await people.update(ZHANG, { phone: '13800000000' }, { userId: 'clerk-1', deviceId: 'device-a', now: () => new Date(at(1)) });
    const next = (await v2.outbox.orderBy('id').toArray()).at(-1)!;
    expect(next.prev).toEqual({ phone: [update.hlc] });
    expect(next.hlc > update.hlc).toBe(true);
    v2.close();
  });

  it('version 1 → 2 on an empty database', async () => {
    const v1 = openOld(freshName(), 1);
    await v1.open();
    v1.close();
    const v2 = await openCurrent(v1.name);
    expect(await v2.outbox.count()).toBe(0);
    expect(await v2.mergeStates.count()).toBe(0);
    v2.close();
  });

  it('version 2 → 3: rows kept; new indexes answer; application numbers may repeat across desks', async () => {
    const v2 = openOld(freshName(), 2);
    await v2.table('people').add(STORED_ZHANG);
    await v2.table('applications').add({
      id: LI, programId: 'rk-registration', kind: 'new', applicationNo: 'P5-2026-A1B2-0001', personId: ZHANG,
      status: 'received', channel: 'counter', receivedDate: '2026-11-20', fields: {}, ...base,
    });
    v2.close();

    const db = await openCurrent(v2.name); // through 3 (and every later version)
    expect((await db.people.where('[name+birthDate]').equals(['张三丰', '1949-10-01']).first())?.id).toBe(ZHANG);
    expect(await db.applications.where('[programId+status]').equals(['rk-registration', 'received']).count()).toBe(1);
    // Another desk's application with the same number merges in rather than failing the index.
    await db.applications.add({ ...(await db.applications.get(LI))!, id: WANG });
    expect(await db.applications.where('applicationNo').equals('P5-2026-A1B2-0001').count()).toBe(2);
    db.close();
  });

  it('version 3 → 7: every row of version 3 kept; the panel tables exist, take records and answer their indexes', async () => {
    const application = {
      id: LI, programId: 'xj-isi-spm', kind: 'new', applicationNo: 'P2-2026-A1B2-0001', personId: ZHANG,
      status: 'awaiting-defense', channel: 'individual', receivedDate: '2026-11-20', fields: { employer: '新疆某某科技有限公司' }, ...base,
    };
    const review = { id: WANG, applicationId: LI, stage: 'awaiting-defense', reviewer: '王专家', opinion: '答辩流畅', outcome: '建议通过', ...base };
    const v3 = openOld(freshName(), 3);
    await v3.table('people').add(STORED_ZHANG);
    await v3.table('applications').add(application);
    await v3.table('reviews').add(review);
    await v3.table('workflowEvents').add({ id: opId(1), applicationId: LI, transitionId: 'pass-intake', from: 'received', to: 'awaiting-defense', on: '2026-11-20', role: 'clerk', ...base });
    await v3.table('outbox').add({ id: opId(2), table: 'reviews', recordId: WANG, kind: 'put', fields: {}, prev: {}, hlc: `${at(0)}-0000-device-a`, userId: 'clerk-1', deviceId: 'device-a' });
    await v3.table('settings').put({ key: 'deviceId', value: 'device-a' });
    v3.close();

    const db = await openCurrent(v3.name);
    // Nothing of version 3 is lost or rewritten.
    expect(await db.people.get(ZHANG)).toEqual(STORED_ZHANG);
    expect(await db.applications.get(LI)).toEqual(application);
    // …but for the review's 结论, a code since version 12 (db/upgrade-v12.ts).
    expect(await db.reviews.get(WANG)).toEqual({ ...review, outcome: 'recommend' });
    expect(await db.workflowEvents.where('applicationId').equals(LI).count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
    expect((await db.settings.get('deviceId'))?.value).toBe('device-a');
    expect(await db.applications.where('[programId+status]').equals(['xj-isi-spm', 'awaiting-defense']).count()).toBe(1);

    // The panel tables start empty, take records and answer the indexes the screens use.
    for (const table of Object.keys(schemaV7)) expect(await db.table(table).count(), table).toBe(0);
    const expert = '01937b2c-2222-7000-8000-000000000001';
    const session = '01937b2c-3333-7000-8000-000000000001';
    const sheet = '01937b2c-4444-7000-8000-000000000001';
    await db.experts.add({ id: expert, name: '赵专家', unit: '新疆大学', specialties: ['系统集成'], userId: 'u-zhao', ...base });
    await db.panelSessions.add({
      id: session, programId: pid('xj-isi-spm'), title: '2026年第一次专家评审会', stages: ['awaiting-defense', 'expert-review'], date: '2026-11-25',
      venue: '乌鲁木齐 协会会议室', chairId: expert, memberIds: [expert], applicationIds: [LI], ...base,
    });
    await db.scoresheets.add({
      id: sheet, sessionId: session, applicationId: LI, stage: 'awaiting-defense', expertId: expert, scoresTenths: { defence: 855 },
      opinion: '答辩流畅', recommendation: 'recommend', status: 'submitted', submittedAt: at(1), ...base,
    });
    expect((await db.experts.where('userId').equals('u-zhao').first())?.name).toBe('赵专家');
    expect(await db.panelSessions.where('memberIds').equals(expert).count()).toBe(1);
    expect(await db.panelSessions.where('applicationIds').equals(LI).count()).toBe(1);
    expect((await db.scoresheets.where('[sessionId+applicationId]').equals([session, LI]).first())?.scoresTenths).toEqual({ defence: 855 });
    db.close();
  });

  it('version 3 → 4: every row kept; the office calendar years are a synced table written through the repository', async () => {
    const v3 = openOld(freshName(), 3);
    await v3.table('people').add(STORED_ZHANG);
    await v3.table('publicities').add({
      id: LI, programId: 'rk-registration', title: '2026年第一批', startedOn: '2026-11-23', endsOn: '2026-11-27', applicationIds: [WANG], ...base,
    });
    await v3.table('settings').put({ key: 'deviceId', value: 'device-a' });
    v3.close();

    const db = await openCurrent(v3.name);
    expect((await db.people.get(ZHANG))?.name).toBe('张三丰');
    expect((await db.publicities.where('applicationIds').equals(WANG).first())?.endsOn).toBe('2026-11-27');
    const calendar = new Repository(db, 'calendarYears');
    const id = '00000000-0000-7000-8000-000000002027';
    await calendar.put(id, { year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], adjustedWorkdays: [] }, { userId: 'admin-1', deviceId: 'device-a' });
    // The same year saved again (another correction) edits the one record.
    await calendar.put(id, { year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }, { date: '2027-01-02', name: '元旦' }], adjustedWorkdays: [] }, { userId: 'admin-1', deviceId: 'device-a' });
    expect(await db.calendarYears.where('year').equals(2027).count()).toBe(1);
    expect((await db.calendarYears.get(id))?.holidays).toHaveLength(2);
    expect((await db.outbox.toArray()).map((o) => [o.table, o.recordId])).toEqual([
      ['calendarYears', id],
      ['calendarYears', id],
    ]);
    db.close();
  });

  it('version 3 → 10: every record kept; agencies, evaluators and agency reviews get tables and indexes; writes sync', async () => {
    const organisation = { id: ZHANG, name: '新疆天山云数据科技有限公司', creditCode: '91350100M000100Y43', ...base };
    const application = {
      id: LI, programId: 'xj-si-annual', kind: 'annual-review', applicationNo: 'P3-2026-A1B2-0001', organisationId: ZHANG,
      status: 'submitted', channel: 'website', receivedDate: '2026-01-12',
      fields: { grade: '乙', technicalStaffTotal: 31, projects: [{ rowKey: 'p1', projectName: '机房改造', integration: 12_500_000 }] }, ...base,
    };
    const certificate = { id: WANG, certificateNo: 'XJSI-2025-000001', programId: 'xj-si-annual', holderOrganisationId: ZHANG, issuedOn: '2025-04-20', status: 'valid', ...base };
    const v3 = openOld(freshName(), 3);
    await v3.table('organisations').add(organisation);
    await v3.table('applications').add(application);
    await v3.table('certificates').add(certificate);
    await v3.table('workflowEvents').add({ id: opId(5), applicationId: LI, transitionId: 'submit', from: 'filling', to: 'submitted', on: '2026-01-12', role: 'clerk', ...base });
    await v3.table('settings').put({ key: 'deviceId', value: 'device-a' });
    v3.close();

    const db = await openCurrent(v3.name);
    expect(await db.organisations.get(ZHANG)).toEqual(organisation);
    expect(await db.applications.get(LI)).toEqual(application);
    expect(await db.certificates.get(WANG)).toEqual(certificate);
    expect(await db.workflowEvents.where('applicationId').equals(LI).count()).toBe(1);
    expect(await db.applications.where('[programId+status]').equals(['xj-si-annual', 'submitted']).count()).toBe(1);

    // The new tables, through the repository: record, outbox operation and merge state together.
    const ctx = { userId: 'clerk-1', deviceId: 'device-a', now: () => new Date(at(30)) };
    const agency = await new Repository(db, 'evaluationAgencies').create(
      { programId: 'iets', name: '中技评（北京）评价有限公司', scope: 'national', registeredOn: '2020-03-01', standing: 'active' },
      ctx,
    );
    const evaluator = await new Repository(db, 'evaluators').create(
      { agencyId: agency.id, name: '王建新', idNumber: '110105198002111011', fullTime: true, contract: 'labour', standing: 'active' },
      ctx,
    );
    await new Repository(db, 'agencyAudits').create(
      { applicationId: LI, stage: 'agency-review', agencyId: agency.id, kind: 'documents', on: '2026-02-10', evaluatorIds: [evaluator.id], findings: '材料齐全', passed: true },
      ctx,
    );
    expect((await db.evaluators.where('idNumber').equals('110105198002111011').first())?.agencyId).toBe(agency.id);
    expect(await db.agencyAudits.where('applicationId').equals(LI).count()).toBe(1);
    expect(await db.evaluationAgencies.where('programId').equals('iets').count()).toBe(1);
    const ops = await db.outbox.toArray();
    expect(ops.map((o) => o.table).sort()).toEqual(['agencyAudits', 'evaluationAgencies', 'evaluators']);
    for (const op of ops) expect(operationSchema.safeParse(op).success, JSON.stringify(op)).toBe(true);
    expect(await db.mergeStates.get(['evaluators', evaluator.id])).toBeDefined();
    db.close();
  });

  it('version 3 → 6: every row kept; the quarantine table is there, empty, and takes set-aside operations', async () => {
    const application = {
      id: LI, programId: 'rk-registration', kind: 'new', applicationNo: 'P5-2026-A1B2-0001', personId: ZHANG,
      status: 'received', channel: 'counter', receivedDate: '2026-11-20', fields: { unitNature: 'private' }, ...base,
    };
    const op = {
      id: opId(1), table: 'people', recordId: ZHANG, kind: 'put', fields: { name: '张三丰' }, prev: {},
      hlc: `${at(0)}-0000-device-a`, deviceId: 'device-a', userId: 'clerk-1',
    };
    const v3 = openOld(freshName(), 3);
    await v3.table('people').add(STORED_ZHANG);
    await v3.table('applications').add(application);
    await v3.table('outbox').add(op);
    await v3.table('workflowEvents').add({ id: WANG, applicationId: LI, transitionId: 'accept', from: 'received', to: 'checking', on: '2026-11-20', role: 'clerk', ...base });
    await v3.table('drafts').add({ id: 'new-application', kind: 'new-application', userId: 'clerk-1', updatedAt: at(1), values: { name: '李' } });
    await v3.table('settings').put({ key: 'deviceId', value: 'device-a' });
    await v3.table('blobs').put({ sha256: 'a'.repeat(64), blob: new Blob([new Uint8Array([1, 2, 3])]) });
    v3.close();

    const db = await openCurrent(v3.name);
    expect(await db.people.get(ZHANG)).toEqual(STORED_ZHANG);
    expect(await db.applications.get(LI)).toEqual(application);
    expect(await db.outbox.toArray()).toEqual([op]);
    expect(await db.workflowEvents.count()).toBe(1);
    expect((await db.drafts.get('new-application'))?.values).toEqual({ name: '李' });
    expect((await db.settings.get('deviceId'))?.value).toBe('device-a');
    expect(new Uint8Array(await (await db.blobs.get('a'.repeat(64)))!.blob.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(await db.quarantine.count()).toBe(0);
    await db.quarantine.add({ id: opId(2), operation: { ...op, id: opId(2) } as never, code: 'invalid_batch', message: '服务器拒收了这条修改（内容不符合要求）。', quarantinedAt: at(2) });
    expect((await db.quarantine.orderBy('quarantinedAt').first())?.code).toBe('invalid_batch');
    db.close();
  });

  it('version 3 → 8: certificates kept as they were; certificate events and the status / replaces indexes answer', async () => {
    // As version 3 wrote them: no validFrom, level, replaces; statuses of the old enum.
    const issued = { id: ZHANG, certificateNo: 'XJPM-2023-000017', programId: 'xj-isi-pm', issuedOn: '2023-04-01', validUntil: '2027-03-31', status: 'valid', ...base };
    const revoked = { id: LI, certificateNo: 'IETS-2025-000008', programId: 'iets', issuedOn: '2025-06-01', validUntil: '2028-05-31', status: 'revoked', ...base };
    const v3 = openOld(freshName(), 3);
    await v3.table('certificates').bulkAdd([issued, revoked]);
    await v3.table('workflowEvents').add({ id: WANG, applicationId: LI, transitionId: 'accept', from: 'received', to: 'under-review', on: '2026-11-20', role: 'clerk', ...base });
    v3.close();

    const db = await openCurrent(v3.name);
    expect(await db.certificates.get(ZHANG)).toEqual(issued);
    expect(await db.certificates.where('status').equals('revoked').primaryKeys()).toEqual([LI]);
    expect(await db.workflowEvents.count()).toBe(1);
    expect(await db.certificateEvents.count()).toBe(0);

    // The new table takes records through the repository, and its indexes answer.
    const ctx = { userId: 'clerk-1', deviceId: 'device-a', now: () => new Date(at(9)) };
    const events = new Repository(db, 'certificateEvents');
    await events.create({ certificateId: ZHANG, kind: 'issued', on: '2023-04-01', role: 'clerk' }, ctx);
    await events.create({ certificateId: ZHANG, kind: 'reprinted', on: '2026-11-23', role: 'clerk', reason: '打印时卡纸' }, ctx);
    expect(await db.certificateEvents.where('[certificateId+kind]').equals([ZHANG, 'reprinted']).count()).toBe(1);
    const certificates = new Repository(db, 'certificates');
    const { id: _id, createdAt: _c, createdBy: _cb, updatedAt: _u, updatedBy: _ub, ...fields } = issued;
    const successor = await certificates.create({ ...fields, certificateNo: 'XJPM-2026-000301', issuedOn: '2026-12-06', validFrom: '2027-04-01', validUntil: '2031-03-31', replaces: ZHANG, applicationKind: 'renewal', status: 'valid' }, ctx);
    await certificates.update(ZHANG, { replacedBy: successor.id }, ctx);
    expect(await db.certificates.where('replaces').equals(ZHANG).primaryKeys()).toEqual([successor.id]);
    expect((await db.outbox.toArray()).filter((op) => op.table === 'certificateEvents')).toHaveLength(2);
    db.close();
  });
});
