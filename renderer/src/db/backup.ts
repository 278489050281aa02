/**
 * A full copy of this device's records as one JSON file, for the office to keep beside the
 * server copy (and the only copy before a device has ever synced). Attachment bytes are not
 * included: they are large and content-addressed, and sync moves them on their own.
 */
import type { DeskDatabase } from './database';

/**
 * Settings that must never leave the device in a file: the sync device token is a credential
 * (whoever holds it can push as this device) and a backup is handed around on USB sticks.
 */
const SECRET_SETTINGS: ReadonlySet<string> = new Set(['sync.token']);

export const BACKUP_FORMAT = 'association-desk-backup';

export interface Backup {
  readonly format: typeof BACKUP_FORMAT;
  readonly formatVersion: 1;
  readonly schemaVersion: number;
  readonly exportedAt: string;
  readonly tables: Readonly<Record<string, readonly unknown[]>>;
}

export async function exportBackup(db: DeskDatabase, now: Date = new Date()): Promise<Backup> {
  const tables: Record<string, unknown[]> = {};
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) {
      if (table.name === 'blobs') continue;
      const rows = await table.toArray();
      tables[table.name] =
        table.name === 'settings' ? rows.filter((r) => !SECRET_SETTINGS.has((r as { key: string }).key)) : rows;
    }
  });
  return { format: BACKUP_FORMAT, formatVersion: 1, schemaVersion: db.verno, exportedAt: now.toISOString(), tables };
}

export function backupBytes(backup: Backup): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(backup, null, 1));
}
