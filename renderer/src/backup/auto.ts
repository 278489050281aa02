/**
 * Backups nobody has to remember:
 *
 * - desktop app: before the database is opened by a version of the app with a newer schema, a
 *   backup of it as it is (`backupBeforeUpgrade`, reason `upgrade`); and one a day
 *   (`dailyBackupIfDue`, at start and every hour while the app stays open). Both are written into
 *   the backup folder through the bridge, which keeps the newest of each kind (electron/backups).
 * - browser mode has no folder: `backupReminder` says when to remind the administrator to
 *   download one (a week after the last, or never made), `recordBackupSaved` resets it after a
 *   download, `snoozeBackupReminder` is "remind me later".
 *
 * An automatic backup never carries secrets (there is nobody to type a passphrase); restoring
 * one asks for a new administrator password (./restore).
 */
import { Dexie } from 'dexie';
import type { DeskBridge, WriteBackupResult } from '../../../shared/ipc/contract';
import { backupReminder, dailyBackupDue, snoozeUntil, upgradeBackupDue, type Reminder } from '../../../shared/backup/schedule';
import { DATABASE_NAME, SCHEMA_VERSION, type DeskDatabase } from '../db/database';
import { createBackup } from './create';
import { errorMessage } from '../../../shared/rules/error-message';

export const BACKUP_KEYS = {
  /** Local date (YYYY-MM-DD) of the last automatic daily backup. */
  lastDaily: 'backup.lastDailyDay',
  /** ISO instant of the last backup saved or downloaded by an administrator. */
  lastSaved: 'backup.lastSavedAt',
  /** Browser mode: no reminder before this instant. */
  snoozedUntil: 'backup.reminderSnoozedUntil',
} as const;

export interface AutoBackupDeps {
  readonly bridge: Pick<DeskBridge, 'writeBackup'>;
  readonly appVersion: string;
  readonly now?: () => Date;
}

export type AutoBackupOutcome =
  | { readonly status: 'not-due' }
  | { readonly status: 'saved'; readonly fileName: string; readonly removed: readonly string[] }
  | { readonly status: 'unavailable'; readonly message: string }
  | { readonly status: 'failed'; readonly message: string };

function localDay(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}`;
}

async function write(deps: AutoBackupDeps, fileName: string, bytes: Uint8Array): Promise<WriteBackupResult> {
  return deps.bridge.writeBackup({ fileName, bytes });
}

function failed(error: unknown): AutoBackupOutcome {
  return { status: 'failed', message: `自动备份失败：${errorMessage(error)}` };
}

/**
 * Before the app opens its database: if the stored database is at an older schema version, backs
 * it up as it is (opened without a version, so nothing is upgraded), then closes it. Returns
 * `not-due` for a new or current database. Never throws: a failed backup must not keep the desk
 * from starting (the outcome says what happened).
 */
export async function backupBeforeUpgrade(deps: AutoBackupDeps, name: string = DATABASE_NAME, appSchemaVersion: number = SCHEMA_VERSION): Promise<AutoBackupOutcome> {
  try {
    if (!(await Dexie.exists(name))) return { status: 'not-due' };
    const existing = new Dexie(name);
    await existing.open();
    try {
      if (!upgradeBackupDue(existing.verno, appSchemaVersion)) return { status: 'not-due' };
      const file = await createBackup(existing, { reason: 'upgrade', appVersion: deps.appVersion, ...(deps.now ? { now: deps.now() } : {}) });
      const result = await write(deps, file.fileName, file.bytes);
      return result.status === 'saved' ? { status: 'saved', fileName: file.fileName, removed: result.removed } : result;
    } finally {
      existing.close();
    }
  } catch (error) {
    return failed(error);
  }
}

/** Today's automatic backup, when not made yet (desktop app). Never throws. */
export async function dailyBackupIfDue(db: DeskDatabase, deps: AutoBackupDeps): Promise<AutoBackupOutcome> {
  try {
    const now = deps.now?.() ?? new Date();
    const today = localDay(now);
    const last = (await db.settings.get(BACKUP_KEYS.lastDaily))?.value;
    if (!dailyBackupDue(typeof last === 'string' ? last : undefined, today)) return { status: 'not-due' };
    const file = await createBackup(db, { reason: 'daily', appVersion: deps.appVersion, now });
    const result = await write(deps, file.fileName, file.bytes);
    if (result.status !== 'saved') return result;
    await db.settings.put({ key: BACKUP_KEYS.lastDaily, value: today });
    return { status: 'saved', fileName: file.fileName, removed: result.removed };
  } catch (error) {
    return failed(error);
  }
}

/** Browser mode: whether (and what) to remind the administrator about downloading a backup. */
export async function browserBackupReminder(db: DeskDatabase, nowMs: number = Date.now()): Promise<Reminder> {
  const [last, snoozed] = await Promise.all([db.settings.get(BACKUP_KEYS.lastSaved), db.settings.get(BACKUP_KEYS.snoozedUntil)]);
  const hasData = (await db.users.count()) > 0 || (await db.applications.count()) > 0 || (await db.people.count()) > 0;
  return backupReminder({
    lastBackupAt: typeof last?.value === 'string' ? last.value : undefined,
    snoozedUntil: typeof snoozed?.value === 'string' ? snoozed.value : undefined,
    hasData,
    nowMs,
  });
}

/** A backup was saved or downloaded by an administrator (resets the browser reminder). */
export async function recordBackupSaved(db: DeskDatabase, at: Date = new Date()): Promise<void> {
  await db.settings.put({ key: BACKUP_KEYS.lastSaved, value: at.toISOString() });
}

/** "Remind me later" (browser mode): not again for a day. */
export async function snoozeBackupReminder(db: DeskDatabase, nowMs: number = Date.now()): Promise<void> {
  await db.settings.put({ key: BACKUP_KEYS.snoozedUntil, value: snoozeUntil(nowMs) });
}
