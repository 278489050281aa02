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
import { readConnection, readToken, SYNC_KEYS, type SyncConnection } from './settings';
import { createHttpTransport } from './transport';
import { requireAction, requireRole, sessionActor } from '../auth/access';
import { writeContext } from '../session';
import { bridge } from '../platform/bridge';
import type { SaveFileResult } from '../../../shared/ipc/contract';
import { listQuarantine, quarantineFileBytes, retryQuarantined, type QuarantineItem } from './quarantine';
import { listDuplicates, mergeDuplicates, type DuplicateGroup, type IdentityTable, type MergeResult } from './duplicates';
import { restampMessage, type RestampNotice } from './restamp';

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

/** 立即同步 (office staff; the automatic passes run for every role, so a reviewer's work still syncs). */
export function syncNow(): Promise<SyncResult> {
  requireRole(sessionActor(), 'sync.run');
  return syncEngine.sync('manual');
}

/** 登记本机 (administrators only). */
export async function enrol(input: EnrolInput, options: EnrolOptions = {}): Promise<SyncConnection> {
  await requireAction(db, sessionActor(), 'sync.enrol');
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

// ---------------------------------------------------------------------------------------------
// What the 同步 page shows and does beyond the engine's status.

/** Operations the server refused for good, each with the message and what to do. */
export function quarantined(): Promise<QuarantineItem[]> {
  return listQuarantine(db);
}

/** 重新发送 (after an upgrade): back into the outbox, then a pass. */
export async function retryQuarantinedNow(ids: readonly string[]): Promise<{ requeued: number; stillRefused: number }> {
  await requireAction(db, sessionActor(), 'sync.resolve');
  const result = await retryQuarantined(db, ids);
  if (result.requeued > 0) void syncEngine.sync('manual');
  return result;
}

/** 导出给管理员: the set-aside operations as a file (nothing is removed). */
export async function saveQuarantineFile(): Promise<SaveFileResult> {
  await requireAction(db, sessionActor(), 'sync.resolve');
  const at = new Date();
  const day = at.toISOString().slice(0, 10);
  return bridge.saveFile({ suggestedName: `协会办事台-未能同步的修改-${day}.json`, bytes: await quarantineFileBytes(db, at.toISOString()), filterName: 'JSON' });
}

/** People (same 身份证号) and organisations (same credit code) registered more than once. */
export function duplicates(): Promise<DuplicateGroup[]> {
  return listDuplicates(db);
}

/** 合并: keeps the oldest record and moves everything of the others to it (syncs). */
export async function mergeDuplicatesNow(table: IdentityTable, key: string): Promise<MergeResult> {
  return mergeDuplicates(db, table, key, await writeContext());
}

/** The last time waiting work was stamped again after the clock was set back, with its message; or null. */
export async function restampNotice(): Promise<{ notice: RestampNotice; message: string } | null> {
  const notice = (await db.settings.get(SYNC_KEYS.restamped))?.value as RestampNotice | undefined;
  return notice === undefined ? null : { notice, message: restampMessage(notice) };
}

/** 知道了: hides the notice. */
export async function dismissRestampNotice(): Promise<void> {
  await db.settings.delete(SYNC_KEYS.restamped);
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
