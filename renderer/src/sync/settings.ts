/**
 * This device's sync settings, one row each in the Dexie `settings` table (never synced, and
 * written in the same transactions as the data they describe: the cursor moves with the merge
 * of its page, the in-flight batch is forgotten with the removal of what it acknowledged).
 *
 * The device token is kept apart from the rest so screens that show the connection never read
 * it; nothing ever displays it.
 */
import type { DeskDatabase } from '../db/database';
import type { SyncErrorCode } from '../../../shared/sync/errors';

export const SYNC_KEYS = {
  /** `SyncConnection`: where this device syncs to and as what. */
  connection: 'sync.connection',
  /** The device token (string). */
  token: 'sync.token',
  /** The pull cursor: the position in the office's log this device has merged up to. */
  cursor: 'sync.cursor',
  /** `InflightBatch`: the batch sent and not yet acknowledged, re-sent as is after a failure. */
  inflight: 'sync.inflightBatch',
  /** ISO instant of the last sync that finished without error. */
  lastSuccessAt: 'sync.lastSuccessAt',
  /** `SyncFailure` of the last attempt, removed by the next success. */
  lastError: 'sync.lastError',
  /** `RestampNotice` (./restamp): the last time waiting operations were stamped again after the clock was set back. */
  restamped: 'sync.restamped',
} as const;

export interface SyncConnection {
  readonly baseUrl: string;
  readonly officeCode: string;
  readonly officeId: string;
  readonly officeName: string;
  readonly deviceName: string;
  readonly enrolledAt: string;
}

export interface InflightBatch {
  readonly batchId: string;
  /** In the order they were sent. */
  readonly operationIds: readonly string[];
}

/** A failed attempt as the 同步 page shows it. `local` = this device failed, not the server. */
export interface SyncFailure {
  readonly code: SyncErrorCode | 'local';
  /** The clerk-facing message (Chinese: the shared catalogue's, or a local one). */
  readonly message: string;
  /** Retried on its own (5xx, network) or waiting for a person (4xx). */
  readonly retry: boolean;
  readonly at: string;
  /**
   * When the server asked to be left alone (429 with Retry-After): the instant before which no
   * automatic attempt is made, remembered across a restart of the app.
   */
  readonly notBefore?: string;
}

async function read<T>(db: DeskDatabase, key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined;
}

export const readConnection = (db: DeskDatabase) => read<SyncConnection>(db, SYNC_KEYS.connection);
export const readToken = (db: DeskDatabase) => read<string>(db, SYNC_KEYS.token);
export const readCursor = (db: DeskDatabase) => read<string>(db, SYNC_KEYS.cursor);
export const readInflight = (db: DeskDatabase) => read<InflightBatch>(db, SYNC_KEYS.inflight);
export const readLastSuccess = (db: DeskDatabase) => read<string>(db, SYNC_KEYS.lastSuccessAt);
export const readLastError = (db: DeskDatabase) => read<SyncFailure>(db, SYNC_KEYS.lastError);

export async function recordSuccess(db: DeskDatabase, at: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key: SYNC_KEYS.lastSuccessAt, value: at });
    await db.settings.delete(SYNC_KEYS.lastError);
  });
}

export async function recordFailure(db: DeskDatabase, failure: SyncFailure): Promise<void> {
  await db.settings.put({ key: SYNC_KEYS.lastError, value: failure });
}
