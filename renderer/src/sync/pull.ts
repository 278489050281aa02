/**
 * Receiving other devices' operations: pages from the stored cursor, each merged with the shared
 * merge function (`mergeRemoteOperations`) in ONE Dexie transaction that also stores the page's
 * `nextCursor`. The cursor therefore moves only with the commit of what it covers: if the merge
 * fails or the app stops half way, the page is pulled again, and merging it twice is harmless.
 * (Actual Budget likewise advances its clock only after the batch's transaction commits.)
 *
 * A new device starts without a cursor and so downloads its office's whole log, page by page,
 * reporting progress as it goes.
 */
import type { DeskDatabase } from '../db/database';
import { mergeRemoteOperations } from '../db/remote';
import { SyncError } from '../../../shared/sync/errors';
import { ClockDriftError } from '../../../shared/sync/hlc';
import { DEFAULT_PULL_LIMIT, syncedTables, type PullResponse } from '../../../shared/sync/protocol';
import { SYNC_KEYS, readCursor } from './settings';
import type { SyncTransport } from './transport';

export const PULL_PAGE_SIZE = DEFAULT_PULL_LIMIT;

export interface PullProgress {
  /** Operations merged so far in this run. */
  readonly received: number;
  readonly pages: number;
  /** Whether the server said more pages follow. */
  readonly more: boolean;
}

export interface PullOptions {
  readonly pageSize?: number;
  readonly now?: () => number;
  readonly onProgress?: (progress: PullProgress) => void;
  /** Called with each page after it is committed (blob downloads hook in here). */
  readonly afterPage?: (page: PullResponse) => Promise<void>;
}

/** Merges one page and stores its cursor, all or nothing. */
export async function applyPage(db: DeskDatabase, page: PullResponse, deviceId: string, nowMs: number): Promise<void> {
  try {
    await db.transaction('rw', [...syncedTables.map((t) => db.table(t)), db.mergeStates, db.settings], async () => {
      // Joins this transaction (same tables, same mode), so its writes commit with the cursor.
      if (page.operations.length > 0) await mergeRemoteOperations(db, page.operations, deviceId, nowMs);
      await db.settings.put({ key: SYNC_KEYS.cursor, value: page.nextCursor });
    });
  } catch (error) {
    if (error instanceof ClockDriftError) throw new SyncError('clock_drift', { reason: error.message });
    throw error;
  }
}

/** Pulls until the server says there is no more. Returns the number of operations merged. */
export async function pullIntoDb(db: DeskDatabase, transport: SyncTransport, deviceId: string, options: PullOptions = {}): Promise<number> {
  const pageSize = options.pageSize ?? PULL_PAGE_SIZE;
  const now = options.now ?? Date.now;
  let received = 0;
  let pages = 0;
  options.onProgress?.({ received, pages, more: true });
  for (;;) {
    const since = await readCursor(db);
    const page = await transport.pull(since === undefined ? { limit: pageSize } : { since, limit: pageSize });
    await applyPage(db, page, deviceId, now());
    received += page.operations.length;
    pages += 1;
    options.onProgress?.({ received, pages, more: page.hasMore });
    await options.afterPage?.(page);
    // A server that says "more" without moving on would keep us here forever.
    if (!page.hasMore || (page.operations.length === 0 && page.nextCursor === since)) return received;
  }
}
