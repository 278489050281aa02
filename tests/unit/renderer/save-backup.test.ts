/**
 * 设置 › 导出数据备份 (renderer/src/backup `saveBackup`, what the screen calls): administrators
 * only; without a backup password the device token, the signing key and the password records
 * stay out of the file; with one they go in sealed, nowhere in clear. Saving resets the browser
 * mode's reminder.
 */
import { saved } from './save-backup-env';
import { describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db';
import { lastBackupSavedAt, saveBackup } from '../../../renderer/src/backup';
import { useSession } from '../../../renderer/src/stores/session';
import { readBackup } from '../../../shared/backup/format';
import { sha256Hex } from '../../../shared/security/sha256';

const ADMIN = { id: '01937b2c-0000-7000-8000-0000000000a1', username: 'admin', displayName: '王管理', role: 'admin' as const };
const AT = '2026-11-22T02:00:00.000Z';
const HASH = 'pbkdf2-sha256$600000$HASH-THAT-STAYS-ON-THE-DESK';
const SALT = 'SALT-THAT-STAYS-ON-THE-DESK';

async function seed(): Promise<void> {
  await db.settings.bulkPut([
    { key: 'deviceId', value: 'device-a' },
    { key: 'sync.token', value: 'secret-token' },
    { key: 'documents.signing', value: { privateKeyPkcs8: 'PRIVATE-KEY-BASE64', verifyHost: 'verify.example.org.cn' } },
  ]);
  await db.users.put({ ...ADMIN, passwordHash: HASH, passwordSalt: SALT, createdAt: AT, createdBy: 'setup', updatedAt: AT, updatedBy: 'setup' });
}

describe('设置 › 导出数据备份', () => {
  it('without a backup password: settings kept, but never the device token, the signing key or a password record', async () => {
    await seed();
    useSession.getState().signIn(ADMIN);
    expect(await saveBackup()).toMatchObject({ status: 'saved' });
    const file = saved.at(-1)!;
    expect(file.suggestedName).toMatch(/^协会办事台备份-\d{8}-\d{6}\.deskbackup$/);
    const text = new TextDecoder().decode(file.bytes);
    for (const secret of ['secret-token', 'PRIVATE-KEY-BASE64', HASH, SALT]) expect(text).not.toContain(secret);
    const read = await readBackup(file.bytes, async (b) => sha256Hex(b));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.tables.settings).toContainEqual({ key: 'documents.signing', value: { verifyHost: 'verify.example.org.cn' } });
    expect(read.value.tables.users).toEqual([expect.objectContaining({ username: 'admin', displayName: '王管理' })]);
    expect(read.value.tables.users![0]).not.toHaveProperty('passwordHash');
    expect(await lastBackupSavedAt()).toBeDefined();
  });

  it('with a backup password: the secrets are in the file, sealed — nowhere in clear', async () => {
    useSession.getState().signIn(ADMIN);
    await saveBackup({ passphrase: '办公室的备份密码2026' });
    const text = new TextDecoder().decode(saved.at(-1)!.bytes);
    for (const secret of ['secret-token', 'PRIVATE-KEY-BASE64', HASH, SALT]) expect(text).not.toContain(secret);
    expect(text).toContain('AES-256-GCM');
  });

  it('a backup password shorter than 10 characters is refused, and nothing is saved', async () => {
    useSession.getState().signIn(ADMIN);
    const before = saved.length;
    await expect(saveBackup({ passphrase: '123456789' })).rejects.toThrow('备份密码至少需要 10 个字符。');
    expect(saved.length).toBe(before);
  });

  it('a clerk or a reviewer may not', async () => {
    useSession.getState().signIn({ id: 'clerk-1', username: 'li', displayName: '李经办', role: 'clerk' });
    await expect(saveBackup()).rejects.toThrow('经办人无权导出数据备份：只有管理员可以操作。');
    useSession.getState().signIn({ id: 'reviewer-1', username: 'zhao', displayName: '赵评审', role: 'reviewer' });
    await expect(saveBackup()).rejects.toThrow('评审人员无权导出数据备份：只有管理员可以操作。');
    useSession.getState().signOut();
  });
});
