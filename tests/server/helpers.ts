/**
 * Shared set-up for the server tests. Every test file runs against PGlite, and also against
 * PostgreSQL when `TEST_DATABASE_URL` is set (each run in a fresh schema, dropped afterwards).
 *
 * PGlite's first start (initdb in WebAssembly) takes seconds; a migrated data directory is
 * dumped once to the OS temp folder (keyed by the migrations and PGlite's version) and each
 * test file loads it, which takes well under a second.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { buildApp, type Limits } from '../../server/app';
import { type Db, type DbKind } from '../../server/db';
import { pgliteDb } from '../../server/db-pglite';
import { openPostgres } from '../../server/db-postgres';
import { uuidv7 } from '../../server/ids';
import { loadMigrations, migrate } from '../../server/migrate';
import { createOffice, issueEnrolmentCode, type Office } from '../../server/offices';
import { formatHlc, type Hlc } from '../../shared/sync/hlc';
import { type JsonValue, type Operation, type PushRequest } from '../../shared/sync/protocol';
import { type SyncedTable } from '../../shared/model/records';
import { visibleValues } from '../../shared/sync/merge';
import { unflattenNested } from '../../shared/sync/nested';
import { decodeRecordState } from '../../server/record-state';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
export const BACKENDS: DbKind[] = TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** Generous limits so tests that enrol many devices from one address are not throttled. */
export const TEST_LIMITS: Partial<Limits> = { enrolPerIp: 10_000, enrolPerCode: 10_000, enrolPerOffice: 10_000, verifyPerIp: 10_000, verifyPerIpPerDay: 10_000 };

export const SETUP_TIMEOUT = 180_000;

