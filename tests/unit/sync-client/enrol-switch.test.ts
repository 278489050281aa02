/**
 * Enrolling into ANOTHER office while operations still wait for the current one is refused before
 * anything is sent (the one-time code stays unused), with a Chinese message saying what to do;
 * only the clerk's confirmation discards them, atomically with storing the new connection, and
 * only once the new server accepted. The same office again, or an empty outbox, needs nothing.
 */
import 'fake-indexeddb/auto';
import { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { issueEnrolmentCode } from '../../../server/offices';
import { enrolDevice, PendingOperationsError, type EnrolInput } from '../../../renderer/src/sync/enrol';
import { readConnection, readCursor, readInflight, readToken, SYNC_KEYS } from '../../../renderer/src/sync/settings';
import { createHttpTransport, type SyncTransport } from '../../../renderer/src/sync/transport';
import { SyncError } from '../../../shared/sync/errors';
import type { EnrolmentRequest, EnrolmentResponse } from '../../../shared/sync/protocol';
import { makeOffice, openTestDb, SETUP_TIMEOUT, testApp, type TestDb } from '../../server/helpers';
import { injectFetch, makeDesk, markEnrolled, person, type Desk } from './helpers';

let desk: Desk;
let sent: EnrolmentRequest[];
/** What the fake server answers: office id by office code, or a refusal. */
let offices: Record<string, string>;
let refuse: SyncError | null;

function fakeServer(): SyncTransport {
  return {
    enrol: async (request): Promise<EnrolmentResponse> => {
      sent.push(request);
      if (refuse !== null) throw refuse;
      const officeId = offices[String(request.officeCode).toUpperCase()];
      if (officeId === undefined) throw new SyncError('enrolment_code_invalid');
      return { officeId, officeName: `${officeId} 协会`, deviceId: request.deviceId, deviceToken: `token-${officeId}-${'x'.repeat(30)}`, serverTime: new Date().toISOString() };
    },
    push: async () => {
      throw new SyncError('not_found');
    },
    pull: async () => {
      throw new SyncError('not_found');
    },
    uploadBlob: async () => {
      throw new SyncError('not_found');
    },
    downloadBlob: async () => {
      throw new SyncError('not_found');
    },
    importBatchFile: async () => [],
    reserveNumbers: async () => {
      throw new SyncError('not_found');
    },
    officeKey: async () => {
      throw new SyncError('not_found');
    },
  };
}

const input = (officeCode: string, serverUrl = 'https://sync.example.org'): EnrolInput => ({ serverUrl, officeCode, enrolmentCode: 'AAAA-BBBB-CCCC', deviceName: '收件窗口' });
const deps = () => ({ db: desk.db, deviceId: desk.deviceId, appVersion: '0.1.0', transportFor: () => fakeServer() });

beforeEach(async () => {
  desk = await makeDesk();
  sent = [];
  offices = { TEST: 'office-1', OTHER: 'office-2' };
  refuse = null;
  // Enrolled in office-1 (code TEST) at https://sync.example.org, with two edits not yet synced.
  await markEnrolled(desk, 'office-1');
  await desk.db.settings.put({ key: SYNC_KEYS.cursor, value: '42' });
  for (let i = 0; i < 2; i++) await desk.people.create(person(`申请人${i}`, i), desk.ctx);
  await desk.db.settings.put({ key: SYNC_KEYS.inflight, value: { batchId: 'b-1', operationIds: [] } });
});

afterEach(async () => {
  await desk.close();
});

describe('switching office with operations pending', () => {
  it('is refused before anything is sent, with a Chinese message naming the count, the office and what to do', async () => {
    const attempt = enrolDevice(input(' other '), deps());
    await expect(attempt).rejects.toBeInstanceOf(PendingOperationsError);
    const error = (await attempt.catch((e: unknown) => e)) as PendingOperationsError;
    expect(error.pending).toBe(2);
    expect(error.currentOffice).toEqual({ name: '测试协会', code: 'TEST' });
    expect(error.message).toContain('本机还有 2 条修改尚未同步到“测试协会”');
    expect(error.message).toMatch(/立即同步/);
    expect(error.message).toMatch(/导出批次文件/);
    expect(error.message).toMatch(/丢弃并登记/);
    expect(sent).toHaveLength(0);
    // Nothing changed.
    expect(await desk.db.outbox.count()).toBe(2);
    expect(await readConnection(desk.db)).toMatchObject({ officeId: 'office-1', officeCode: 'TEST' });
    expect(await readCursor(desk.db)).toBe('42');
  });

  it('confirmed by the clerk: enrols, and discards the pending operations, the batch in flight and the cursor together', async () => {
    const connection = await enrolDevice(input('OTHER'), deps(), { discardPending: true });
    expect(connection).toMatchObject({ officeId: 'office-2', officeCode: 'OTHER' });
    expect(sent).toHaveLength(1);
    expect(await desk.db.outbox.count()).toBe(0);
    expect(await readInflight(desk.db)).toBeUndefined();
    expect(await readCursor(desk.db)).toBeUndefined();
    expect(await readToken(desk.db)).toBe(`token-office-2-${'x'.repeat(30)}`);
    // The records themselves stay on the desk: only what was waiting to be sent went.
    expect(await desk.db.people.count()).toBe(2);
  });

  it('confirmed, but the new server refuses the code: nothing is discarded', async () => {
    refuse = new SyncError('enrolment_code_invalid');
    await expect(enrolDevice(input('OTHER'), deps(), { discardPending: true })).rejects.toMatchObject({ code: 'enrolment_code_invalid' });
    expect(await desk.db.outbox.count()).toBe(2);
    expect(await readConnection(desk.db)).toMatchObject({ officeId: 'office-1' });
    expect(await readCursor(desk.db)).toBe('42');
  });

  it('the same office code at another server that turns out to be another office: the answer is not stored', async () => {
    offices = { TEST: 'office-elsewhere' };
    await expect(enrolDevice(input('test', 'https://new-sync.example.org'), deps())).rejects.toBeInstanceOf(PendingOperationsError);
    expect(sent).toHaveLength(1);
    expect(await desk.db.outbox.count()).toBe(2);
    expect(await readConnection(desk.db)).toMatchObject({ officeId: 'office-1', baseUrl: 'https://sync.example.org' });
    expect(await readToken(desk.db)).toBe('x'.repeat(40));
  });
});

describe('no switch, or nothing pending', () => {
  it('enrolling again into the same office keeps the outbox (a new code, another address of the same office)', async () => {
    await enrolDevice(input('test', 'https://new-sync.example.org'), deps());
    expect(await desk.db.outbox.count()).toBe(2);
    expect(await readConnection(desk.db)).toMatchObject({ officeId: 'office-1', baseUrl: 'https://new-sync.example.org' });
    // Another server: another log, so the cursor starts over; the pending operations go there.
    expect(await readCursor(desk.db)).toBeUndefined();
  });

  it('another office with an empty outbox needs no confirmation', async () => {
    await desk.db.outbox.clear();
    await enrolDevice(input('OTHER'), deps());
    expect(await readConnection(desk.db)).toMatchObject({ officeId: 'office-2' });
    expect(await readCursor(desk.db)).toBeUndefined();
  });
});

describe('against the real server', () => {
  let t: TestDb;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await openTestDb('pglite');
    app = testApp(t.db, { enrolPerIp: 1 });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await app?.close();
    await t?.dispose();
  });

  it('a rate-limited enrolment is rate_limited with the server’s Retry-After, and stores nothing', async () => {
    const fresh = await makeDesk();
    try {
      const office = await makeOffice(t.db);
      const { printed } = await issueEnrolmentCode(t.db, office);
      const transportFor = (baseUrl: string) => createHttpTransport({ baseUrl, fetch: injectFetch(app) });
      const enrolIt = (code: string) =>
        enrolDevice({ serverUrl: 'http://127.0.0.1:8787', officeCode: office.code, enrolmentCode: code, deviceName: '收件窗口' }, { db: fresh.db, deviceId: fresh.deviceId, appVersion: '0.1.0', transportFor });
      await expect(enrolIt('WRONG-WRONG')).rejects.toMatchObject({ code: 'enrolment_code_invalid' });
      const error = (await enrolIt(printed).catch((e: unknown) => e)) as SyncError;
      expect(error).toMatchObject({ code: 'rate_limited', status: 429, retry: true });
      expect(error.retryAfterSeconds).toBeGreaterThan(14 * 60);
      expect(await readConnection(fresh.db)).toBeUndefined();
    } finally {
      await fresh.close();
    }
  });
});
