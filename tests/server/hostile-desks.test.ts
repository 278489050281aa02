/**
 * Issue 17: the server trusts a desk only for its own office and its own device id. Each probe of
 * the issue (W1, W3–W7, users through the server) is one test here: it gets a 4xx with a code of
 * the shared union and changes nothing, or the honest equivalent the issue names. Every one of
 * them failed on the server before the issue.
 */
import { createPublicKey, verify } from 'node:crypto';
import { type LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { parseTrustProxy } from '../../server/config';

import { uuidv7 } from '../../server/ids';
import { loadMigrations } from '../../server/migrate';
import { issueEnrolmentCode, officePublicKeys, type Office } from '../../server/offices';
import { SYNC_ERRORS } from '../../shared/sync/errors';
import { BATCH_FILE_FORMAT, verificationSigningPayload, type PullResponse, type VerificationAnswer } from '../../shared/sync/protocol';
import { BACKENDS, enrol, makeBatch, makeOffice, makeOp, opBy, personFields, pull, push, snapshot, TEST_LIMITS, testApp, userFields, type TestDevice } from './helpers';
import { databaseBefore, desksPerSuite, serverPerSuite } from './suite';

/** A refusal as the brief asks: a 4xx, a code of the union, never worth retrying. */
function expectRefused(res: LightMyRequestResponse, code: keyof typeof SYNC_ERRORS): void {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(SYNC_ERRORS[code].status);
  expect(res.statusCode).toBeGreaterThanOrEqual(400);
  expect(res.statusCode).toBeLessThan(500);
  expect(res.json()).toMatchObject({ error: code, message: SYNC_ERRORS[code].message });
}

describe.each(BACKENDS)('hostile desks (%s)', (kind) => {
  const server = serverPerSuite(kind);
  const desks = desksPerSuite(server, { a: '深圳市软件行业协会', a2: '深圳市软件行业协会', a3: '深圳市软件行业协会', b: '另一协会' });

  const reserve = (device: TestDevice, prefix: string, size: number) =>
    server.app.inject({ method: 'POST', url: '/sync/numbers/reserve', headers: device.headers, payload: { requestId: uuidv7(), series: { prefix, year: 2026 }, size } });

  async function issue(device: TestDevice, certificateNo: string, holder: string, status = 'valid') {
    const personId = uuidv7();
    const at = new Date().toISOString();
    const ops = [
      makeOp(device.deviceId, personFields(holder), { recordId: personId }),
      makeOp(
        device.deviceId,
        { certificateNo, programId: 'xj-isi-pm', holderPersonId: personId, issuedOn: '2026-01-15', status, createdAt: at, createdBy: 'c', updatedAt: at, updatedBy: 'c' },
        { table: 'certificates', recordId: uuidv7() },
      ),
    ];
    const res = await push(server.app, device, makeBatch(device, ops));
    expect(res.statusCode).toBe(200);
  }
  const verifyJson = (no: string) => server.app.inject({ method: 'GET', url: `/verify/${encodeURIComponent(no)}`, headers: { accept: 'application/json' } });

  it('W1: certificate numbers are one ledger for the server; another office can neither take nor shadow a number', async () => {
    const fromA = (await reserve(desks.a, 'HDPM', 10)).json<{ block: { start: number; end: number } }>().block;
    const fromB = (await reserve(desks.b, 'HDPM', 10)).json<{ block: { start: number; end: number } }>().block;
    expect(fromA).toMatchObject({ start: 1, end: 10 });
    expect(fromB).toMatchObject({ start: 11, end: 20 });

    // B pushes a certificate under A's number first: it is B's record, never the public answer.
    await issue(desks.b, 'HDPM-2026-000002', '冒名者');
    expectRefused(await verifyJson('HDPM-2026-000002'), 'certificate_not_found');
    await issue(desks.a, 'HDPM-2026-000002', '张三丰');
    const answer = (await verifyJson('HDPM-2026-000002')).json<VerificationAnswer>();
    expect(answer).toMatchObject({ certificateNo: 'HDPM-2026-000002', holderName: '张*丰', issuer: desks.office('a').name, status: 'valid' });
    // Signed by A's key.
    const key = (await officePublicKeys(server.db, desks.office('a').id)).find((k) => k.keyId === answer.signature.keyId)!;
    const { signature, ...unsigned } = answer;
    const publicKey = createPublicKey({ key: Buffer.from(key.publicKey, 'base64'), format: 'der', type: 'spki' });
    expect(verify(null, Buffer.from(verificationSigningPayload(unsigned)), publicKey, Buffer.from(signature.value, 'base64'))).toBe(true);

    // B marking "its" copy revoked changes nothing for A's certificate.
    await issue(desks.b, 'HDPM-2026-000002', '冒名者', 'revoked');
    expect((await verifyJson('HDPM-2026-000002')).json()).toMatchObject({ status: 'valid', issuer: desks.office('a').name });
    // B's own numbers verify for B.
    await issue(desks.b, 'HDPM-2026-000011', '李四');
    expect((await verifyJson('HDPM-2026-000011')).json()).toMatchObject({ issuer: desks.office('b').name, holderName: '李*' });
    // Nor a number of A's block that A has not used yet.
    await issue(desks.b, 'HDPM-2026-000005', '抢先者');
    expectRefused(await verifyJson('HDPM-2026-000005'), 'certificate_not_found');
  });

  it('W1: a void certificate (作废) is answered as void, not as unknown', async () => {
    await reserve(desks.a, 'HDVD', 5);
    await issue(desks.a, 'HDVD-2026-000001', '王五', 'void');
    expect((await verifyJson('HDVD-2026-000001')).json()).toMatchObject({ status: 'void' });
    const html = await server.app.inject({ method: 'GET', url: '/verify/HDVD-2026-000001' });
    expect(html.body).toContain('已作废');
  });

  it('W3: operations imported under another desk’s id reach that desk too; an unknown device is refused over HTTP', async () => {
    // a2 carries a file in a3's name (a3 never wrote it).
    const forged = makeBatch(desks.a3, [makeOp(desks.a3.deviceId, personFields('伪造的人'))]);
    const file = { format: BATCH_FILE_FORMAT, version: 1, officeId: desks.office('a').id, deviceId: desks.a3.deviceId, exportedAt: new Date().toISOString(), batches: [forged] };
    const res = await server.app.inject({ method: 'POST', url: '/sync/import', headers: desks.a2.headers, payload: file });
    expect(res.statusCode).toBe(200);
    const opId = forged.operations[0]!.id;
    const pulledBy = async (device: TestDevice) => {
      const ids: string[] = [];
      let cursor = '0';
      for (;;) {
        const page = (await pull(server.app, device, `?since=${cursor}&limit=1000`)).json<PullResponse>();
        ids.push(...page.operations.map((o) => o.id));
        cursor = page.nextCursor;
        if (!page.hasMore) return ids;
      }
    };
    // Every desk of the office holds it, the one it is named after included: no desk's data differs.
    for (const device of [desks.a, desks.a2, desks.a3]) expect(await pulledBy(device)).toContain(opId);

    // A device id the server has never seen: refused, no device row made.
    const stranger = uuidv7();
    const before = await snapshot(server.db);
    const unknown = { ...file, deviceId: stranger, batches: [makeBatch({ deviceId: stranger }, [makeOp(stranger, personFields('无名'))])] };
    expectRefused(await server.app.inject({ method: 'POST', url: '/sync/import', headers: desks.a2.headers, payload: unknown }), 'invalid_batch');
    expect(await snapshot(server.db)).toBe(before);
    expect((await server.db.query('SELECT id FROM devices WHERE id = $1', [stranger])).rows).toHaveLength(0);
  });

  it('W4: inputs that used to answer 500 are refused with a 4xx and change nothing', async () => {
    const before = await snapshot(server.db);
    const devicesBefore = (await server.db.query('SELECT count(*) AS n FROM devices')).rows[0];
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    const op = makeOp(desks.a.deviceId, personFields('深'));
    const body = JSON.stringify(makeBatch(desks.a, [{ ...op, fields: { ...op.fields, note: 0 } }])).replace('"note":0', `"note":${deep}`);
    const deepPush = await server.app.inject({ method: 'POST', url: '/sync/push', headers: { ...desks.a.headers, 'content-type': 'application/json' }, payload: body });
    expectRefused(deepPush, 'invalid_batch');
    const fileBody = `{"format":"${BATCH_FILE_FORMAT}","version":1,"deviceId":"${desks.a.deviceId}","exportedAt":"${new Date().toISOString()}","batches":[${body}]}`;
    expectRefused(await server.app.inject({ method: 'POST', url: '/sync/import', headers: { ...desks.a.headers, 'content-type': 'application/json' }, payload: fileBody }), 'invalid_batch');

    expectRefused(await server.app.inject({ method: 'GET', url: '/verify/%00', headers: { accept: 'application/json' } }), 'certificate_not_found');
    expect((await server.app.inject({ method: 'GET', url: '/verify/A%00B' })).statusCode).toBe(404);
    expectRefused(await server.app.inject({ method: 'GET', url: '/offices/%00/public-key' }), 'not_found');

    const { code } = await issueEnrolmentCode(server.db, desks.office('a'));
    for (const [deviceName, appVersion] of [
      ['一号\u0000机', '1'],
      ['一号机', '1.0\u0000'],
      ['一号\ud800机', '1'],
    ]) {
      const res = await server.app.inject({ method: 'POST', url: '/enrol', payload: { officeCode: desks.office('a').code, enrolmentCode: code, deviceId: uuidv7(), deviceName, appVersion } });
      expectRefused(res, 'invalid_request');
    }
    expect((await server.db.query('SELECT count(*) AS n FROM devices')).rows[0]).toEqual(devicesBefore);
    expect(await snapshot(server.db)).toBe(before);
  });

  it('W4: odd addresses, queries and headers on every route answer 4xx, never 5xx', async () => {
    const long = 'A'.repeat(5000);
    const probes: { method: 'GET' | 'POST' | 'PUT'; url: string; auth?: boolean; payload?: string; headers?: Record<string, string> }[] = [
      { method: 'GET', url: '/verify/%ZZ' },
      { method: 'GET', url: `/verify/${long}` },
      { method: 'GET', url: '/verify/%F0%9F' },
      { method: 'GET', url: '/verify/%ED%A0%80' },
      { method: 'GET', url: '/offices/%ZZ/public-key' },
      { method: 'GET', url: `/offices/${long}/public-key` },
      { method: 'GET', url: '/offices/%ED%A0%80/public-key' },
      { method: 'GET', url: '/sync/pull?since=%00', auth: true },
      { method: 'GET', url: '/sync/pull?since=99999999999999999999', auth: true },
      { method: 'GET', url: '/sync/pull?limit=1e400', auth: true },
      { method: 'GET', url: '/blobs/%00', auth: true },
      { method: 'PUT', url: `/blobs/${'0'.repeat(64)}`, auth: true, payload: 'x', headers: { 'content-type': 'text/plain' } },
      { method: 'POST', url: '/sync/push', auth: true, payload: '{"batchId":', headers: { 'content-type': 'application/json' } },
      { method: 'POST', url: '/sync/push', auth: true, payload: '"\\u0000"', headers: { 'content-type': 'application/json' } },
      { method: 'POST', url: '/sync/push', auth: true, payload: '{"__proto__":{"x":1},"operations":[]}', headers: { 'content-type': 'application/json' } },
      { method: 'POST', url: '/sync/import', auth: true, payload: '[]', headers: { 'content-type': 'application/json' } },
      { method: 'POST', url: '/sync/numbers/reserve', auth: true, payload: '{"requestId":"\\u0000","series":{"prefix":"XJ","year":2026}}', headers: { 'content-type': 'application/json' } },
      { method: 'POST', url: '/enrol', payload: '{"officeCode":"\\u0000"}', headers: { 'content-type': 'application/json' } },
      { method: 'POST', url: '/enrol', payload: `{"officeCode":"AB","enrolmentCode":"ABCDEFGH","deviceId":"${'d'.repeat(300)}","deviceName":"x","appVersion":"1"}`, headers: { 'content-type': 'application/json' } },
      { method: 'GET', url: '/sync/pull', headers: { authorization: `Bearer ${'\u00e9'.repeat(20)}` } },
      { method: 'GET', url: '/sync/pull', auth: true, headers: { 'x-desk-protocol': '\u0000' } },
    ];
    const before = await snapshot(server.db);
    for (const probe of probes) {
      const res = await server.app.inject({
        method: probe.method,
        url: probe.url,
        headers: { ...(probe.auth === true ? desks.a.headers : {}), ...probe.headers },
        ...(probe.payload === undefined ? {} : { payload: probe.payload }),
      });
      expect(res.statusCode, `${probe.method} ${probe.url.slice(0, 60)}: ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${probe.method} ${probe.url.slice(0, 60)}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
    }
    expect(await snapshot(server.db)).toBe(before);
  });

  it('W5: a batch resent under its id with other values is refused, not acknowledged with the values dropped', async () => {
    const op = makeOp(desks.a.deviceId, personFields('原值'));
    const batch = makeBatch(desks.a, [op]);
    expect((await push(server.app, desks.a, batch)).statusCode).toBe(200);
    // A faithful retry (keys in another order) is still the same batch.
    const reordered = { operations: [Object.fromEntries(Object.entries(op).reverse())], deviceId: batch.deviceId, batchId: batch.batchId };
    expect((await push(server.app, desks.a, reordered)).statusCode).toBe(200);
    const before = await snapshot(server.db);
    const changed = { ...batch, operations: [{ ...op, fields: { ...op.fields, name: '改过的值' } }] };
    expectRefused(await push(server.app, desks.a, changed), 'batch_id_reused');
    // The same operation id and stamp with other values under a new batch id: not a duplicate to drop.
    expectRefused(await push(server.app, desks.a, { ...changed, batchId: uuidv7() }), 'invalid_batch');
    expect(await snapshot(server.db)).toBe(before);
  });

  it('W6: behind a proxy, only the proxy’s own entry counts; a client rotating X-Forwarded-For stays limited', async () => {
    for (const trustProxy of [parseTrustProxy('1'), parseTrustProxy('10.9.9.9'), parseTrustProxy('10.0.0.0/8, ::1')]) {
      const limited = buildApp({ db: server.db, trustProxy, limits: { ...TEST_LIMITS, verifyPerIp: 2 } });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.inject({
          method: 'GET',
          url: '/verify/NONE-1',
          remoteAddress: '10.9.9.9',
          headers: { accept: 'application/json', 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` },
        });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([404, 404, 429, 429]);
      await limited.close();
      await server.db.query("DELETE FROM rate_limits WHERE key LIKE 'verify-ip:%'");
    }
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('true')).toBe(1);
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8')).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(() => parseTrustProxy('everyone')).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy('10.0.0.0/40')).toThrow(/TRUST_PROXY/);
  });

  it('W7: a fresh enrolment code never takes over an enrolled device id', async () => {
    const before = (await server.db.query('SELECT token_hash, name FROM devices WHERE id = $1', [desks.a.deviceId])).rows[0];
    const { code } = await issueEnrolmentCode(server.db, desks.office('a'));
    const res = await server.app.inject({
      method: 'POST',
      url: '/enrol',
      payload: { officeCode: desks.office('a').code, enrolmentCode: code, deviceId: desks.a.deviceId, deviceName: '冒名顶替', appVersion: '1' },
    });
    expectRefused(res, 'device_already_enrolled');
    expect((await server.db.query('SELECT token_hash, name FROM devices WHERE id = $1', [desks.a.deviceId])).rows[0]).toEqual(before);
    expect((await pull(server.app, desks.a)).statusCode).toBe(200);
    // Another device's token is no proof either.
    const proofOfOther = await server.app.inject({
      method: 'POST',
      url: '/enrol',
      headers: desks.a2.headers,
      payload: { officeCode: desks.office('a').code, enrolmentCode: code, deviceId: desks.a.deviceId, deviceName: '冒名顶替', appVersion: '1' },
    });
    expectRefused(proofOfOther, 'device_already_enrolled');
  });

  describe('users through the server', () => {
    let office: Office;
    let desk: TestDevice;
    const adminId = uuidv7();
    const clerkId = uuidv7();
    const userOp = (by: string, recordId: string, fields: Parameters<typeof makeOp>[1], kind: 'put' | 'delete' = 'put') =>
      opBy(by, makeOp(desk.deviceId, fields, { table: 'users', recordId, kind }));
    const send = (...ops: ReturnType<typeof userOp>[]) => push(server.app, desk, makeBatch(desk, ops));

    beforeAll(async () => {
      office = await makeOffice(server.db);
      desk = await enrol(server.app, server.db, office);
      // The first desk's first administrator (no user yet), who then creates a clerk.
      expect((await send(userOp('first-run-setup', adminId, userFields('admin', 'admin')))).statusCode).toBe(200);
      expect((await send(userOp(adminId, clerkId, userFields('clerk', 'clerk')))).statusCode).toBe(200);
    });

    it('a clerk cannot make anyone an administrator, disable, delete or re-key another user', async () => {
      const before = await snapshot(server.db);
      const otherId = uuidv7();
      for (const op of [
        userOp(clerkId, clerkId, { role: 'admin' }),
        userOp(clerkId, adminId, { disabled: true }),
        userOp(clerkId, adminId, { passwordHash: `pbkdf2-sha256$600000$${Buffer.alloc(32, 1).toString('base64')}` }),
        userOp(clerkId, adminId, {}, 'delete'),
        userOp(clerkId, otherId, userFields('mallory', 'admin')),
        userOp('first-run-setup', otherId, userFields('mallory', 'admin')),
        userOp('no-such-user', otherId, userFields('mallory', 'admin')),
      ]) {
        expectRefused(await send(op), 'forbidden_record');
      }
      // One forbidden operation refuses the batch it is in.
      expectRefused(await send(makeOp(desk.deviceId, personFields('同批')), userOp(clerkId, clerkId, { role: 'admin' })), 'forbidden_record');
      expect(await snapshot(server.db)).toBe(before);
    });

    it('password hashes must name an iteration count within the shared bounds', async () => {
      const before = await snapshot(server.db);
      for (const iterations of [1, 1_000_000_000]) {
        expectRefused(await send(userOp(adminId, clerkId, { passwordHash: `pbkdf2-sha256$${iterations}$${Buffer.alloc(32, 1).toString('base64')}` })), 'invalid_batch');
      }
      expectRefused(await send(userOp(adminId, clerkId, { passwordHash: 'plain-text-password' })), 'invalid_batch');
      expectRefused(await send(userOp(adminId, uuidv7(), userFields('weak', 'clerk', 1000))), 'invalid_batch');
      expect(await snapshot(server.db)).toBe(before);
    });

    it('a user changes their own password; an administrator changes roles; a disabled one no longer can', async () => {
      const hash = `pbkdf2-sha256$700000$${Buffer.alloc(32, 3).toString('base64')}`;
      expect((await send(userOp(clerkId, clerkId, { passwordHash: hash, passwordSalt: Buffer.alloc(16, 4).toString('base64') }))).statusCode).toBe(200);
      expect((await send(userOp(adminId, clerkId, { role: 'admin' }))).statusCode).toBe(200);
      // Now an administrator: the former clerk disables the first admin, who then can do nothing.
      expect((await send(userOp(clerkId, adminId, { disabled: true }))).statusCode).toBe(200);
      expectRefused(await send(userOp(adminId, adminId, { disabled: false })), 'forbidden_record');
      expectRefused(await send(userOp(adminId, adminId, { role: 'admin' })), 'forbidden_record');
    });
  });
});

