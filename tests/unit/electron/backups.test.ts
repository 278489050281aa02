/**
 * The desktop shell's backup folder as a plain module against a temporary folder: a backup is
 * written whole (never a half file under its name), the oldest beyond the ones kept are deleted,
 * other files are never touched, and names that would leave the folder are refused.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackupFiles, readBackupFile, rotateBackups, writeBackupFile } from '../../../electron/backups';
import { autoBackupFileName } from '../../../shared/backup/schedule';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'desk-backups-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const day = (d: number) => autoBackupFileName('daily', `202611${String(d).padStart(2, '0')}-090000`);

describe('the backup folder', () => {
  it('writes a backup and keeps the newest N daily ones', async () => {
    await writeFile(path.join(folder, 'notes.txt'), 'the administrator’s own file');
    await writeFile(path.join(folder, '协会办事台备份-20261101-090000.deskbackup'), 'a manual copy');
    for (let d = 1; d <= 5; d++) {
      const { removed } = await writeBackupFile(folder, day(d), new Uint8Array([d]), { daily: 3, upgrade: 2 });
      expect(removed).toEqual(d > 3 ? [day(d - 3)] : []);
    }
    expect((await readdir(folder)).sort()).toEqual([day(3), day(4), day(5), 'notes.txt', '协会办事台备份-20261101-090000.deskbackup'].sort());
    expect(new Uint8Array(await readFile(path.join(folder, day(5))))).toEqual(new Uint8Array([5]));
  });

  it('upgrade backups are kept apart from the daily ones', async () => {
    for (let v = 1; v <= 4; v++) await writeBackupFile(folder, autoBackupFileName('upgrade', `2026110${v}-080000`, v), new Uint8Array([v]), { daily: 1, upgrade: 2 });
    await writeBackupFile(folder, day(10), new Uint8Array([1]), { daily: 1, upgrade: 2 });
    expect((await readdir(folder)).sort()).toEqual(
      [autoBackupFileName('upgrade', '20261103-080000', 3), autoBackupFileName('upgrade', '20261104-080000', 4), day(10)].sort(),
    );
  });

  it('lists newest first with sizes, leaving out unfinished writes, and reads one back', async () => {
    await writeBackupFile(folder, day(1), new Uint8Array(10));
    await writeBackupFile(folder, day(2), new Uint8Array(20));
    await writeFile(path.join(folder, `${day(3)}.partial`), 'cut off');
    const list = await listBackupFiles(folder);
    expect(list.map((f) => [f.fileName, f.size])).toEqual([
      [day(2), 20],
      [day(1), 10],
    ]);
    expect(await readBackupFile(folder, day(1))).toEqual(new Uint8Array(10));
    expect(await readBackupFile(folder, day(9))).toBeUndefined();
    expect(await listBackupFiles(path.join(folder, 'missing'))).toEqual([]);
  });

  it('refuses a name that is not an automatic backup’s, or that leaves the folder', async () => {
    await expect(writeBackupFile(folder, '../escape.deskbackup', new Uint8Array([1]))).rejects.toThrow();
    await expect(writeBackupFile(folder, 'anything.txt', new Uint8Array([1]))).rejects.toThrow('not an automatic backup');
    await expect(readBackupFile(folder, '../../etc/passwd')).rejects.toThrow('not a file name');
    expect(await readdir(folder)).toEqual([]);
  });

  it('rotation alone (at start) deletes only what is beyond the kept ones', async () => {
    for (let d = 1; d <= 4; d++) await writeFile(path.join(folder, day(d)), 'x');
    expect(await rotateBackups(folder, { daily: 2, upgrade: 1 })).toEqual([day(2), day(1)]);
  });
});
