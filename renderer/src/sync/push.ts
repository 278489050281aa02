/**
 * Sending the outbox: batches of operations in op-id order (UUIDv7, so creation order), each
 * removed from the outbox only after the server acknowledged it (OpenCRVS #7005: an error
 * mistaken for success lost a record).
 *
 * The batch being sent is written down (`sync.inflightBatch`) before it is sent. If the answer
 * never arrives — the network dropped after the server committed, the laptop was closed — the
 * next attempt, even after a restart, sends the SAME batch id with the SAME operations; the
 * server recognises it and answers as the first time (`duplicates`), so a lost reply costs one
 * round trip and changes nothing. A new batch is cut only once the previous one is acknowledged.
 * (Re-cutting instead would be safe for the data, operations being idempotent too, but a batch id
 * reused with other content is refused as `batch_id_reused`.)
 *
 * Acknowledgement and removal happen in one Dexie transaction together with forgetting the
 * in-flight batch: after a crash either both happened or neither did.
 *
 * One bad operation never blocks the rest (./quarantine): an operation the desk can tell the
 * server would refuse is set aside before it is sent; a batch refused for what one of its
 * operations carries is split in halves, each sent again, down to the operation refused alone,
 * which is set aside with the refusal while every other one is pushed.
 */
import type { DeskDatabase } from '../db/database';
import { newId } from '../db/ids';
import { SyncError } from '../../../shared/sync/errors';
import { MAX_BODY_BYTES, MAX_OPERATIONS_PER_BATCH, type Operation, type PushRequest, type PushResponse } from '../../../shared/sync/protocol';
import { isPerOperationRefusal, localRefusal, MAX_QUARANTINED_PER_PASS, quarantineForRefusal } from './quarantine';
import { SYNC_KEYS, readInflight, type InflightBatch } from './settings';
import type { SyncTransport } from './transport';

/**
 * Operations per pushed batch, chosen by `npm run bench sync` (line `sync-push-batch`, 2026-11-22,
 * on a shared 2-core machine, so absolute figures are noisy; medians of 3 interleaved rounds):
 *
 *   batch                      50     100    200    500    1000
 *   PostgreSQL ops/s         6296   6208   5486   5812   7686   (load ≈5)
 *   PostgreSQL ops/s +30ms   1318   2169   3009   4310   6246
 *   PGlite ops/s             3765   3451   2476   3226   3699
 *   PGlite ops/s +30ms       1155   1696   1805   2703   3330
 *   PostgreSQL ops/s +30ms    643    911    949   1272   1189   (load ≈18)
 *   PGlite ops/s +30ms        383    496    446    464    345
 *
 * The server's own cost per operation is flat across sizes (within the noise), so on a real
 * network the round trip per batch decides ("+30ms" = a 30 ms round trip added per batch): 500
 * pushes 1.4–1.5 times as fast as 200. 1000 is not reliably faster than 500 (slower in the loaded
 * run, on both databases), holds the office's row lock (which serialises that office's pushes)
 * about twice as long (130–800 ms vs 86–360 ms per batch on PostgreSQL), and resends twice as
 * much after a lost reply. `PUSH_BATCH_BYTES` still cuts a batch of large operations earlier.
 */
export const PUSH_BATCH_SIZE = 500;

/** Encoded size a batch may reach; half the server's body limit leaves room for the envelope. */
export const PUSH_BATCH_BYTES = Math.floor(MAX_BODY_BYTES / 2);

const encoder = new TextEncoder();

/** Bytes an operation takes in a request body. */
export function encodedSize(op: Operation): number {
  return encoder.encode(JSON.stringify(op)).length;
}

/**
 * How many of `ops` (already in send order) the next batch takes: at most `maxOperations`,
 * at most `maxBytes` encoded — but always at least one, so a single huge operation is sent (and
 * refused by the server with a message) rather than blocking the outbox in silence.
 */
export function batchLength(ops: readonly Operation[], maxOperations: number, maxBytes: number): number {
  const limit = Math.max(1, Math.min(maxOperations, MAX_OPERATIONS_PER_BATCH, ops.length));
  let bytes = 0;
  for (let i = 0; i < limit; i++) {
    bytes += encodedSize(ops[i]!) + 1;
    if (bytes > maxBytes && i > 0) return i;
  }
  return Math.min(limit, ops.length);
}

export interface PushOptions {
  readonly batchSize?: number;
  readonly maxBytes?: number;
  /** Called after each acknowledged batch. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Called with each batch before it is sent (blob uploads hook in here). */
  readonly beforeSend?: (batch: PushRequest) => Promise<void>;
  /** Called after each operation set aside (./quarantine), with the running count. */
  readonly onQuarantined?: (count: number) => void;
  /** Injected in tests; the time quarantined operations are stamped with. */
  readonly now?: () => number;
}

/**
 * The next batch to send: the in-flight one if there is one (re-sent as is), else a new one cut
 * from the head of the outbox and recorded as in flight. `null` when the outbox is empty.
 * Operations at the head that the server would refuse (./quarantine `localRefusal`) are set aside
 * first, in the same transaction.
 */
