/**
 * Certificate numbers and the office signing key, from the office's sync server (enrolled desks).
 *
 * Numbers: the server keeps the office's ledger and reserves blocks per device; this desk issues
 * from its blocks offline (renderer/src/documents/settings.ts `nextCertificateNo`) and tops up
 * while online: after every successful sync (the current year's series of every certificate
 * program), and before issuing (the series and count about to be used). A reservation request
 * is stored with its id BEFORE it is sent: after a lost answer the next attempt sends the same
 * id and the server answers with the block it already reserved, so no block is orphaned twice
 * and none is received twice (`receiveBlock` is idempotent too).
 *
 * Office key: fetched after a sync (again when older than `OFFICE_KEY_MAX_AGE_MS`, so a rotated
 * key arrives within the hour) and stored in db.settings; certificates printed by an enrolled
 * desk are signed with it.
 */
import { CERTIFICATE_TEMPLATES } from '../../../shared/documents/templates';
import { DEFAULT_BLOCK_SIZE, needsTopUp, receiveBlock, remainingNumbers, seriesKey, type Series } from '../../../shared/documents/numbering';
import { SyncError } from '../../../shared/sync/errors';
import { MAX_BLOCK_SIZE } from '../../../shared/sync/numbers';
import type { DeskDatabase } from '../db/database';
import { newId } from '../db/ids';
import {
  checkSigningKey,
  DOCUMENT_KEYS,
  highestIssued,
  loadOfficeKey,
  loadServerNumbers,
  saveOfficeKey,
  saveServerNumbers,
  type OfficeKey,
  type PendingReservations,
} from '../documents/settings';
import { readConnection, type SyncFailure } from './settings';
import type { SyncTransport } from './transport';
import { errorMessage } from '../../../shared/rules/error-message';

/** Below this many numbers left in a series, the desk reserves another block while online. */
export const LOW_WATER = DEFAULT_BLOCK_SIZE / 5;
export const OFFICE_KEY_MAX_AGE_MS = 60 * 60_000;
/** `SyncFailure` of the last number/key refresh after a sync (it never fails the sync itself). */
export const DOCUMENTS_SYNC_ERROR_KEY = 'sync.documentsError';

async function readPending(db: DeskDatabase): Promise<PendingReservations> {
  return ((await db.settings.get(DOCUMENT_KEYS.pendingReservations))?.value as PendingReservations | undefined) ?? {};
}

async function writePending(db: DeskDatabase, change: (pending: Record<string, PendingReservations[string]>) => void): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const pending = { ...(await readPending(db)) };
    change(pending);
    await db.settings.put({ key: DOCUMENT_KEYS.pendingReservations, value: pending });
  });
}

async function forgetPending(db: DeskDatabase, key: string, requestId: string): Promise<void> {
  await writePending(db, (p) => {
    if (p[key]?.requestId === requestId) delete p[key];
  });
}

/**
 * Makes sure this device holds at least `max(LOW_WATER, need)` unissued numbers of `series`,
 * reserving blocks from the server as needed (and first finishing a request whose answer was
 * lost). Returns how many numbers were received. Not enrolled: does nothing (0). Throws the
 * transport's `SyncError` when the server cannot be reached or refuses.
 */
export async function topUpNumbers(db: DeskDatabase, transport: SyncTransport, deviceId: string, series: Series, options: { need?: number } = {}): Promise<number> {
  const connection = await readConnection(db);
  if (connection === undefined) return 0;
  const key = seriesKey(series);
  const lowWater = Math.max(LOW_WATER, options.need ?? 0);
  let received = 0;
  // A handful of rounds covers any need up to several maximal blocks; a pending request counts as one.
  for (let round = 0; round < 8; round++) {
    const state = await loadServerNumbers(db, connection.officeId, deviceId);
    const stored = (await readPending(db))[key];
    const pending = stored !== undefined && stored.officeId === connection.officeId ? stored : undefined;
    if (pending === undefined && !needsTopUp(state, series, lowWater)) break;
    let request = pending;
    if (request === undefined) {
      const size = Math.min(MAX_BLOCK_SIZE, Math.max(DEFAULT_BLOCK_SIZE, lowWater - remainingNumbers(state, series)));
      const issuedUpTo = await highestIssued(db, series);
      request = { requestId: newId(), officeId: connection.officeId, size, ...(issuedUpTo > 0 ? { issuedUpTo } : {}) };
      const made = request;
      await writePending(db, (p) => {
        p[key] = made;
      });
    }
    let answer;
    try {
      answer = await transport.reserveNumbers({
        requestId: request.requestId,
        series: { prefix: series.prefix, year: series.year },
        size: request.size,
        ...(request.issuedUpTo === undefined ? {} : { issuedUpTo: request.issuedUpTo }),
      });
    } catch (error) {
      // A refusal (4xx) reserved nothing: forget the request, so the next attempt is a new one.
      // Anything else (no answer, 5xx) may have reserved a block: the same id goes out again.
      if (error instanceof SyncError && !error.retry) await forgetPending(db, key, request.requestId);
      throw error;
    }
    const block = answer.block;
    if (answer.requestId !== request.requestId || block.deviceId !== deviceId || block.series !== key) {
      throw new SyncError('server_error', { reason: 'number block answered for another request, device or series' });
    }
    const requestId = request.requestId;
    const outcome = await db.transaction('rw', db.settings, async () => {
      const now = await readConnection(db);
      const pendingNow = (await readPending(db))[key];
      if (now?.officeId !== connection.officeId || pendingNow?.requestId !== requestId) return 'stale' as const;
      const current = await loadServerNumbers(db, connection.officeId, deviceId);
      const next = receiveBlock(current, block);
      const rest = { ...(await readPending(db)) };
      delete rest[key];
      await db.settings.put({ key: DOCUMENT_KEYS.pendingReservations, value: rest });
      if (!next.ok) return next.error.message;
      await saveServerNumbers(db, connection.officeId, next.value);
      return 'ok' as const;
    });
    if (outcome === 'stale') break;
    if (outcome !== 'ok') throw new Error(outcome);
    received += block.end - block.start + 1;
  }
  return received;
}

