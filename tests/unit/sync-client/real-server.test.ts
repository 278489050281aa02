/**
 * The sync client against the real server app (fastify `inject`, PGlite): the real HTTP
 * transport, the real routes, the real idempotency. Enrolment; a reply lost after the server
 * committed, retried, leaves the server exactly as one clean push; two desks converge, see the
 * same conflict and its resolution; a batch file exported by a desk is what the server's
 * `import` command accepts.
 */
import 'fake-indexeddb/auto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../server/cli';
import { type Db } from '../../../server/db';
import { issueEnrolmentCode, type Office } from '../../../server/offices';
import { batchFileBytes, exportOutbox } from '../../../renderer/src/sync/batch-file';
import { listConflicts } from '../../../renderer/src/sync/conflicts';
import { enrolDevice, EnrolInputError } from '../../../renderer/src/sync/enrol';
import { SyncEngine } from '../../../renderer/src/sync/engine';
import { readConnection, readToken } from '../../../renderer/src/sync/settings';
import { createHttpTransport } from '../../../renderer/src/sync/transport';
import { SYNC_ERRORS } from '../../../shared/sync/errors';
import type { Operation, PushResponse } from '../../../shared/sync/protocol';
import { makeOffice, openTestDb, SETUP_TIMEOUT, testApp } from '../../server/helpers';
import { person, type Desk } from './helpers';
import { BASE, enrol, injectFetch, useDesks, useRealServer } from './real-server';

const server = useRealServer();
const newDesk = useDesks();

async function enrolled(into: Office, fetchImpl: typeof fetch = injectFetch(server.app)): Promise<Desk> {
  const desk = await newDesk();
  await enrol(desk, { db: server.t.db, office: into, fetch: fetchImpl, deviceName: '收件窗口', typed: (printed) => printed.toLowerCase() });
  return desk;
}

function engineFor(desk: Desk, fetchImpl: typeof fetch, options: { pageSize?: number } = {}): SyncEngine {
  return new SyncEngine({
    db: desk.db,
    deviceId: async () => desk.deviceId,
    transportFor: (connection, token) => createHttpTransport({ baseUrl: connection.baseUrl, token, fetch: fetchImpl }),
    timers: { set: () => 0, clear: () => undefined },
    random: () => 0.5,
    ...options,
  });
}

/** The server's state for one office, without ids that differ between two databases. */
async function officeState(db: Db, officeId: string) {
  const ops = await db.query<{ op_id: string; seq: unknown }>('SELECT op_id, seq FROM operations WHERE office_id = $1 ORDER BY seq', [officeId]);
  const records = await db.query<{ table_name: string; record_id: string; state: unknown; deleted: boolean }>(
    'SELECT table_name, record_id, state, deleted FROM records WHERE office_id = $1 ORDER BY table_name, record_id',
    [officeId],
  );
  const batches = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM batches WHERE office_id = $1', [officeId]);
  const seq = await db.query<{ last_seq: unknown }>('SELECT last_seq FROM offices WHERE id = $1', [officeId]);
  return {
    operations: ops.rows.map((r) => [r.op_id, String(r.seq)]),
    records: records.rows,
    batches: String(batches.rows[0]!.n),
    lastSeq: String(seq.rows[0]!.last_seq),
  };
}

