/**
 * 设置 › 导出数据备份 (renderer/src/db/backup.ts, until the screen calls renderer/src/backup
 * `saveBackup`): the new backup format, attachments included, secrets out — the device token,
 * the signing key, the password hashes — and administrators only.
 */
import '../intake/env';
import { describe, expect, it } from 'vitest';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { backupBytes, exportBackup } from '../../../renderer/src/db/backup';
import { useSession } from '../../../renderer/src/stores/session';
import { readBackup } from '../../../shared/backup/format';
import { sha256Hex } from '../../../shared/security/sha256';

describe('data backup from 设置', () => {
  it('holds the settings but never the device token or the signing key', async () => {
    const db = new DeskDatabase('backup-test');
    await db.settings.bulkPut([
      { key: 'deviceId', value: 'device-a' },
      { key: 'sync.token', value: 'secret-token' },
      { key: 'documents.signing', value: { privateKeyPkcs8: 'PRIVATE-KEY-BASE64', verifyHost: 'verify.example.org.cn' } },
    ]);
    useSession.getState().signIn({ id: 'admin-1', username: 'admin', displayName: '管理员', role: 'admin' });
    const bytes = backupBytes(await exportBackup(db, new Date('2026-11-22T02:00:00.000Z')));
    const text = new TextDecoder().decode(bytes);
    expect(text).not.toContain('secret-token');
    expect(text).not.toContain('PRIVATE-KEY-BASE64');
    const read = await readBackup(bytes, async (b) => sha256Hex(b));
    expect(read.ok && read.value.tables.settings).toEqual([
      { key: 'deviceId', value: 'device-a' },
      { key: 'documents.signing', value: { verifyHost: 'verify.example.org.cn' } },
    ]);
    useSession.getState().signIn({ id: 'clerk-1', username: 'li', displayName: '李', role: 'clerk' });
    await expect(exportBackup(db)).rejects.toThrow('经办人无权导出数据备份：只有管理员可以操作。');
    useSession.getState().signOut();
    db.close();
    await db.delete();
  });
});
