/**
 * The repository — the one write path to synced records — applies the permission table: a write
 * whose context names a role that may not is refused with `AccessDeniedError` and its Chinese
 * message, and nothing (record, outbox, audit) is written. A reviewer does panel work only.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import { useFreshDb } from './fresh-db';
import { AccessDeniedError } from '../../../renderer/src/db/errors';
import { Repository, type WriteContext } from '../../../renderer/src/db/repository';

const as = (role: WriteContext['role']): WriteContext => ({ userId: `${role}-1`, deviceId: 'device-a', ...(role ? { role } : {}) });
const PERSON = { name: '张三', idNumber: '11010519491231002X' };

let db: DeskDatabase;
useFreshDb('access-test', (opened) => {
  db = opened;
});

const written = async () => ({ people: await db.people.count(), outbox: await db.outbox.count(), audit: await db.auditLog.count() });

async function application(): Promise<string> {
  const created = await new Repository(db, 'applications').create(
    { programId: 'p4', kind: 'new', applicationNo: 'P4-2026-000001', status: 'panel', channel: 'counter', receivedDate: '2026-11-22', fields: { title: '工程师' } },
    as('clerk'),
  );
  return created.id;
}

describe('the repository and the permission table', () => {
  it('a reviewer cannot register a person: refused in Chinese, nothing written', async () => {
    const error = await new Repository(db, 'people').create(PERSON, as('reviewer')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessDeniedError);
    expect(error).toMatchObject({ action: 'intake.create', role: 'reviewer', message: '评审人员无权登记申请、人员和单位：只有管理员或经办人可以操作。' });
    expect(await written()).toEqual({ people: 0, outbox: 0, audit: 0 });
  });

  it('a reviewer scores and moves the file along the panel’s step, but cannot edit the form', async () => {
    const id = await application();
    const applications = new Repository(db, 'applications');
    await new Repository(db, 'reviews').create({ applicationId: id, stage: 'panel', reviewer: '赵六', opinion: '同意' }, as('reviewer'));
    await new Repository(db, 'workflowEvents').create({ applicationId: id, transitionId: 'panel-done', from: 'panel', to: 'decided', on: '2026-11-22', role: 'reviewer' }, as('reviewer'));
    expect((await applications.update(id, { status: 'decided' }, as('reviewer'))).status).toBe('decided');
    const error = await applications.update(id, { fields: { title: '高级工程师' } }, as('reviewer')).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AccessDeniedError', action: 'application.edit' });
    expect((await applications.get(id))?.fields).toEqual({ title: '工程师' });
  });

  it('a clerk does the daily work but cannot write users', async () => {
    await new Repository(db, 'people').create(PERSON, as('clerk'));
    const error = await new Repository(db, 'users').create({ username: 'x', displayName: '某', role: 'admin' }, as('clerk')).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AccessDeniedError', message: '经办人无权管理用户：只有管理员可以操作。' });
    expect(await db.users.count()).toBe(0);
  });

  it('a reviewer cannot settle a sync conflict', async () => {
    const people = new Repository(db, 'people');
    const person = await people.create(PERSON, as('clerk'));
    // A conflict on the name, as two desks would make it.
    const state = (await people.mergeState(person.id))!;
    const other = { value: '张叁', hlc: `${'2026-11-22T02:00:00.000Z'}-0000-device-b`, device: 'device-b' };
    await db.mergeStates.put({ ...state, conflicts: { name: [other as never] } });
    const error = await people.resolveConflict(person.id, 'name', '张叁', as('reviewer')).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AccessDeniedError', action: 'sync.resolve' });
    expect((await people.resolveConflict(person.id, 'name', '张叁', as('clerk'))).name).toBe('张叁');
  });

  it('an administrator may write everything', async () => {
    await new Repository(db, 'people').create(PERSON, as('admin'));
    await new Repository(db, 'users').create({ username: 'li', displayName: '李', role: 'clerk' }, as('admin'));
    expect(await written()).toMatchObject({ people: 1 });
  });

  it('a context without a role (first start, migrations) is not checked', async () => {
    await new Repository(db, 'users').create({ username: 'admin', displayName: '管理员', role: 'admin' }, as(undefined));
    expect(await db.users.count()).toBe(1);
  });
});
