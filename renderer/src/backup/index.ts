/**
 * What the screens call for backups (the app's database, the bridge, the signed-in user):
 *
 * - 设置 (administrators): `saveBackup({ passphrase? })` — save a backup file through the save
 *   dialog (desktop) or a download (browser); `listFolderBackups()` / `readFolderBackup(name)` —
 *   the automatic backups in the backup folder (desktop); `inspectBackupFile(bytes)` then
 *   `restoreFromBackup(bytes, options)` — restore; browser mode: `browserBackupReminder()`,
 *   `snoozeBackupReminder()`.
 * - first start (no user yet): the same `inspectBackupFile` / `restoreFromBackup`, with nobody
 *   signed in.
 * - start of the app (main.tsx): `prepareDesk()` before the first render (backup before a schema
 *   upgrade, then today's backup), `startDailyBackups()` while it runs (desktop only).
 */
import { db } from '../db';
import { bridge, isDesktop } from '../platform/bridge';
import type { ListBackupsResult, ReadBackupResult, SaveFileResult } from '../../../shared/ipc/contract';
import { requireAction, sessionActor } from '../auth/access';
import { useSession } from '../stores/session';
import { syncEngine } from '../sync';
import { BACKUP_KEYS, backupBeforeUpgrade, browserBackupReminder, dailyBackupIfDue, recordBackupSaved, snoozeBackupReminder, type AutoBackupOutcome } from './auto';
import { createBackup } from './create';
import { inspectBackup, restoreBackup, type BackupInspection, type RestoreOptions, type RestoreResult } from './restore';

export { BackupError, OtherOfficeError } from './errors';
export { passphraseProblem, PASSPHRASE_MIN_LENGTH } from './crypto';
export type { BackupInspection, RestoreOptions, RestoreResult } from './restore';
export type { AutoBackupOutcome } from './auto';

const appVersion = (): string => __APP_VERSION__;

/** 设置 › 导出数据备份: with a passphrase the secrets go in sealed; without, they stay out. */
export async function saveBackup(options: { readonly passphrase?: string } = {}): Promise<SaveFileResult> {
  await requireAction(db, sessionActor(), 'backup.create');
  const file = await createBackup(db, { reason: 'manual', appVersion: appVersion(), ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }) });
  const result = await bridge.saveFile({ suggestedName: file.fileName, bytes: file.bytes, filterName: '协会办事台备份' });
  if (result.status !== 'cancelled') await recordBackupSaved(db);
  return result;
}

/** What a chosen file holds, checked completely; throws `BackupError` for a damaged or foreign one. */
export function inspectBackupFile(bytes: Uint8Array): Promise<BackupInspection> {
  return inspectBackup(db, bytes);
}

/**
 * Restores (administrators, or anyone on the first start before a user exists). Throws
 * `OtherOfficeError` to be confirmed, `BackupError` for everything else; replaces nothing then.
 * On success the session ends and the sync engine starts afresh: the screen reloads the app.
 */
export async function restoreFromBackup(bytes: Uint8Array, options: Omit<RestoreOptions, 'actor'>): Promise<RestoreResult> {
  const result = await restoreBackup(db, bytes, { ...options, actor: sessionActor() });
  useSession.getState().signOut();
  await syncEngine.reset();
  return result;
}

export function listFolderBackups(): Promise<ListBackupsResult> {
  return bridge.listBackups();
}

export function readFolderBackup(fileName: string): Promise<ReadBackupResult> {
  return bridge.readBackup(fileName);
}

/**
 * Before the first render: a backup of the database as it is when this version of the app will
 * upgrade it, then today's automatic backup (desktop app only; browser mode has no folder).
 */
export async function prepareDesk(): Promise<AutoBackupOutcome[]> {
  if (!isDesktop) return [];
  const deps = { bridge, appVersion: appVersion() };
  const upgrade = await backupBeforeUpgrade(deps);
  const daily = await dailyBackupIfDue(db, deps);
  return [upgrade, daily];
}

/** Checks once an hour whether today's backup is due (the desktop app may stay open for days). */
export function startDailyBackups(): () => void {
  if (!isDesktop) return () => undefined;
  const timer = window.setInterval(() => void dailyBackupIfDue(db, { bridge, appVersion: appVersion() }), 60 * 60_000);
  return () => window.clearInterval(timer);
}

/** Browser mode's weekly reminder, for a banner the administrator sees. */
export function backupReminder() {
  return browserBackupReminder(db);
}

export function remindLater(): Promise<void> {
  return snoozeBackupReminder(db);
}

/** When an administrator last saved (or downloaded) a backup on this desk, or undefined. */
export async function lastBackupSavedAt(): Promise<string | undefined> {
  const row = await db.settings.get(BACKUP_KEYS.lastSaved);
  return typeof row?.value === 'string' ? row.value : undefined;
}