export async function nextBatch(db: DeskDatabase, deviceId: string, batchSize: number, maxBytes: number, nowMs: number = Date.now()): Promise<PushRequest | null> {
  return db.transaction('rw', db.outbox, db.settings, db.quarantine, async () => {
    const inflight = await readInflight(db);
    if (inflight !== undefined) {
      const ops = await db.outbox.bulkGet([...inflight.operationIds]);
      if (ops.length > 0 && ops.every((op) => op !== undefined)) {
        return { batchId: inflight.batchId, deviceId, operations: ops as Operation[] };
      }
      // Some of it left the outbox another way (another window of this app got the answer):
      // the rest goes out in a new batch, under a new id.
      await db.settings.delete(SYNC_KEYS.inflight);
    }
    for (;;) {
      const head = await db.outbox.orderBy('id').limit(batchSize).toArray();
      if (head.length === 0) return null;
      const refused = head.flatMap((op) => {
        const why = localRefusal(op);
        return why === null ? [] : [{ op, why }];
      });
      if (refused.length > 0) {
        const at = new Date(nowMs).toISOString();
        await db.quarantine.bulkPut(refused.map(({ op, why }) => ({ id: op.id, operation: op, code: 'local' as const, message: why.message, detail: why.detail, quarantinedAt: at })));
        await db.outbox.bulkDelete(refused.map(({ op }) => op.id));
        continue;
      }
      const operations = head.slice(0, batchLength(head, batchSize, maxBytes));
      return recordInflight(db, deviceId, operations);
    }
  });
}

/** Records `operations` as the batch in flight, under a new id. */
async function recordInflight(db: DeskDatabase, deviceId: string, operations: Operation[]): Promise<PushRequest> {
  const batch: InflightBatch = { batchId: newId(), operationIds: operations.map((op) => op.id) };
  await db.settings.put({ key: SYNC_KEYS.inflight, value: batch });
  return { batchId: batch.batchId, deviceId, operations };
}

/**
 * Removes what the server acknowledged (applied or already had) and forgets the in-flight batch,
 * in one transaction. Returns how many operations left the outbox.
 */
export async function acknowledge(db: DeskDatabase, batch: PushRequest, answer: PushResponse): Promise<number> {
  const sent = new Set(batch.operations.map((op) => op.id));
  const acked = [...new Set([...answer.applied, ...answer.duplicates])].filter((id) => sent.has(id));
  await db.transaction('rw', db.outbox, db.settings, async () => {
    await db.outbox.bulkDelete(acked);
    const inflight = await readInflight(db);
    if (inflight?.batchId === batch.batchId) await db.settings.delete(SYNC_KEYS.inflight);
  });
  return acked.length;
}

/**
 * Sends the whole outbox, batch after batch. Throws the transport's `SyncError` at the first
 * failure that is not about one operation, leaving the failed batch in flight (and in the
 * outbox) for the next attempt. Returns how many operations left the outbox acknowledged.
 */
export async function pushOutbox(db: DeskDatabase, transport: SyncTransport, deviceId: string, options: PushOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? PUSH_BATCH_SIZE;
  const maxBytes = options.maxBytes ?? PUSH_BATCH_BYTES;
  const now = options.now ?? Date.now;
  let total = await db.outbox.count();
  let done = 0;
  let quarantined = 0;
  if (total > 0) options.onProgress?.(done, total);

  const send = async (batch: PushRequest): Promise<number> => {
    await options.beforeSend?.(batch);
    const answer = await transport.push(batch);
    const removed = await acknowledge(db, batch, answer);
    if (removed === 0) {
      // An answer that acknowledges none of what was sent breaks the protocol; going on would
      // loop forever on the same batch.
      throw new SyncError('server_error', { reason: 'push answer acknowledged none of the batch', batchId: batch.batchId });
    }
    done += removed;
    // Clerks keep working while a long sync runs: the total grows with the outbox.
    total = Math.max(total, done + (await db.outbox.count()));
    options.onProgress?.(done, total);
    return removed;
  };

  /** Narrows a refused batch down to the operations refused alone; pushes every other one. */
  const isolate = async (operations: Operation[], refusal: SyncError): Promise<void> => {
    if (operations.length === 1) {
      if (quarantined >= MAX_QUARANTINED_PER_PASS) throw refusal;
      await quarantineForRefusal(db, operations[0]!, refusal, new Date(now()).toISOString());
      quarantined += 1;
      total = Math.max(done, total - 1);
      options.onQuarantined?.(quarantined);
      return;
    }
    const middle = Math.ceil(operations.length / 2);
    for (const half of [operations.slice(0, middle), operations.slice(middle)]) {
      try {
        await send(await recordInflight(db, deviceId, half));
      } catch (error) {
        if (!isPerOperationRefusal(error)) throw error;
        await isolate(half, error);
      }
    }
  };

  for (;;) {
    const batch = await nextBatch(db, deviceId, batchSize, maxBytes, now());
    if (batch === null) return done;
    try {
      await send(batch);
    } catch (error) {
      if (!isPerOperationRefusal(error)) throw error;
      await isolate([...batch.operations], error);
    }
  }
}
