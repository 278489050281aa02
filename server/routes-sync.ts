/** Enrolment, push, pull and batch-file import. */
import { type FastifyInstance } from 'fastify';
import { SyncError } from '../shared/sync/errors';
import {
  batchFileSchema,
  enrolmentRequestSchema,
  pullRequestSchema,
  SYNC_ROUTES,
  type EnrolmentResponse,
  type PushRequest,
  type PushResponse,
} from '../shared/sync/protocol';
import { deviceAuth, deviceOf, touchDevice } from './auth';
import { type AppContext } from './context';
import { type Db, toNumber } from './db';
import { sha256Hex } from './ids';
import { enrolDevice, findDevice } from './offices';
import { applyBatch, applyPush, checkClockDrift, checkJsonDepth, isStorableText, issueDetails, parsePushBody, precheckPushBody, validatePushBody } from './push';
import { enforceRateLimits, pruneRateLimits } from './rate-limit';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Largest cursor we accept: a log position, well inside the safe-integer range. */
const CURSOR_DIGITS = /^(0|[1-9]\d{0,14})$/;

export function registerSyncRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, limits } = ctx;
  const auth = deviceAuth(db);

  app.post(SYNC_ROUTES.enrol, async (request, reply) => {
    const windowSeconds = limits.enrolWindowSeconds;
    await enforceRateLimits(db, [{ key: `enrol-ip:${request.ip}`, windowSeconds, max: limits.enrolPerIp }]);
    const parsed = enrolmentRequestSchema.safeParse(request.body);
    if (!parsed.success) throw new SyncError('invalid_request', issueDetails(parsed.error.issues));
    const req = parsed.data;
    if (!isStorableText(req)) throw new SyncError('invalid_request', [{ path: '', message: '登记信息含有无法保存的字符' }]);
    const codeKey = `enrol-code:${sha256Hex(`${req.officeCode}:${req.enrolmentCode}`)}`;
    await enforceRateLimits(db, [
      { key: codeKey, windowSeconds, max: limits.enrolPerCode },
      { key: `enrol-office:${req.officeCode}`, windowSeconds, max: limits.enrolPerOffice },
    ]);
    if (Math.random() < 0.01) await pruneRateLimits(db);

    // A desk enrolling again proves it is the same desk with its current token (see enrolDevice).
    const header = request.headers.authorization;
    const proof = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]{16,512})$/.exec(header)?.[1] : undefined;
    const outcome = await enrolDevice(db, req, proof);
    if (!outcome.ok) {
      request.log.info({ officeCode: req.officeCode, deviceId: req.deviceId, reason: outcome.reason }, 'enrolment refused');
      if (outcome.reason === 'device_revoked') throw new SyncError('device_revoked');
      if (outcome.reason === 'device_other_office') throw new SyncError('forbidden_office');
      if (outcome.reason === 'device_already_enrolled') throw new SyncError('device_already_enrolled');
      throw new SyncError('enrolment_code_invalid');
    }
    request.log.info({ officeId: outcome.office.id, deviceId: outcome.deviceId }, 'device enrolled');
    const answer: EnrolmentResponse = {
      officeId: outcome.office.id,
      officeName: outcome.office.name,
      deviceId: outcome.deviceId,
      deviceToken: outcome.token,
      serverTime: new Date(ctx.now()).toISOString(),
    };
    return reply.code(201).send(answer);
  });

  app.post(SYNC_ROUTES.push, { onRequest: auth }, async (request) => {
    const device = deviceOf(request);
    const body = request.body;
    precheckPushBody(body, device.officeId);
    // Validated inside the push's transaction, while the database looks up what the body names.
    const result = await applyPush(db, device.officeId, body, device.deviceId, (raw) => {
      const batch = validatePushBody(raw);
      if (batch.deviceId !== device.deviceId) {
        throw new SyncError('invalid_batch', [{ path: 'deviceId', message: '批次的设备编号与本机登记的不符' }]);
      }
      checkClockDrift(batch, ctx.now());
      return batch;
    });
    request.log.info(
      { officeId: device.officeId, deviceId: device.deviceId, batchId: body.batchId, applied: result.applied.length, duplicates: result.duplicates.length },
      'batch pushed',
    );
    await touchDevice(db, device);
    const answer: PushResponse = { ...result, serverTime: new Date(ctx.now()).toISOString() };
    return answer;
  });

  app.get(SYNC_ROUTES.pull, { onRequest: auth }, async (request, reply) => {
    const device = deviceOf(request);
    const parsed = pullRequestSchema.safeParse(request.query);
    if (!parsed.success) throw new SyncError('invalid_request', issueDetails(parsed.error.issues));
    const since = parsed.data.since ?? '0';
    if (!CURSOR_DIGITS.test(since)) throw new SyncError('invalid_request', [{ path: 'since', message: '同步位置格式不正确' }]);
    const limit = parsed.data.limit;
    // Everything but what this desk delivered itself (it holds those already). Operations another
    // desk delivered under this desk's id (a batch file) come back too, so no desk's data can
    // silently differ from the others'.
    const page = await readPullPage(db, device.officeId, device.deviceId, since, limit);
    const hasMore = page.hasMore;
    const nextCursor = page.nextCursor;
    await touchDevice(db, device);
    // Operations are stored as validated JSON text; the answer is assembled without re-encoding.
    const body = `{"operations":[${page.ops.join(',')}],"nextCursor":${JSON.stringify(nextCursor)},"hasMore":${hasMore},"serverTime":${JSON.stringify(new Date(ctx.now()).toISOString())}}`;
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.post(SYNC_ROUTES.importBatchFile, { onRequest: auth }, async (request) => {
    const device = deviceOf(request);
    const results = await importBatchFile(db, request.body, device.officeId, ctx.now(), { importer: device.deviceId });
    request.log.info({ officeId: device.officeId, importedBy: device.deviceId, batches: results.length }, 'batch file imported');
    const serverTime = new Date(ctx.now()).toISOString();
    return results.map((r): PushResponse => ({ ...r, serverTime }));
  });
}

/** Log positions one pull query scans at most, per page asked for (the rest waits for the next query). */
const PULL_WINDOW_PAGES = 2;

/**
 * One page of a pull: keyset pagination on the log's primary key (office, seq), never OFFSET.
 * Each query scans a bounded range of positions, `(cursor, cursor + window]`, capped by the
 * office's head read in the same statement (one snapshot): pushes commit their positions in
 * order under the office lock, so every position up to that head is visible to the statement,
 * and the cursor may move to the end of a fully read range even when this desk's own operations
 * there were left out. Bounding the range keeps each query cheap whatever the planner's
 * statistics say (with none yet, it chose a bitmap scan of everything after the cursor and a
 * sort: a first pull of 100,000 scanned the rest of the log on every page).
 */
async function readPullPage(
  db: Db,
  officeId: string,
  deviceId: string,
  since: string,
  limit: number,
): Promise<{ ops: string[]; nextCursor: string; hasMore: boolean }> {
  const window = limit * PULL_WINDOW_PAGES;
  const page: { seq: number; op: string }[] = [];
  let cursor = Number(since);
  for (;;) {
    const { rows } = await db.query<{ seq: unknown; op: string | null; head: unknown }>(
      `WITH head AS (SELECT last_seq FROM offices WHERE id = $1)
       SELECT o.seq, o.op, h.last_seq AS head
         FROM head h LEFT JOIN LATERAL (
           SELECT seq, op FROM operations
            WHERE office_id = $1 AND seq > $2 AND seq <= LEAST($2 + $5, h.last_seq) AND coalesce(received_from, device_id) <> $3
            ORDER BY seq LIMIT $4
         ) o ON true`,
      [officeId, cursor, deviceId, limit + 1 - page.length, window],
    );
    const head = rows[0] === undefined ? cursor : toNumber(rows[0].head);
    for (const row of rows) if (row.op !== null) page.push({ seq: toNumber(row.seq), op: row.op });
    if (page.length > limit) {
      // One more than asked: the cursor stops at the last operation returned.
      page.length = limit;
      return { ops: page.map((r) => r.op), nextCursor: String(page[limit - 1]!.seq), hasMore: true };
    }
    // Every position up to `end` is read (its operations all in the page): the cursor may move there.
    const end = Math.max(cursor, Math.min(cursor + window, head));
    if (end >= head) {
      return { ops: page.map((r) => r.op), nextCursor: end === Number(since) ? since : String(end), hasMore: false };
    }
    cursor = end;
  }
}

/** Who delivers an imported file: a desk of the office (HTTP) or the administrator (CLI, `importer` undefined). */
export interface ImportOptions {
  readonly importer: string | undefined;
}


/**
 * Imports a batch file (an outbox carried on a USB stick) into `officeId`, exactly as if each
 * batch had been pushed by the device that wrote it: importing it twice changes nothing. The
 * writing device must belong to the office; a desk importing over HTTP may carry only files of
 * devices the server knows (enrolled or registered by an administrator), while the
 * administrator's import registers an unknown one there, without a token. Imported operations
 * reach every desk, the writer and the importer included (see pull).
 * Everything is validated before the first batch is applied.
 */
export async function importBatchFile(
  db: Db,
  body: unknown,
  officeId: string,
  nowMs: number,
  options: ImportOptions,
): Promise<{ applied: string[]; duplicates: string[]; cursor: string }[]> {
  if (!isObject(body)) throw new SyncError('invalid_batch', [{ path: '', message: '批次文件内容应为对象' }]);
  if (body.officeId !== undefined && body.officeId !== officeId) throw new SyncError('forbidden_office');
  checkJsonDepth(body);
  if (Array.isArray(body.batches)) for (const raw of body.batches) parsePushBody(raw, officeId);
  const parsed = batchFileSchema.safeParse(body);
  if (!parsed.success) throw new SyncError('invalid_batch', issueDetails(parsed.error.issues));
  const file = parsed.data;
  const batches: PushRequest[] = file.batches;
  for (const batch of batches) checkClockDrift(batch, nowMs);

  const writer = await findDevice(db, file.deviceId);
  if (writer !== undefined && writer.officeId !== officeId) throw new SyncError('forbidden_office');
  if (writer?.revokedAt) throw new SyncError('device_revoked');
  if (writer === undefined) {
    if (options.importer !== undefined) {
      throw new SyncError('invalid_batch', [{ path: 'deviceId', message: '批次文件来自未在本办事处登记的设备，请由管理员在服务器上导入' }]);
    }
    await db.query("INSERT INTO devices (id, office_id, name) VALUES ($1, $2, '离线导入的设备') ON CONFLICT (id) DO NOTHING", [file.deviceId, officeId]);
    const registered = await findDevice(db, file.deviceId);
    if (registered?.officeId !== officeId) throw new SyncError('forbidden_office');
  }
  // Recorded as an import (never as a device id), so every desk pulls them: the writer, and the
  // importing desk, which may not have merged the file itself.
  const deliveredBy = `import:${options.importer ?? 'admin'}`;
  const results = [];
  for (const batch of batches) results.push(await applyBatch(db, officeId, batch, deliveredBy));
  return results;
}
