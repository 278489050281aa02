/**
 * The plan written the way the import screen will write it: every record through the
 * repositories (record + outbox operation + audit) in ONE Dexie transaction, so a failure half
 * way leaves nothing; undone the same way, as tombstones that sync. `commit` and `undo` below are
 * the reference for the screen's commands.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { Repository, type WriteContext } from '../../../renderer/src/db/repository';
import { nextApplicationNo } from '../../../renderer/src/features/applications/numbers';
import {
  personIdOf,
  planImport,
  planUndo,
  readImport,
  reviewRows,
  tableValueWith,
  type DeskLookup,
  type ImportPlan,
  type ImportSpec,
} from '../../../shared/import';
import { fixture, MESSY, specOf, TODAY } from './helpers';
import type { StateId } from '../../../shared/programs/ids';

let n = 0;
const roster = specOf('zj-it-senior', 'roster');
const ctx: WriteContext = { userId: 'clerk-1', deviceId: '01937b2c-9999-7000-8000-00000000abcd', now: () => new Date('2026-11-22T03:00:00.000Z') };

function repos(db: DeskDatabase) {
  return {
    importBatches: new Repository(db, 'importBatches'),
    people: new Repository(db, 'people'),
    applications: new Repository(db, 'applications'),
    certificates: new Repository(db, 'certificates'),
  };
}

/** Writes a plan in one transaction; returns the import's id. */
async function commit(db: DeskDatabase, plan: ImportPlan): Promise<string> {
  const r = repos(db);
  return db.transaction('rw', [db.importBatches, db.people, db.applications, db.certificates, db.outbox, db.auditLog, db.mergeStates, db.settings], async () => {
    const batch = await r.importBatches.create(plan.batch, ctx);
    const personIds: string[] = [];
    for (const p of plan.people) personIds.push((await r.people.create({ ...p.record, importBatchId: batch.id }, ctx)).id);
    for (const a of plan.applications) {
      const applicationNo = await nextApplicationNo(db, a.record.programId, Number(a.record.receivedDate.slice(0, 4)), ctx.deviceId);
      await r.applications.create({ ...a.record, applicationNo, personId: personIdOf(a.person, personIds), importBatchId: batch.id }, ctx);
    }
    for (const c of plan.certificates) await r.certificates.create({ ...c.record, holderPersonId: personIdOf(c.person, personIds), importBatchId: batch.id }, ctx);
    if (plan.table !== undefined) {
      const target = await db.applications.get(plan.table.applicationId);
      await r.applications.update(plan.table.applicationId, { fields: { ...target!.fields, [plan.table.field]: tableValueWith(plan.table, batch.id) } }, ctx);
    }
    return batch.id;
  });
}

/** Undoes an import in one transaction. */
async function undo(db: DeskDatabase, batchId: string, spec: ImportSpec): Promise<void> {
  const r = repos(db);
  await db.transaction('rw', [db.importBatches, db.people, db.applications, db.certificates, db.outbox, db.auditLog, db.mergeStates, db.settings], async () => {
    const batch = (await db.importBatches.get(batchId))!;
    const people = await db.people.where('importBatchId').equals(batchId).toArray();
    const applications = await db.applications.where('importBatchId').equals(batchId).toArray();
    const certificates = await db.certificates.where('importBatchId').equals(batchId).toArray();
    const inUse = new Set<string>();
    for (const p of people) {
      const uses = await db.applications.where('personId').equals(p.id).filter((a) => !a.deleted && a.importBatchId !== batchId).count();
      if (uses > 0) inUse.add(p.id);
    }
    const plan = planUndo({ batch, people, applications, certificates, peopleInUse: inUse }, spec, TODAY);
    if (!plan.ok) throw new Error(plan.error.message);
    for (const id of plan.value.remove.applications) await r.applications.remove(id, ctx);
    for (const id of plan.value.remove.certificates) await r.certificates.remove(id, ctx);
    for (const id of plan.value.remove.people) await r.people.remove(id, ctx);
    await r.importBatches.update(batchId, plan.value.batchPatch, ctx);
  });
}

