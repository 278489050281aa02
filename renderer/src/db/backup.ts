/**
 * The 设置 screen's 导出数据备份, until it calls `saveBackup` (renderer/src/backup): the same
 * backup file format as every other backup (shared/backup/format), attachment bytes included,
 * secrets left out (no passphrase is typed here). Administrators only (shared/access
 * `backup.create`); nothing else leaves the desk.
 */
import type { DeskDatabase } from './database';
import { requireAction, sessionActor } from '../auth/access';
import { createBackup, type BackupFile } from '../backup/create';

export { BACKUP_FORMAT } from '../../../shared/backup/format';

export type Backup = BackupFile;

const appVersion = (): string => (typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '');

export async function exportBackup(db: DeskDatabase, now: Date = new Date()): Promise<Backup> {
  await requireAction(db, sessionActor(), 'backup.create');
  return createBackup(db, { reason: 'manual', appVersion: appVersion(), now });
}

export function backupBytes(backup: Backup): Uint8Array {
  return backup.bytes;
}
