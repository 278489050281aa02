/**
 * The outbox leaves only on acknowledgement (OpenCRVS #7005), in op-id order, in batches; a
 * retryable failure is retried with backoff and the SAME batch; a 4xx stops everything and
 * removes nothing until a person acts.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../renderer/src/sync/engine';
import { acknowledge, batchLength, nextBatch, pushOutbox } from '../../../renderer/src/sync/push';
import { readInflight, readLastError, readLastSuccess } from '../../../renderer/src/sync/settings';
import { backoffDelay, SYNC_ERRORS } from '../../../shared/sync/errors';
import type { Operation } from '../../../shared/sync/protocol';
import { makeDesk, outboxIds, person, registerPeople, rigEngine, useFakeRig, type Desk, type FakeServer, type ManualTimers } from './helpers';

let desk: Desk;
let server: FakeServer;
let timers: ManualTimers;
let online: boolean;

useFakeRig((rig) => {
  ({ desk, server, timers } = rig);
  online = true;
});

const engine = (options: { batchSize?: number } = {}): SyncEngine => rigEngine({ desk, server, timers }, { isOnline: () => online, ...options });
const register = (n: number): Promise<void> => registerPeople(desk, n);

describe('pushing the outbox', () => {
  it('removes operations only after the server acknowledged them', async () => {
    await register(3);
    const before = await outboxIds(desk);
    let seenWhileOnTheWire: string[] = [];
    server.onPush = async () => {
      seenWhileOnTheWire = await outboxIds(desk);
    };
    const result = await engine().sync('manual');
    expect(result).toMatchObject({ ok: true, pushed: 3 });
    expect(seenWhileOnTheWire).toEqual(before);
    expect(await outboxIds(desk)).toEqual([]);
    expect(server.log.map((op) => op.id)).toEqual(before);
    expect(await readInflight(desk.db)).toBeUndefined();
    expect(await readLastSuccess(desk.db)).toBeDefined();
  });

  it('sends batches of at most the batch size, in op-id order', async () => {
    await register(7);
    const ids = await outboxIds(desk);
    await engine({ batchSize: 3 }).sync('manual');
    expect(server.pushes.map((b) => b.operations.length)).toEqual([3, 3, 1]);
    expect(server.pushes.flatMap((b) => b.operations.map((op) => op.id))).toEqual(ids);
    expect(new Set(server.pushes.map((b) => b.batchId)).size).toBe(3);
  });

  it('keeps what the server did not acknowledge', async () => {
    await register(2);
    const [first, second] = await outboxIds(desk);
    const batch = (await nextBatch(desk.db, desk.deviceId, 10, 1e9))!;
    const removed = await acknowledge(desk.db, batch, { applied: [first!], duplicates: ['0190b1a2-0000-7000-8000-000000000000'], cursor: '1', serverTime: new Date().toISOString() });
    expect(removed).toBe(1);
    expect(await outboxIds(desk)).toEqual([second]);
  });

  it('an answer that acknowledges nothing is an error, and nothing is removed', async () => {
    await register(1);
    const transport = { ...server.as(desk.deviceId), push: async () => ({ applied: [], duplicates: [], cursor: '0', serverTime: new Date().toISOString() }) };
    await expect(pushOutbox(desk.db, transport, desk.deviceId)).rejects.toMatchObject({ code: 'server_error' });
    expect(await desk.db.outbox.count()).toBe(1);
  });

  it('edits saved while a batch is on the wire wait for the next batch', async () => {
    await register(2);
    let once = true;
    server.onPush = async () => {
      if (!once) return;
      once = false;
      await desk.people.create(person('王五', 50), desk.ctx);
    };
    await engine({ batchSize: 10 }).sync('manual');
    expect(server.pushes.map((b) => b.operations.length)).toEqual([2, 1]);
    expect(await desk.db.outbox.count()).toBe(0);
  });

  it('cuts a batch before it grows past the byte budget, but never below one operation', () => {
    const op = (n: number) => ({ id: String(n), fields: { note: 'x'.repeat(100) } }) as unknown as Operation;
    const ops = [op(1), op(2), op(3)];
    const one = JSON.stringify(ops[0]).length + 1;
    expect(batchLength(ops, 10, one * 2)).toBe(2);
    expect(batchLength(ops, 10, 1)).toBe(1);
    expect(batchLength(ops, 2, 1e9)).toBe(2);
  });
});

describe('retrying', () => {
  it('a 500 then success: retried after the backoff delay with the same batch id and content', async () => {
    await register(2);
    server.failNext('push', { kind: 'refuse', code: 'server_error' });
    const e = engine();
    const first = await e.sync('manual');
    expect(first).toMatchObject({ ok: false, failure: { code: 'server_error', retry: true } });
    expect(e.current.phase).toBe('waiting');
    expect(await desk.db.outbox.count()).toBe(2);
    expect((await readLastError(desk.db))?.message).toBe(SYNC_ERRORS.server_error.message);

    expect(timers.pending).toHaveLength(1);
    expect(timers.fire()).toBe(backoffDelay(0, 0.5));
    await e.settled();
    expect(server.pushes).toHaveLength(2);
    expect(server.pushes[1]!.batchId).toBe(server.pushes[0]!.batchId);
    expect(server.pushes[1]!.operations).toEqual(server.pushes[0]!.operations);
    expect(await desk.db.outbox.count()).toBe(0);
    expect(e.current).toMatchObject({ phase: 'idle', failure: null });
    expect(await readLastError(desk.db)).toBeUndefined();
  });

  it('the backoff grows with each consecutive failure', async () => {
    await register(1);
    for (let i = 0; i < 3; i++) server.failNext('push', { kind: 'refuse', code: 'unavailable' });
    const e = engine();
    await e.sync('manual');
    const delays = [timers.fire()];
    await e.settled();
    delays.push(timers.fire());
    await e.settled();
    delays.push(timers.fire());
    await e.settled();
    expect(delays).toEqual([0, 1, 2].map((n) => backoffDelay(n, 0.5)));
    expect(delays[2]).toBeGreaterThan(delays[0]!);
    expect(await desk.db.outbox.count()).toBe(0);
    // One batch id for all four attempts.
    expect(new Set(server.pushes.map((b) => b.batchId)).size).toBe(1);
  });

  it('a network failure while offline waits for the network instead of knocking', async () => {
    await register(1);
    server.failNext('push', { kind: 'refuse', code: 'network' });
    const e = engine();
    await e.sync('manual');
    online = false;
    timers.fire();
    await e.settled();
    expect(server.pushes).toHaveLength(1);
    expect(e.current.phase).toBe('offline');
    expect(await e.sync('timer')).toEqual({ ok: 'skipped', reason: 'offline' });
    online = true;
    e.networkChanged(true);
    await e.settled();
    expect(await desk.db.outbox.count()).toBe(0);
    expect(server.pushes[1]!.batchId).toBe(server.pushes[0]!.batchId);
  });

  it('the in-flight batch survives a restart: a new engine re-sends the same batch id', async () => {
    await register(2);
    server.failNext('push', { kind: 'lose-reply' });
    await engine().sync('manual');
    expect(await desk.db.outbox.count()).toBe(2);
    const inflight = await readInflight(desk.db);
    expect(inflight?.batchId).toBe(server.pushes[0]!.batchId);

    const restarted = engine();
    const result = await restarted.sync('start');
    expect(result).toMatchObject({ ok: true, pushed: 2 });
    expect(server.pushes[1]!.batchId).toBe(inflight!.batchId);
    expect(server.log).toHaveLength(2);
  });
});

describe('a 4xx answer', () => {
  it('stops without removing anything and is never retried on its own', async () => {
    await register(2);
    const before = await outboxIds(desk);
    server.failNext('push', { kind: 'refuse', code: 'device_revoked' });
    const e = engine();
    const result = await e.sync('manual');
    expect(result).toMatchObject({ ok: false, failure: { code: 'device_revoked', retry: false, message: SYNC_ERRORS.device_revoked.message } });
    expect(await outboxIds(desk)).toEqual(before);
    expect(e.current.phase).toBe('blocked');
    expect(timers.pending).toHaveLength(0);
    for (const trigger of ['timer', 'change', 'start', 'online'] as const) {
      expect(await e.sync(trigger)).toEqual({ ok: 'skipped', reason: 'blocked' });
    }
    expect(server.pushes).toHaveLength(1);

    // The block survives a restart: it is read back from the stored error.
    const restarted = engine();
    expect(await restarted.sync('timer')).toEqual({ ok: 'skipped', reason: 'blocked' });
    expect(server.pushes).toHaveLength(1);

    // A person fixed the cause and presses 立即同步.
    const manual = await restarted.sync('manual');
    expect(manual).toMatchObject({ ok: true, pushed: 2 });
    expect(await desk.db.outbox.count()).toBe(0);
  });

  it('an invalid_batch about the batch itself (not one operation in it) blocks, and nothing is set aside', async () => {
    await register(3);
    server.failNext('push', { kind: 'refuse', code: 'invalid_batch', details: [{ path: 'deviceId', message: '批次的设备编号与本机登记的不符' }] });
    const e = engine();
    expect(await e.sync('manual')).toMatchObject({ ok: false, failure: { code: 'invalid_batch', retry: false } });
    expect(e.current.phase).toBe('blocked');
    expect(await desk.db.outbox.count()).toBe(3);
    expect(await desk.db.quarantine.count()).toBe(0);
    expect(server.pushes).toHaveLength(1);
  });

  it.each(['unauthenticated', 'device_revoked', 'batch_id_reused', 'protocol_unsupported'] as const)('%s blocks too', async (code) => {
    await register(1);
    server.failNext('push', { kind: 'refuse', code });
    const e = engine();
    await e.sync('manual');
    expect(e.current).toMatchObject({ phase: 'blocked', failure: { code, message: SYNC_ERRORS[code].message } });
    expect(await desk.db.outbox.count()).toBe(1);
    expect(timers.pending).toHaveLength(0);
  });
});

describe('when the engine runs', () => {
  it('does nothing before enrolment', async () => {
    const fresh = await makeDesk();
    try {
      const e = new SyncEngine({ db: fresh.db, deviceId: async () => fresh.deviceId, transportFor: () => server.as(fresh.deviceId), timers });
      await fresh.people.create(person('赵六', 60), fresh.ctx);
      expect(await e.sync('manual')).toEqual({ ok: 'skipped', reason: 'unenrolled' });
      expect(e.current.phase).toBe('unenrolled');
      expect(server.pushes).toHaveLength(0);
    } finally {
      await fresh.close();
    }
  });

  it('concurrent triggers share one pass', async () => {
    await register(2);
    const e = engine();
    const [a, b, c] = await Promise.all([e.sync('manual'), e.sync('timer'), e.sync('online')]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(server.pushes).toHaveLength(1);
  });

  it('skips automatic triggers while a retry is scheduled, but the network coming back retries at once', async () => {
    await register(1);
    server.failNext('push', { kind: 'refuse', code: 'unavailable' });
    const e = engine();
    await e.sync('manual');
    expect(await e.sync('timer')).toEqual({ ok: 'skipped', reason: 'waiting' });
    expect(await e.sync('online')).toMatchObject({ ok: true, pushed: 1 });
    expect(timers.pending).toHaveLength(0);
  });
});
