/**
 * Applying a pushed batch: validation against the shared protocol, then ONE transaction that
 * stores the new operations (insert-or-ignore on the operation id), folds them into each
 * record's state with the shared merge function, and records the batch with its answer, so a
 * replay after a lost answer gets the same answer and changes nothing.
 *
 * Pushes of one office are serialised by a row lock on the office: log positions are then
 * assigned and committed in the same order, so a pull that has seen position n has seen every
 * position below n (a plain sequence could commit 11 before 10 and a puller would skip 10).
 */
import { MAX_CLOCK_DRIFT_MS, tryParseHlc } from '../shared/sync/hlc';
import { applyOperation, type RecordState, visibleValues, isDeleted } from '../shared/sync/merge';
import { unflattenNested } from '../shared/sync/nested';
import type { SyncedTable } from '../shared/model/records';
import {
  MAX_OPERATIONS_PER_BATCH,
  pushRequestSchema,
  syncedTables,
  type Operation,
  type PushRequest,
} from '../shared/sync/protocol';
import { SyncError } from '../shared/sync/errors';
import { checkIterations } from '../shared/access/password-policy';
import { parseCertificateNo, seriesKey } from '../shared/documents/numbering';
import { type Db, type Queryable, toNumber } from './db';
import { sha256Hex } from './ids';

export interface BatchResult {
  readonly applied: string[];
  readonly duplicates: string[];
  readonly cursor: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validation issues, shortened for the error body's `details` (for logs and support, not clerks). */
export function issueDetails(issues: readonly { path: readonly PropertyKey[]; message: string }[]): { path: string; message: string }[] {
  return issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.').slice(0, 200), message: i.message.slice(0, 200) }));
}

/**
 * Parses a push body for a device of `officeId`. A body naming another office is refused
 * (`forbidden_office`); naming its own is harmless and ignored.
 */
export function parsePushBody(body: unknown, officeId: string): PushRequest {
  if (!isObject(body)) throw new SyncError('invalid_batch', [{ path: '', message: '请求内容应为对象' }]);
  checkJsonDepth(body);
  if (body.officeId !== undefined && body.officeId !== officeId) throw new SyncError('forbidden_office');
  if (Array.isArray(body.operations)) {
    if (body.operations.length > MAX_OPERATIONS_PER_BATCH) throw new SyncError('batch_too_large', { operations: body.operations.length });
    for (const op of body.operations) {
      if (!isObject(op)) continue;
      if (op.officeId !== undefined && op.officeId !== officeId) throw new SyncError('forbidden_office');
      if (typeof op.table === 'string' && !(syncedTables as readonly string[]).includes(op.table)) {
        throw new SyncError('unknown_table', { table: op.table.slice(0, 64) });
      }
    }
  }
  const parsed = pushRequestSchema.safeParse(body);
  if (!parsed.success) throw new SyncError('invalid_batch', issueDetails(parsed.error.issues));
  for (const [i, op] of parsed.data.operations.entries()) {
    if (!isStorableText(op.fields) || !isStorableText(op.userId)) {
      throw new SyncError('invalid_batch', [{ path: `operations.${i}`, message: '字段含有无法保存的字符' }]);
    }
  }
  return parsed.data;
}

/**
 * Deepest nesting a request body may have: the envelope (batch file → batches → operations →
 * fields) plus a field value's own `MAX_FIELD_VALUE_DEPTH`, with room to spare. Checked without
 * recursion before the schema (whose JSON check recurses) sees the body: 5,000 nested arrays
 * must be a refusal, not a stack overflow.
 */
export const MAX_BODY_DEPTH = 24;

export function checkJsonDepth(body: unknown, max: number = MAX_BODY_DEPTH): void {
  const stack: [unknown, number][] = [[body, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max) throw new SyncError('invalid_batch', [{ path: '', message: '内容嵌套过深' }]);
    for (const item of Array.isArray(v) ? v : Object.values(v)) if (typeof item === 'object' && item !== null) stack.push([item, depth + 1]);
  }
}

// PostgreSQL text and jsonb cannot hold U+0000, and a lone UTF-16 surrogate is not Unicode.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (s: string): boolean => s.includes('\u0000') || LONE_SURROGATE.test(s);

/** Whether every string (and object key) in a JSON value can be stored as PostgreSQL text. */
export function isStorableText(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (unstorable(v)) return false;
    } else if (Array.isArray(v)) {
      stack.push(...v);
    } else if (isObject(v)) {
      for (const [k, item] of Object.entries(v)) {
        if (unstorable(k)) return false;
        stack.push(item);
      }
    }
  }
  return true;
}