async function pgliteTemplate(): Promise<Blob> {
  const pkg = JSON.parse(readFileSync(path.join('node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as { version: string };
  const key = createHash('sha256')
    .update(pkg.version)
    .update(JSON.stringify(loadMigrations()))
    .digest('hex')
    .slice(0, 16);
  const file = path.join(tmpdir(), `association-desk-pglite-${key}.tar`);
  if (!existsSync(file)) {
    const pglite = await PGlite.create();
    await migrate(pgliteDb(pglite));
    const dump = await pglite.dumpDataDir('none');
    await pglite.close();
    // Written under a unique name and renamed, so parallel test files never read half a file.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  return new Blob([readFileSync(file)]);
}

export interface TestDb {
  readonly db: Db;
  dispose(): Promise<void>;
}

/**
 * A database for one test file. `migrated: false` gives an empty schema (migration tests):
 * on PostgreSQL a fresh schema, on PGlite a fresh schema made the search path.
 */
export async function openTestDb(kind: DbKind, { migrated = true }: { migrated?: boolean } = {}): Promise<TestDb> {
  if (kind === 'postgres') {
    if (TEST_DATABASE_URL === undefined) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = openPostgres(TEST_DATABASE_URL, { max: 1 });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    const db = openPostgres(TEST_DATABASE_URL, { schema, max: 10 });
    if (migrated) await migrate(db);
    return {
      db,
      async dispose() {
        await db.close().catch(() => {});
        await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.close();
      },
    };
  }
  const pglite = await PGlite.create({ loadDataDir: await pgliteTemplate() });
  const db = pgliteDb(pglite);
  if (!migrated) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    await db.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
  }
  return {
    db,
    async dispose() {
      if (!pglite.closed) await pglite.close();
    },
  };
}

export function testApp(db: Db, limits: Partial<Limits> = {}, now?: () => number): FastifyInstance {
  return buildApp({ db, limits: { ...TEST_LIMITS, ...limits }, ...(now === undefined ? {} : { now }) });
}

let officeCounter = 0;

export async function makeOffice(db: Db, name = '测试协会'): Promise<Office> {
  officeCounter += 1;
  return createOffice(db, `${name}${officeCounter}`, `T${process.pid}-${officeCounter}-${randomBytes(2).toString('hex')}`.toUpperCase());
}

export interface TestDevice {
  readonly deviceId: string;
  readonly officeId: string;
  readonly token: string;
  readonly headers: { authorization: string };
}

/** Enrols a new device in `office` through the HTTP route, as a desk would. */
export async function enrol(app: FastifyInstance, db: Db, office: Office, deviceId: string = uuidv7()): Promise<TestDevice> {
  const { code } = await issueEnrolmentCode(db, office);
  const res = await app.inject({
    method: 'POST',
    url: '/enrol',
    payload: { officeCode: office.code, enrolmentCode: code, deviceId, deviceName: '收件窗口 1 号机', appVersion: '0.1.0' },
  });
  if (res.statusCode !== 201) throw new Error(`enrol failed: ${res.statusCode} ${res.body}`);
  const body = res.json<{ deviceToken: string; officeId: string }>();
  return { deviceId, officeId: body.officeId, token: body.deviceToken, headers: { authorization: `Bearer ${body.deviceToken}` } };
}

let stampCounter = 0;

export function hlcOf(deviceId: string, millis: number = Date.now()): Hlc {
  stampCounter = (stampCounter + 1) % 0x10000;
  return formatHlc({ millis, counter: stampCounter, node: deviceId });
}

export interface OpOptions {
  readonly table?: SyncedTable;
  readonly recordId?: string;
  readonly kind?: 'put' | 'delete';
  readonly prev?: Record<string, Hlc[]>;
  readonly millis?: number;
}

export function makeOp(deviceId: string, fields: Record<string, JsonValue>, options: OpOptions = {}): Operation {
  return {
    id: uuidv7(),
    table: options.table ?? 'people',
    recordId: options.recordId ?? uuidv7(),
    kind: options.kind ?? 'put',
    fields,
    prev: options.prev ?? {},
    hlc: hlcOf(deviceId, options.millis),
    deviceId,
    userId: 'clerk-1',
  };
}

export function personFields(name: string): Record<string, JsonValue> {
  const at = new Date().toISOString();
  return { name, idNumber: '110105194910010015', createdAt: at, createdBy: 'clerk-1', updatedAt: at, updatedBy: 'clerk-1' };
}

/** A `users` record's fields; the password hash names `iterations` PBKDF2 rounds. */
export function userFields(username: string, role: 'admin' | 'clerk' | 'reviewer', iterations = 600_000): Record<string, JsonValue> {
  const at = new Date().toISOString();
  return {
    username,
    displayName: username,
    role,
    passwordHash: `pbkdf2-sha256$${iterations}$${Buffer.alloc(32, 7).toString('base64')}`,
    passwordSalt: Buffer.alloc(16, 9).toString('base64'),
    createdAt: at,
    createdBy: 'first-run-setup',
    updatedAt: at,
    updatedBy: 'first-run-setup',
  };
}

/** An operation by `userId` (the signed-in user the desk names). */
export function opBy(userId: string, op: Operation): Operation {
  return { ...op, userId };
}

export function makeBatch(device: { deviceId: string }, operations: Operation[]): PushRequest {
  return { batchId: uuidv7(), deviceId: device.deviceId, operations };
}

export function push(app: FastifyInstance, device: TestDevice, body: unknown): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/sync/push', headers: device.headers, payload: body as object });
}

export function pull(app: FastifyInstance, device: TestDevice, query = ''): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/sync/pull${query}`, headers: device.headers });
}

/** Everything a push could change, in one comparable value. */
export async function snapshot(db: Db): Promise<string> {
  const { rows } = await db.query(
    `SELECT
       (SELECT count(*) FROM operations) AS ops,
       (SELECT md5(coalesce(string_agg(office_id || seq || op, ',' ORDER BY office_id, seq), '')) FROM operations) AS ops_hash,
       (SELECT md5(coalesce(string_agg(office_id || table_name || record_id || state::text, ',' ORDER BY office_id, table_name, record_id), '')) FROM records) AS records_hash,
       (SELECT count(*) FROM batches) AS batches,
       (SELECT coalesce(sum(last_seq), 0) FROM offices) AS seqs,
       (SELECT count(*) FROM office_blobs) AS blobs,
       (SELECT count(*) FROM certificate_numbers) AS certs`,
  );
  return JSON.stringify(rows[0], (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** A record as the server holds it: its table, whether it is deleted, and its visible values. */
export async function storedRecord(
  db: Db,
  officeId: string,
  recordId: string,
): Promise<{ table: string; deleted: boolean; values: Record<string, unknown> } | undefined> {
  const { rows } = await db.query<{ table_name: string; state: string; deleted: boolean }>(
    'SELECT table_name, state, deleted FROM records WHERE office_id = $1 AND record_id = $2',
    [officeId, recordId],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  return { table: row.table_name, deleted: row.deleted, values: unflattenNested(row.table_name as SyncedTable, visibleValues(decodeRecordState(row.state))) };
}