/** The series every certificate program numbers in `year` (one per distinct prefix). */
export function certificateSeries(year: number): Series[] {
  return [...new Set(CERTIFICATE_TEMPLATES.map((t) => t.numberPrefix))].sort().map((prefix) => ({ prefix, year }));
}

/**
 * Fetches the office's signing key when this desk has none, or one older than `maxAgeMs`, and
 * stores it. Not enrolled: does nothing. Throws the transport's `SyncError`.
 */
export async function refreshOfficeKey(db: DeskDatabase, transport: SyncTransport, options: { now?: number; maxAgeMs?: number } = {}): Promise<OfficeKey | undefined> {
  const connection = await readConnection(db);
  if (connection === undefined) return undefined;
  const now = options.now ?? Date.now();
  const existing = await loadOfficeKey(db);
  if (existing !== undefined && now - Date.parse(existing.fetchedAt) < (options.maxAgeMs ?? OFFICE_KEY_MAX_AGE_MS)) return existing;
  const answer = await transport.officeKey();
  if (answer.officeId !== connection.officeId) throw new SyncError('server_error', { reason: 'office key of another office' });
  const usable = await checkSigningKey(answer.privateKeyPkcs8);
  if (!usable.ok) throw new SyncError('server_error', { reason: 'office key is not an Ed25519 PKCS#8 key' });
  const key: OfficeKey = {
    officeId: answer.officeId,
    keyId: answer.keyId,
    privateKeyPkcs8: answer.privateKeyPkcs8,
    publicKeySpki: answer.publicKeySpki,
    fetchedAt: new Date(now).toISOString(),
  };
  await saveOfficeKey(db, key);
  return key;
}

/**
 * After a successful sync: the office key, then the current year's number blocks of every
 * certificate program. Never fails the sync (an older server without these routes, a series that
 * is used up): the first failure is stored under `DOCUMENTS_SYNC_ERROR_KEY` and returned.
 */
export async function refreshDocumentsAfterSync(db: DeskDatabase, transport: SyncTransport, deviceId: string, now: number): Promise<SyncFailure | null> {
  let first: unknown = null;
  try {
    await refreshOfficeKey(db, transport, { now });
  } catch (error) {
    first = error;
  }
  for (const series of certificateSeries(new Date(now).getFullYear())) {
    try {
      await topUpNumbers(db, transport, deviceId, series);
    } catch (error) {
      first ??= error;
      // No server: the other series would fail the same way.
      if (error instanceof SyncError && error.code === 'network') break;
    }
  }
  const at = new Date(now).toISOString();
  if (first === null) {
    await db.settings.delete(DOCUMENTS_SYNC_ERROR_KEY);
    return null;
  }
  const failure: SyncFailure =
    first instanceof SyncError
      ? { code: first.code, message: first.message, retry: first.retry, at }
      : { code: 'local', message: errorMessage(first), retry: true, at };
  await db.settings.put({ key: DOCUMENTS_SYNC_ERROR_KEY, value: failure });
  return failure;
}

/** What a top-up before issuing did; issuing goes on in every case with the blocks on hand. */
export interface PrepareOutcome {
  /** Numbers received now. */
  readonly received: number;
  /** Why the server could not be asked or refused (network, numbers used up …); null if fine. */
  readonly failure: SyncError | Error | null;
}

/**
 * Before issuing `need` certificates per series: tops up each series from the server when fewer
 * are left. Failures are returned, not thrown: the desk then issues from what it holds, and
 * refuses (NO_NUMBER_MESSAGE) when that is not enough.
 */
export async function prepareNumbers(
  db: DeskDatabase,
  transport: SyncTransport,
  deviceId: string,
  needs: readonly { readonly series: Series; readonly count: number }[],
): Promise<PrepareOutcome> {
  let received = 0;
  for (const { series, count } of needs) {
    try {
      received += await topUpNumbers(db, transport, deviceId, series, { need: count });
    } catch (error) {
      return { received, failure: error instanceof Error ? error : new Error(String(error)) };
    }
  }
  return { received, failure: null };
}