describe('enrolment against the real server', () => {
  it('stores the office and the token; the token is for this device', async () => {
    const desk = await enrolled(server.office);
    expect(await readConnection(desk.db)).toMatchObject({ baseUrl: BASE, officeCode: server.office.code, officeId: server.office.id, officeName: server.office.name, deviceName: '收件窗口' });
    const token = await readToken(desk.db);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    const res = await server.app.inject({ method: 'GET', url: '/sync/pull', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
  });

  it('a wrong code is refused with the catalogue’s message; nothing is stored', async () => {
    const desk = await newDesk();
    const attempt = enrolDevice(
      { serverUrl: BASE, officeCode: server.office.code, enrolmentCode: 'AAAA-BBBB-CCCC', deviceName: '收件窗口' },
      { db: desk.db, deviceId: desk.deviceId, appVersion: '0.1.0', transportFor: (baseUrl) => createHttpTransport({ baseUrl, fetch: injectFetch(server.app) }) },
    );
    await expect(attempt).rejects.toMatchObject({ code: 'enrolment_code_invalid', message: SYNC_ERRORS.enrolment_code_invalid.message });
    expect(await readConnection(desk.db)).toBeUndefined();
    expect(await readToken(desk.db)).toBeUndefined();
  });

  it('a plain-http remote address is refused before anything is sent', async () => {
    const desk = await newDesk();
    let sent = 0;
    const attempt = enrolDevice(
      { serverUrl: 'http://sync.example.org', officeCode: server.office.code, enrolmentCode: 'AAAA-BBBB-CCCC', deviceName: '收件窗口' },
      { db: desk.db, deviceId: desk.deviceId, appVersion: '0.1.0', transportFor: () => ((sent += 1), createHttpTransport({ baseUrl: BASE, fetch: injectFetch(server.app) })) },
    );
    await expect(attempt).rejects.toBeInstanceOf(EnrolInputError);
    await expect(attempt).rejects.toMatchObject({ field: 'serverUrl' });
    expect(sent).toBe(0);
  });
});

describe('a reply lost after the server committed', () => {
  it('is retried with the same batch id, and the server ends exactly as after one clean push', async () => {
    const own = await makeOffice(server.t.db);
    const desk = await enrolled(own);
    for (let i = 0; i < 3; i++) await desk.people.create(person(`申请人${i}`, i), desk.ctx);
    const ops: Operation[] = await desk.db.outbox.orderBy('id').toArray();

    const lossy = injectFetch(server.app, { loseReplies: { path: '/sync/push', count: 1 } });
    const engine = engineFor(desk, lossy);
    const first = await engine.sync('manual');
    expect(first).toMatchObject({ ok: false, failure: { code: 'network', retry: true } });
    // The server has them; the desk does not know, and keeps them.
    expect((await officeState(server.t.db, own.id)).operations.map(([id]) => id)).toEqual(ops.map((op) => op.id));
    expect(await desk.db.outbox.count()).toBe(3);

    const second = await engine.sync('retry');
    expect(second).toMatchObject({ ok: true, pushed: 3 });
    expect(await desk.db.outbox.count()).toBe(0);
    const afterRetry = await officeState(server.t.db, own.id);

    // The same operations pushed once, cleanly, by the same device to a fresh server.
    const clean = await openTestDb('pglite');
    const cleanApp = testApp(clean.db);
    try {
      const cleanOffice = await makeOffice(clean.db);
      const { printed } = await issueEnrolmentCode(clean.db, cleanOffice);
      const enrolment = await cleanApp.inject({
        method: 'POST',
        url: '/enrol',
        payload: { officeCode: cleanOffice.code, enrolmentCode: printed, deviceId: desk.deviceId, deviceName: '收件窗口', appVersion: '0.1.0' },
      });
      const token = enrolment.json<{ deviceToken: string }>().deviceToken;
      const push = await cleanApp.inject({
        method: 'POST',
        url: '/sync/push',
        headers: { authorization: `Bearer ${token}` },
        payload: { batchId: '0190b1a2-0000-7000-8000-00000000c1ea', deviceId: desk.deviceId, operations: ops },
      });
      expect(push.json<PushResponse>().applied).toEqual(ops.map((op) => op.id));
      expect(afterRetry).toEqual(await officeState(clean.db, cleanOffice.id));
    } finally {
      await cleanApp.close();
      await clean.dispose();
    }
  }, SETUP_TIMEOUT);
});

describe('two desks of one office through the real server', () => {
  it('converge; a concurrent edit of one field is the same conflict on both; its resolution clears it on both', async () => {
    const fetchImpl = injectFetch(server.app);
    const own = await makeOffice(server.t.db);
    const a = await enrolled(own, fetchImpl);
    const b = await enrolled(own, fetchImpl);
    const syncA = engineFor(a, fetchImpl);
    const syncB = engineFor(b, fetchImpl);

    const zhang = await a.people.create(person('张三', 11), a.ctx);
    const li = await b.people.create(person('李四', 12), b.ctx);
    await syncA.sync('manual');
    await syncB.sync('manual');
    await syncA.sync('manual');
    for (const desk of [a, b]) {
      expect((await desk.db.people.toArray()).map((p) => p.name).sort()).toEqual(['张三', '李四'].sort());
      expect(await desk.db.outbox.count()).toBe(0);
    }
    expect(await b.db.people.get(zhang.id)).toEqual(zhang);
    expect(await a.db.people.get(li.id)).toEqual(li);

    // Both offline, both correct 张三's name.
    await a.people.update(zhang.id, { name: '张三丰' }, a.ctx);
    await b.people.update(zhang.id, { name: '张君宝' }, b.ctx);
    await syncA.sync('manual');
    await syncB.sync('manual');
    await syncA.sync('manual');
    const [onA, onB] = [await listConflicts(a.db), await listConflicts(b.db)];
    expect(onA).toHaveLength(1);
    expect(onA[0]).toMatchObject({ table: 'people', recordId: zhang.id, field: 'name' });
    expect(onA[0]!.versions.map((v) => v.value).sort()).toEqual(['张三丰', '张君宝'].sort());
    expect(onB.map((c) => c.versions)).toEqual(onA.map((c) => c.versions));
    expect((await a.db.people.get(zhang.id))!.name).toBe((await b.db.people.get(zhang.id))!.name);

    // A clerk on desk A keeps 张君宝 (desk B's value).
    await a.people.resolveConflict(zhang.id, 'name', '张君宝', a.ctx);
    await syncA.sync('manual');
    await syncB.sync('manual');
    for (const desk of [a, b]) {
      expect(await listConflicts(desk.db)).toEqual([]);
      expect((await desk.db.people.get(zhang.id))!.name).toBe('张君宝');
    }
  }, SETUP_TIMEOUT);

  it('a new device downloads the office in pages', async () => {
    const fetchImpl = injectFetch(server.app);
    const own = await makeOffice(server.t.db);
    const a = await enrolled(own, fetchImpl);
    for (let i = 0; i < 5; i++) await a.people.create(person(`分页${i}`, 30 + i), a.ctx);
    await engineFor(a, fetchImpl).sync('manual');
    const c = await enrolled(own, fetchImpl);
    const pages: number[] = [];
    const engine = new SyncEngine({
      db: c.db,
      deviceId: async () => c.deviceId,
      transportFor: (connection, token) => createHttpTransport({ baseUrl: connection.baseUrl, token, fetch: fetchImpl }),
      pageSize: 2,
      onStatus: (s) => {
        if (s.progress?.phase === 'pull') pages.push(s.progress.pages);
      },
    });
    const result = await engine.sync('manual');
    expect(result).toMatchObject({ ok: true });
    expect(pages.length).toBeGreaterThan(2);
    for (const p of await a.db.people.toArray()) expect(await c.db.people.get(p.id)).toEqual(p);
  }, SETUP_TIMEOUT);
});

describe('a batch file carried to the server', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'desk-batch-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is what `npm run server -- import FILE` accepts; importing twice changes nothing; the later push is all duplicates', async () => {
    const fetchImpl = injectFetch(server.app);
    const own = await makeOffice(server.t.db);
    const desk = await enrolled(own, fetchImpl);
    for (let i = 0; i < 3; i++) await desk.people.create(person(`离线${i}`, 40 + i), desk.ctx);
    const connection = (await readConnection(desk.db))!;
    const exported = (await exportOutbox(desk.db, desk.deviceId, connection.officeId, new Date(), { userId: null, role: 'clerk' }))!;
    const file = path.join(dir, 'batch.json');
    await writeFile(file, batchFileBytes(exported.file));

    const out: string[] = [];
    const err: string[] = [];
    expect(await runCli(server.t.db, ['import', file], (l) => out.push(l), (l) => err.push(l))).toBe(0);
    expect(out.join('\n')).toContain('新增 3 条');
    const once = await officeState(server.t.db, own.id);
    expect(await runCli(server.t.db, ['import', file], (l) => out.push(l), (l) => err.push(l))).toBe(0);
    expect(await officeState(server.t.db, own.id)).toEqual(once);
    expect(err).toEqual([]);

    // Online again, the desk pushes the same operations: the server already had them.
    const seen: PushResponse[] = [];
    const watching = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await fetchImpl(input, init);
      if (String(input).includes('/sync/push')) seen.push((await res.clone().json()) as PushResponse);
      return res;
    }) as typeof fetch;
    expect(await engineFor(desk, watching).sync('manual')).toMatchObject({ ok: true, pushed: 3 });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.applied).toEqual([]);
    expect(seen[0]!.duplicates).toHaveLength(3);
    expect(await desk.db.outbox.count()).toBe(0);
    expect(await officeState(server.t.db, own.id)).toEqual({ ...once, batches: String(Number(once.batches) + 1) });
  }, SETUP_TIMEOUT);
});
