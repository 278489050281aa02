/**
 * Operations the server refuses for good are set aside, with why, so the rest keeps syncing.
 *
 * A batch the server refuses for something one operation in it carries (`invalid_batch` naming
 * an operation, `unknown_table`, a body too large, an attachment's bytes refused) is split in
 * halves and each half sent again, down to the single operation that is refused: that one leaves
 * the outbox for `db.quarantine` — in the same transaction, so it is never in neither — and every
 * other one is pushed as usual (push.ts). An operation the desk itself can tell the server would
 * refuse (it fails the wire schema, or holds text PostgreSQL cannot store) is set aside before it
 * is ever sent.
 *
 * Nothing in quarantine is dropped. The 同步 page lists it (`listQuarantine`) with the message and
 * what to do: correct the record and save it again (the corrected value syncs like any edit),
 * send it again after the software or the server was upgraded (`retryQuarantined`), or save it
 * to a file for the administrator (`quarantineFileBytes`).
 */
import type { DeskDatabase, QuarantineRow } from '../db/database';
import { SyncError, type SyncErrorCode } from '../../../shared/sync/errors';
import { operationSchema, type Operation } from '../../../shared/sync/protocol';
import { textProblemMessage, unstorableTextIn, textProblem } from '../../../shared/model/text';
import type { SyncedTable } from '../../../shared/model/records';
import { belongingLabel, recordLabel } from './conflicts';
import { SYNC_KEYS, readInflight } from './settings';

/** Refusals caused by what one operation (or its attachment bytes) carries, not by the desk or the server. */
const PER_OPERATION: ReadonlySet<SyncErrorCode> = new Set(['invalid_batch', 'unknown_table', 'batch_too_large', 'blob_too_large', 'blob_hash_mismatch', 'forbidden_record']);

/**
 * At most this many operations are set aside in one pass: a refusal that is really about the
 * desk or the batch as a whole (which would refuse every operation alone too) must not move the
 * whole outbox into quarantine. Past it, the engine stops and shows the refusal.
 */
export const MAX_QUARANTINED_PER_PASS = 20;

/**
 * Whether a refusal of a whole batch may be narrowed down to the operations in it. An
 * `invalid_batch` whose details point at the envelope (the device id, the body itself) is about
 * the desk: every operation would be refused, so it is not.
 */
export function isPerOperationRefusal(error: unknown): error is SyncError {
  if (!(error instanceof SyncError) || !PER_OPERATION.has(error.code)) return false;
  if (error.code !== 'invalid_batch' || !Array.isArray(error.details)) return true;
  const paths = error.details.map((d: unknown) => (typeof d === 'object' && d !== null ? String((d as { path?: unknown }).path ?? '') : ''));
  return paths.length === 0 || paths.every((p) => p.startsWith('operations.'));
}

/** A text the 同步 page shows in either language (the Chinese is also what the row stores). */
export interface QuarantineText {
  readonly zh: string;
  readonly en: string;
}

type QuarantineCode = SyncErrorCode | 'local';

/** What the clerk reads for a refusal, by code. */
export const QUARANTINE_MESSAGES: Readonly<Partial<Record<QuarantineCode, QuarantineText>>> = {
  invalid_batch: { zh: '服务器拒收了这条修改（内容不符合要求）。', en: 'The server refused this change (its content does not meet the requirements).' },
  unknown_table: { zh: '服务器不认识这条修改的数据类型（服务器版本较旧）。', en: 'The server does not know the kind of record this change is for (the server is an older version).' },
  batch_too_large: { zh: '这条修改过大，服务器无法接收。', en: 'This change is too large for the server to accept.' },
  blob_too_large: { zh: '这条修改的附件过大，服务器无法接收。', en: "This change's attachment is too large for the server to accept." },
  blob_hash_mismatch: { zh: '这条修改的附件在本机已损坏（校验值不符）。', en: "This change's attachment is damaged on this desk (its checksum does not match)." },
  forbidden_record: {
    zh: '服务器未接受这条用户账号修改：只有本办事处有效的管理员才能新增、停用用户或更改角色和密码。',
    en: "The server did not accept this change to a user account: only an active administrator of this office can add or disable users or change their roles and passwords.",
  },
  local: { zh: '这条修改含有服务器无法保存的内容。', en: 'This change holds content the server cannot store.' },
};

