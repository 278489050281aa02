/**
 * A restore gives back exactly what was there: a desk with applications, scans and a photo is
 * backed up, restored into a fresh database, and every table is equal and every attachment byte
 * equal. The file holds no private key, password hash or device token in clear. A damaged file,
 * a wrong passphrase, another office's backup (until confirmed) and a reviewer replace nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { UserDirectory } from '../../../renderer/src/auth/users';
import { Repository } from '../../../renderer/src/db/repository';
import { currentSchema, SCHEMA_VERSION, schemaV1, schemaV2, schemaV3, type DeskDatabase } from '../../../renderer/src/db/database';
import { createBackup } from '../../../renderer/src/backup/create';
import { BackupError, OtherOfficeError } from '../../../renderer/src/backup/errors';
import { inspectBackup, restoreBackup } from '../../../renderer/src/backup/restore';
import { readBackup } from '../../../shared/backup/format';
import { sha256Hex } from '../../../shared/security/sha256';
import { ADMIN_PASSWORD, contains, dumpDesk, FAST, filledDesk, freshDb, TEST_BOUNDS, type FilledDesk } from './helpers';

const FIRST_START = { userId: null, role: null } as const;
const PASSPHRASE = '办事处备份口令-2026';
const digest = async (b: Uint8Array) => sha256Hex(b);

const open: DeskDatabase[] = [];
async function track<T extends DeskDatabase>(db: T): Promise<T> {
  open.push(db);
  if (!db.isOpen()) await db.open();
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close();
    await db.delete();
  }
});

async function desk(office?: Parameters<typeof filledDesk>[0]): Promise<FilledDesk> {
  const filled = await filledDesk(office);
  await track(filled.db);
  return filled;
}

function leaks(bytes: Uint8Array, source: FilledDesk): string[] {
  const secrets = [source.privateKeyPkcs8, source.officeKeyPkcs8, source.token, ...source.passwordHashes];
  return secrets.filter((s) => contains(bytes, s));
}

describe('备份 and restore give back exactly what was there', () => {
  it('with the passphrase: every table equal, every attachment byte equal, no secret in clear in the file', async () => {
    const source = await desk();
    const file = await createBackup(source.db, { reason: 'manual', appVersion: '0.1.0', passphrase: PASSPHRASE, iterations: FAST, now: new Date('2026-11-22T06:05:01Z') });

    expect(file.fileName).toMatch(/^协会办事台备份-\d{8}-\d{6}\.deskbackup$/);
    expect(leaks(file.bytes, source)).toEqual([]);
    expect(file.manifest).toMatchObject({ secrets: 'encrypted', schemaVersion: SCHEMA_VERSION, office: { officeId: 'office-1', officeCode: 'TEST' }, reason: 'manual' });
    expect(file.manifest.parts.filter((p) => p.kind === 'blob')).toHaveLength(3);

    const target = await track(freshDb('restored'));
    const result = await restoreBackup(target, file.bytes, { actor: FIRST_START, passphrase: PASSPHRASE, iterationBounds: TEST_BOUNDS });
    expect(result).toMatchObject({ secretsRestored: true, attachments: 3 });

    const before = await dumpDesk(source.db);
    const after = await dumpDesk(target);
    expect(after).toEqual(before);
    // Spelled out, what a clerk would check: the applications, the scans' and photo's bytes.
    expect(after.applications).toHaveLength(2);
    const bytes = (after.blobs as { bytes: number[] }[]).map((b) => b.bytes.length).sort((a, b) => a - b);
    expect(bytes).toEqual(source.blobs.map((b) => b.length).sort((a, b) => a - b));
    // Users sign in with their old passwords.
    const users = new UserDirectory(target, new Repository(target, 'users'), { iterations: FAST, iterationBounds: TEST_BOUNDS });
    expect((await users.verifySignIn('admin', ADMIN_PASSWORD)).role).toBe('admin');
  });

  it('without a passphrase the secrets stay out; the restore sets a new password for the administrator', async () => {
    const source = await desk();
    const file = await createBackup(source.db, { reason: 'manual', appVersion: '0.1.0' });
    expect(file.manifest.secrets).toBe('omitted');
    expect(leaks(file.bytes, source)).toEqual([]);

    const target = await track(freshDb('restored'));
    const inspection = await inspectBackup(target, file.bytes);
    expect(inspection).toMatchObject({ secrets: 'omitted', users: 2, needsAdminPasswordWithoutSecrets: true, attachments: 3, otherOffice: false });
    expect(inspection.admins.map((a) => a.username)).toEqual(['admin']);

    const refused = await restoreBackup(target, file.bytes, { actor: FIRST_START }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'backup.admin-password-required' });
    expect(await target.users.count()).toBe(0);

    const result = await restoreBackup(target, file.bytes, { actor: FIRST_START, adminPassword: { password: 'New-admin-2026' }, passwordIterations: FAST, iterationBounds: TEST_BOUNDS });
    expect(result).toMatchObject({ secretsRestored: false, adminPasswordSetFor: source.adminId });
    const users = new UserDirectory(target, new Repository(target, 'users'), { iterations: FAST, iterationBounds: TEST_BOUNDS });
    expect((await users.verifySignIn('admin', 'New-admin-2026')).id).toBe(source.adminId);
    // Everything but the secrets came back; the token and private keys did not.
    const after = await dumpDesk(target);
    const before = await dumpDesk(source.db);
    expect(after.applications).toEqual(before.applications);
    expect(after.blobs).toEqual(before.blobs);
    expect(await target.settings.get('sync.token')).toBeUndefined();
    expect((await target.settings.get('documents.signing'))?.value).toEqual({ verifyHost: 'verify.example.org.cn', publicKeySpki: expect.any(String) });
    // The new password reaches the other desks like any password reset.
    const last = (await target.outbox.orderBy('id').toArray()).at(-1)!;
    expect(last).toMatchObject({ table: 'users', recordId: source.adminId });
    expect(Object.keys(last.fields)).toEqual(expect.arrayContaining(['passwordHash', 'passwordSalt']));
  });

  it('a wrong passphrase replaces nothing', async () => {
    const source = await desk();
    const file = await createBackup(source.db, { reason: 'manual', appVersion: '0.1.0', passphrase: PASSPHRASE, iterations: FAST });
    const target = await track(freshDb('restored'));
    await target.settings.put({ key: 'marker', value: 'untouched' });
    const error = await restoreBackup(target, file.bytes, { actor: FIRST_START, passphrase: '不对的备份口令-2026', iterationBounds: TEST_BOUNDS }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'backup.passphrase', message: '备份密码不正确，无法打开备份中加密保存的密钥和密码。请核对后重试。' });
    expect(await dumpDesk(target)).toMatchObject({ settings: [{ key: 'marker', value: 'untouched' }], people: [] });
  });

  it('a damaged file (one byte changed, or cut short) is refused before anything is replaced', async () => {
    const source = await desk();
    const file = await createBackup(source.db, { reason: 'manual', appVersion: '0.1.0' });
    const target = await track(freshDb('restored'));
    await target.settings.put({ key: 'marker', value: 'untouched' });
    const flipped = file.bytes.slice();
    flipped[flipped.length - 10]! ^= 0xff;
    for (const bad of [flipped, file.bytes.slice(0, file.bytes.length - 100)]) {
      const error = await restoreBackup(target, bad, { actor: FIRST_START, adminPassword: { password: 'New-admin-2026' }, passwordIterations: FAST, iterationBounds: TEST_BOUNDS }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupError);
      expect((error as Error).message).toMatch(/备份文件(已损坏|不完整)/);
    }
    expect(await dumpDesk(target)).toMatchObject({ settings: [{ key: 'marker', value: 'untouched' }], people: [], blobs: [] });
    expect(await Dexie.getDatabaseNames()).not.toContainEqual(expect.stringContaining('-restore-'));
  });

  it('a backup of another office: refused until the administrator confirms, then restored', async () => {
    const source = await desk({ officeId: 'office-2', officeName: '另一个协会', officeCode: 'OTHER' });
    const file = await createBackup(source.db, { reason: 'manual', appVersion: '0.1.0', passphrase: PASSPHRASE, iterations: FAST });
    const target = await track(freshDb('restored'));
    await target.settings.put({ key: 'sync.connection', value: { baseUrl: 'https://sync.example.org', officeId: 'office-1', officeName: '测试协会', officeCode: 'TEST', deviceName: 'x', enrolledAt: '2026-11-01T00:00:00.000Z' } });
    expect((await inspectBackup(target, file.bytes)).otherOffice).toBe(true);
    const error = await restoreBackup(target, file.bytes, { actor: FIRST_START, passphrase: PASSPHRASE, iterationBounds: TEST_BOUNDS }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OtherOfficeError);
    expect((error as Error).message).toBe('这份备份属于“另一个协会”（OTHER），而本机登记在“测试协会”（TEST）。恢复后本机的全部数据将被替换为另一个办事处的数据。确定要恢复吗？');
    expect(await target.people.count()).toBe(0);
    await restoreBackup(target, file.bytes, { actor: FIRST_START, passphrase: PASSPHRASE, iterationBounds: TEST_BOUNDS, confirmOtherOffice: true });
    expect(await dumpDesk(target)).toEqual(await dumpDesk(source.db));
  });

  it('once the desk has users, only an administrator restores', async () => {
    const source = await desk();
    const file = await createBackup(source.db, { reason: 'manual', appVersion: '0.1.0', passphrase: PASSPHRASE, iterations: FAST });
    const error = await restoreBackup(source.db, file.bytes, { actor: { userId: 'someone', role: 'reviewer' }, passphrase: PASSPHRASE, iterationBounds: TEST_BOUNDS }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AccessDeniedError', message: '评审人员无权从备份恢复数据：只有管理员可以操作。' });
    const admin = { userId: source.adminId, role: 'admin' as const };
    await restoreBackup(source.db, file.bytes, { actor: admin, passphrase: PASSPHRASE, iterationBounds: TEST_BOUNDS });
  });

  it('the file format checks every part (checksums in the manifest, the manifest’s own)', async () => {
    const source = await desk();
    const file = await createBackup(source.db, { reason: 'daily', appVersion: '0.1.0' });
    const read = await readBackup(file.bytes, digest);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(Object.keys(read.value.tables).sort()).toEqual(
      // Every store of the current version but the attachment bytes, which travel as parts of their own.
      Object.keys(currentSchema).filter((t) => t !== 'blobs').sort(),
    );
    expect(file.fileName).toMatch(/^协会办事台自动备份-\d{8}-\d{6}-daily\.deskbackup$/);
  });
});

describe('older backups', () => {
  it('a backup at schema version 3 is restored and upgraded to the current version', async () => {
    const name = `v3-desk-${Date.now()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores(schemaV1);
    v3.version(2).stores(schemaV2);
    v3.version(3).stores(schemaV3);
    await v3.open();
    const base = { createdAt: '2026-11-20T00:00:00.000Z', createdBy: 'clerk-1', updatedAt: '2026-11-20T00:00:00.000Z', updatedBy: 'clerk-1' };
    await v3.table('people').add({ id: '01937b2c-0000-7000-8000-000000000001', name: '张三', idNumber: '11010519491231002X', ...base });
    await v3.table('blobs').put({ sha256: 'f'.repeat(64), blob: new Blob([new Uint8Array([9, 8, 7])], { type: 'image/jpeg' }) });
    // A v3 desk's blob is named by its hash: make the name right for this test's bytes.
    const bytes = new Uint8Array([9, 8, 7]);
    await v3.table('blobs').clear();
    await v3.table('blobs').put({ sha256: sha256Hex(bytes), blob: new Blob([bytes], { type: 'image/jpeg' }) });
    const file = await createBackup(v3, { reason: 'upgrade', appVersion: '0.0.9' });
    v3.close();
    await Dexie.delete(name);
    expect(file.manifest.schemaVersion).toBe(3);
    expect(file.fileName).toMatch(/-upgrade-v3\.deskbackup$/);

    const target = await track(freshDb('restored'));
    await restoreBackup(target, file.bytes, { actor: FIRST_START });
    expect(target.verno).toBe(SCHEMA_VERSION);
    expect((await target.people.toArray()).map((p) => p.name)).toEqual(['张三']);
    expect(new Uint8Array(await (await target.blobs.get(sha256Hex(bytes)))!.blob.arrayBuffer())).toEqual(bytes);
    expect(await target.quarantine.count()).toBe(0);
  });

  it('a JSON backup from the earlier export (format 1) is restored too, warning that its secrets were in clear', async () => {
    const person = { id: '01937b2c-0000-7000-8000-000000000001', name: '李四', idNumber: '110105194910010015', createdAt: '2026-11-20T00:00:00.000Z', createdBy: 'c', updatedAt: '2026-11-20T00:00:00.000Z', updatedBy: 'c' };
    const legacy = { format: 'association-desk-backup', formatVersion: 1, schemaVersion: 3, exportedAt: '2026-11-20T00:00:00.000Z', tables: { people: [person], settings: [{ key: 'deviceId', value: 'device-a' }] } };
    const bytes = new TextEncoder().encode(JSON.stringify(legacy, null, 1));
    const target = await track(freshDb('restored'));
    const inspection = await inspectBackup(target, bytes);
    expect(inspection.secrets).toBe('clear');
    expect(inspection.warnings).toContain('这是旧版导出的备份：其中的密码记录和签名私钥未加密。恢复后请删除这个文件，改用新的备份。');
    await restoreBackup(target, bytes, { actor: FIRST_START });
    expect(await target.people.get(person.id)).toEqual(person);
  });

  it('a file that is not a backup is refused in Chinese', async () => {
    const target = await track(freshDb('restored'));
    await expect(inspectBackup(target, new TextEncoder().encode('PK\u0003\u0004 a zip'))).rejects.toThrow('这不是协会办事台的备份文件。');
  });
});
