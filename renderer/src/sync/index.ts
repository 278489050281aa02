/**
 * The app's sync client, wired to the real world: the app database, `fetch`, the window's
 * `online`/`offline` events, a periodic timer, the outbox growing, and Web Locks so two windows
 * of the app never push at once. Screens read the engine's status from `useSyncStatus` and the
 * stored facts (last success, last error, connection) from Dexie.
 */
import { liveQuery } from 'dexie';
import { create } from 'zustand';
import { db, deviceId } from '../db';
import { SyncEngine, type SyncResult, type SyncStatus } from './engine';
import { enrolDevice, type EnrolInput, type EnrolOptions } from './enrol';
import { ensureBlob } from './blobs';
import { prepareNumbers, type PrepareOutcome } from './numbers';
import { readConnection, readToken, type SyncConnection } from './settings';
import { createHttpTransport } from './transport';

/** Every so often while the app is open, even with nothing to push: other desks' changes arrive. */
export const PERIODIC_SYNC_MS = 2 * 60_000;
/** After a save, wait this long for the clerk's next one, then push them together. */
export const CHANGE_DEBOUNCE_MS = 1_500;
const LOCK_NAME = 'association-desk-sync';

export const useSyncStatus = create<SyncStatus>()(() => ({ phase: 'idle', progress: null, failure: null, nextRetryAt: null }));

function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks === undefined ? fn() : (locks.request(LOCK_NAME, fn) as Promise<T>);
}

export const syncEngine = new SyncEngine({
  db,
  deviceId,
  transportFor: (connection: SyncConnection, token: string) => createHttpTransport({ baseUrl: connection.baseUrl, token }),
  isOnline: () => navigator.onLine,
  withLock,
  onStatus: (status) => useSyncStatus.setState(status, true),
});

/** 立即同步. */
export function syncNow(): Promise<SyncResult> {
  return syncEngine.sync('manual');
}

export async function enrol(input: EnrolInput, options: EnrolOptions = {}): Promise<SyncConnection> {
  const connection = await enrolDevice(
    input,
    {
      db,
      deviceId: await deviceId(),
      appVersion: __APP_VERSION__,
      transportFor: (baseUrl) => createHttpTransport({ baseUrl }),
    },
    options,
  );
  await syncEngine.reset();
  void syncEngine.sync('manual');
  return connection;
}

/**
 * Attachment bytes on demand: this desk's copy, else fetched from the office's server (and kept).
 * `undefined` when neither has them, or this desk is not enrolled. Screens that show a scan or a
 * photo call this when `db.blobs` lacks the hash.
 */
export async function blobOnDemand(sha256: string): Promise<Blob | undefined> {
  const local = await db.blobs.get(sha256);
  if (local !== undefined) return local.blob;
  const [connection, token] = await Promise.all([readConnection(db), readToken(db)]);
  if (connection === undefined || token === undefined) return undefined;
  return ensureBlob(db, createHttpTransport({ baseUrl: connection.baseUrl, token }), sha256);
}

/**
 * Before issuing certificates: tops up this desk's number blocks from the office's server for the
 * series and counts about to be issued, when the desk is enrolled and online. Never throws: a
 * desk that cannot reach the server issues from the blocks it holds (and refuses, in Chinese,
 * when they are not enough). Not enrolled: nothing to do (the desk numbers on its own).
 */
export async function topUpNumbersNow(needs: Parameters<typeof prepareNumbers>[3]): Promise<PrepareOutcome> {
  const [connection, token] = await Promise.all([readConnection(db), readToken(db)]);
  if (connection === undefined || token === undefined || needs.length === 0) return { received: 0, failure: null };
  if (typeof navigator !== 'undefined' && !navigator.onLine) return { received: 0, failure: null };
  // A short wait: the clerk is at the counter; without an answer the desk issues from what it holds.
  const transport = createHttpTransport({ baseUrl: connection.baseUrl, token, timeoutMs: 15_000 });
  return prepareNumbers(db, transport, await deviceId(), needs);
}

let attached = 0;
let detach: (() => void) | null = null;

/**
 * Starts the automatic triggers; returns a function that stops them. Reference-counted, so
 * React's double mount in development starts them once.
 */
export function startSync(): () => void {
  attached += 1;
  if (attached === 1) {
    const online = () => syncEngine.networkChanged(true);
    const offline = () => syncEngine.networkChanged(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    const timer = window.setInterval(() => void syncEngine.sync('timer'), PERIODIC_SYNC_MS);
    let debounce: number | undefined;
    let lastCount = -1;
    const subscription = liveQuery(() => db.outbox.count()).subscribe({
      next: (count) => {
        const grew = lastCount >= 0 && count > lastCount;
        lastCount = count;
        if (!grew) return;
        window.clearTimeout(debounce);
        debounce = window.setTimeout(() => void syncEngine.sync('change'), CHANGE_DEBOUNCE_MS);
      },
      error: () => undefined,
    });
    void syncEngine.sync('start');
    detach = () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      window.clearInterval(timer);
      window.clearTimeout(debounce);
      subscription.unsubscribe();
      syncEngine.dispose();
    };
  }
  return () => {
    attached -= 1;
    if (attached === 0) {
      detach?.();
      detach = null;
    }
  };
}
