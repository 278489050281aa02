/**
 * Automatic backups (desktop app): before a schema upgrade, the database as it was (at its old
 * version, nothing upgraded), and one a day — both handed to the shell's backup folder. A backup
 * made before an upgrade restores into the current version.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { backupBeforeUpgrade, BACKUP_KEYS, browserBackupReminder, dailyBackupIfDue, recordBackupSaved } from '../../../renderer/src/backup/auto';
import { restoreBackup } from '../../../renderer/src/backup/restore';
import { DeskDatabase, schemaV1, schemaV2, schemaV3 } from '../../../renderer/src/db/database';
import type { WriteBackupResult } from '../../../shared/ipc/contract';
import { writeBackupRequestSchema } from '../../../shared/ipc/contract';
import { freshDb } from './helpers';

function fakeShell() {
  const written: { fileName: string; bytes: Uint8Array }[] = [];
  return {
    written,
    bridge: {
      writeBackup: async (request: { fileName: string; bytes: Uint8Array }): Promise<WriteBackupResult> => {
        // What the main process would accept.
        expect(writeBackupRequestSchema.safeParse(request).success).toBe(true);
        written.push(request);
        return { status: 'saved', path: `/backups/${request.fileName}`, removed: [] };
      },
    },
  };
}

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('before a schema upgrade', () => {
  it('backs the database up at its old version, then the app upgrades it; the backup restores', async () => {
    const name = `auto-v3-${Date.now()}`;
    names.push(name);
    const v3 = new Dexie(name);
    v3.version(1).stores(schemaV1);
    v3.version(2).stores(schemaV2);
    v3.version(3).stores(schemaV3);
    await v3.open();
    await v3.table('people').add({ id: '01937b2c-0000-7000-8000-000000000001', name: '张三', idNumber: '11010519491231002X', createdAt: '2026-11-20T00:00:00.000Z', createdBy: 'c', updatedAt: '2026-11-20T00:00:00.000Z', updatedBy: 'c' });
    v3.close();

    const shell = fakeShell();
    const outcome = await backupBeforeUpgrade({ bridge: shell.bridge, appVersion: '0.2.0', now: () => new Date(2026, 10, 22, 9, 30, 5) }, name);
    expect(outcome).toEqual({ status: 'saved', fileName: '协会办事台自动备份-20261122-093005-upgrade-v3.deskbackup', removed: [] });

    // Nothing was upgraded by the backup: the database is still at version 3.
    const probe = new Dexie(name);
    await probe.open();
    expect(probe.verno).toBe(3);
    probe.close();

    // The app opens it (upgrading), and a second start has nothing to back up.
    const db = new DeskDatabase(name);
    await db.open();
    db.close();
    expect(await backupBeforeUpgrade({ bridge: shell.bridge, appVersion: '0.2.0' }, name)).toEqual({ status: 'not-due' });

    const target = freshDb('auto-restored');
    names.push(target.name);
    await restoreBackup(target, shell.written[0]!.bytes, { actor: { userId: null, role: null } });
    expect((await target.people.toArray()).map((p) => p.name)).toEqual(['张三']);
    target.close();
  });

  it('a new desk (no database yet) has nothing to back up', async () => {
    expect(await backupBeforeUpgrade({ bridge: fakeShell().bridge, appVersion: '0.2.0' }, `never-created-${Date.now()}`)).toEqual({ status: 'not-due' });
  });
});

describe('daily', () => {
  it('once a day: the first start of the day saves one, later ones do not; the next day again', async () => {
    const db = freshDb('daily');
    names.push(db.name);
    await db.open();
    const shell = fakeShell();
    let now = new Date(2026, 10, 22, 8, 0, 0);
    const deps = { bridge: shell.bridge, appVersion: '0.2.0', now: () => now };
    expect(await dailyBackupIfDue(db, deps)).toMatchObject({ status: 'saved', fileName: '协会办事台自动备份-20261122-080000-daily.deskbackup' });
    now = new Date(2026, 10, 22, 17, 0, 0);
    expect(await dailyBackupIfDue(db, deps)).toEqual({ status: 'not-due' });
    now = new Date(2026, 10, 23, 8, 0, 0);
    expect(await dailyBackupIfDue(db, deps)).toMatchObject({ status: 'saved' });
    expect(shell.written).toHaveLength(2);
    expect((await db.settings.get(BACKUP_KEYS.lastDaily))?.value).toBe('2026-11-23');
    db.close();
  });

  it('browser mode has no folder: nothing is marked done, and the reminder stays', async () => {
    const db = freshDb('daily');
    names.push(db.name);
    await db.open();
    const browser = { writeBackup: async (): Promise<WriteBackupResult> => ({ status: 'unavailable', message: '浏览器模式下没有备份文件夹' }) };
    expect(await dailyBackupIfDue(db, { bridge: browser, appVersion: '0.2.0' })).toEqual({ status: 'unavailable', message: '浏览器模式下没有备份文件夹' });
    expect(await db.settings.get(BACKUP_KEYS.lastDaily)).toBeUndefined();
    await db.users.add({ id: '01937b2c-0000-7000-8000-000000000009', username: 'a', displayName: 'a', role: 'admin', createdAt: '2026-11-20T00:00:00.000Z', createdBy: 'x', updatedAt: '2026-11-20T00:00:00.000Z', updatedBy: 'x' });
    const now = Date.parse('2026-11-22T02:00:00.000Z');
    expect((await browserBackupReminder(db, now)).due).toBe(true);
    await recordBackupSaved(db, new Date(now));
    expect((await browserBackupReminder(db, now + 3 * 24 * 3600_000)).due).toBe(false);
    expect((await browserBackupReminder(db, now + 7 * 24 * 3600_000)).due).toBe(true);
    db.close();
  });
});
