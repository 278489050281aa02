/**
 * Pulling: pages merged with the shared merge, each in one transaction with its cursor, so the
 * cursor never runs ahead of what was committed; a new device downloads everything in pages.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPage, pullIntoDb, type PullProgress } from '../../../renderer/src/sync/pull';
import { readCursor, SYNC_KEYS } from '../../../renderer/src/sync/settings';
import { formatHlc } from '../../../shared/sync/hlc';
import type { Operation, PullResponse } from '../../../shared/sync/protocol';
import { FakeServer, makeDesk, person, type Desk } from './helpers';

let a: Desk;
let b: Desk;
let server: FakeServer;

beforeEach(async () => {
  [a, b] = await Promise.all([makeDesk(), makeDesk()]);
  server = new FakeServer();
});

afterEach(async () => {
  await Promise.all([a.close(), b.close()]);
});

async function publish(desk: Desk): Promise<Operation[]> {
  const ops = await desk.db.outbox.orderBy('id').toArray();
  server.apply({ batchId: ops[0]!.id, deviceId: desk.deviceId, operations: ops });
  return ops;
}

function page(operations: Operation[], nextCursor: string, hasMore = false): PullResponse {
  return { operations, nextCursor, hasMore, serverTime: new Date().toISOString() };
}

describe('pulling into a desk', () => {
  it('a new device downloads the whole office in pages, reporting progress, and shows what the other desk shows', async () => {
    const people = [];
    for (let i = 0; i < 7; i++) people.push(await a.people.create(person(`申请人${i}`, i), a.ctx));
    await publish(a);
    const progress: PullProgress[] = [];
    const received = await pullIntoDb(b.db, server.as(b.deviceId), b.deviceId, { pageSize: 3, onProgress: (p) => progress.push(p) });
    expect(received).toBe(7);
    expect(progress).toEqual([
      { received: 0, pages: 0, more: true },
      { received: 3, pages: 1, more: true },
      { received: 6, pages: 2, more: true },
      { received: 7, pages: 3, more: false },
    ]);
    expect(server.pulls.map((q) => q.since)).toEqual([undefined, '3', '6']);
    for (const p of people) expect(await b.db.people.get(p.id)).toEqual(p);
    expect(await readCursor(b.db)).toBe('7');
    // Merging does not put anything in the receiving desk's outbox.
    expect(await b.db.outbox.count()).toBe(0);
    // Nothing new: one request, nothing merged, the cursor stays.
    expect(await pullIntoDb(b.db, server.as(b.deviceId), b.deviceId)).toBe(0);
    expect(await readCursor(b.db)).toBe('7');
  });

  it('the cursor does not move when the merge transaction fails (a stamp from the future)', async () => {
    const created = await a.people.create(person('张三', 1), a.ctx);
    const [op] = await publish(a);
    await applyPage(b.db, page([op!], '1'), b.deviceId, Date.now());
    expect(await readCursor(b.db)).toBe('1');

    const future = formatHlc({ millis: Date.now() + 60 * 60_000, counter: 0, node: a.deviceId });
    const bad: Operation = { ...op!, id: '0190b1a2-0000-7000-8000-00000000000a', fields: { name: '未来' }, prev: { name: [op!.hlc] }, hlc: future };
    const good: Operation = { ...op!, id: '0190b1a2-0000-7000-8000-00000000000b', fields: { phone: '13912345678' }, prev: {} };
    const statesBefore = await b.db.mergeStates.toArray();
    await expect(applyPage(b.db, page([good, bad], '3'), b.deviceId, Date.now())).rejects.toMatchObject({ code: 'clock_drift' });
    expect(await readCursor(b.db)).toBe('1');
    // All or nothing: the good operation of the failed page was not kept either.
    expect(await b.db.mergeStates.toArray()).toEqual(statesBefore);
    expect(await b.db.people.get(created.id)).toEqual(created);
  });

  it('the cursor does not move when writing the page fails half way', async () => {
    await a.people.create(person('李四', 2), a.ctx);
    await a.people.create(person('王五', 3), a.ctx);
    const ops = await publish(a);
    let writes = 0;
    const failSecondWrite = () => {
      writes += 1;
      if (writes === 2) throw new Error('disk full');
    };
    b.db.people.hook('creating', failSecondWrite);
    await expect(pullIntoDb(b.db, server.as(b.deviceId), b.deviceId)).rejects.toThrow('disk full');
    expect(await readCursor(b.db)).toBeUndefined();
    expect(await b.db.people.count()).toBe(0);
    expect(await b.db.mergeStates.count()).toBe(0);
    // The next pull starts from the same place and completes.
    b.db.people.hook('creating').unsubscribe(failSecondWrite);
    expect(await pullIntoDb(b.db, server.as(b.deviceId), b.deviceId)).toBe(ops.length);
    expect(await b.db.people.count()).toBe(2);
    expect(await readCursor(b.db)).toBe('2');
  });

  it('a failed request leaves the cursor where the last committed page put it', async () => {
    for (let i = 0; i < 4; i++) await a.people.create(person(`申请人${i}`, i), a.ctx);
    await publish(a);
    let calls = 0;
    const transport = server.as(b.deviceId);
    const flaky = {
      ...transport,
      pull: async (q: Parameters<typeof transport.pull>[0]) => {
        calls += 1;
        if (calls === 2) throw Object.assign(new Error('offline'), { code: 'network' });
        return transport.pull(q);
      },
    };
    await expect(pullIntoDb(b.db, flaky, b.deviceId, { pageSize: 2 })).rejects.toThrow('offline');
    expect(await readCursor(b.db)).toBe('2');
    expect(await b.db.people.count()).toBe(2);
    await pullIntoDb(b.db, flaky, b.deviceId, { pageSize: 2 });
    expect(await b.db.people.count()).toBe(4);
  });

  it('stops when a server says "more" without moving on', async () => {
    await b.db.settings.put({ key: SYNC_KEYS.cursor, value: '5' });
    let calls = 0;
    const stuck = { ...server.as(b.deviceId), pull: async () => (calls++, page([], '5', true)) };
    await pullIntoDb(b.db, stuck, b.deviceId);
    expect(calls).toBe(1);
  });
});
