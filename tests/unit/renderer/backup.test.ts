import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { BACKUP_FORMAT, backupBytes, exportBackup } from '../../../renderer/src/db/backup';

describe('data backup', () => {
  it('holds every table but the blobs, and never the device token', async () => {
    const db = new DeskDatabase('backup-test');
    await db.settings.bulkPut([
      { key: 'deviceId', value: 'device-a' },
      { key: 'sync.token', value: 'secret-token' },
    ]);
    const backup = await exportBackup(db, new Date('2026-11-22T02:00:00.000Z'));
    expect(backup.format).toBe(BACKUP_FORMAT);
    expect(Object.keys(backup.tables)).not.toContain('blobs');
    expect(backup.tables.settings).toEqual([{ key: 'deviceId', value: 'device-a' }]);
    expect(new TextDecoder().decode(backupBytes(backup))).not.toContain('secret-token');
    db.close();
    await db.delete();
  });
});
