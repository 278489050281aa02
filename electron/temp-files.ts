/**
 * Temporary files with personal data — PDFs written for printing (certificates, receipts,
 * rosters) — live in one folder of their own and no longer than needed: each is deleted once its
 * print is done or its preview window closes, whatever is left when the app quits, and leftovers
 * of a crash at the next start. Plain Node (no Electron), so it is tested with a temporary folder.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export class TempFiles {
  private readonly live = new Set<string>();

  constructor(readonly folder: string) {}

  /** Files written and not yet released. */
  get pending(): readonly string[] {
    return [...this.live];
  }

  /** Writes `bytes` to a new file with an unguessable name; returns its path. */
  async write(bytes: Uint8Array, extension = '.pdf'): Promise<string> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const file = path.join(this.folder, `${randomUUID()}${extension}`);
    this.live.add(file);
    await writeFile(file, bytes, { mode: 0o600 });
    return file;
  }

  private owns(file: string): boolean {
    return path.dirname(path.resolve(file)) === path.resolve(this.folder);
  }

  /** Deletes one file (printed, or its window closed). Files outside the folder are never touched. */
  async release(file: string): Promise<void> {
    if (!this.owns(file)) return;
    this.live.delete(file);
    await rm(file, { force: true });
  }

  /** Deletes every file in the folder: those of this run and any left by an earlier one. */
  async releaseAll(): Promise<void> {
    this.live.clear();
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    await Promise.all(names.map((name) => rm(path.join(this.folder, name), { force: true, recursive: true })));
  }

  /** `releaseAll` for the app's last moments (`will-quit` cannot wait for a promise). */
  releaseAllSync(): void {
    this.live.clear();
    try {
      mkdirSync(this.folder, { recursive: true });
      for (const name of readdirSync(this.folder)) rmSync(path.join(this.folder, name), { force: true, recursive: true });
    } catch {
      // Quitting: nothing more can be done; the next start sweeps the folder again.
    }
  }
}
