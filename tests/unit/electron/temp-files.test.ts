/**
 * PDFs written for printing hold personal data: each is deleted once printed (or its preview
 * closed), every one left is deleted when the app quits, and leftovers of a crash at the next
 * start. Plain module, temporary folder.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TempFiles } from '../../../electron/temp-files';

let root: string;
let files: TempFiles;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'desk-print-'));
  files = new TempFiles(path.join(root, 'association-desk-print'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('print files', () => {
  it('are written under unguessable names, readable by this user only, and deleted once printed', async () => {
    const a = await files.write(new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    const b = await files.write(new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    expect(path.basename(a)).toMatch(/^[0-9a-f-]{36}\.pdf$/);
    if (process.platform !== 'win32') expect(statSync(a).mode & 0o777).toBe(0o600);
    expect(files.pending).toEqual([a, b]);
    await files.release(a);
    expect(existsSync(a)).toBe(false);
    expect(files.pending).toEqual([b]);
    // Released twice (print done, then the window closed): harmless.
    await files.release(a);
  });

  it('everything left is deleted when the app quits', async () => {
    await files.write(new Uint8Array([1]));
    await files.write(new Uint8Array([2]));
    files.releaseAllSync();
    expect(await readdir(files.folder)).toEqual([]);
    expect(files.pending).toEqual([]);
  });

  it('leftovers of a crash are deleted at the next start', async () => {
    await files.write(new Uint8Array([1]));
    const next = new TempFiles(files.folder);
    await next.releaseAll();
    expect(await readdir(files.folder)).toEqual([]);
  });

  it('never deletes a file outside its folder', async () => {
    const outside = path.join(root, 'keep.pdf');
    await writeFile(outside, 'not ours');
    await files.release(outside);
    expect(existsSync(outside)).toBe(true);
  });
});
