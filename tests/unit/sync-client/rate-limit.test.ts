/**
 * A 429 (`rate_limited`) is the one 4xx the desk retries on its own: after the server's
 * Retry-After (or the backoff, whichever is longer), with the same batch, nothing removed in
 * between. Through the real transport the wait is read from the header, from the body when a
 * browser cannot read the header, and from a proxy's own 429 page.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { retryDelay, type SyncEngine } from '../../../renderer/src/sync/engine';
import { enrolRefusalMessage } from '../../../renderer/src/sync/enrol';
import { readLastError } from '../../../renderer/src/sync/settings';
import { createHttpTransport } from '../../../renderer/src/sync/transport';
import { backoffDelay, errorBody, SyncError, SYNC_ERRORS } from '../../../shared/sync/errors';
import { person, rigEngine, useFakeRig, type Desk, type FakeServer, type ManualTimers } from './helpers';

let desk: Desk;
let server: FakeServer;
let timers: ManualTimers;
const NOW = Date.parse('2026-11-22T08:00:00Z');

useFakeRig((rig) => ({ desk, server, timers } = rig));

const engine = (now = NOW): SyncEngine => rigEngine({ desk, server, timers }, { now: () => now });

describe('the engine and a 429', () => {
  it('waits for Retry-After (not blocked), keeps the outbox, then re-sends the same batch', async () => {
    for (let i = 0; i < 2; i++) await desk.people.create(person(`申请人${i}`, i), desk.ctx);
    server.failNext('push', { kind: 'refuse', code: 'rate_limited', retryAfterSeconds: 120 });
    const e = engine();
    const first = await e.sync('manual');
    expect(first).toMatchObject({ ok: false, failure: { code: 'rate_limited', retry: true, message: SYNC_ERRORS.rate_limited.message } });
    expect(e.current).toMatchObject({ phase: 'waiting', nextRetryAt: NOW + 120_000 });
    expect(await desk.db.outbox.count()).toBe(2);
    expect((await readLastError(desk.db))?.code).toBe('rate_limited');
    // Automatic triggers do not knock before the wait is over.
    expect(await e.sync('timer')).toEqual({ ok: 'skipped', reason: 'waiting' });
    expect(await e.sync('change')).toEqual({ ok: 'skipped', reason: 'waiting' });
    // Nor does the network coming back (unlike after a network failure): the server set the time.
    expect(await e.sync('online')).toEqual({ ok: 'skipped', reason: 'waiting' });
    expect(server.pushes).toHaveLength(1);

    expect(timers.pending).toHaveLength(1);
    expect(timers.fire()).toBe(120_000);
    await e.settled();
    expect(server.pushes).toHaveLength(2);
    expect(server.pushes[1]!.batchId).toBe(server.pushes[0]!.batchId);
    expect(await desk.db.outbox.count()).toBe(0);
    expect(e.current).toMatchObject({ phase: 'idle', failure: null });
  });

  it('the wait outlives a restart of the app: the rest of it is waited out, then one attempt', async () => {
    await desk.people.create(person('申请人', 1), desk.ctx);
    server.failNext('push', { kind: 'refuse', code: 'rate_limited', retryAfterSeconds: 120 });
    const before = engine();
    await before.sync('manual');
    expect((await readLastError(desk.db))?.notBefore).toBe(new Date(NOW + 120_000).toISOString());
    before.dispose();
    expect(timers.pending).toHaveLength(0);

    // Restarted 30 s later: still waiting, for the remaining 90 s, and automatic triggers hold off.
    const after = engine(NOW + 30_000);
    await after.load();
    expect(after.current).toMatchObject({ phase: 'waiting', nextRetryAt: NOW + 120_000, failure: { code: 'rate_limited' } });
    expect(await after.sync('change')).toEqual({ ok: 'skipped', reason: 'waiting' });
    expect(await after.sync('online')).toEqual({ ok: 'skipped', reason: 'waiting' });
    expect(server.pushes).toHaveLength(1);
    expect(timers.fire()).toBe(90_000);
    await after.settled();
    expect(server.pushes).toHaveLength(2);
    expect(await desk.db.outbox.count()).toBe(0);
    expect(after.current.phase).toBe('idle');
  });

  it('restarted after the wait is over: idle at once, the failure still shown until a success', async () => {
    await desk.people.create(person('申请人', 1), desk.ctx);
    server.failNext('push', { kind: 'refuse', code: 'rate_limited', retryAfterSeconds: 60 });
    const before = engine();
    await before.sync('manual');
    before.dispose();
    const after = engine(NOW + 61_000);
    await after.load();
    expect(after.current).toMatchObject({ phase: 'idle', failure: { code: 'rate_limited' } });
    expect(timers.pending).toHaveLength(0);
  });

  it('without a Retry-After it backs off like a 5xx', async () => {
    await desk.people.create(person('申请人', 1), desk.ctx);
    server.failNext('pull', { kind: 'refuse', code: 'rate_limited' });
    const e = engine();
    await e.sync('manual');
    expect(e.current.phase).toBe('waiting');
    expect(timers.fire()).toBe(backoffDelay(0, 0.5));
    await e.settled();
    expect(e.current.phase).toBe('idle');
  });

  it('the wait is the longer of Retry-After and the backoff', () => {
    const limited = (s: number) => new SyncError('rate_limited', undefined, { retryAfterSeconds: s });
    expect(retryDelay(limited(1), 5, 0.5)).toBe(backoffDelay(5, 0.5));
    expect(retryDelay(limited(600), 0, 0.5)).toBe(600_000);
    expect(retryDelay(new SyncError('unavailable'), 2, 0.5)).toBe(backoffDelay(2, 0.5));
    expect(retryDelay(new Error('local'), 0, 0.5)).toBe(backoffDelay(0, 0.5));
  });
});

describe('the HTTP transport and a 429', () => {
  const answer = (status: number, body: string, headers: Record<string, string> = {}) =>
    (async () => new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } })) as unknown as typeof fetch;

  it('reads the wait from the Retry-After header', async () => {
    const transport = createHttpTransport({ baseUrl: 'https://sync.example.org', token: 't'.repeat(40), fetch: answer(429, JSON.stringify(errorBody('rate_limited')), { 'retry-after': '90' }) });
    await expect(transport.pull({ limit: 10 })).rejects.toMatchObject({ code: 'rate_limited', retry: true, retryAfterSeconds: 90 });
  });

  it('reads it from the body when the header is not readable', async () => {
    const transport = createHttpTransport({ baseUrl: 'https://sync.example.org', token: 't'.repeat(40), fetch: answer(429, JSON.stringify(errorBody('rate_limited', { retryAfterSeconds: 45 }))) });
    await expect(transport.push({ batchId: 'x', deviceId: 'y', operations: [] })).rejects.toMatchObject({ code: 'rate_limited', retryAfterSeconds: 45 });
  });

  it('a reverse proxy’s HTML 429 is rate_limited as well', async () => {
    const transport = createHttpTransport({ baseUrl: 'https://sync.example.org', token: 't'.repeat(40), fetch: answer(429, '<html>429 Too Many Requests</html>', { 'content-type': 'text/html', 'retry-after': '5' }) });
    await expect(transport.pull({ limit: 10 })).rejects.toMatchObject({ code: 'rate_limited', retry: true, retryAfterSeconds: 5 });
  });
});

describe('enrolment and a 429', () => {
  it('the form says how many minutes to wait (enrolment is never repeated by the app)', () => {
    expect(enrolRefusalMessage(new SyncError('rate_limited', undefined, { retryAfterSeconds: 14 * 60 + 5 }))).toContain('约 15 分钟后再试');
    expect(enrolRefusalMessage(new SyncError('rate_limited', undefined, { retryAfterSeconds: 3 }))).toContain('约 1 分钟后再试');
    expect(enrolRefusalMessage(new SyncError('rate_limited'))).toBe(SYNC_ERRORS.rate_limited.message);
    expect(enrolRefusalMessage(new SyncError('enrolment_code_invalid'))).toBe(SYNC_ERRORS.enrolment_code_invalid.message);
  });
});
