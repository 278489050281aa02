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
import {
  MAX_OPERATIONS_PER_BATCH,
  pushRequestSchema,
  syncedTables,
  type Operation,
  type PushRequest,
} from '../shared/sync/protocol';
import { SyncError } from '../shared/sync/errors';
import { UUID_V7 } from '../shared/model/base';
import { checkIterations } from '../shared/access/password-policy';
import { parseCertificateNo, seriesKey } from '../shared/documents/numbering';
import { type Db, type Queryable, toNumber } from './db';
import { sha256Hex } from './ids';
import { compactRecordState, decodeRecordState } from './record-state';

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
 * The cheap checks of a push body for a device of `officeId` (its shape, depth, size, office and
 * tables), made before any database work. A body naming another office is refused
 * (`forbidden_office`); naming its own is harmless and ignored.
 */
export function precheckPushBody(body: unknown, officeId: string): asserts body is Record<string, unknown> {
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
}

/** The whole validation of a prechecked push body: the shared wire schema, and text PostgreSQL can store. */
export function validatePushBody(body: Record<string, unknown>): PushRequest {
  const parsed = pushRequestSchema.safeParse(body);
  if (!parsed.success) throw new SyncError('invalid_batch', issueDetails(parsed.error.issues));
  for (const [i, op] of parsed.data.operations.entries()) {
    if (!isStorableText(op.fields) || !isStorableText(op.userId)) {
      throw new SyncError('invalid_batch', [{ path: `operations.${i}`, message: '字段含有无法保存的字符' }]);
    }
  }
  return parsed.data;
}

/** Parses a push body for a device of `officeId`: the cheap checks, then the whole validation. */
export function parsePushBody(body: unknown, officeId: string): PushRequest {
  precheckPushBody(body, officeId);
  return validatePushBody(body);
}

/**
 * What a push body names — its batch id, operation ids, tables and record ids — read before the
 * body is validated, so the database can look them up while it is: only values already in the
 * shape a valid batch's have (anything else cannot belong to a valid batch, and a NUL would not
 * even reach PostgreSQL). For a body that proves valid, a superset of what it names.
 */
function namedKeys(body: Readonly<Record<string, unknown>>): { batchId: string; ids: string[]; tables: string[]; recordIds: string[] } {
  const ids: string[] = [];
  const tables = new Set<string>();
  const recordIds = new Set<string>();
  const operations = Array.isArray(body.operations) ? body.operations : [];
  for (const op of operations) {
    if (!isObject(op)) continue;
    if (typeof op.id === 'string' && UUID_V7.test(op.id)) ids.push(op.id);
    if (typeof op.table === 'string' && (syncedTables as readonly string[]).includes(op.table)) tables.add(op.table);
    if (typeof op.recordId === 'string' && UUID_V7.test(op.recordId)) recordIds.add(op.recordId);
  }
  return { batchId: typeof body.batchId === 'string' && UUID_V7.test(body.batchId) ? body.batchId : '', ids, tables: [...tables], recordIds: [...recordIds] };
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
  return sha256Hex(`[${JSON.stringify(batch.deviceId)},[${batch.operations.map(hashableOperation).join(',')}]]`);
}

/** A primitive as its JSON; an array or object as `["~", its canonical JSON]`, so it cannot pass for a string. */
const hashableValue = (v: unknown): string => (typeof v === 'object' && v !== null ? `["~",${JSON.stringify(canonicalJson(v))}]` : (JSON.stringify(v) ?? 'null'));

/** A record's entries sorted by name, each `[name, hashable value]`, as JSON. */
function sortedEntries(record: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(record).sort();
  let out = '[';
  for (let i = 0; i < keys.length; i++) out += `${i > 0 ? ',' : ''}[${JSON.stringify(keys[i])},${hashableValue(record[keys[i]!])}]`;
  return `${out}]`;
}

/**
 * An operation as canonical JSON: the envelope in a fixed order, then fields and versions sorted
 * by name — `[id, table, recordId, kind, hlc, deviceId, userId, fields, prev]`. Written as text
 * directly, cheaper than `canonicalJson` of the whole operation (most values are short strings),
 * which a 1,000-operation batch would pay on every push.
 */
function hashableOperation(op: Operation): string {
  const envelope = [op.id, op.table, op.recordId, op.kind, op.hlc, op.deviceId, op.userId].map((v) => JSON.stringify(v)).join(',');
  return `[${envelope},${sortedEntries(op.fields)},${sortedEntries(op.prev)}]`;
}