/** Refuses stamps further ahead of the server's clock than the protocol allows. */
export function checkClockDrift(batch: PushRequest, nowMs: number): void {
  for (const op of batch.operations) {
    const stamp = tryParseHlc(op.hlc);
    if (stamp !== null && stamp.millis - nowMs > MAX_CLOCK_DRIFT_MS) {
      throw new SyncError('clock_drift', { operation: op.id, aheadMs: stamp.millis - nowMs });
    }
  }
}

/** JSON with object keys sorted, so one value has one encoding whatever key order it arrived in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * What identifies a batch's content: its device and every operation whole (values included), in
 * canonical JSON. A retry matches whatever key order its JSON has; the same ids and stamps with
 * other values are another batch (`batch_id_reused`), never acknowledged with the values dropped.
 */
export function batchContentHash(batch: PushRequest): string {
  return sha256Hex(JSON.stringify([batch.deviceId, batch.operations.map(hashableOperation)]));
}

/** A primitive as is; an array or object as its canonical JSON, marked so it cannot pass for a string. */
const hashableValue = (v: unknown): unknown => (typeof v === 'object' && v !== null ? ['~', canonicalJson(v)] : v);

const sortedEntries = (record: Readonly<Record<string, unknown>>): [string, unknown][] =>
  Object.keys(record)
    .sort()
    .map((k) => [k, hashableValue(record[k])]);

/**
 * An operation as a value whose JSON is canonical: the envelope in a fixed order, fields and
 * versions sorted by name. Cheaper than `canonicalJson` of the whole operation (most values are
 * strings), which a 1,000-operation batch would pay on every push.
 */
function hashableOperation(op: Operation): unknown[] {
  return [op.id, op.table, op.recordId, op.kind, op.hlc, op.deviceId, op.userId, sortedEntries(op.fields), sortedEntries(op.prev)];
}

/**
 * The hash batches were stored under before values counted (ids, stamps and places only). A
 * faithful retry of a batch first received by an older server still matches it.
 */
export function legacyBatchContentHash(batch: PushRequest): string {
  return sha256Hex(JSON.stringify([batch.deviceId, batch.operations.map((op) => [op.id, op.hlc, op.table, op.recordId, op.kind])]));
}

/** Appends `values` to `params` and returns their placeholders (`$7, $8, …`). */
function placeholders(params: unknown[], values: readonly unknown[]): string {
  const first = params.length + 1;
  params.push(...values);
  return values.map((_, i) => `$${first + i}`).join(', ');
}

interface StoredBatch {
  content_hash: string;
  applied: string[];
  duplicates: string[];
  cursor: string;
}

async function mergeIntoRecords(tx: Queryable, officeId: string, ops: readonly { op: Operation; seq: number }[]): Promise<void> {
  const key = (table: string, recordId: string) => `${table}\u0000${recordId}`;
  const touched = new Map<string, { table: string; recordId: string }>();
  for (const { op } of ops) touched.set(key(op.table, op.recordId), { table: op.table, recordId: op.recordId });
  const wanted = [...touched.values()];
  const { rows } = await tx.query<{ table_name: string; record_id: string; state: string }>(
    `SELECT r.table_name, r.record_id, r.state
       FROM unnest($2::text[], $3::text[]) AS k(t, id)
       JOIN records r ON r.office_id = $1 AND r.table_name = k.t AND r.record_id = k.id`,
    [officeId, wanted.map((w) => w.table), wanted.map((w) => w.recordId)],
  );
  const states = new Map<string, { state: RecordState; seq: number }>();
  for (const row of rows) states.set(key(row.table_name, row.record_id), { state: JSON.parse(row.state) as RecordState, seq: 0 });
  for (const { op, seq } of ops) {
    const k = key(op.table, op.recordId);
    states.set(k, { state: applyOperation(states.get(k)?.state, op), seq });
  }
  const upserts = [...touched.entries()].map(([k, t]) => {
    const { state, seq } = states.get(k)!;
    return { t: t.table, r: t.recordId, s: state, d: unflattenNested(t.table as SyncedTable, visibleValues(state)), x: isDeleted(state), q: seq };
  });
  // A plain multi-row VALUES list: the cheapest way to hand PostgreSQL many rows (faster than
  // arrays or a JSON document, both of which it must parse again).
  const params: unknown[] = [officeId];
  const values = upserts.map((u) => `($1, ${placeholders(params, [u.t, u.r, JSON.stringify(u.s), JSON.stringify(u.d), u.x, u.q])})`);
  await tx.query(
    `INSERT INTO records (office_id, table_name, record_id, state, data, deleted, updated_seq)
     VALUES ${values.join(', ')}
     ON CONFLICT (office_id, table_name, record_id) DO UPDATE SET
       state = EXCLUDED.state, data = EXCLUDED.data, deleted = EXCLUDED.deleted, updated_seq = EXCLUDED.updated_seq`,
    params,
  );
  // In a fixed order, so two offices claiming the same numbers at once cannot deadlock.
  const numberOf = (u: (typeof upserts)[number]) => String(u.d.certificateNo ?? '');
  const certificates = upserts.filter((u) => u.t === 'certificates').sort((a, b) => (numberOf(a) < numberOf(b) ? -1 : numberOf(a) > numberOf(b) ? 1 : 0));
  for (const u of certificates) await claimCertificateNumber(tx, officeId, u.r, u.x ? undefined : u.d.certificateNo);
}

