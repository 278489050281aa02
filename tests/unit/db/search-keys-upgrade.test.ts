/**
 * Schema version 13 (issue 12 item 5): the `*searchKeys` indexes of people, organisations and
 * applications. A desk at version 12 with people, an organisation and applications on it opens at
 * version 13 with every stored row findable by its keys; from then on every write keeps them —
 * the repositories' and the merge of another desk's operations — while records, outbox
 * operations and audit entries never carry them (they are this desk's, derived, not facts).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskDatabase, SCHEMA_VERSION } from '../../../renderer/src/db/database';
import { mergeRemoteOperations } from '../../../renderer/src/db/remote';
import { Repository } from '../../../renderer/src/db/repository';
import { openAsDeclared, STORED_AT, STORED_STAMPS } from './declared';

const PERSON = '01937b2c-0000-7000-8000-00000000f001';
const ORG = '01937b2c-0000-7000-8000-00000000f002';
const APP = '01937b2c-0000-7000-8000-00000000f003';
const APP2 = '01937b2c-0000-7000-8000-00000000f004';

/** Ids of the rows a key finds, through the index. */
const found = (db: DeskDatabase, table: 'people' | 'organisations' | 'applications', typed: string): Promise<string[]> =>
  db.table(table).where('searchKeys').startsWith(typed).distinct().primaryKeys() as Promise<string[]>;

const opened: DeskDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('Dexie schema version 13: search keys', () => {
  it('version 12 → 13: every stored person, organisation and application gets its keys; records keep their shape', async () => {
    const name = 'search-keys-upgrade-1';
    const v12 = openAsDeclared(name, 12);
    const person = { id: PERSON, name: '阿依古丽·买买提', idNumber: '650102199001010022', ...STORED_STAMPS };
    const zhang = { id: APP2.replace('f004', 'f005'), name: '张伟', idNumber: '650102199203040018', ...STORED_STAMPS };
    const org = { id: ORG, name: '新疆天山丝路信息技术有限公司', creditCode: '91650102MA77ABCD1X', ...STORED_STAMPS };
    const app = {
      id: APP,
      programId: 'xj-isi-pm',
      kind: 'new',
      applicationNo: 'P1-2026-3896-0003',
      personId: PERSON,
      status: 'received',
      channel: 'unit',
      receivedDate: '2026-11-02',
      fields: { employer: '克拉玛依市人民医院' },
      ...STORED_STAMPS,
    };
    await v12.table('people').bulkAdd([person, zhang]);
    await v12.table('organisations').add(org);
    await v12.table('applications').add(app);
    v12.close();

    const db = new DeskDatabase(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(13);
    expect(await found(db, 'people', '买买提')).toEqual([PERSON]);
    expect(await found(db, 'people', '阿依古丽买买提')).toEqual([PERSON]);
    expect(await found(db, 'people', 'mmt')).toEqual([PERSON]);
    expect(await found(db, 'people', 'zw')).toEqual([zhang.id]);
    expect(await found(db, 'people', 'zhangwei')).toEqual([zhang.id]);
    expect(await found(db, 'organisations', '天山丝路')).toEqual([ORG]);
    expect(await found(db, 'applications', '38960003')).toEqual([APP]);
    expect(await found(db, 'applications', '0003')).toEqual([APP]);
    expect(await found(db, 'applications', '人民医院')).toEqual([APP]);
    // Read back exactly as stored before: the keys are the index's only.
    expect(await db.people.get(PERSON)).toEqual(person);
    expect(await db.organisations.toArray()).toEqual([org]);
    expect(await db.applications.where('personId').equals(PERSON).toArray()).toEqual([app]);
  });

  it('a repository write keeps the keys current and sends none of them; a merged operation gets them too', async () => {
    const a = new DeskDatabase('search-keys-write-a');
    const b = new DeskDatabase('search-keys-write-b');
    opened.push(a, b);
    await Promise.all([a.open(), b.open()]);
    const people = new Repository(a, 'people');
    const ctx = { userId: 'clerk-1', deviceId: 'desk-a', now: () => new Date(STORED_AT) };
    const created = await people.create({ name: '王伟', idNumber: '650102199001010030' }, ctx);
    expect(created).not.toHaveProperty('searchKeys');
    expect(await found(a, 'people', 'ww')).toEqual([created.id]);

    await people.update(created.id, { name: '阿依古丽·买买提' }, ctx);
    expect(await found(a, 'people', 'ww')).toEqual([]);
    expect(await found(a, 'people', '买买提')).toEqual([created.id]);

    const ops = await a.outbox.orderBy('id').toArray();
    expect(ops).toHaveLength(2);
    for (const op of ops) expect(Object.keys(op.fields)).not.toContain('searchKeys');
    expect(Object.keys(ops[1]!.fields).sort()).toEqual(['name', 'updatedAt', 'updatedBy']);
    for (const entry of await a.auditLog.toArray()) expect(Object.keys(entry.changes)).not.toContain('searchKeys');
    const state = await a.mergeStates.get(['people', created.id]);
    expect(Object.keys(state!.fields)).not.toContain('searchKeys');

    // Desk b merges a's operations as a pull delivers them: the keys follow the merged name.
    await mergeRemoteOperations(b, ops, 'desk-b', Date.parse(STORED_AT) + 1000);
    expect(await found(b, 'people', '买买提')).toEqual([created.id]);
    expect(await found(b, 'people', 'aygl')).toEqual([created.id]);
    expect(await found(b, 'people', 'ww')).toEqual([]);
    expect(await b.people.get(created.id)).toEqual({ ...created, name: '阿依古丽·买买提', updatedAt: STORED_AT });
  });
});