/**
 * The hash batches were stored under before values counted (ids, stamps and places only). A
 * faithful retry of a batch first received by an older server still matches it.
 */
export function legacyBatchContentHash(batch: PushRequest): string {
  return sha256Hex(JSON.stringify([batch.deviceId, batch.operations.map((op) => [op.id, op.hlc, op.table, op.recordId, op.kind])]));
}

const recordKey = (table: string, recordId: string): string => `${table}\u0000${recordId}`;

interface RecordUpsert {
  readonly table: string;
  readonly recordId: string;
  readonly state: RecordState;
  readonly deleted: boolean;
  readonly seq: number;
}

/**
 * The new state of every record the fresh operations touch: its stored state (read for the whole
 * batch at once) folded with its operations in the batch's order by the shared merge, in memory.
 */
function mergeIntoStates(stored: ReadonlyMap<string, RecordState>, fresh: readonly { op: Operation; seq: number }[]): RecordUpsert[] {
  const states = new Map<string, { table: string; recordId: string; state: RecordState | undefined; seq: number }>();
  for (const { op, seq } of fresh) {
    const k = recordKey(op.table, op.recordId);
    const entry = states.get(k) ?? { table: op.table, recordId: op.recordId, state: stored.get(k), seq };
    entry.state = applyOperation(entry.state, op);
    entry.seq = seq;
    states.set(k, entry);
  }
  return [...states.values()].map(({ table, recordId, state, seq }) => ({
    table,
    recordId,
    state: state!,
    deleted: isDeleted(state!),
    seq,
  }));
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Keeps the public number → certificate index (what `/verify` reads) for the certificates a batch
 * touched, in three statements whatever their number. A number inside a block of the server's
 * ledger belongs to the office that reserved the block: only that office's record can be found
 * under it, and its claim replaces another office's. A number outside every block (numbered
 * before the ledger existed, or read from an old register) stays with its first claimant. A
 * record's claim follows its current number; of two records of one batch with one number, the
 * first keeps it. Rows are claimed in number order, so two offices claiming the same numbers at
 * once cannot deadlock.
 */
