/**
 * An operation the server refuses for good is set aside with its reason — kept, never lost — and
 * the rest keeps syncing: one poisoned operation among 101 costs a handful of extra requests,
 * the 100 others reach the server in their order, and the engine stays idle, not blocked.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { type SyncEngine } from '../../../renderer/src/sync/engine';
import { listQuarantine, quarantineFileBytes, quarantineForRefusal, retryQuarantined, MAX_QUARANTINED_PER_PASS } from '../../../renderer/src/sync/quarantine';
import { SyncError } from '../../../shared/sync/errors';
import { Repository } from '../../../renderer/src/db/repository';
import { readInflight } from '../../../renderer/src/sync/settings';
import { FakeServer, outboxIds, person, registerPeople, rigEngine, useFakeRig, type Desk, type ManualTimers } from './helpers';

let desk: Desk;
let server: FakeServer;
let timers: ManualTimers;

useFakeRig(
  (rig) => ({ desk, server, timers } = rig),
  () => new FakeServer({ now: () => Date.now() }),
);

const engine = (): SyncEngine => rigEngine({ desk, server, timers }, { now: () => Date.parse('2026-11-22T02:00:00.000Z') });
const register = (n: number, from = 0): Promise<void> => registerPeople(desk, n, from);

describe('an operation the server refuses for good', () => {
  it('is set aside with its reason while the 100 after it sync, in order; the engine stays idle', async () => {
    await register(101);
    const ids = await outboxIds(desk);
    const poisoned = ids[0]!;
    server.poison.add(poisoned);

    const result = await engine().sync('manual');

    expect(result).toMatchObject({ ok: true, pushed: 100, quarantined: 1 });
    expect(server.log.map((op) => op.id)).toEqual(ids.slice(1));
    expect(await desk.db.outbox.count()).toBe(0);
    expect(await readInflight(desk.db)).toBeUndefined();
    // Halving 101 down to the one: 1 + 2 × 7 requests at most, not one per operation.
    expect(server.pushes.length).toBeLessThanOrEqual(15);

    const parked = await desk.db.quarantine.get(poisoned);
    expect(parked).toMatchObject({ id: poisoned, code: 'invalid_batch', message: '服务器拒收了这条修改（内容不符合要求）。' });
    expect(parked!.detail).toContain('operations.0.fields.name');
    const [item] = await listQuarantine(desk.db);
    expect(item).toMatchObject({
      id: poisoned,
      table: 'people',
      recordLabel: `申请人0（${person('申请人0', 0).idNumber}）`,
      advice: {
        zh: '请打开该记录，改正后重新保存（改正后的内容会正常同步）；若内容无误，请升级本软件后点“重新发送”，或导出交管理员。',
        en: 'Open the record, correct it and save it again (the corrected value syncs as usual); if it is right, update this software and press Send again, or export it for an administrator.',
      },
    });

    // Later work syncs as usual; the set-aside operation stays set aside.
    await register(1, 200);
    expect(await engine().sync('timer')).toMatchObject({ ok: true, pushed: 1, quarantined: 0 });
    expect(await desk.db.quarantine.count()).toBe(1);
  });

  it('in the middle of the outbox: those before and after it all reach the server', async () => {
    await register(9);
    const ids = await outboxIds(desk);
    server.poison.add(ids[4]!);
    expect(await engine().sync('manual')).toMatchObject({ ok: true, pushed: 8, quarantined: 1 });
    expect(server.log.map((op) => op.id)).toEqual([...ids.slice(0, 4), ...ids.slice(5)]);
  });

  it('sent again after the server was upgraded, it goes through and leaves quarantine', async () => {
    await register(3);
    const [first] = await outboxIds(desk);
    server.poison.add(first!);
    await engine().sync('manual');
    server.poison.clear();

    expect(await retryQuarantined(desk.db, [first!])).toEqual({ requeued: 1, stillRefused: 0 });
    expect(await engine().sync('manual')).toMatchObject({ ok: true, pushed: 1 });
    expect(await desk.db.quarantine.count()).toBe(0);
    expect(server.log.map((op) => op.id)).toContain(first);
  });

  it('a refusal that every operation alone gets too (about the desk, not the data) sets aside at most 20, then stops', async () => {
    await register(30);
    const failing = new FakeServer();
    // An invalid_batch naming no operation, for every batch: the engine cannot tell it from data.
    for (let i = 0; i < 200; i++) failing.failNext('push', { kind: 'refuse', code: 'invalid_batch' });
    server = failing;
    const e = engine();
    const result = await e.sync('manual');
    expect(result).toMatchObject({ ok: false, failure: { code: 'invalid_batch' } });
    expect(e.current.phase).toBe('blocked');
    expect(await desk.db.quarantine.count()).toBe(MAX_QUARANTINED_PER_PASS);
    expect((await desk.db.outbox.count()) + (await desk.db.quarantine.count())).toBe(30);
  });
});

describe('a user change the server does not accept (forbidden_record)', () => {
  it('says so in Chinese and in English with what to do, and shows no raw ids', async () => {
    await register(1);
    const [op] = await desk.db.outbox.toArray();
    await quarantineForRefusal(desk.db, op!, new SyncError('forbidden_record', { operation: op!.id, table: 'users', recordId: op!.recordId }), '2026-11-22T02:00:00.000Z');
    const [item] = await listQuarantine(desk.db);
    expect(item).toMatchObject({
      message: '服务器未接受这条用户账号修改：只有本办事处有效的管理员才能新增、停用用户或更改角色和密码。',
      refusal: {
        en: 'The server did not accept this change to a user account: only an active administrator of this office can add or disable users or change their roles and passwords.',
      },
      advice: {
        zh: '请本办事处的管理员在“用户”中为此人新增账号（或更改角色）；本机的这条修改保留，可导出交管理员核对。',
        en: "Ask this office's administrator to add an account for this person (or change their role) under Users; this desk keeps the change, and it can be exported for the administrator to check.",
      },
    });
    expect(item!.detail).toBeUndefined();
  });
});

describe('an operation the desk can tell the server would refuse', () => {
  it('is set aside before it is ever sent (a NUL written before the desk checked for it), and the rest syncs', async () => {
    await register(2);
    // What an older version of the desk wrote: the server cannot store U+0000.
    const [first] = await desk.db.outbox.orderBy('id').toArray();
    await desk.db.outbox.put({ ...first!, fields: { ...first!.fields, name: '张\u0000三' } });

    const result = await engine().sync('manual');

    expect(result).toMatchObject({ ok: true, pushed: 1 });
    expect(server.pushes.flatMap((b) => b.operations.map((op) => op.id))).not.toContain(first!.id);
    const parked = (await desk.db.quarantine.get(first!.id))!;
    expect(parked).toMatchObject({ code: 'local', message: '这条修改含有服务器无法保存的内容。' });
    expect(parked.detail).toBe('字段 name含有空字符（U+0000），无法保存，请删除后重新输入');
    // Sending it again changes nothing while it still carries the NUL.
    expect(await retryQuarantined(desk.db, [first!.id])).toEqual({ requeued: 0, stillRefused: 1 });
  });

  it('the desk now refuses such text at the form: nothing reaches the outbox', async () => {
    const error = await desk.people.create({ name: '张\ud83d', idNumber: person('x', 1).idNumber }, desk.ctx).catch((e: unknown) => e);
    expect((error as Error).message).toBe('姓名含有不完整的字符（如被截断的表情符号），无法保存，请删除后重新输入');
    expect(await desk.db.outbox.count()).toBe(0);
  });

  it('the file for the administrator holds the operations, without password fields', async () => {
    const users = new Repository(desk.db, 'users');
    await users.create({ username: 'li', displayName: '李', role: 'clerk', passwordHash: 'pbkdf2-sha256$600000$SECRET', passwordSalt: 'SALT' }, desk.ctx);
    const [op] = await desk.db.outbox.toArray();
    server.poison.add(op!.id);
    await engine().sync('manual');
    const text = new TextDecoder().decode(await quarantineFileBytes(desk.db, '2026-11-22T02:00:00.000Z'));
    expect(text).toContain(op!.id);
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain('SALT');
    expect(await desk.db.quarantine.count()).toBe(1);
  });
});
