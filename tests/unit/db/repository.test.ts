import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { Repository, type WriteContext } from '../../../renderer/src/db/repository';
import { ValidationError } from '../../../renderer/src/db/errors';

const ctx: WriteContext = { userId: 'clerk-1', deviceId: 'device-a', now: () => new Date('2026-11-22T02:00:00.000Z') };
const zhang = { name: '张三丰', idNumber: '110105194910010015', birthDate: '1949-10-01', sex: 'male' as const };

let db: DeskDatabase;
let people: Repository<'people'>;
let n = 0;

beforeEach(async () => {
  db = new DeskDatabase(`repo-test-${++n}`);
  await db.open();
  people = new Repository(db, 'people');
});

afterEach(async () => {
  db.close();
  await db.delete();
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
  });

  it('a failing update keeps the previous version and its single operation', async () => {
    const person = await people.create(zhang, ctx);
    db.outbox.hook('creating', () => {
      throw new Error('boom');
    });
    await expect(people.update(person.id, { name: '张君宝' }, ctx)).rejects.toThrow('boom');
    expect((await db.people.get(person.id))?.name).toBe('张三丰');
    expect(await db.auditLog.count()).toBe(1);
  });
});
