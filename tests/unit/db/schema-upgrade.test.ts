/**
 * Schema versioning. Each future version adds a case here in the same shape: open the previous
 * version, write data in its shape, close, open the new version, assert the upgrade ran and
 * nothing was lost. The "v2" below is a worked example of the pattern (not the app's schema).
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { DeskDatabase, schemaV1 } from '../../../renderer/src/db/database';

let n = 0;
const freshName = () => `schema-test-${++n}`;

describe('Dexie schema', () => {
  it('version 1 opens empty with every core table', async () => {
    const db = new DeskDatabase(freshName());
    await db.open();
    expect(db.verno).toBe(1);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(schemaV1).sort());
    db.close();
  });

  it('version 1 reopens with its data and indexes intact', async () => {
    const name = freshName();
    const first = new DeskDatabase(name);
    await first.people.add({
      id: '01937b2c-0000-7000-8000-000000000001',
      name: '张三丰',
      idNumber: '110105194910010015',
      createdAt: '2026-11-22T02:00:00.000Z',
      createdBy: 'clerk-1',
      updatedAt: '2026-11-22T02:00:00.000Z',
      updatedBy: 'clerk-1',
    });
    await first.settings.put({ key: 'deviceId', value: 'device-a' });
    first.close();

    const second = new DeskDatabase(name);
    expect((await second.people.where('idNumber').equals('110105194910010015').first())?.name).toBe('张三丰');
    expect((await second.settings.get('deviceId'))?.value).toBe('device-a');
    second.close();
  });

  it('pattern: a later version upgrades data written by version 1', async () => {
    const name = freshName();
    const v1 = new DeskDatabase(name);
    await v1.people.add({
      id: '01937b2c-0000-7000-8000-000000000002',
      name: '  李四 ',
      idNumber: '11010519491001002X',
      createdAt: '2026-11-22T02:00:00.000Z',
      createdBy: 'clerk-1',
      updatedAt: '2026-11-22T02:00:00.000Z',
      updatedBy: 'clerk-1',
    });
    v1.close();

    // What a future schema change looks like: keep version(1), add version(2) with the new index
    // and an upgrade that rewrites existing rows.
    class DeskDatabaseV2 extends Dexie {
      constructor() {
        super(name);
        this.version(1).stores(schemaV1);
        this.version(2)
          .stores({ ...schemaV1, people: 'id, idNumber, name, updatedAt, nameKey' })
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
    const v2 = new DeskDatabaseV2();
    await v2.open();
    expect(v2.verno).toBe(2);
    const upgraded = await v2.table('people').where('nameKey').equals('李四').first();
    expect(upgraded?.idNumber).toBe('11010519491001002X');
    v2.close();
  });
});