describe.each(BACKENDS)('migration 0003 on a database with data (%s)', (kind) => {
  const earlier = databaseBefore(kind, '0003');

  it('seeds the server-wide ledger above every office’s blocks; operations from before go to the other desks only', async () => {
    const t = earlier;
    // Two offices that, under the old per-office ledgers, both hold numbers of one series.
    const offices = [await makeOffice(t.db), await makeOffice(t.db)];
    for (const [office, end] of [
      [offices[0]!, 30],
      [offices[1]!, 45],
    ] as const) {
      await t.db.query("INSERT INTO number_series (office_id, series, last_no) VALUES ($1, 'UPPM-2026', $2)", [office.id, end]);
      await t.db.query("INSERT INTO number_blocks (office_id, series, start_no, end_no, device_id, request_id) VALUES ($1, 'UPPM-2026', 1, $2, 'old-desk', 'old')", [
        office.id,
        end,
      ]);
    }
    expect(await earlier.upgrade()).toEqual(loadMigrations().filter((m) => m.id >= '0003').map((m) => m.id));

    const app = testApp(t.db);
    const x = await enrol(app, t.db, offices[0]!);
    const x2 = await enrol(app, t.db, offices[0]!);
    const next = await app.inject({
      method: 'POST',
      url: '/sync/numbers/reserve',
      headers: x.headers,
      payload: { requestId: uuidv7(), series: { prefix: 'UPPM', year: 2026 }, size: 5 },
    });
    expect(next.json()).toMatchObject({ block: { start: 46, end: 50 } });
    // A row from before the upgrade has no `received_from`: its writer delivered it.
    const old = makeBatch(x, [makeOp(x.deviceId, personFields('升级前'))]);
    expect((await push(app, x, old)).statusCode).toBe(200);
    await t.db.query('UPDATE operations SET received_from = NULL');
    expect((await pull(app, x)).json<PullResponse>().operations).toHaveLength(0);
    expect((await pull(app, x2)).json<PullResponse>().operations.map((o) => o.id)).toEqual([old.operations[0]!.id]);
    await app.close();
  });
});
