/**
 * The backup folder on disk: automatic backups written by the renderer through the bridge
 * (`writeBackup`), the oldest deleted beyond the number kept of each kind (shared/backup/schedule
 * `planRotation`), listed and read back for the restore screens. Plain Node: no Electron here, so
 * the tests run it against a temporary folder.
 *
 * A backup is written to `<name>.partial` and renamed when complete, so a crash or a full disk
 * never leaves a half-written file under a backup's name, and rotation runs only after the new
 * file is in place (never fewer backups than before because of a failed write).
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AUTO_BACKUP_KEEP, parseAutoBackupName, planRotation } from '../shared/backup/schedule';
import type { BackupFileInfo } from '../shared/ipc/contract';

const PARTIAL = '.partial';

/** `fileName` as a file directly inside `folder`, or an error for anything that would leave it. */
function inside(folder: string, fileName: string): string {
  if (fileName !== path.basename(fileName) || fileName === '.' || fileName === '..' || fileName.includes('/') || fileName.includes('\\')) {
    throw new Error(`not a file name: ${fileName}`);
  }
  return path.join(folder, fileName);
}

/** Deletes the automatic backups beyond the newest `keep` of each kind; returns the names deleted. */
export async function rotateBackups(folder: string, keep: Readonly<Record<'daily' | 'upgrade', number>> = AUTO_BACKUP_KEEP): Promise<string[]> {
  const names = await readdir(folder);
  const doomed = planRotation(names, keep);
  for (const name of doomed) await rm(inside(folder, name), { force: true });
  return doomed;
}

/** Writes one automatic backup (atomically), then rotates. Only automatic backups' names are accepted. */
export async function writeBackupFile(
  folder: string,
  fileName: string,
  bytes: Uint8Array,
  keep: Readonly<Record<'daily' | 'upgrade', number>> = AUTO_BACKUP_KEEP,
): Promise<{ path: string; removed: string[] }> {
  if (parseAutoBackupName(fileName) === null) throw new Error(`not an automatic backup's name: ${fileName}`);
  await mkdir(folder, { recursive: true });
  const target = inside(folder, fileName);
  const partial = `${target}${PARTIAL}`;
  await writeFile(partial, bytes);
  await rename(partial, target);
  return { path: target, removed: await rotateBackups(folder, keep) };
}

/** The automatic backups in the folder, newest first; unfinished `.partial` files are not listed. */
export async function listBackupFiles(folder: string): Promise<BackupFileInfo[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: (BackupFileInfo & { stamp: string })[] = [];
  for (const name of names) {
    const parsed = parseAutoBackupName(name);
    if (parsed === null) continue;
    const info = await stat(inside(folder, name));
    if (!info.isFile()) continue;
    files.push({ fileName: name, size: info.size, modifiedAt: info.mtime.toISOString(), stamp: parsed.stamp });
  }
  return files.sort((a, b) => (a.stamp < b.stamp ? 1 : a.stamp > b.stamp ? -1 : 0)).map(({ stamp: _s, ...f }) => f);
}

/** The bytes of one backup in the folder, or undefined when it is not there. */
export async function readBackupFile(folder: string, fileName: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(inside(folder, fileName)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
