/**
 * Every code of the shared error union that the server can send, reached through `app.inject`
 * in one table: status, body shape and retry flag as the catalogue says. `network` is the only
 * code no server sends (the client makes it when there is no answer at all).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { type LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/app';
import { type Db } from '../../server/db';
import { uuidv7 } from '../../server/ids';
import { issueEnrolmentCode, requireOffice, revokeDevice } from '../../server/offices';
import { SYNC_ERRORS, syncErrorBodySchema, type SyncErrorCode } from '../../shared/sync/errors';
import { MAX_OPERATIONS_PER_BATCH } from '../../shared/sync/protocol';
import { BACKENDS, enrol, makeBatch, makeOffice, makeOp, opBy, personFields, pull, push, SETUP_TIMEOUT, testApp, userFields, type TestDevice } from './helpers';
import { serverPerSuite } from './suite';

const CLIENT_ONLY: readonly SyncErrorCode[] = ['network'];

describe.each(BACKENDS)('every server error code (%s)', (kind) => {
  const server = serverPerSuite(kind, { blobBytes: 1024, enrolPerIp: 1 });
  let device: TestDevice;
  let other: TestDevice;
  let officeCode: string;

  beforeAll(async () => {
    const office = await makeOffice(server.db);
    officeCode = office.code;
    device = await enrol(testApp(server.db), server.db, office);
    other = await enrol(testApp(server.db), server.db, await makeOffice(server.db));
  }, SETUP_TIMEOUT);

  const failingDb = (error: Error): Db => ({ ...server.db, query: () => Promise.reject(error), transaction: () => Promise.reject(error) });

  const scenarios: Record<Exclude<SyncErrorCode, 'network'>, () => Promise<LightMyRequestResponse>> = {
    invalid_request: () => pull(server.app, device, '?limit=abc'),
    invalid_batch: () => push(server.app, device, { batchId: 'not-a-uuid', deviceId: device.deviceId, operations: [] }),
    batch_too_large: () =>
      push(server.app, device, makeBatch(device, Array.from({ length: MAX_OPERATIONS_PER_BATCH + 1 }, () => makeOp(device.deviceId, { name: 'x' })))),
    batch_id_reused: async () => {
      const batch = makeBatch(device, [makeOp(device.deviceId, personFields('甲'))]);
      await push(server.app, device, batch);
      return push(server.app, device, { ...batch, operations: [makeOp(device.deviceId, personFields('乙'))] });
    },
    unknown_table: () => push(server.app, device, makeBatch(device, [{ ...makeOp(device.deviceId, { name: 'x' }), table: 'secrets' as never }])),
    protocol_unsupported: () => server.app.inject({ method: 'GET', url: '/sync/pull', headers: { ...device.headers, 'x-desk-protocol': '99' } }),
    clock_drift: () => push(server.app, device, makeBatch(device, [makeOp(device.deviceId, personFields('未来'), { millis: Date.now() + 86_400_000 })])),
    unauthenticated: () => server.app.inject({ method: 'GET', url: '/sync/pull' }),
    device_revoked: async () => {
      const doomed = await enrol(testApp(server.db), server.db, await makeOffice(server.db));
      await revokeDevice(server.db, doomed.deviceId);
      return pull(server.app, doomed);
    },
    forbidden_office: () => push(server.app, device, { ...makeBatch(device, [makeOp(device.deviceId, personFields('伪造'))]), officeId: other.officeId }),
    device_already_enrolled: async () => {
      const { code } = await issueEnrolmentCode(server.db, await requireOffice(server.db, device.officeId));
      return testApp(server.db).inject({
        method: 'POST',
        url: '/enrol',
        payload: { officeCode, enrolmentCode: code, deviceId: device.deviceId, deviceName: '冒名', appVersion: '1' },
      });
    },
    forbidden_record: async () => {
      const adminId = uuidv7();
      const clerkId = uuidv7();
      await push(server.app, device, makeBatch(device, [opBy('first-run-setup', makeOp(device.deviceId, userFields('admin', 'admin'), { table: 'users', recordId: adminId }))]));
      await push(server.app, device, makeBatch(device, [opBy(adminId, makeOp(device.deviceId, userFields('clerk', 'clerk'), { table: 'users', recordId: clerkId }))]));
      return push(server.app, device, makeBatch(device, [opBy(clerkId, makeOp(device.deviceId, { role: 'admin' }, { table: 'users', recordId: clerkId }))]));
    },
    enrolment_code_invalid: () =>
      testApp(server.db).inject({
        method: 'POST',
        url: '/enrol',
        payload: { officeCode: 'NO-SUCH', enrolmentCode: 'AAAABBBBCCCC', deviceId: 'desk-1', deviceName: '一号机', appVersion: '1' },
      }),
    rate_limited: async () => {
      const office = await makeOffice(server.db);
      const { code } = await issueEnrolmentCode(server.db, office);
      const body = { officeCode: office.code, enrolmentCode: code, deviceId: 'desk-rl', deviceName: '一号机', appVersion: '1' };
      await server.app.inject({ method: 'POST', url: '/enrol', remoteAddress: '10.1.2.3', payload: { ...body, enrolmentCode: 'WRONGWRONG' } });
      return server.app.inject({ method: 'POST', url: '/enrol', remoteAddress: '10.1.2.3', payload: body });
    },
    blob_hash_mismatch: () =>
      server.app.inject({ method: 'PUT', url: `/blobs/${'a'.repeat(64)}`, headers: { ...device.headers, 'content-type': 'application/octet-stream' }, payload: Buffer.from('x') }),
    blob_too_large: () => {
      const big = Buffer.alloc(2048, 1);
      const hash = createHash('sha256').update(big).digest('hex');
      return server.app.inject({ method: 'PUT', url: `/blobs/${hash}`, headers: { ...device.headers, 'content-type': 'application/octet-stream' }, payload: big });
    },
    blob_not_found: () => server.app.inject({ method: 'GET', url: `/blobs/${'b'.repeat(64)}`, headers: device.headers }),
    numbers_exhausted: () =>
      server.app.inject({
        method: 'POST',
        url: '/sync/numbers/reserve',
        headers: device.headers,
        payload: { requestId: uuidv7(), series: { prefix: 'XJPM', year: 2099 }, size: 10, issuedUpTo: 999_999 },
      }),
    certificate_not_found: () => server.app.inject({ method: 'GET', url: '/verify/NOPE-0001', headers: { accept: 'application/json' } }),
    not_found: () => server.app.inject({ method: 'GET', url: '/nowhere' }),
    server_error: () => buildApp({ db: failingDb(new Error('bug')) }).inject({ method: 'GET', url: '/sync/pull', headers: device.headers }),
    unavailable: () =>
      buildApp({ db: failingDb(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })) }).inject({
        method: 'GET',
        url: '/health',
      }),
  };

  it('the table covers every code except the client-only ones', () => {
    expect(Object.keys(scenarios).sort()).toEqual(
      Object.keys(SYNC_ERRORS)
        .filter((c) => !CLIENT_ONLY.includes(c as SyncErrorCode))
        .sort(),
    );
  });

  it.each(Object.keys(scenarios) as (keyof typeof scenarios)[])('%s: the catalogue’s status, body and message', async (code) => {
    const res = await scenarios[code]();
    expect(res.statusCode).toBe(SYNC_ERRORS[code].status);
    const body = syncErrorBodySchema.parse(res.json());
    expect(body.error).toBe(code);
    expect(body.message).toBe(SYNC_ERRORS[code].message);
    expect(res.headers['content-type']).toContain('application/json');
    // 4xx never retried, 5xx retried: the client decides from the code alone. The exception is
    // 429, retried after the Retry-After the answer carries.
    expect(SYNC_ERRORS[code].retry).toBe(res.statusCode >= 500 || res.statusCode === 429);
    if (res.statusCode === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
