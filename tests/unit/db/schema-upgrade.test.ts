/**
 * Schema versioning. Each version adds a case here in the same shape: open the previous version,
 * write data in its shape, close, open the new version, assert the upgrade ran and nothing was
 * lost. Version 1 → 2 rewrites data; 2 → 3 and 3 → 8 add tables and indexes; the "v9" at the end
 * is a worked example of the pattern.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { DeskDatabase, SCHEMA_VERSION, schemaV1, schemaV2, schemaV3, schemaV8 } from '../../../renderer/src/db/database';
import { CLOCK_KEY } from '../../../renderer/src/db/clock';
import { Repository } from '../../../renderer/src/db/repository';
import { isDeleted, visibleValues } from '../../../shared/sync/merge';
import { operationSchema } from '../../../shared/sync/protocol';

let n = 0;
const freshName = () => `schema-test-${++n}`;

/** The database exactly as the version-1 app declared it. */
function openV1(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(schemaV1);
  return db;
}

const at = (s: number) => `2026-11-22T02:00:${String(s).padStart(2, '0')}.000Z`;
const ZHANG = '01937b2c-0000-7000-8000-000000000001';
const LI = '01937b2c-0000-7000-8000-000000000002';
const WANG = '01937b2c-0000-7000-8000-000000000003';
const opId = (k: number) => `01937b2c-1111-7000-8000-00000000000${k}`;

describe('Dexie schema', () => {
  it('the current version opens empty with every table', async () => {
    const db = new DeskDatabase(freshName());
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(schemaV8).sort());
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
    const name = freshName();
    const v1 = openV1(name);
    const zhang = { id: ZHANG, name: '张君宝', idNumber: '110105194910010015', phone: '13912345678', createdAt: at(0), createdBy: 'clerk-1', updatedAt: at(5), updatedBy: 'clerk-2' };
    const li = { id: LI, name: '李四', idNumber: '11010519491001002X', createdAt: at(1), createdBy: 'clerk-1', updatedAt: at(6), updatedBy: 'clerk-1', deleted: true };
    const wang = { id: WANG, name: '王五', idNumber: '110105194910010031', createdAt: at(2), createdBy: 'clerk-1', updatedAt: at(2), updatedBy: 'clerk-1' };
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

    const v2 = new DeskDatabase(name);
    await v2.open();
    expect(v2.verno).toBe(SCHEMA_VERSION); // through 2 (and every later version)

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
    const name = freshName();
    const v1 = openV1(name);
    await v1.open();
    v1.close();
    const v2 = new DeskDatabase(name);
    await v2.open();
    expect(await v2.outbox.count()).toBe(0);
    expect(await v2.mergeStates.count()).toBe(0);
    v2.close();
  });

  it('version 2 → 3: rows kept; new indexes answer; application numbers may repeat across desks', async () => {
    const name = freshName();
    const v2 = new Dexie(name);
    v2.version(1).stores(schemaV1);
    v2.version(2).stores(schemaV2);
    const base = { createdAt: at(0), createdBy: 'clerk-1', updatedAt: at(0), updatedBy: 'clerk-1' };
    await v2.table('people').add({ id: ZHANG, name: '张三丰', idNumber: '110105194910010015', birthDate: '1949-10-01', ...base });
    await v2.table('applications').add({
      id: LI, programId: 'rk-registration', kind: 'new', applicationNo: 'P5-2026-A1B2-0001', personId: ZHANG,
      status: 'received', channel: 'counter', receivedDate: '2026-11-20', fields: {}, ...base,
    });
    v2.close();

    const db = new DeskDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION); // through 3 (and every later version)
    expect((await db.people.where('[name+birthDate]').equals(['张三丰', '1949-10-01']).first())?.id).toBe(ZHANG);
    expect(await db.applications.where('[programId+status]').equals(['rk-registration', 'received']).count()).toBe(1);
    // Another desk's application with the same number merges in rather than failing the index.
    await db.applications.add({ ...(await db.applications.get(LI))!, id: WANG });
    expect(await db.applications.where('applicationNo').equals('P5-2026-A1B2-0001').count()).toBe(2);
    db.close();
  });

  it('version 3 → 8: certificates kept as they were; certificate events and the status / replaces indexes answer', async () => {
    const name = freshName();
    const v3 = new Dexie(name);
    v3.version(1).stores(schemaV1);
    v3.version(2).stores(schemaV2);
    v3.version(3).stores(schemaV3);
    const base = { createdAt: at(0), createdBy: 'clerk-1', updatedAt: at(0), updatedBy: 'clerk-1' };
    // As version 3 wrote them: no validFrom, level, replaces; statuses of the old enum.
    const issued = { id: ZHANG, certificateNo: 'XJPM-2023-000017', programId: 'xj-isi-pm', issuedOn: '2023-04-01', validUntil: '2027-03-31', status: 'valid', ...base };
    const revoked = { id: LI, certificateNo: 'IETS-2025-000008', programId: 'iets', issuedOn: '2025-06-01', validUntil: '2028-05-31', status: 'revoked', ...base };
    await v3.table('certificates').bulkAdd([issued, revoked]);
    await v3.table('workflowEvents').add({ id: WANG, applicationId: LI, transitionId: 'accept', from: 'received', to: 'under-review', on: '2026-11-20', role: 'clerk', ...base });
    v3.close();

    const db = new DeskDatabase(name);
    await db.open();
    expect(db.verno).toBe(8);
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

  it('pattern: a later version upgrades data written by the current one', async () => {
    const name = freshName();
    const current = new DeskDatabase(name);
    await current.people.add({
      id: '01937b2c-0000-7000-8000-000000000002',
      name: '  李四 ',
      idNumber: '11010519491001002X',
      createdAt: '2026-11-22T02:00:00.000Z',
      createdBy: 'clerk-1',
      updatedAt: '2026-11-22T02:00:00.000Z',
      updatedBy: 'clerk-1',
    });
    current.close();

    // What the next schema change looks like: keep every earlier version, add the next one with
    // the new index and an upgrade that rewrites existing rows.
    class DeskDatabaseV9 extends Dexie {
      constructor() {
        super(name);
        this.version(1).stores(schemaV1);
        this.version(2).stores(schemaV2);
        this.version(3).stores(schemaV3);
        this.version(8).stores(schemaV8);
        this.version(9)
          .stores({ ...schemaV8, people: 'id, idNumber, name, updatedAt, nameKey' })
          .upgrade((tx) =>
            tx
              .table('people')
              .toCollection()
              .modify((p: { name: string; nameKey?: string }) => {
                p.nameKey = p.name.trim();
              }),
          );
      }
    }
    const v9 = new DeskDatabaseV9();
    await v9.open();
    expect(v9.verno).toBe(9);
    const upgraded = await v9.table('people').where('nameKey').equals('李四').first();
    expect(upgraded?.idNumber).toBe('11010519491001002X');
    v9.close();
  });
});
