/**
 * Enrolment: trading an administrator's one-time code for a device token. The desk keeps its own
 * device id (it may have worked offline for weeks, and its operations already carry that id).
 *
 * Inputs are checked here first, with the same schemas the server uses, so a typo is reported
 * beside its field without a round trip. The token is stored and never shown.
 *
 * Moving to ANOTHER office: the desk holds the old office's records and perhaps operations not
 * yet sent. Pushed to the new office they would put the old office's records into another
 * office's books (offices are kept apart), and never reach the old office. So a switch is refused
 * (`OfficeSwitchError`, before anything is sent, so the one-time code is not used up) and the
 * form says what it would cost: the count of changes still waiting (sync them to the old office
 * first, or export a batch file for it on the 同步 page) and of records on the desk. Only when
 * the clerk confirms (`leaveOffice`) does the desk leave the old office: in the same Dexie
 * transaction that stores the new connection, and only after the new server accepted the code
 * (so a refused code changes nothing), it drops the pending operations and every record of the
 * old office — people, files, users, attachments and their bytes, audit, drafts, conflicts, its
 * certificate number blocks and signing key. Those records stay on the old office's server; the
 * first sync then downloads the new office's. What belongs to the computer stays: the device id
 * and its clock, the printer calibration and the working-day calendar. A desk with nothing of
 * the old office on it switches without being asked.
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
import { syncedTables } from '../../../shared/sync/protocol';
import { CLOCK_KEY } from '../db/clock';
import { CALENDAR_SETTING, DEVICE_ID_KEY } from '../db/keys';
import { DOCUMENT_KEYS } from '../documents/settings';
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
 * Enrolling into another office was refused because the desk still holds the current office's
 * work: `pending` operations not yet synced and `records` records on the desk. Nothing was sent
 * and nothing changed.
 */
export class OfficeSwitchError extends Error {
  constructor(
    readonly pending: number,
    readonly records: number,
    readonly currentOffice: { readonly name: string; readonly code: string },
  ) {
    const office = `“${currentOffice.name}”（办事处代码 ${currentOffice.code}）`;
    super(
      (pending > 0
        ? `本机还有 ${pending} 条修改尚未同步到${office}。登记到另一个办事处后，这些修改将不会再送到原办事处。` +
          '请先在“同步”页点“立即同步”把它们送到原办事处，或点“导出批次文件”交给原办事处导入。'
        : `本机已登记在${office}。`) +
        `切换后，本机上原办事处的 ${records} 条记录（人员、申请、材料、用户、附件等）将从本机清除，` +
        '它们仍保存在原办事处的服务器上；随后从新办事处下载它的数据。' +
        (pending > 0 ? '确认不再需要未同步的修改时，才选择“丢弃并登记”。' : '确认后选择“清除并登记”。'),
    );
    this.name = 'OfficeSwitchError';
  }
}

export interface EnrolOptions {
  /**
   * The clerk confirmed leaving the current office: its pending operations are dropped and its
   * records removed from this desk when the new office accepts the code.
   */
  readonly leaveOffice?: boolean;
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
  const leave = options.leaveOffice === true;
  // Checked before anything is sent: a refusal here leaves the one-time code unused.
  const current = await readConnection(db);
  if (!leave && current !== undefined && current.officeCode !== officeCode) await refuseIfOfficeWork(db, current);

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
  await db.transaction('rw', db.tables, async () => {
    const before = await readConnection(db);
    const otherOffice = before !== undefined && before.officeId !== connection.officeId;
    if (otherOffice) {
      // Confirmed by the clerk: the old office's work leaves the desk, its outbox with it.
      if (leave) await forgetOffice(db);
      else await refuseIfOfficeWork(db, before);
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

/** Tables that belong to the computer, not to an office. */
const DESK_TABLES: readonly string[] = ['settings'];

/** Settings that belong to the computer: its id, its clock, the printer, the calendar. */
const DESK_SETTINGS: readonly string[] = [DEVICE_ID_KEY, CLOCK_KEY, DOCUMENT_KEYS.printer, CALENDAR_SETTING];

/** The office's records on this desk (synced tables, live and tombstoned). */
export async function officeRecordCount(db: DeskDatabase): Promise<number> {
  const counts = await Promise.all(syncedTables.map((name) => db.table(name).count()));
  return counts.reduce((a, b) => a + b, 0);
}

/** Throws `OfficeSwitchError` when the desk holds anything of `current`'s office. */
async function refuseIfOfficeWork(db: DeskDatabase, current: SyncConnection): Promise<void> {
  const [pending, records] = await Promise.all([db.outbox.count(), officeRecordCount(db)]);
  if (pending > 0 || records > 0) {
    throw new OfficeSwitchError(pending, records, { name: current.officeName, code: current.officeCode });
  }
}

/** Removes everything of the current office from the desk (inside the caller's transaction). */
async function forgetOffice(db: DeskDatabase): Promise<void> {
  for (const table of db.tables) if (!DESK_TABLES.includes(table.name)) await table.clear();
  const keys = (await db.settings.toCollection().primaryKeys()) as string[];
  await db.settings.bulkDelete(keys.filter((key) => !DESK_SETTINGS.includes(key)));
}
