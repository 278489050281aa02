import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import { useFreshDb } from './fresh-db';
import { Repository, type WriteContext } from '../../../renderer/src/db/repository';
import { ValidationError } from '../../../renderer/src/db/errors';
import { CLOCK_KEY } from '../../../renderer/src/db/clock';
import { visibleValues } from '../../../shared/sync/merge';
import { operationSchema } from '../../../shared/sync/protocol';

const ctx: WriteContext = { userId: 'clerk-1', deviceId: 'device-a', now: () => new Date('2026-11-22T02:00:00.000Z') };
const zhang = { name: '张三丰', idNumber: '110105194910010015', birthDate: '1949-10-01', sex: 'male' as const };

let db: DeskDatabase;
let people: Repository<'people'>;
useFreshDb('repo-test', (opened) => {
  db = opened;
  people = new Repository(db, 'people');
});

describe('Repository: every write is record + outbox + audit in one transaction', () => {
  it('create stores the record, one put operation with every field, and one audit entry', async () => {
    const person = await people.create(zhang, ctx);
    expect(person.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(await db.people.get(person.id)).toEqual(person);

    const ops = await db.outbox.toArray();
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ table: 'people', recordId: person.id, kind: 'put', userId: 'clerk-1', deviceId: 'device-a' });
    expect(ops[0]!.fields).toMatchObject({ ...zhang, createdBy: 'clerk-1', createdAt: '2026-11-22T02:00:00.000Z' });

    const audit = await db.auditLog.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', recordId: person.id, userId: 'clerk-1' });
    expect(audit[0]!.changes.name).toEqual([undefined, '张三丰']);
  });

  it('password hashes sync through the outbox but the audit trail only says they changed', async () => {
    const users = new Repository(db, 'users');
    const user = await users.create({ username: 'li', displayName: '李经办', role: 'clerk', passwordHash: 'pbkdf2-sha256$600000$AAAA', passwordSalt: 'c2FsdA==' }, ctx);
    await users.update(user.id, { passwordHash: 'pbkdf2-sha256$600000$BBBB' }, ctx);
    const audit = await db.auditLog.toArray();
    expect(audit[0]!.changes.passwordHash).toEqual([undefined, '（已更改）']);
    expect(audit[0]!.changes.passwordSalt).toEqual([undefined, '（已更改）']);
    expect(audit[1]!.changes.passwordHash).toEqual(['（已更改）', '（已更改）']);
    expect(JSON.stringify(audit)).not.toContain('AAAA');
    expect((await db.outbox.toArray())[1]!.fields.passwordHash).toBe('pbkdf2-sha256$600000$BBBB');
    // Two desks may each have made an 'admin' before their first sync: the index must take both.
    await db.users.add({ ...user, id: '0193b2c4-0000-7000-8000-0000000000ff' });
    expect(await db.users.where('username').equals('li').count()).toBe(2);
  });

  it('update sends only the changed fields and records old → new with the reason', async () => {
    const person = await people.create(zhang, ctx);
    await people.update(person.id, { phone: '13912345678' }, { ...ctx, reason: '申请人补充联系电话' });

    const ops = await db.outbox.orderBy('id').toArray();
    expect(ops).toHaveLength(2);
    expect(Object.keys(ops[1]!.fields).sort()).toEqual(['phone', 'updatedAt', 'updatedBy']);
    const audit = await db.auditLog.orderBy('id').toArray();
    expect(audit[1]).toMatchObject({ action: 'update', reason: '申请人补充联系电话', changes: { phone: [undefined, '13912345678'] } });
  });

  it('an update that changes nothing writes nothing', async () => {
    const person = await people.create(zhang, ctx);
    await people.update(person.id, { name: '张三丰' }, ctx);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.auditLog.count()).toBe(1);
  });

  it('remove leaves a tombstone that syncs, never a hard delete', async () => {
    const person = await people.create(zhang, ctx);
    await people.remove(person.id, { ...ctx, reason: '重复登记' });
    expect((await db.people.get(person.id))?.deleted).toBe(true);
    const ops = await db.outbox.orderBy('id').toArray();
    expect(ops[1]).toMatchObject({ kind: 'delete', recordId: person.id });
    await expect(people.update(person.id, { name: '王五' }, ctx)).rejects.toThrow('记录不存在');
  });

  it('bad input is refused with a Chinese message and changes nothing', async () => {
    const error = await people.create({ ...zhang, name: '  ' }, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toContainEqual({ path: 'name', message: '请填写姓名' });
    expect(await db.people.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('callers cannot forge system fields (id, createdBy, timestamps)', async () => {
    const forged = { ...zhang, id: '00000000-0000-7000-8000-000000000000', createdBy: 'someone-else' } as typeof zhang;
    const person = await people.create(forged, ctx);
    expect(person.id).not.toBe('00000000-0000-7000-8000-000000000000');
    expect(person.createdBy).toBe('clerk-1');
  });

  it('a write that fails midway leaves neither the record nor the outbox entry', async () => {
    // The audit append is the last step of the transaction; make it fail as a full disk would.
    db.auditLog.hook('creating', () => {
      throw new Error('QuotaExceededError: disk full');
    });
    await expect(people.create(zhang, ctx)).rejects.toThrow('disk full');
    expect(await db.people.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
    expect(await db.mergeStates.count()).toBe(0);
    expect(await db.settings.get(CLOCK_KEY)).toBeUndefined();
  });

  it('a failing update keeps the previous version and its single operation', async () => {
    const person = await people.create(zhang, ctx);
    db.outbox.hook('creating', () => {
      throw new Error('boom');
    });
    const clockBefore = await db.settings.get(CLOCK_KEY);
    await expect(people.update(person.id, { name: '张君宝' }, ctx)).rejects.toThrow('boom');
    expect((await db.people.get(person.id))?.name).toBe('张三丰');
    expect(await db.auditLog.count()).toBe(1);
    expect(visibleValues((await people.mergeState(person.id))!).name).toBe('张三丰');
    expect(await db.settings.get(CLOCK_KEY)).toEqual(clockBefore);
  });
});

describe('Repository: operations are stamped for the merge', () => {
  it('a create is a valid wire operation, stamped by the device clock, replacing nothing', async () => {
    const person = await people.create(zhang, ctx);
    const [op] = await db.outbox.toArray();
    expect(operationSchema.safeParse(op).success).toBe(true);
    expect(op).toMatchObject({ hlc: '2026-11-22T02:00:00.000Z-0000-device-a', prev: {} });
    expect((await db.settings.get(CLOCK_KEY))?.value).toBe(op!.hlc);
    const { id: _id, ...values } = person;
    expect(visibleValues((await people.mergeState(person.id))!)).toEqual(values);
  });

  it('an edit names the version it replaced, per field; bookkeeping fields name none', async () => {
    const person = await people.create(zhang, ctx);
    await people.update(person.id, { name: '张君宝', phone: '13912345678' }, ctx);
    const [create, update] = await db.outbox.orderBy('id').toArray();
    expect(update!.prev).toEqual({ name: [create!.hlc] });
    // Same wall-clock millisecond: the counter keeps the order.
    expect(update!.hlc).toBe('2026-11-22T02:00:00.000Z-0001-device-a');
    expect((await people.mergeState(person.id))!.fields.name).toEqual({ value: '张君宝', hlc: update!.hlc, device: 'device-a' });
  });

  it('clearing an optional field sends null and the record loses the field', async () => {
    const person = await people.create({ ...zhang, phone: '13912345678' }, ctx);
    await people.update(person.id, { phone: undefined }, ctx);
    const ops = await db.outbox.orderBy('id').toArray();
    expect(ops[1]!.fields.phone).toBeNull();
    expect((await db.people.get(person.id))?.phone).toBeUndefined();
    expect(visibleValues((await people.mergeState(person.id))!)).not.toHaveProperty('phone');
  });

  it('two edits of one field started together: the second replaces the first, no self-conflict', async () => {
    const person = await people.create(zhang, ctx);
    await Promise.all([people.update(person.id, { name: '张君宝' }, ctx), people.update(person.id, { name: '张全一' }, ctx)]);
    const ops = (await db.outbox.toArray()).sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
    expect(ops).toHaveLength(3);
    expect(ops[1]!.prev).toEqual({ name: [ops[0]!.hlc] });
    expect(ops[2]!.prev).toEqual({ name: [ops[1]!.hlc] });
    expect((await db.people.get(person.id))?.name).toBe(ops[2]!.fields.name);
    expect(await people.conflicts(person.id)).toEqual([]);
  });

  it('the clock never runs backwards, even when the wall clock does', async () => {
    const person = await people.create(zhang, ctx);
    await people.update(person.id, { name: '张君宝' }, { ...ctx, now: () => new Date('2026-11-21T00:00:00.000Z') });
    const [create, update] = await db.outbox.orderBy('id').toArray();
    expect(update!.hlc > create!.hlc).toBe(true);
  });

  it('a delete carries the tombstone as its kind and names its bookkeeping fields only', async () => {
    const person = await people.create(zhang, ctx);
    await people.remove(person.id, ctx);
    const ops = await db.outbox.orderBy('id').toArray();
    expect(ops[1]).toMatchObject({ kind: 'delete', fields: { updatedAt: '2026-11-22T02:00:00.000Z', updatedBy: 'clerk-1' }, prev: {} });
    expect(operationSchema.safeParse(ops[1]).success).toBe(true);
    expect((await people.mergeState(person.id))?.deleted?.hlc).toBe(ops[1]!.hlc);
  });

  it('refuses, with nothing written, a value the server would refuse', async () => {
    const applications = new Repository(db, 'applications');
    const error = await applications
      .create(
        { programId: 'p4', kind: 'new', applicationNo: 'P4-2026-000001', status: 'received', channel: 'counter', receivedDate: '2026-11-22', fields: { essay: 'x'.repeat(20_001) } },
        ctx,
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe('申请表填写内容过长（最多4000个字）');
    expect(await db.applications.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a device id that cannot be a clock node is refused before anything is written', async () => {
    await expect(people.create(zhang, { ...ctx, deviceId: '设备 一' })).rejects.toThrow('设备编号格式不正确');
    expect(await db.people.count()).toBe(0);
  });
});
