/**
 * When backups are made without anyone asking, and which are kept.
 *
 * - Desktop app: one automatic backup a day (the first start of the day, and once a day while it
 *   stays open) and one before every schema upgrade, written into the backup folder. Of each kind
 *   the newest `AUTO_BACKUP_KEEP` are kept; older ones are deleted by the shell (electron/backups).
 * - Browser mode has no folder: the administrator is reminded to download one when none was made
 *   for `BROWSER_REMINDER_DAYS` days (and not again for a day after "remind me later").
 *
 * Pure: dates and instants are parameters.
 */
import { BACKUP_EXTENSION, type BackupReason } from './format';

/** Automatic backups of each kind kept in the folder. */
export const AUTO_BACKUP_KEEP = { daily: 14, upgrade: 5 } as const;

/** Days after which browser mode reminds the administrator. */
export const BROWSER_REMINDER_DAYS = 7;
/** "Remind me later" in browser mode: not before this many hours. */
export const REMINDER_SNOOZE_HOURS = 24;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether today's automatic backup is still to be made (`lastDay`: the local date of the last one). */
export function dailyBackupDue(lastDay: string | undefined, today: string): boolean {
  return lastDay === undefined || lastDay < today;
}

/** Whether opening the database will upgrade it, so a backup must be made first. */
export function upgradeBackupDue(storedVersion: number | undefined, appVersion: number): boolean {
  return storedVersion !== undefined && storedVersion > 0 && storedVersion < appVersion;
}

const PREFIX = '协会办事台自动备份';
const AUTO_NAME = new RegExp(`^${PREFIX}-(\\d{8}-\\d{6})-(daily|upgrade)(?:-v(\\d+))?\\${BACKUP_EXTENSION}$`);

/**
 * The name of an automatic backup: `协会办事台自动备份-20261122-140501-daily.deskbackup`, or
 * `…-upgrade-v3.deskbackup` for the copy made before upgrading from schema version 3. `stamp`
 * is the local time as `YYYYMMDD-HHmmss` (it sorts as time does).
 */
export function autoBackupFileName(reason: Exclude<BackupReason, 'manual'>, stamp: string, fromVersion?: number): string {
  if (!/^\d{8}-\d{6}$/.test(stamp)) throw new RangeError(`stamp must be YYYYMMDD-HHmmss, got ${stamp}`);
  return `${PREFIX}-${stamp}-${reason}${reason === 'upgrade' && fromVersion !== undefined ? `-v${fromVersion}` : ''}${BACKUP_EXTENSION}`;
}

/** The name of a backup an administrator saves: `协会办事台备份-20261122-140501.deskbackup`. */
export function manualBackupFileName(stamp: string): string {
  return `协会办事台备份-${stamp}${BACKUP_EXTENSION}`;
}

/** Kind and time of an automatic backup's file name, or null for any other file. */
export function parseAutoBackupName(name: string): { reason: 'daily' | 'upgrade'; stamp: string } | null {
  const m = AUTO_NAME.exec(name);
  return m ? { reason: m[2] as 'daily' | 'upgrade', stamp: m[1]! } : null;
}

/**
 * Which automatic backups to delete so that of each kind only the newest `keep` remain. Files
 * that are not automatic backups (a copy the administrator put there) are never touched.
 */
export function planRotation(names: readonly string[], keep: Readonly<Record<'daily' | 'upgrade', number>> = AUTO_BACKUP_KEEP): string[] {
  const doomed: string[] = [];
  for (const reason of ['daily', 'upgrade'] as const) {
    const ofKind = names
      .map((name) => ({ name, parsed: parseAutoBackupName(name) }))
      .filter((f) => f.parsed?.reason === reason)
      .sort((a, b) => (a.parsed!.stamp < b.parsed!.stamp ? 1 : a.parsed!.stamp > b.parsed!.stamp ? -1 : a.name < b.name ? 1 : -1));
    doomed.push(...ofKind.slice(Math.max(0, keep[reason])).map((f) => f.name));
  }
  return doomed;
}

export interface ReminderInput {
  /** When a backup was last saved (downloaded) in this browser, or undefined. */
  readonly lastBackupAt: string | undefined;
  /** "Remind me later" until then, or undefined. */
  readonly snoozedUntil: string | undefined;
  /** Whether the desk holds anything worth keeping (records, users). */
  readonly hasData: boolean;
  readonly nowMs: number;
}

export interface Reminder {
  readonly due: boolean;
  /** Whole days since the last backup; null when there never was one. */
  readonly daysSince: number | null;
  /** What the banner says (Chinese). */
  readonly message: string;
}

/** Browser mode: whether to remind the administrator to download a backup now. */
export function backupReminder(input: ReminderInput): Reminder {
  const last = input.lastBackupAt === undefined ? NaN : Date.parse(input.lastBackupAt);
  const daysSince = Number.isFinite(last) ? Math.max(0, Math.floor((input.nowMs - last) / DAY_MS)) : null;
  const snoozed = input.snoozedUntil !== undefined && Date.parse(input.snoozedUntil) > input.nowMs;
  const stale = daysSince === null || daysSince >= BROWSER_REMINDER_DAYS;
  const due = input.hasData && stale && !snoozed;
  const message =
    daysSince === null
      ? '本机的数据只保存在这个浏览器里，还从未备份过。请在“设置”中下载一份数据备份，存放在安全的地方。'
      : `距上次下载数据备份已有 ${daysSince} 天。浏览器模式下数据只保存在这个浏览器里，请在“设置”中下载一份新的备份。`;
  return { due, daysSince, message };
}

/** The snooze instant for "remind me later". */
export function snoozeUntil(nowMs: number): string {
  return new Date(nowMs + REMINDER_SNOOZE_HOURS * 60 * 60 * 1000).toISOString();
}
