/**
 * Merges operations pulled from the server into this desk's database with the same merge the
 * server runs. One page of operations is one transaction: merge states, the records shown on
 * screen and the clock move together, so the pull cursor can be saved after the commit and a
 * crash in between only means the page is pulled again (merging is idempotent).
 *
 * The outbox is not touched: this desk's own operations may come back in a pull, but they leave
 * the outbox only when a push is acknowledged.
 */
import type { z } from 'zod';
import { syncedRecordSchemas, type SyncedTable } from '../../../shared/model/records';
import { applyOperations, isDeleted, visibleValues, type RecordState } from '../../../shared/sync/merge';
import { unflattenNested } from '../../../shared/sync/nested';
import type { Operation } from '../../../shared/sync/protocol';
import { observeStamps } from './clock';
import type { DeskDatabase } from './database';

export interface RemoteMergeResult {
  /** Records whose merge state was updated. */
  readonly records: number;
  /**
   * Records whose merged values do not (yet) pass their schema, e.g. an edit whose create is in
   * a later page. Their state is kept and the stored record left as it was; a later pull that
   * completes them brings them in.
   */
  readonly incomplete: readonly { table: SyncedTable; recordId: string; issues: string[] }[];
}

function recordOf(table: SyncedTable, recordId: string, state: RecordState): Record<string, unknown> {
  return { ...unflattenNested(table, visibleValues(state)), id: recordId, ...(isDeleted(state) ? { deleted: true } : {}) };
}

/** Throws `ClockDriftError` (nothing merged) if a stamp is too far ahead of `nowMs`. */
export async function mergeRemoteOperations(db: DeskDatabase, operations: readonly Operation[], deviceId: string, nowMs: number): Promise<RemoteMergeResult> {
  const byRecord = new Map<string, { table: SyncedTable; recordId: string; ops: Operation[] }>();
  for (const op of operations) {
    const key = `${op.table}\u0000${op.recordId}`;
    const group = byRecord.get(key) ?? { table: op.table, recordId: op.recordId, ops: [] };
    group.ops.push(op);
    byRecord.set(key, group);
  }
  const tables = [...new Set(operations.map((op) => op.table))].map((t) => db.table(t));
  const incomplete: { table: SyncedTable; recordId: string; issues: string[] }[] = [];

  await db.transaction('rw', [...tables, db.mergeStates, db.settings], async () => {
    await observeStamps(
      db,
      deviceId,
      operations.map((op) => op.hlc),
      nowMs,
    );
    for (const { table, recordId, ops } of byRecord.values()) {
      const state = applyOperations(await db.mergeStates.get([table, recordId]), ops);
      await db.mergeStates.put({ table, recordId, ...state });
      const schema = syncedRecordSchemas[table] as z.ZodType<unknown>;
      const parsed = schema.safeParse(recordOf(table, recordId, state));
      if (parsed.success) await db.table(table).put(parsed.data);
      else incomplete.push({ table, recordId, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    }
  });
  return { records: byRecord.size, incomplete };
}
