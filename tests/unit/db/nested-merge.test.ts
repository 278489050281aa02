/**
 * An application's form merges line by line (shared/sync/nested.ts): two clerks who correct
 * different lines of one form offline both keep their edits; the same line typed on two desks
 * is a conflict on that line only, and settling it on one desk settles it on both.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deliver, T0, useTwoDesks, type MergeDesk } from './two-desks';
import { mergeRemoteOperations } from '../../../renderer/src/db/remote';
import { flattenNested, unflattenNested } from '../../../shared/sync/nested';
import { operationSchema } from '../../../shared/sync/protocol';


let a: MergeDesk;
let b: MergeDesk;
useTwoDesks('nested-test', (first, second) => {
  a = first;
  b = second;
});

const application = {
  programId: 'zj-it-senior',
  kind: 'new' as const,
  applicationNo: 'P4-2026-A1B2-0001',
  status: 'received',
  channel: 'unit' as const,
  receivedDate: '2026-11-20',
  fields: { name: '赵文华', employer: '浙江省信息化研究院', specialty: '系统集成' },
};

/**
 * The application registered on desk a and delivered to b; then, both offline, a changes its form
 * lines `onA` and b its lines `onB` (a first), and each desk receives the other's change.
 */
async function editedOnBothDesks(onA: Record<string, string>, onB: Record<string, string>) {
  const created = await a.apps.create(application, a.ctx(0));
  await deliver(a, b, 10);
  await a.apps.update(created.id, { fields: { ...created.fields, ...onA } }, a.ctx(20));
  await b.apps.update(created.id, { fields: { ...created.fields, ...onB } }, b.ctx(21));
  await deliver(a, b, 30);
  await deliver(b, a, 31);
  return created;
}

describe('form entries merge one by one', () => {
  it('flatten and unflatten are inverse; a removed entry is sent as cleared', () => {
    expect(flattenNested('applications', { fields: { a: 1, b: 'x' }, status: 'received' })).toEqual({ 'fields.a': 1, 'fields.b': 'x', status: 'received' });
    expect(flattenNested('applications', { fields: { a: 2 } }, { fields: { a: 1, b: 'x' } })).toEqual({ 'fields.a': 2, 'fields.b': null });
    expect(flattenNested('people', { name: '张三' })).toEqual({ name: '张三' });
    expect(unflattenNested('applications', { status: 'received', 'fields.a': 2, 'fields.b': null })).toEqual({ status: 'received', fields: { a: 2 } });
    // A whole form written before entries merged separately still reads, entries lying over it.
    expect(unflattenNested('applications', { fields: { a: 1, c: 3 }, 'fields.a': 2 })).toEqual({ fields: { a: 2, c: 3 } });
  });

  it('a create sends each form entry as its own field, valid on the wire', async () => {
    await a.apps.create(application, a.ctx(0));
    const [op] = await a.db.outbox.toArray();
    expect(op!.fields).toMatchObject({ 'fields.name': '赵文华', 'fields.employer': '浙江省信息化研究院' });
    expect(op!.fields).not.toHaveProperty('fields');
    expect(operationSchema.safeParse(op).success).toBe(true);
  });

  it('an application registered with an empty form reaches the other desk (the empty form is sent whole)', async () => {
    const created = await a.apps.create({ ...application, fields: {} }, a.ctx(0));
    const [op] = await a.db.outbox.toArray();
    expect(op!.fields['fields']).toEqual({});
    expect(operationSchema.safeParse(op).success).toBe(true);
    const merged = await mergeRemoteOperations(b.db, await a.db.outbox.orderBy('id').toArray(), b.deviceId, T0 + 10);
    expect(merged.incomplete).toEqual([]);
    expect(await b.db.applications.get(created.id)).toMatchObject({ applicationNo: 'P4-2026-A1B2-0001', fields: {} });

    // The form typed later on the other desk lies over the empty one, line by line.
    await b.apps.update(created.id, { fields: { name: '赵文华' } }, b.ctx(20));
    await deliver(b, a, 30);
    expect((await a.db.applications.get(created.id))!.fields).toEqual({ name: '赵文华' });
  });

  it('an application pushed without any form (before the fix) still reads, with an empty form', () => {
    expect(flattenNested('applications', { fields: {} })).toEqual({ fields: {} });
    expect(flattenNested('applications', { fields: {} }, { fields: { a: 1 } })).toEqual({ 'fields.a': null });
    expect(unflattenNested('applications', { status: 'received' })).toEqual({ status: 'received', fields: {} });
  });

  it('different lines corrected on two desks offline: both kept, no conflict', async () => {
    const created = await editedOnBothDesks({ employer: '浙江省信息化研究院（杭州）' }, { specialty: '信息安全' });
    for (const d of [a, b]) {
      expect((await d.db.applications.get(created.id))!.fields).toEqual({ name: '赵文华', employer: '浙江省信息化研究院（杭州）', specialty: '信息安全' });
      expect(await d.apps.conflicts(created.id)).toEqual([]);
    }
  });

  it('the same line typed on two desks is a conflict on that line; settling it reaches the other desk', async () => {
    const created = await editedOnBothDesks({ specialty: '信息安全' }, { specialty: '应用电子' });
    const conflicts = await a.apps.conflicts(created.id);
    expect(conflicts.map((c) => c.field)).toEqual(['fields.specialty']);
    expect(conflicts[0]!.versions.map((v) => v.value).sort()).toEqual(['信息安全', '应用电子']);

    const settled = await a.apps.resolveConflict(created.id, 'fields.specialty' as never, '信息安全' as never, a.ctx(40));
    expect(settled.fields).toEqual({ ...created.fields, specialty: '信息安全' });
    await deliver(a, b, 50);
    expect(await b.apps.conflicts(created.id)).toEqual([]);
    expect((await b.db.applications.get(created.id))!.fields['specialty']).toBe('信息安全');
  });
});
