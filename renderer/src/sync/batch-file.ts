/**
 * Offline transfer by file, for an office with no network: the outbox written as a batch file
 * (`shared/sync/protocol.ts`, `batchFileSchema`) carried on a USB stick to where it is imported
 * — by the server (`npm run server -- import FILE`) or by another desk (导入批次文件).
 *
 * Exporting does not empty the outbox: nothing here knows whether the file ever arrives. The
 * operations leave only when this desk later pushes them and the server acknowledges them (as
 * `duplicates` if the file got there first).
 *
 * Importing merges the file's operations with the shared merge, exactly like a pull, so importing
 * a file twice, or a file whose operations this desk already has, changes nothing. Imported
 * operations are not added to this desk's outbox: they belong to the desk that wrote them, which
 * pushes them itself (or whose file the server imports).
 */
import type { DeskDatabase } from '../db/database';
import { requireAction, sessionActor, type Actor } from '../auth/access';
import { newId } from '../db/ids';
import { mergeRemoteOperations } from '../db/remote';
import { ClockDriftError } from '../../../shared/sync/hlc';
import {
  BATCH_FILE_FORMAT,
  batchFileSchema,
  MAX_BATCHES_PER_FILE,
  MAX_OPERATIONS_PER_BATCH,
  type BatchFile,
  type Operation,
} from '../../../shared/sync/protocol';
import { batchLength, PUSH_BATCH_BYTES } from './push';

/** Operations per batch in a file: as many as the protocol allows (a file has no round trips). */
export const FILE_BATCH_SIZE = MAX_OPERATIONS_PER_BATCH;

/** Largest batch file an import reads. */
export const MAX_BATCH_FILE_BYTES = 256 * 1024 * 1024;

export interface ExportedBatchFile {
  readonly file: BatchFile;
  readonly operations: number;
  /** Operations left out because a file holds at most `MAX_BATCHES_PER_FILE` batches. */
  readonly leftOut: number;
}

/** The outbox as a batch file, or `null` when there is nothing to send. Office staff only (`sync.run`). */
export async function exportOutbox(
  db: DeskDatabase,
  deviceId: string,
  officeId: string | undefined,
  now: Date = new Date(),
  actor: Actor = sessionActor(),
): Promise<ExportedBatchFile | null> {
  await requireAction(db, actor, 'sync.run');
  const ops: Operation[] = await db.outbox.orderBy('id').toArray();
  if (ops.length === 0) return null;
  const batches: BatchFile['batches'] = [];
  let i = 0;
  while (i < ops.length && batches.length < MAX_BATCHES_PER_FILE) {
    const rest = ops.slice(i, i + FILE_BATCH_SIZE);
    const n = batchLength(rest, FILE_BATCH_SIZE, PUSH_BATCH_BYTES);
    // Fresh batch ids: the file's batches are new batches, whatever the network loop has in flight.
    batches.push({ batchId: newId(), deviceId, operations: rest.slice(0, n) });
    i += n;
  }
  const file: BatchFile = {
    format: BATCH_FILE_FORMAT,
    version: 1,
    ...(officeId === undefined ? {} : { officeId }),
    deviceId,
    exportedAt: now.toISOString(),
    batches,
  };
  return { file, operations: i, leftOut: ops.length - i };
}

export function batchFileBytes(file: BatchFile): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(file));
}

export function batchFileName(officeCode: string | undefined, deviceId: string, now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  const office = officeCode !== undefined && /^[A-Z0-9-]{1,32}$/.test(officeCode) ? `${officeCode}-` : '';
  return `待同步数据-${office}${stamp}-${deviceId.slice(-6)}.json`;
}

export type ParsedBatchFile = { readonly ok: true; readonly file: BatchFile } | { readonly ok: false; readonly message: string };

/** Reads a file's text as a batch file, with a Chinese message for anything else. */
export function parseBatchFile(text: string): ParsedBatchFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: '文件不是批次文件（无法读取其内容）。请选择“导出待同步数据”生成的 .json 文件。' };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== BATCH_FILE_FORMAT) {
    return { ok: false, message: '文件不是批次文件。请选择“导出待同步数据”生成的 .json 文件（数据备份文件不能在这里导入）。' };
  }
  const parsed = batchFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `批次文件内容有误，未导入任何数据（${issue ? `${issue.path.join('.')}：${issue.message}` : '格式不正确'}）。` };
  }
  return { ok: true, file: parsed.data };
}

export interface ImportResult {
  readonly operations: number;
  readonly records: number;
}

export class BatchFileRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BatchFileRefused';
  }
}

/** Merges a batch file's operations into this desk's database, one transaction per batch. Office staff only (`sync.run`). */
export async function importBatchFile(
  db: DeskDatabase,
  file: BatchFile,
  deviceId: string,
  officeId: string | undefined,
  nowMs: number,
  actor: Actor = sessionActor(),
): Promise<ImportResult> {
  await requireAction(db, actor, 'sync.run');
  if (file.officeId !== undefined && officeId !== undefined && file.officeId !== officeId) {
    throw new BatchFileRefused('该批次文件来自其他办事处，不能导入本机。请核对文件来源。');
  }
  let operations = 0;
  const records = new Set<string>();
  for (const batch of file.batches) {
    try {
      await mergeRemoteOperations(db, batch.operations, deviceId, nowMs);
    } catch (error) {
      if (error instanceof ClockDriftError) throw new BatchFileRefused(`${error.message}。已导入的批次保留，可校正时间后重新导入同一文件。`);
      throw error;
    }
    operations += batch.operations.length;
    for (const op of batch.operations) records.add(`${op.table}\u0000${op.recordId}`);
  }
  return { operations, records: records.size };
}
