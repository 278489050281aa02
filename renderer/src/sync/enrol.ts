/**
 * Enrolment: trading an administrator's one-time code for a device token. The desk keeps its own
 * device id (it may have worked offline for weeks, and its operations already carry that id).
 *
 * Inputs are checked here first, with the same schemas the server uses, so a typo is reported
 * beside its field without a round trip. The token is stored and never shown.
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
export async function enrolDevice(input: EnrolInput, deps: EnrolDeps): Promise<SyncConnection> {
  const url = parseServerUrl(input.serverUrl);
  if (!url.ok) throw new EnrolInputError('serverUrl', url.error.message);
  const officeCode = check('officeCode', officeCodeSchema.safeParse(input.officeCode));
  const enrolmentCode = check('enrolmentCode', enrolmentCodeSchema.safeParse(input.enrolmentCode));
  const deviceName = input.deviceName.trim();
  if (deviceName === '') throw new EnrolInputError('deviceName', '请填写本机名称，例如“收件窗口 2 号机”');
  if (deviceName.length > 50) throw new EnrolInputError('deviceName', '本机名称过长（最多50个字）');

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
  const { db } = deps;
  await db.transaction('rw', db.settings, async () => {
    const before = await readConnection(db);
    // Another office or another server has another log: its positions mean nothing here.
    if (before === undefined || before.officeId !== connection.officeId || before.baseUrl !== connection.baseUrl) {
      await db.settings.delete(SYNC_KEYS.cursor);
    }
    await db.settings.put({ key: SYNC_KEYS.connection, value: connection });
    await db.settings.put({ key: SYNC_KEYS.token, value: answer.deviceToken });
    await db.settings.delete(SYNC_KEYS.lastError);
  });
  return connection;
}