/** A refusal whose code has no message of its own. */
const REFUSED: QuarantineText = { zh: '服务器拒收了这条修改。', en: 'The server refused this change.' };

/** What to do, by code: shown under the message. */
export const QUARANTINE_ADVICE: Readonly<Partial<Record<QuarantineCode, QuarantineText>>> = {
  invalid_batch: {
    zh: '请打开该记录，改正后重新保存（改正后的内容会正常同步）；若内容无误，请升级本软件后点“重新发送”，或导出交管理员。',
    en: 'Open the record, correct it and save it again (the corrected value syncs as usual); if it is right, update this software and press Send again, or export it for an administrator.',
  },
  unknown_table: { zh: '请管理员升级同步服务器，然后点“重新发送”。', en: 'Ask the administrator to upgrade the sync server, then press Send again.' },
  batch_too_large: {
    zh: '请打开该记录，删减过长的内容后重新保存；或导出交管理员。',
    en: 'Open the record, shorten the overlong content and save it again; or export it for an administrator.',
  },
  blob_too_large: { zh: '请删除该附件，压缩或拆分后重新上传。', en: 'Delete the attachment, then compress or split it and upload it again.' },
  blob_hash_mismatch: { zh: '请删除该附件并重新扫描或上传。', en: 'Delete the attachment and scan or upload it again.' },
  // Typically the administrator this desk created for itself before it joined an office that already had one.
  forbidden_record: {
    zh: '请本办事处的管理员在“用户”中为此人新增账号（或更改角色）；本机的这条修改保留，可导出交管理员核对。',
    en: "Ask this office's administrator to add an account for this person (or change their role) under Users; this desk keeps the change, and it can be exported for the administrator to check.",
  },
  local: {
    zh: '请打开该记录，改正后重新保存（改正后的内容会正常同步）；原修改保留在本机，可导出交管理员。',
    en: 'Open the record, correct it and save it again (the corrected value syncs as usual); the original change stays on this desk and can be exported for an administrator.',
  },
};

function detailOf(error: SyncError): string | undefined {
  // A refused user change names only ids: nothing a clerk can act on (the card names the record).
  if (error.code === 'forbidden_record') return undefined;
  return error.details === undefined ? undefined : JSON.stringify(error.details).slice(0, 1000);
}

/**
 * Why the server would refuse this operation, judged on the desk with the server's own checks
 * (the shared wire schema and the shared text check), or null when it would not.
 */
export function localRefusal(op: Operation): { message: string; detail: string } | null {
  const parsed = operationSchema.safeParse(op);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { message: QUARANTINE_MESSAGES.local!.zh, detail: `${issue.path.join('.')}: ${issue.message}`.slice(0, 1000) };
  }
  const bad = unstorableTextIn(op.fields);
  if (bad !== null) return { message: QUARANTINE_MESSAGES.local!.zh, detail: textProblemMessage(`字段 ${bad.path}`, bad.problem) };
  const user = textProblem(op.userId);
  if (user !== null) return { message: QUARANTINE_MESSAGES.local!.zh, detail: textProblemMessage('用户编号', user) };
  return null;
}

/**
 * Moves operations from the outbox into quarantine, in one transaction (the in-flight batch is
 * forgotten if it named any of them: it is cut again from what is left).
 */
export async function quarantineOperations(
  db: DeskDatabase,
  ops: readonly Operation[],
  reason: { readonly code: SyncErrorCode | 'local'; readonly message?: string; readonly detail?: string | undefined },
  at: string,
): Promise<void> {
  if (ops.length === 0) return;
  const rows: QuarantineRow[] = ops.map((operation) => ({
    id: operation.id,
    operation,
    code: reason.code,
    message: reason.message ?? (QUARANTINE_MESSAGES[reason.code] ?? REFUSED).zh,
    ...(reason.detail === undefined ? {} : { detail: reason.detail }),
    quarantinedAt: at,
  }));
  const ids = new Set(ops.map((op) => op.id));
  await db.transaction('rw', db.outbox, db.quarantine, db.settings, async () => {
    await db.quarantine.bulkPut(rows);
    await db.outbox.bulkDelete([...ids]);
    const inflight = await readInflight(db);
    if (inflight !== undefined && inflight.operationIds.some((id) => ids.has(id))) await db.settings.delete(SYNC_KEYS.inflight);
  });
}

