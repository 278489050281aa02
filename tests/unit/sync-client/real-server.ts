/**
 * The real server for the sync client's tests, set up once per file: the fastify app over PGlite
 * with one office, reached through `injectFetch`; the desks a test opens, closed after it; and
 * enrolment of a desk with a fresh code of an office, as the 同步 screen does it.
 */
import { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type Db } from '../../../server/db';
import { type Limits } from '../../../server/app';
import { issueEnrolmentCode, type Office } from '../../../server/offices';
import { enrolDevice } from '../../../renderer/src/sync/enrol';
import { createHttpTransport } from '../../../renderer/src/sync/transport';
import { makeOffice, openTestDb, SETUP_TIMEOUT, testApp, type TestDb } from '../../server/helpers';
import { injectFetch, makeDesk, type Desk } from './helpers';

export const BASE = 'http://127.0.0.1:8787';

export interface RealServer {
  readonly t: TestDb;
  readonly app: FastifyInstance;
  readonly office: Office;
}

/** Opens the server before the file's tests (with these limits) and closes it after them. */
export function useRealServer(limits: Partial<Limits> = {}): RealServer {
  const server = {} as { t: TestDb; app: FastifyInstance; office: Office };
  beforeAll(async () => {
    server.t = await openTestDb('pglite');
    server.app = testApp(server.t.db, limits);
    server.office = await makeOffice(server.t.db);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await server.app?.close();
    await server.t?.dispose();
  });
  return server;
}

/** `newDesk()` opens a desk that is closed (and deleted) after the test that opened it. */
export function useDesks(): () => Promise<Desk> {
  let desks: Desk[] = [];
  beforeEach(() => {
    desks = [];
  });
  afterEach(async () => {
    await Promise.all(desks.map((d) => d.close()));
  });
  return async () => {
    const desk = await makeDesk();
    desks.push(desk);
    return desk;
  };
}

export interface EnrolVia {
  readonly db: Db;
  readonly office: Office;
  readonly fetch: typeof fetch;
  readonly deviceName: string;
  /** How the clerk types the printed code (as printed unless said). */
  readonly typed?: (printed: string) => string;
}

/** Enrols `desk` in `via.office` with a code the server just issued, over `via.fetch`. */
export async function enrol(desk: Desk, via: EnrolVia): Promise<void> {
  const { printed } = await issueEnrolmentCode(via.db, via.office);
  await enrolDevice(
    { serverUrl: BASE, officeCode: via.office.code, enrolmentCode: via.typed?.(printed) ?? printed, deviceName: via.deviceName },
    { db: desk.db, deviceId: desk.deviceId, appVersion: '0.1.0', transportFor: (baseUrl) => createHttpTransport({ baseUrl, fetch: via.fetch }) },
  );
}

export { injectFetch };