/**
 * Keeps the public number → certificate index (what `/verify` reads). A number inside a block of
 * the server's ledger belongs to the office that reserved the block: only that office's record
 * can be found under it, and its claim replaces another office's. A number outside every block
 * (numbered before the ledger existed, or read from an old register) stays with its first
 * claimant. A record's claim follows its current number.
 */
async function claimCertificateNumber(tx: Queryable, officeId: string, recordId: string, certificateNo: unknown): Promise<void> {
  const number = typeof certificateNo === 'string' && certificateNo.length > 0 && certificateNo.length <= 60 ? certificateNo : null;
  await tx.query(
    'DELETE FROM certificate_numbers WHERE office_id = $1 AND record_id = $2 AND ($3::text IS NULL OR certificate_no <> $3)',
    [officeId, recordId, number],
  );
  if (number === null) return;
  const parsed = parseCertificateNo(number);
  let owners: string[] = [];
  if (parsed !== null) {
    const { rows } = await tx.query<{ office_id: string }>(
      'SELECT DISTINCT office_id FROM number_blocks WHERE series = $1 AND start_no <= $2 AND end_no >= $2',
      [seriesKey(parsed), parsed.sequence],
    );
    owners = rows.map((r) => r.office_id);
  }
  if (owners.length > 0 && !owners.includes(officeId)) return;
  const sole = owners.length === 1;
  await tx.query(
    `INSERT INTO certificate_numbers (certificate_no, office_id, record_id) VALUES ($1, $2, $3)
     ON CONFLICT (certificate_no) DO UPDATE SET office_id = EXCLUDED.office_id, record_id = EXCLUDED.record_id
       WHERE $4::boolean AND certificate_numbers.office_id <> EXCLUDED.office_id`,
    [number, officeId, recordId, sole],
  );
}

const USER_SELF_FIELDS: ReadonlySet<string> = new Set(['passwordHash', 'passwordSalt', 'displayName', 'updatedAt', 'updatedBy']);
const PASSWORD_HASH = /^pbkdf2-sha256\$(\d{1,10})\$[A-Za-z0-9+/]{40,100}={0,2}$/;
const PASSWORD_SALT = /^[A-Za-z0-9+/]{16,100}={0,2}$/;

/** Why a `users` operation's password fields are unusable, or null. */
function passwordProblem(op: Operation): string | null {
  const hash = op.fields.passwordHash;
  if (hash !== undefined && hash !== null) {
    const m = typeof hash === 'string' ? PASSWORD_HASH.exec(hash) : null;
    if (m === null) return '密码记录格式不正确';
    if (!checkIterations(Number(m[1])).ok) return '密码记录的迭代次数不在允许范围内';
  }
  const salt = op.fields.passwordSalt;
  if (salt !== undefined && salt !== null && (typeof salt !== 'string' || !PASSWORD_SALT.test(salt))) return '密码盐格式不正确';
  return null;
}

const isActiveAdmin = (state: RecordState | undefined): boolean => {
  if (state === undefined || isDeleted(state)) return false;
  const v = visibleValues(state);
  return v.role === 'admin' && v.disabled !== true;
};

/**
 * Users (roles, status, password hashes) are checked against the server's own state of the
 * office, in the batch's order: an operation on `users` is accepted when its user is an active
 * administrator there, when it is a user changing their own password or name, or while the
 * office has no user at all (the first desk's first administrator). Password hashes must name an
 * iteration count within the shared bounds. A desk can still name any user of its office as the
 * author (see README, threat model): this keeps a desk from granting what no administrator did.
 */