/** The desk's people for the file's 身份证号, as the screen looks them up. */
async function lookup(db: DeskDatabase, idNumbers: readonly string[]): Promise<DeskLookup> {
  const people = (await db.people.where('idNumber').anyOf([...idNumbers]).toArray()).filter((p) => !p.deleted);
  return { people: new Map(people.map((p) => [p.idNumber, { id: p.id, name: p.name }])) };
}

async function planMessy(db: DeskDatabase): Promise<ImportPlan> {
  const read = readImport({ bytes: fixture('roster-messy.xlsx'), spec: roster, today: TODAY });
  if (!read.ok || !read.value.parsed.ok) throw new Error('unreadable');
  const parsed = read.value.parsed.value;
  const desk = await lookup(db, parsed.rows.map((r) => r.values['idNumber']).filter((v): v is string => typeof v === 'string'));
  const report = reviewRows(parsed, roster, { today: TODAY }, { fixes: { 7: { 4: MESSY.WANG }, 8: { 3: '1979年10月', 6: '私营企业和个体工商户' } }, excluded: [9] }, desk);
  const plan = planImport(report, roster, { fileName: '花名册.xlsx', today: TODAY, receivedDate: '2019-09-25', channel: 'unit' });
  if (!plan.ok) throw new Error(plan.error.message);
  return plan.value;
}

describe('writing an import', () => {
  it('all rows in one transaction; people on the desk linked; undo removes exactly what it made; importing again creates them afresh', async () => {
    const db = new DeskDatabase(`import-write-${++n}`);
    const qian = await repos(db).people.create({ name: '钱七', idNumber: MESSY.QIAN }, ctx);

    const batchId = await commit(db, await planMessy(db));
    const live = async () => ({
      people: (await db.people.toArray()).filter((p) => !p.deleted).map((p) => p.name).sort(),
      applications: (await db.applications.toArray()).filter((a) => !a.deleted).length,
    });
    expect(await live()).toEqual({ people: ['张三', '李四', '王五', '赵六', '钱七'].sort(), applications: 5 });
    // 钱七 was linked: her one record holds her application.
    expect(await db.people.where('idNumber').equals(MESSY.QIAN).count()).toBe(1);
    expect(await db.applications.where('personId').equals(qian.id).count()).toBe(1);
    expect((await db.applications.where('importBatchId').equals(batchId).toArray()).map((a) => a.applicationNo).sort()).toEqual([
      'P4-2019-ABCD-0001',
      'P4-2019-ABCD-0002',
      'P4-2019-ABCD-0003',
      'P4-2019-ABCD-0004',
      'P4-2019-ABCD-0005',
    ]);
    expect(await db.people.where('importBatchId').equals(batchId).count()).toBe(4);
    expect(await db.outbox.count()).toBe(1 + 1 + 4 + 5);

    await undo(db, batchId, roster);
    expect(await live()).toEqual({ people: ['钱七'], applications: 0 });
    expect((await db.importBatches.get(batchId))?.status).toBe('undone');
    // Tombstones travel: one delete operation per record removed.
    expect(await db.outbox.filter((op) => op.kind === 'delete').count()).toBe(4 + 5);

    const again = await commit(db, await planMessy(db));
    expect(await live()).toEqual({ people: ['张三', '李四', '王五', '赵六', '钱七'].sort(), applications: 5 });
    expect(await db.people.where('importBatchId').equals(again).count()).toBe(4);
    db.close();
  });

  it('a record refused half way: nothing of the import is kept, not even a number taken', async () => {
    const db = new DeskDatabase(`import-write-${++n}`);
    const plan = await planMessy(db);
    const broken: ImportPlan = { ...plan, applications: plan.applications.map((a, i) => (i === 3 ? { ...a, record: { ...a.record, status: '' as StateId } } : a)) };
    await expect(commit(db, broken)).rejects.toThrow();
    expect([await db.importBatches.count(), await db.people.count(), await db.applications.count(), await db.outbox.count(), await db.auditLog.count()]).toEqual([0, 0, 0, 0, 0]);
    expect(await db.settings.get('applicationNo.zj-it-senior.2019')).toBeUndefined();
    db.close();
  });
});