/** Quarantines one operation for a server refusal. */
export function quarantineForRefusal(db: DeskDatabase, op: Operation, error: SyncError, at: string): Promise<void> {
  return quarantineOperations(db, [op], { code: error.code, detail: detailOf(error) }, at);
}

/** One set-aside operation as the 同步 page shows it. */
export interface QuarantineItem {
  readonly id: string;
  readonly table: SyncedTable;
  readonly recordId: string;
  /** The record as the clerk knows it (a name, a number), or undefined. */
  readonly recordLabel: string | undefined;
  /** The fields the operation changes. */
  readonly fields: readonly string[];
  readonly code: QuarantineRow['code'];
  /** What the server said, as stored (Chinese). */
  readonly message: string;
  /** The refusal by its code, in both languages (the English UI shows this, never the code). */
  readonly refusal: QuarantineText;
  /** What to do, in both languages. */
  readonly advice: QuarantineText;
  readonly detail: string | undefined;
  readonly quarantinedAt: string;
}

/** Everything in quarantine, oldest first, for the 同步 page. */
export async function listQuarantine(db: DeskDatabase): Promise<QuarantineItem[]> {
  const rows = await db.quarantine.orderBy('quarantinedAt').toArray();
  const items: QuarantineItem[] = [];
  for (const row of rows) {
    const op = row.operation;
    const record = (await db.table(op.table).get(op.recordId)) as Record<string, unknown> | undefined;
    items.push({
      id: row.id,
      table: op.table,
      recordId: op.recordId,
      recordLabel: recordLabel(op.table, record) ?? (await belongingLabel(db, record)),
      fields: Object.keys(op.fields),
      code: row.code,
      message: row.message,
      refusal: QUARANTINE_MESSAGES[row.code] ?? REFUSED,
      advice: QUARANTINE_ADVICE[row.code] ?? QUARANTINE_ADVICE.invalid_batch!,
      detail: row.detail,
      quarantinedAt: row.quarantinedAt,
    });
  }
  return items;
}

export function quarantineCount(db: DeskDatabase): Promise<number> {
  return db.quarantine.count();
}

/**
 * Puts set-aside operations back into the outbox (after an upgrade of the software or the
 * server), unchanged; the next sync sends them. Returns how many went back. An operation the
 * desk's own check still refuses stays where it is.
 */
export async function retryQuarantined(db: DeskDatabase, ids: readonly string[]): Promise<{ requeued: number; stillRefused: number }> {
  return db.transaction('rw', db.outbox, db.quarantine, async () => {
    const rows = (await db.quarantine.bulkGet([...ids])).filter((r): r is QuarantineRow => r !== undefined);
    const back = rows.filter((r) => localRefusal(r.operation) === null);
    await db.outbox.bulkPut(back.map((r) => r.operation));
    await db.quarantine.bulkDelete(back.map((r) => r.id));
    return { requeued: back.length, stillRefused: rows.length - back.length };
  });
}

export const QUARANTINE_FILE_FORMAT = 'association-desk-quarantine';

/** The set-aside operations as a JSON file for the administrator or support (nothing is removed). */
export async function quarantineFileBytes(db: DeskDatabase, exportedAt: string): Promise<Uint8Array> {
  const rows = await db.quarantine.orderBy('quarantinedAt').toArray();
  // The users' password fields stay on the desk, as everywhere a file leaves it.
  const safe = rows.map((r) =>
    r.operation.table === 'users'
      ? { ...r, operation: { ...r.operation, fields: Object.fromEntries(Object.entries(r.operation.fields).filter(([k]) => !k.startsWith('password'))) } }
      : r,
  );
  return new TextEncoder().encode(JSON.stringify({ format: QUARANTINE_FILE_FORMAT, version: 1, exportedAt, operations: safe }, null, 1));
}