async function checkUserOperations(tx: Queryable, officeId: string, ops: readonly Operation[]): Promise<void> {
  const userOps = ops.filter((op) => op.table === 'users');
  if (userOps.length === 0) return;
  const { rows } = await tx.query<{ record_id: string; state: string }>(
    "SELECT record_id, state FROM records WHERE office_id = $1 AND table_name = 'users'",
    [officeId],
  );
  const users = new Map<string, RecordState>(rows.map((r) => [r.record_id, JSON.parse(r.state) as RecordState]));
  for (const op of userOps) {
    const problem = passwordProblem(op);
    if (problem !== null) throw new SyncError('invalid_batch', [{ path: `operations.${ops.indexOf(op)}`, message: problem }]);
    const bootstrap = users.size === 0;
    const byAdmin = isActiveAdmin(users.get(op.userId));
    const ownPassword = op.userId === op.recordId && op.kind === 'put' && users.has(op.recordId) && Object.keys(op.fields).every((f) => USER_SELF_FIELDS.has(f));
    if (!bootstrap && !byAdmin && !ownPassword) throw new SyncError('forbidden_record', { operation: op.id, table: 'users', recordId: op.recordId });
    users.set(op.recordId, applyOperation(users.get(op.recordId), op));
  }
}

/**
 * Stores one validated batch for `officeId` (the device's office, never one named by the body).
 * The batch's `deviceId` must already be checked against the sender; `receivedFrom` is who
 * delivered it (the pushing device's id, or `import:…` for a batch file), which pull uses.
 */
export async function applyBatch(db: Db, officeId: string, batch: PushRequest, receivedFrom: string): Promise<BatchResult> {
  const contentHash = batchContentHash(batch);
  return db.transaction(async (tx) => {
    const office = await tx.query<{ last_seq: unknown }>('SELECT last_seq FROM offices WHERE id = $1 FOR UPDATE', [officeId]);
    if (office.rows[0] === undefined) throw new SyncError('forbidden_office');
    let lastSeq = toNumber(office.rows[0].last_seq);

    const previous = await tx.query<StoredBatch>(
      'SELECT content_hash, applied, duplicates, cursor FROM batches WHERE office_id = $1 AND batch_id = $2',
      [officeId, batch.batchId],
    );
    const stored = previous.rows[0];
    if (stored !== undefined) {
      if (stored.content_hash !== contentHash && stored.content_hash !== legacyBatchContentHash(batch)) {
        throw new SyncError('batch_id_reused', { batchId: batch.batchId });
      }
      return { applied: stored.applied, duplicates: stored.duplicates, cursor: stored.cursor };
    }

    const ids = batch.operations.map((op) => op.id);
    const existing = await tx.query<{ op_id: string; op: string }>('SELECT op_id, op FROM operations WHERE office_id = $1 AND op_id = ANY($2::text[])', [
      officeId,
      ids,
    ]);
    const known = new Map(existing.rows.map((r) => [r.op_id, r.op]));
    // An operation id the office already has, with other content, is not a duplicate to drop.
    for (const [i, op] of batch.operations.entries()) {
      const had = known.get(op.id);
      if (had !== undefined && JSON.stringify(hashableOperation(JSON.parse(had) as Operation)) !== JSON.stringify(hashableOperation(op))) {
        throw new SyncError('invalid_batch', [{ path: `operations.${i}.id`, message: '操作编号已用于内容不同的操作' }]);
      }
    }
    const fresh = batch.operations.filter((op) => !known.has(op.id)).map((op) => ({ op, seq: ++lastSeq }));
    await checkUserOperations(
      tx,
      officeId,
      fresh.map((f) => f.op),
    );
    if (fresh.length > 0) {
      // The lock makes conflicts impossible here; DO NOTHING is the second line of defence.
      const params: unknown[] = [officeId, batch.batchId, receivedFrom];
      const rows = fresh.map(({ op, seq }) => `($1, $2, $3, ${placeholders(params, [seq, op.id, op.deviceId, op.table, op.recordId, op.hlc, JSON.stringify(op)])})`);
      await tx.query(
        `INSERT INTO operations (office_id, batch_id, received_from, seq, op_id, device_id, table_name, record_id, hlc, op)
         VALUES ${rows.join(', ')}
         ON CONFLICT DO NOTHING`,
        params,
      );
      await mergeIntoRecords(tx, officeId, fresh);
      await tx.query('UPDATE offices SET last_seq = $2 WHERE id = $1', [officeId, lastSeq]);
    }
    const result: BatchResult = {
      applied: fresh.map((f) => f.op.id),
      duplicates: batch.operations.filter((op) => known.has(op.id)).map((op) => op.id),
      cursor: String(lastSeq),
    };
    await tx.query(
      `INSERT INTO batches (office_id, batch_id, device_id, content_hash, applied, duplicates, cursor)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [officeId, batch.batchId, batch.deviceId, contentHash, JSON.stringify(result.applied), JSON.stringify(result.duplicates), result.cursor],
    );
    return result;
  });
}
