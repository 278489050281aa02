/**
 * Enrolling into ANOTHER office while the desk holds the current one's work (operations waiting,
 * records) is refused before anything is sent (the one-time code stays unused), with a Chinese
 * message saying what it would cost and what to do; only the clerk's confirmation leaves the old
 * office — pending operations dropped, its records cleared from the desk — atomically with
 * storing the new connection, and only once the new server accepted. Offices are kept apart: no
 * record of the old office can later sync into the new one. The same office again, or a desk
 * with nothing of the old office, needs nothing.
 */
import 'fake-indexeddb/auto';
import { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { issueEnrolmentCode } from '../../../server/offices';
import { enrolDevice, OfficeSwitchError, type EnrolInput } from '../../../renderer/src/sync/enrol';
import { readConnection, readCursor, readInflight, readToken, SYNC_KEYS } from '../../../renderer/src/sync/settings';
import { CLOCK_KEY } from '../../../renderer/src/db/clock';
import { CALENDAR_SETTING, DEVICE_ID_KEY } from '../../../renderer/src/db/keys';
import { DOCUMENT_KEYS } from '../../../renderer/src/documents/settings';
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
    await expect(attempt).rejects.toBeInstanceOf(OfficeSwitchError);
    const error = (await attempt.catch((e: unknown) => e)) as OfficeSwitchError;
    expect(error.pending).toBe(2);
    expect(error.records).toBe(2);
    expect(error.currentOffice).toEqual({ name: '测试协会', code: 'TEST' });
    expect(error.message).toContain('本机还有 2 条修改尚未同步到“测试协会”');
    expect(error.message).toContain('本机上原办事处的 2 条记录');
    expect(error.message).toMatch(/立即同步/);
    expect(error.message).toMatch(/导出批次文件/);
    expect(error.message).toMatch(/丢弃并登记/);
    expect(sent).toHaveLength(0);
    // Nothing changed.
    expect(await desk.db.outbox.count()).toBe(2);
    expect(await readConnection(desk.db)).toMatchObject({ officeId: 'office-1', officeCode: 'TEST' });
    expect(await readCursor(desk.db)).toBe('42');
  });

  it('confirmed by the clerk: enrols, and leaves the old office — operations, batch in flight, cursor and records — together', async () => {
    // What belongs to the computer, and what belongs to the office, before the switch.
    const idBefore = (await desk.db.settings.get(DEVICE_ID_KEY))?.value;
    await desk.db.settings.bulkPut([
      { key: DEVICE_ID_KEY, value: desk.deviceId },
      { key: DOCUMENT_KEYS.printer, value: { offsetXmm: 1.5, offsetYmm: -2, scale: 1 } },
      { key: CALENDAR_SETTING, value: [] },
      { key: DOCUMENT_KEYS.serverNumbers, value: { blocks: [] } },
      { key: DOCUMENT_KEYS.officeKey, value: { keyId: 'k-1' } },
      { key: SYNC_KEYS.lastSuccessAt, value: '2026-11-20T08:00:00.000Z' },
    ]);
    const clock = (await desk.db.settings.get(CLOCK_KEY))?.value;
    expect(clock).toBeDefined();
    await desk.db.drafts.put({ id: 'd-1', updatedAt: '2026-11-22T08:00:00.000Z' } as never);
    expect(await desk.db.auditLog.count()).toBeGreaterThan(0);

    const connection = await enrolDevice(input('OTHER'), deps(), { leaveOffice: true });
    expect(connection).toMatchObject({ officeId: 'office-2', officeCode: 'OTHER' });
    expect(sent).toHaveLength(1);
    expect(await desk.db.outbox.count()).toBe(0);
    expect(await readInflight(desk.db)).toBeUndefined();
    expect(await readCursor(desk.db)).toBeUndefined();
    expect(await readToken(desk.db)).toBe(`token-office-2-${'x'.repeat(30)}`);
    // The old office's records left the desk (they are on its server); nothing can leak into the new one.
    expect(await desk.db.people.count()).toBe(0);
    expect(await desk.db.mergeStates.count()).toBe(0);
    expect(await desk.db.auditLog.count()).toBe(0);
    expect(await desk.db.drafts.count()).toBe(0);
    expect(await desk.db.settings.get(DOCUMENT_KEYS.serverNumbers)).toBeUndefined();
    expect(await desk.db.settings.get(DOCUMENT_KEYS.officeKey)).toBeUndefined();
    expect(await desk.db.settings.get(SYNC_KEYS.lastSuccessAt)).toBeUndefined();
    // What belongs to the computer stays: its id, its clock, the printer calibration, the calendar.
    expect((await desk.db.settings.get(DEVICE_ID_KEY))?.value).toBe(idBefore ?? desk.deviceId);
    expect((await desk.db.settings.get(CLOCK_KEY))?.value).toBe(clock);
    expect((await desk.db.settings.get(DOCUMENT_KEYS.printer))?.value).toMatchObject({ offsetXmm: 1.5 });
    expect(await desk.db.settings.get(CALENDAR_SETTING)).toBeDefined();
    // A new record written afterwards is the new office's and syncs there alone.
    await desk.people.create(person('新协会申请人', 9), desk.ctx);
    expect(await desk.db.outbox.count()).toBe(1);
  });

  it('confirmed, but the new server refuses the code: nothing is discarded', async () => {
    refuse = new SyncError('enrolment_code_invalid');
    await expect(enrolDevice(input('OTHER'), deps(), { leaveOffice: true })).rejects.toMatchObject({ code: 'enrolment_code_invalid' });
    expect(await desk.db.outbox.count()).toBe(2);
    expect(await desk.db.people.count()).toBe(2);
    expect(await readConnection(desk.db)).toMatchObject({ officeId: 'office-1' });
    expect(await readCursor(desk.db)).toBe('42');
  });

  it('the same office code at another server that turns out to be another office: the answer is not stored', async () => {
    offices = { TEST: 'office-elsewhere' };
    await expect(enrolDevice(input('test', 'https://new-sync.example.org'), deps())).rejects.toBeInstanceOf(OfficeSwitchError);
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

  it('another office with everything synced still asks: the records on the desk would be cleared', async () => {
    await desk.db.outbox.clear();
    const error = (await enrolDevice(input('OTHER'), deps()).catch((e: unknown) => e)) as OfficeSwitchError;
    expect(error).toBeInstanceOf(OfficeSwitchError);
    expect(error.pending).toBe(0);
    expect(error.message).toContain('本机已登记在“测试协会”');
    expect(error.message).toContain('本机上原办事处的 2 条记录');
    expect(error.message).toContain('清除并登记');
    expect(sent).toHaveLength(0);
    expect(await desk.db.people.count()).toBe(2);
  });

  it('another office, with nothing of the old one on the desk, needs no confirmation', async () => {
    await desk.db.outbox.clear();
    await desk.db.people.clear();
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
