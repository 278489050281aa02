/**
 * Schema version 9 (issue 15, spreadsheet import): a desk on version 3 with people, applications
 * and certificates upgrades with every row kept; the new `importBatches` table is there and
 * empty; the new `importBatchId` indexes answer for records written since and leave the old ones
 * (which have no import) out.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { DeskDatabase, SCHEMA_VERSION, schemaV1, schemaV2, schemaV3 } from '../../../renderer/src/db/database';
import { Repository } from '../../../renderer/src/db/repository';

let n = 0;
const freshName = () => `import-upgrade-test-${++n}`;

const at = '2026-11-20T02:00:00.000Z';
const base = { createdAt: at, createdBy: 'clerk-1', updatedAt: at, updatedBy: 'clerk-1' };
const ZHANG = '01937b2c-0000-7000-8000-000000000001';
const APP = '01937b2c-0000-7000-8000-000000000002';
const CERT = '01937b2c-0000-7000-8000-000000000003';
const ctx = { userId: 'clerk-1', deviceId: '01937b2c-9999-7000-8000-00000000abcd', now: () => new Date('2026-11-22T03:00:00.000Z') };

/** The database exactly as the version-3 app declared it. */
function openV3(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(schemaV1);
  db.version(2).stores(schemaV2);
  db.version(3).stores(schemaV3);
  return db;
}

describe('Dexie schema version 9: imports', () => {
  it('version 3 → 9: rows kept, importBatches empty, importBatchId indexes answer for new records only', async () => {
    const name = freshName();
    const v3 = openV3(name);
    await v3.table('people').add({ id: ZHANG, name: '张三丰', idNumber: '110105194910010015', birthDate: '1949-10-01', ...base });
    await v3.table('applications').add({
      id: APP, programId: 'zj-it-senior', kind: 'new', applicationNo: 'P4-2026-ABCD-0001', personId: ZHANG,
      status: 'received', channel: 'unit', receivedDate: '2026-11-20', fields: { specialty: '技术开发' }, ...base,
    });
    await v3.table('certificates').add({ id: CERT, certificateNo: 'RK-0001', programId: 'rk-registration', holderPersonId: ZHANG, issuedOn: '2024-03-01', status: 'valid', ...base });
    v3.close();

    const db = new DeskDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect((await db.people.get(ZHANG))?.name).toBe('张三丰');
    expect((await db.applications.get(APP))?.fields).toEqual({ specialty: '技术开发' });
    expect((await db.certificates.where('certificateNo').equals('RK-0001').first())?.id).toBe(CERT);
    // Version 3's indexes still answer.
    expect(await db.people.where('[name+birthDate]').equals(['张三丰', '1949-10-01']).count()).toBe(1);
    expect(await db.importBatches.count()).toBe(0);

    // An import written after the upgrade: the batch, then a person and an application tagged with it.
    const batches = new Repository(db, 'importBatches');
    const batch = await batches.create(
      {
        programId: 'zj-it-senior', kind: 'roster', fileName: '花名册.xlsx', sheetName: '花名册', importedOn: '2026-11-22',
        rowsRead: 2, rowsImported: 2, rowsExcluded: 0, rowsFixed: 0, peopleCreated: 1, peopleLinked: 1,
        applicationsCreated: 2, certificatesCreated: 0, tableRowsAdded: 0, status: 'imported',
      },
      ctx,
    );
    const li = await new Repository(db, 'people').create({ name: '李四', idNumber: '11010519491001002X', importBatchId: batch.id }, ctx);
    await new Repository(db, 'applications').create(
      { programId: 'zj-it-senior', kind: 'new', applicationNo: 'P4-2026-ABCD-0002', personId: li.id, status: 'received', channel: 'unit', receivedDate: '2026-11-20', fields: {}, importBatchId: batch.id },
      ctx,
    );
    expect((await db.people.where('importBatchId').equals(batch.id).toArray()).map((p) => p.name)).toEqual(['李四']);
    expect((await db.applications.where('importBatchId').equals(batch.id).toArray()).map((a) => a.applicationNo)).toEqual(['P4-2026-ABCD-0002']);
    // The records from before the upgrade carry no import.
    expect(await db.people.where('importBatchId').anyOf([batch.id, '']).count()).toBe(1);
    expect(await db.importBatches.where('programId').equals('zj-it-senior').count()).toBe(1);
    // The batch travels like every synced record: an outbox operation was written for it.
    expect(await db.outbox.where('[table+recordId]').equals(['importBatches', batch.id]).count()).toBe(1);
    db.close();
  });

  it('version 3 → 9 on an empty database', async () => {
    const name = freshName();
    const v3 = openV3(name);
    await v3.open();
    v3.close();
    const db = new DeskDatabase(name);
    await db.open();
    expect(db.tables.map((t) => t.name)).toContain('importBatches');
    expect(await db.importBatches.count()).toBe(0);
    db.close();
  });
});
