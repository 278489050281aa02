/**
 * Enrolment: trading an administrator's one-time code for a device token. The desk keeps its own
 * device id (it may have worked offline for weeks, and its operations already carry that id).
 *
 * Inputs are checked here first, with the same schemas the server uses, so a typo is reported
 * beside its field without a round trip. The token is stored and never shown.
 *
 * Moving to ANOTHER office while the outbox still holds operations: the operations were written
 * for the old office; pushed to the new one they would put the old office's records into another
 * office's books, and never reach the old office. So the desk refuses (`PendingOperationsError`,
 * before anything is sent, so the one-time code is not used up) and says what to do: sync to the
 * old office, or export a batch file for it (同步 page). Only when the clerk confirms
 * (`discardPending`) are the pending operations dropped — in the same Dexie transaction that
 * stores the new connection, and only after the new server accepted the code, so a refused code
 * discards nothing.
 *
 * "Another office" = another office code (case and spaces do not matter). The same code at
 * another address is the same office's server moving: its pending operations go to the new
 * address. Should the new server answer with another office id anyway (a different deployment
 * that happens to use the same code), the answer is not stored and the same refusal is given.
 * Enrolling again into the same office (a new code, a new device name) never discards anything.
 */
import type { DeskDatabase } from '../db/database';
import { SyncError } from '../../../shared/sync/errors';
import { enrolmentCodeSchema, officeCodeSchema, type EnrolmentResponse } from '../../../shared/sync/protocol';
import { parseServerUrl } from '../../../shared/sync/server-url';
import { SYNC_KEYS, readConnection, type SyncConnection } from './settings';
import type { SyncTransport } from './transport';

export interface EnrolInput {
  readonly serverUrl: string;
  readonly officeCode: string;
  readonly enrolmentCode: string;
  readonly deviceName: string;
}

export type EnrolField = keyof EnrolInput;

/** A typed value that cannot be right; `field` says which input to mark. */
export class EnrolInputError extends Error {
  constructor(
    readonly field: EnrolField,
    message: string,
  ) {
    super(message);
    this.name = 'EnrolInputError';
  }
}

/**
 * Enrolling into another office was refused because operations are still waiting to be synced
 * to the current one. Nothing was sent and nothing changed.
 */
export class PendingOperationsError extends Error {
  constructor(
    readonly pending: number,
    readonly currentOffice: { readonly name: string; readonly code: string },
  ) {
    super(
      `本机还有 ${pending} 条修改尚未同步到“${currentOffice.name}”（办事处代码 ${currentOffice.code}）。` +
        '登记到另一个办事处后，这些修改将不会再送到原办事处。' +
        '请先在“同步”页点“立即同步”把它们送到原办事处，或点“导出批次文件”交给原办事处导入；' +
        '确认不再需要这些修改时，才选择“丢弃并登记”。',
    );
    this.name = 'PendingOperationsError';
  }
}

export interface EnrolOptions {
  /** The clerk confirmed dropping the operations still waiting for the old office. */
  readonly discardPending?: boolean;
}

/** What the enrol form shows for a refusal from the server: the catalogue's words, and for a 429 how long to wait. */
export function enrolRefusalMessage(error: SyncError): string {
  if (error.code !== 'rate_limited' || error.retryAfterSeconds === undefined) return error.message;
  const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
  return `登记尝试次数过多，服务器暂时不受理。请约 ${minutes} 分钟后再试（登记不会自动重试）。`;
}

export interface EnrolDeps {
  readonly db: DeskDatabase;
  readonly deviceId: string;
  readonly appVersion: string;
  readonly transportFor: (baseUrl: string) => SyncTransport;
  readonly now?: () => Date;
}

function check<T>(field: EnrolField, parsed: { success: true; data: T } | { success: false; error: { issues: { message: string }[] } }): T {
  if (!parsed.success) throw new EnrolInputError(field, parsed.error.issues[0]?.message ?? '格式不正确');
  return parsed.data;
}

/**
 * Enrols this device; returns the stored connection (never the token). Throws `EnrolInputError`
 * for a bad input and the transport's `SyncError` for a refusal (wrong code, rate limit …).
 */
export async function enrolDevice(input: EnrolInput, deps: EnrolDeps, options: EnrolOptions = {}): Promise<SyncConnection> {
  const url = parseServerUrl(input.serverUrl);
  if (!url.ok) throw new EnrolInputError('serverUrl', url.error.message);
  const officeCode = check('officeCode', officeCodeSchema.safeParse(input.officeCode));
  const enrolmentCode = check('enrolmentCode', enrolmentCodeSchema.safeParse(input.enrolmentCode));
  const deviceName = input.deviceName.trim();
  if (deviceName === '') throw new EnrolInputError('deviceName', '请填写本机名称，例如“收件窗口 2 号机”');
  if (deviceName.length > 50) throw new EnrolInputError('deviceName', '本机名称过长（最多50个字）');

  const { db } = deps;
  const discard = options.discardPending === true;
  // Checked before anything is sent: a refusal here leaves the one-time code unused.
  const current = await readConnection(db);
  if (!discard && current !== undefined && current.officeCode !== officeCode) await refuseIfPending(db, current);

  const answer: EnrolmentResponse = await deps.transportFor(url.value.baseUrl).enrol({
    officeCode,
    enrolmentCode,
    deviceId: deps.deviceId,
    deviceName,
    appVersion: deps.appVersion,
  });
  if (answer.deviceId !== deps.deviceId) {
    throw new SyncError('server_error', { reason: 'enrolment answered for another device id' });
  }

  const connection: SyncConnection = {
    baseUrl: url.value.baseUrl,
    officeCode,
    officeId: answer.officeId,
    officeName: answer.officeName,
    deviceName,
    enrolledAt: (deps.now?.() ?? new Date()).toISOString(),
  };
  await db.transaction('rw', db.settings, db.outbox, async () => {
    const before = await readConnection(db);
    const otherOffice = before !== undefined && before.officeId !== connection.officeId;
    if (otherOffice) {
      if (discard) {
        // Confirmed by the clerk: what was waiting for the old office goes, with its batch in flight.
        await db.outbox.clear();
        await db.settings.delete(SYNC_KEYS.inflight);
      } else {
        await refuseIfPending(db, before);
      }
    }
    // Another office or another server has another log: its positions mean nothing here.
    if (before === undefined || otherOffice || before.baseUrl !== connection.baseUrl) {
      await db.settings.delete(SYNC_KEYS.cursor);
    }
    await db.settings.put({ key: SYNC_KEYS.connection, value: connection });
    await db.settings.put({ key: SYNC_KEYS.token, value: answer.deviceToken });
    await db.settings.delete(SYNC_KEYS.lastError);
  });
  return connection;
}

/** Throws `PendingOperationsError` when operations still wait for `current`'s office. */
async function refuseIfPending(db: DeskDatabase, current: SyncConnection): Promise<void> {
  const pending = await db.outbox.count();
  if (pending > 0) throw new PendingOperationsError(pending, { name: current.officeName, code: current.officeCode });
}

/** Operations still waiting to be synced (the enrol form warns before a switch of office). */
export function pendingOperations(db: DeskDatabase): Promise<number> {
  return db.outbox.count();
}
