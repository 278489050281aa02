/**
 * One sync pass: push the whole outbox, then pull everything new, then fetch missing attachment
 * bytes. Pushing first means the pull that follows already reflects this desk's own changes on
 * the server; the order is not needed for correctness (the merge does not care).
 *
 * Then, never failing the pass, the documents' needs from the server: the office signing key and
 * this year's certificate number blocks (./numbers), so the desk can issue offline.
 *
 * Before pushing, work stamped in the future by a clock since set right is stamped again
 * (./restamp); while pushing, an operation the server refuses for good is set aside
 * (./quarantine) and the rest goes on; after pulling, identities registered on two desks are
 * counted (./duplicates) for the 同步 page.
 *
 * A pass does not retry: it throws the first `SyncError` and leaves everything as it was after
 * the last committed step. Retrying, backoff and when to run are the engine's (`./engine`).
 */
import type { DeskDatabase } from '../db/database';
import { downloadMissingBlobs, uploadBlobsOf } from './blobs';
import { listDuplicates } from './duplicates';
import { restampFutureOperations } from './restamp';
import { refreshDocumentsAfterSync } from './numbers';
import { pullIntoDb, type PullProgress } from './pull';
import { pushOutbox } from './push';
import type { SyncTransport } from './transport';

export type SyncProgress =
  | { readonly phase: 'push'; readonly done: number; readonly total: number }
  | ({ readonly phase: 'pull' } & PullProgress)
  | { readonly phase: 'blobs' };

export interface PassOptions {
  readonly batchSize?: number;
  readonly pageSize?: number;
  readonly now?: () => number;
  readonly onProgress?: (progress: SyncProgress) => void;
  /** Refresh the office key and top up certificate numbers after the pass (default true). */
  readonly documents?: boolean;
}

export interface PassResult {
  readonly pushed: number;
  readonly pulled: number;
  readonly blobs: number;
  /** Operations set aside in this pass (refused for good). */
  readonly quarantined: number;
  /** Operations stamped again because the clock had been set back. */
  readonly restamped: number;
  /** Identities registered more than once, after this pass's pull (0 when nothing was pulled). */
  readonly duplicates: number;
}

export async function syncPass(db: DeskDatabase, transport: SyncTransport, deviceId: string, options: PassOptions = {}): Promise<PassResult> {
  const now = options.now ?? Date.now;
  const restamp = await restampFutureOperations(db, deviceId, now());
  let quarantined = 0;
  const pushed = await pushOutbox(db, transport, deviceId, {
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    now,
    onQuarantined: (count) => {
      quarantined = count;
    },
    onProgress: (done, total) => options.onProgress?.({ phase: 'push', done, total }),
    beforeSend: async (batch) => {
      await uploadBlobsOf(db, transport, batch);
    },
  });
  const pulled = await pullIntoDb(db, transport, deviceId, {
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
    ...(options.now === undefined ? {} : { now: options.now }),
    onProgress: (p) => options.onProgress?.({ phase: 'pull', ...p }),
  });
  options.onProgress?.({ phase: 'blobs' });
  const blobs = await downloadMissingBlobs(db, transport);
  const duplicates = pulled > 0 ? (await listDuplicates(db)).length : 0;
  if (options.documents !== false) await refreshDocumentsAfterSync(db, transport, deviceId, now());
  return { pushed, pulled, blobs, quarantined, restamped: restamp?.count ?? 0, duplicates };
}
