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

/**
 * What identifies a batch's content: its device and, per operation, the id and the stamp (plus
 * where it applies). One stamp is one write, so a different batch under a reused id differs here;
 * a faithful retry matches whatever key order its JSON has. Cheaper than hashing canonical JSON
 * of every field value, which a 1,000-operation batch would pay on each push.
 */
export function batchContentHash(batch: PushRequest): string {
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
 * Keeps the public number → certificate index: a record's claim follows its current number; a
 * number already claimed by another record (or office) stays with the first claimant.
 */
async function claimCertificateNumber(tx: Queryable, officeId: string, recordId: string, certificateNo: unknown): Promise<void> {
  const number = typeof certificateNo === 'string' && certificateNo.length > 0 ? certificateNo : null;
  await tx.query(
    'DELETE FROM certificate_numbers WHERE office_id = $1 AND record_id = $2 AND ($3::text IS NULL OR certificate_no <> $3)',
    [officeId, recordId, number],
  );
  if (number !== null) {
    await tx.query('INSERT INTO certificate_numbers (certificate_no, office_id, record_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      number,
      officeId,
      recordId,
    ]);
  }
}

/**
 * Stores one validated batch for `officeId` (the device's office, never one named by the body).
 * The batch's `deviceId` must already be checked against the sender.
 */
export async function applyBatch(db: Db, officeId: string, batch: PushRequest): Promise<BatchResult> {
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
      if (stored.content_hash !== contentHash) throw new SyncError('batch_id_reused', { batchId: batch.batchId });
      return { applied: stored.applied, duplicates: stored.duplicates, cursor: stored.cursor };
    }

    const ids = batch.operations.map((op) => op.id);
    const existing = await tx.query<{ op_id: string }>('SELECT op_id FROM operations WHERE office_id = $1 AND op_id = ANY($2::text[])', [
      officeId,
      ids,
    ]);
    const known = new Set(existing.rows.map((r) => r.op_id));
    const fresh = batch.operations.filter((op) => !known.has(op.id)).map((op) => ({ op, seq: ++lastSeq }));
    if (fresh.length > 0) {
      // The lock makes conflicts impossible here; DO NOTHING is the second line of defence.
      const params: unknown[] = [officeId, batch.batchId];
      const rows = fresh.map(({ op, seq }) => `($1, $2, ${placeholders(params, [seq, op.id, op.deviceId, op.table, op.recordId, op.hlc, JSON.stringify(op)])})`);
      await tx.query(
        `INSERT INTO operations (office_id, batch_id, seq, op_id, device_id, table_name, record_id, hlc, op)
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