async function claimCertificateNumbers(tx: Queryable, officeId: string, claims: readonly { recordId: string; certificateNo: unknown }[]): Promise<void> {
  const wanted = claims.map((c) => ({
    recordId: c.recordId,
    number: typeof c.certificateNo === 'string' && c.certificateNo.length > 0 && c.certificateNo.length <= 60 ? c.certificateNo : null,
  }));
  await tx.query(
    `DELETE FROM certificate_numbers c
      USING unnest($2::text[], $3::text[]) AS k(record_id, certificate_no)
      WHERE c.office_id = $1 AND c.record_id = k.record_id AND (k.certificate_no IS NULL OR c.certificate_no <> k.certificate_no)`,
    [officeId, wanted.map((w) => w.recordId), wanted.map((w) => w.number)],
  );
  const byNumber = new Map<string, { recordId: string; number: string; series: string | null; sequence: number }>();
  for (const w of wanted) {
    if (w.number === null || byNumber.has(w.number)) continue;
    const parsed = parseCertificateNo(w.number);
    byNumber.set(w.number, { recordId: w.recordId, number: w.number, series: parsed === null ? null : seriesKey(parsed), sequence: parsed?.sequence ?? 0 });
  }
  if (byNumber.size === 0) return;
  const numbered = [...byNumber.values()].sort((a, b) => compareText(a.number, b.number));
  const inBlocks = numbered.filter((n) => n.series !== null);
  const owners = new Map<string, Set<string>>();
  if (inBlocks.length > 0) {
    const { rows } = await tx.query<{ certificate_no: string; office_id: string }>(
      `SELECT DISTINCT k.certificate_no, b.office_id
         FROM unnest($1::text[], $2::text[], $3::int[]) AS k(certificate_no, series, sequence)
         JOIN number_blocks b ON b.series = k.series AND b.start_no <= k.sequence AND b.end_no >= k.sequence`,
      [inBlocks.map((n) => n.number), inBlocks.map((n) => n.series), inBlocks.map((n) => n.sequence)],
    );
    for (const row of rows) {
      const set = owners.get(row.certificate_no) ?? new Set<string>();
      set.add(row.office_id);
      owners.set(row.certificate_no, set);
    }
  }
  // Another office's block: not ours to claim. In our block alone: the claim replaces another
  // office's. In nobody's block (or, from before the ledger, in several offices'): the first
  // claimant keeps it. Numbers in one office's blocks are claimed by that office only, so two
  // offices meet only in the second statement, which takes its rows in number order.
  const claimable = numbered.filter((n) => owners.get(n.number)?.has(officeId) ?? true);
  const ours = claimable.filter((n) => owners.get(n.number)?.size === 1);
  const shared = claimable.filter((n) => owners.get(n.number)?.size !== 1);
  const rows = `SELECT k.certificate_no, $1, k.record_id FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS k(certificate_no, record_id, i) ORDER BY k.i`;
  for (const [group, onConflict] of [
    [ours, 'DO UPDATE SET office_id = EXCLUDED.office_id, record_id = EXCLUDED.record_id WHERE certificate_numbers.office_id <> EXCLUDED.office_id'],
    [shared, 'DO NOTHING'],
  ] as const) {
    if (group.length === 0) continue;
    await tx.query(`INSERT INTO certificate_numbers (certificate_no, office_id, record_id) ${rows} ON CONFLICT (certificate_no) ${onConflict}`, [
      officeId,
      group.map((n) => n.number),
      group.map((n) => n.recordId),
    ]);
  }
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
function checkUserOperations(stored: ReadonlyMap<string, RecordState>, ops: readonly Operation[]): void {
  const userOps = ops.filter((op) => op.table === 'users');
  if (userOps.length === 0) return;
  const users = new Map(stored);
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
 * A turn of the event loop between the stretches of work a large batch takes on the server's one
 * thread (validation, hash, merge, encoding: each some tens of milliseconds for 1,000
 * operations), so other requests — `/health` first — are not held behind all of them at once.
 */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Rows per statement on PGlite, which runs a statement synchronously on the server's one thread:
 * smaller statements let `/health` and other requests in between (see db-pglite.ts). PostgreSQL
 * gets the whole batch in one statement per table.
 */
export const PGLITE_ROWS_PER_STATEMENT = 200;

function chunks<T>(items: readonly T[], size: number): T[][] {
  if (items.length <= size) return [[...items]];
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/*
 * Rows travel as one JSON document per statement, read by json_to_recordset: a fixed number of
 * parameters whatever the batch size (no 65,535-parameter ceiling), one short statement to plan,
 * and no array literal to escape field by field on this side (node-postgres's array encoding
 * was a tenth of a push). A column declared `json` is the row's own text, so an operation's
 * stored text is exactly JSON.stringify of the validated operation, as pull sends it.
 */

/**
 * The log rows of fresh operations: a plain INSERT. Under the office lock nothing else writes the
 * office's log, and the read under it found which operations are new, so no row can conflict (a
 * conflict would be a bug, and fails the push whole).
 */
function insertOperations(officeId: string, batchId: string, receivedFrom: string, fresh: readonly { op: Operation; seq: number }[]): [string, unknown[]] {
  const rows = fresh.map(({ op, seq }) => ({ q: seq, i: op.id, d: op.deviceId, t: op.table, r: op.recordId, h: op.hlc, o: op }));
  return [
    `INSERT INTO operations (office_id, batch_id, received_from, seq, op_id, device_id, table_name, record_id, hlc, op)
     SELECT $1, $2, $3, x.q, x.i, x.d, x.t, x.r, x.h, x.o::text
       FROM json_to_recordset($4::json) AS x(q bigint, i text, d text, t text, r text, h text, o json)`,
    [officeId, batchId, receivedFrom, JSON.stringify(rows)],
  ];
}

/**
 * The records' new states, as `WITH` parts named `n` and `e` of one statement: a plain INSERT of
 * the records the office did not have (the read under the lock is exact), and an upsert of those
 * it had (on the primary key: the planner cannot turn it into a scan of the office's records).
 * `$1` is the office; `newRows` and `knownRows` name the parameters holding the two row lists.
 */
const writeRecords = (newRows: string, knownRows: string): string => `n AS (INSERT INTO records (office_id, table_name, record_id, state, deleted, updated_seq)
       SELECT $1, x.t, x.r, x.s::text, x.x, x.q FROM json_to_recordset(${newRows}::json) AS x(t text, r text, s json, x boolean, q bigint)),
     e AS (INSERT INTO records (office_id, table_name, record_id, state, deleted, updated_seq)
       SELECT $1, x.t, x.r, x.s::text, x.x, x.q FROM json_to_recordset(${knownRows}::json) AS x(t text, r text, s json, x boolean, q bigint)
       ON CONFLICT (office_id, table_name, record_id) DO UPDATE SET state = EXCLUDED.state, deleted = EXCLUDED.deleted, updated_seq = EXCLUDED.updated_seq)`;

/** The rows of `upserts` as one JSON document each for the records the office had (`known`) and those it did not. */
function recordRows(upserts: readonly RecordUpsert[], stored: ReadonlyMap<string, RecordState>): { fresh: string; known: string } {
  const fresh: unknown[] = [];
  const known: unknown[] = [];
  for (const u of upserts) {
    (stored.has(recordKey(u.table, u.recordId)) ? known : fresh).push({ t: u.table, r: u.recordId, s: compactRecordState(u.state), x: u.deleted, q: u.seq });
  }
  return { fresh: JSON.stringify(fresh), known: JSON.stringify(known) };
}

const FINISH_BATCH = [
  'UPDATE offices SET last_seq = $3 WHERE id = $1',
  'INSERT INTO batches (office_id, batch_id, device_id, content_hash, applied, duplicates, cursor) VALUES ($1, $2, $4, $5, $6, $7, $8)',
] as const;

/**
 * Writes a batch's new log rows, its records' new states, the office's log position and the
 * batch's answer. On PostgreSQL the log rows are sent first and the merge runs here while the
 * database writes them (two processes, two cores); the records, the position and the answer
 * follow as one statement. On PGlite (this thread) statements of `PGLITE_ROWS_PER_STATEMENT` rows.
 */
async function writeBatch(
  tx: Queryable,
  kind: Db['kind'],
  w: { officeId: string; batchId: string; receivedFrom: string; fresh: readonly { op: Operation; seq: number }[]; stored: ReadonlyMap<string, RecordState>; lastSeq: number; batchRow: readonly unknown[] },
): Promise<RecordUpsert[]> {
  const finishParams = [w.officeId, w.batchId, w.lastSeq, ...w.batchRow];
  if (kind === 'postgres') {
    const logged = tx.query(...insertOperations(w.officeId, w.batchId, w.receivedFrom, w.fresh));
    // Awaited below; a failure meanwhile must not count as unhandled.
    logged.catch(() => {});
    await turn();
    const upserts = mergeIntoStates(w.stored, w.fresh);
    const rows = recordRows(upserts, w.stored);
    const [update, insert] = FINISH_BATCH;
    const rest = tx.query(`WITH ${writeRecords('$9', '$10')}, o AS (${update}) ${insert}`, [...finishParams, rows.fresh, rows.known]);
    await Promise.all([logged, rest]);
    return upserts;
  }
  for (const chunk of chunks(w.fresh, PGLITE_ROWS_PER_STATEMENT)) await tx.query(...insertOperations(w.officeId, w.batchId, w.receivedFrom, chunk));
  await turn();
  const upserts = mergeIntoStates(w.stored, w.fresh);
  for (const chunk of chunks(upserts, PGLITE_ROWS_PER_STATEMENT)) {
    const rows = recordRows(chunk, w.stored);
    await tx.query(`WITH ${writeRecords('$2', '$3')} SELECT 1`, [w.officeId, rows.fresh, rows.known]);
  }
  await tx.query(`WITH o AS (${FINISH_BATCH[0]}) ${FINISH_BATCH[1]}`, finishParams);
  return upserts;
}

/**
 * Stores one validated batch for `officeId` (the device's office, never one named by the body).
 * The batch's `deviceId` must already be checked against the sender; `receivedFrom` is who
 * delivered it (the pushing device's id, or `import:…` for a batch file), which pull uses.
 */
export function applyBatch(db: Db, officeId: string, batch: PushRequest, receivedFrom: string): Promise<BatchResult> {
  return applyPush(db, officeId, batch, receivedFrom, () => batch);
}

/**
 * Stores the batch a prechecked push body holds (`precheckPushBody`), validating it with
 * `validate` while the database already looks up what the body names: a body that fails
 * validation rolls the transaction back and changes nothing. `validate` returns the batch to store
 * (or throws a `SyncError`) and must check its device against the sender.
 */
export async function applyPush(
  db: Db,
  officeId: string,
  body: Readonly<Record<string, unknown>>,
  receivedFrom: string,
  validate: (body: Readonly<Record<string, unknown>>) => PushRequest,
): Promise<BatchResult> {
  await turn();
  const named = namedKeys(body);
  const hasUsers = named.tables.includes('users');
  return db.transaction(async (tx) => {
    // The office lock, then in one statement under it: this batch id's earlier answer, the
    // operations of the batch the office already has, the current states of every record the
    // batch names (each table × id pair; the superset is dropped by key below), and the office's
    // users when the batch writes users. Operations and records are looked up key by key on
    // their unique indexes (`OFFSET 0` keeps the planner from turning the lookups into a scan of
    // all the office's rows, which it did whenever its statistics lagged behind a growing log,
    // and every push then read the whole office). Both are sent at once; the body is validated
    // and its content hash computed while the database answers.
    const locked = tx.query<{ last_seq: unknown }>('SELECT last_seq FROM offices WHERE id = $1 FOR UPDATE', [officeId]);
    const lookedUp = tx.query<{ kind: string; a: string; b: string | null; c: string | null }>(
      `SELECT 'batch' AS kind, content_hash AS a, json_build_array(applied, duplicates, cursor)::text AS b, NULL::text AS c
         FROM batches WHERE office_id = $1 AND batch_id = $2
       UNION ALL
       SELECT 'op', o.op_id, o.op, NULL FROM unnest($3::text[]) AS k(id)
         CROSS JOIN LATERAL (SELECT op_id, op FROM operations WHERE office_id = $1 AND op_id = k.id OFFSET 0) o
       UNION ALL
       SELECT 'record', r.table_name, r.record_id, r.state FROM unnest($4::text[]) AS t(name) CROSS JOIN unnest($5::text[]) AS k(id)
         CROSS JOIN LATERAL (SELECT table_name, record_id, state FROM records WHERE office_id = $1 AND table_name = t.name AND record_id = k.id OFFSET 0) r
       UNION ALL
       SELECT 'user', table_name, record_id, state FROM records WHERE $6::boolean AND office_id = $1 AND table_name = 'users'`,
      [officeId, named.batchId, named.ids, named.tables, named.recordIds, hasUsers],
    );
    lookedUp.catch(() => {});
    let batch: PushRequest;
    let contentHash: string;
    try {
      batch = validate(body);
      contentHash = batchContentHash(batch);
    } finally {
      // Whatever happens here, nothing is left running on the transaction's connection.
      await Promise.allSettled([locked, lookedUp]);
    }
    const office = await locked;
    if (office.rows[0] === undefined) throw new SyncError('forbidden_office');
    let lastSeq = toNumber(office.rows[0].last_seq);
    const { rows } = await lookedUp;

    const known = new Map<string, string>();
    const stored = new Map<string, RecordState>();
    const users = new Map<string, RecordState>();
    for (const row of rows) {
      if (row.kind === 'batch') {
        if (row.a !== contentHash && row.a !== legacyBatchContentHash(batch)) throw new SyncError('batch_id_reused', { batchId: batch.batchId });
        const [applied, duplicates, cursor] = JSON.parse(row.b!) as [string[], string[], string];
        return { applied, duplicates, cursor };
      }
      if (row.kind === 'op') known.set(row.a, row.b!);
      else if (row.kind === 'record') stored.set(recordKey(row.a, row.b!), decodeRecordState(row.c!));
      else users.set(row.b!, decodeRecordState(row.c!));
    }

    // An operation id the office already has, with other content, is not a duplicate to drop.
    for (const [i, op] of batch.operations.entries()) {
      const had = known.get(op.id);
      if (had !== undefined && hashableOperation(JSON.parse(had) as Operation) !== hashableOperation(op)) {
        throw new SyncError('invalid_batch', [{ path: `operations.${i}.id`, message: '操作编号已用于内容不同的操作' }]);
      }
    }
    const fresh = batch.operations.filter((op) => !known.has(op.id)).map((op) => ({ op, seq: ++lastSeq }));
    checkUserOperations(
      users,
      fresh.map((f) => f.op),
    );
    const result: BatchResult = {
      applied: fresh.map((f) => f.op.id),
      duplicates: batch.operations.filter((op) => known.has(op.id)).map((op) => op.id),
      cursor: String(lastSeq),
    };
    const batchRow = [batch.deviceId, contentHash, JSON.stringify(result.applied), JSON.stringify(result.duplicates), result.cursor];
    if (fresh.length === 0) {
      await tx.query(
        `INSERT INTO batches (office_id, batch_id, device_id, content_hash, applied, duplicates, cursor) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [officeId, batch.batchId, ...batchRow],
      );
      return result;
    }

    await turn();
    const upserts = await writeBatch(tx, db.kind, { officeId, batchId: batch.batchId, receivedFrom, fresh, stored, lastSeq, batchRow });
    const certificates = upserts.filter((u) => u.table === 'certificates');
    if (certificates.length > 0) {
      await claimCertificateNumbers(
        tx,
        officeId,
        certificates.map((u) => ({ recordId: u.recordId, certificateNo: u.deleted ? undefined : visibleValues(u.state).certificateNo })),
      );
    }
    return result;
  });
}
