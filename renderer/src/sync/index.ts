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
import { enrolDevice, type EnrolInput } from './enrol';
import type { SyncConnection } from './settings';
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

export async function enrol(input: EnrolInput): Promise<SyncConnection> {
  const connection = await enrolDevice(input, {
    db,
    deviceId: await deviceId(),
    appVersion: __APP_VERSION__,
    transportFor: (baseUrl) => createHttpTransport({ baseUrl }),
  });
  await syncEngine.reset();
  void syncEngine.sync('manual');
  return connection;
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
