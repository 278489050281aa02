/**
 * Files the app owns on disk: where its data and backups live, writing a document the user chose
 * to save, and handing a PDF to a print preview window.
 */
import { app, BrowserWindow, dialog } from 'electron';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OpenFolderResult, PrintPdfResult, SaveFileResult } from '../shared/ipc/contract';
import { TempFiles } from './temp-files';

export const dataFolder = (): string => app.getPath('userData');
export const backupFolder = (): string => path.join(app.getPath('userData'), 'backups');

let printFiles: TempFiles | undefined;

/** The PDFs written for printing (personal data): deleted once printed, and on quit (main.ts). */
export function printTempFiles(): TempFiles {
  printFiles ??= new TempFiles(path.join(app.getPath('temp'), 'association-desk-print'));
  return printFiles;
}

export async function saveWithDialog(
  owner: BrowserWindow | null,
  suggestedName: string,
  bytes: Uint8Array,
  filterName?: string,
): Promise<SaveFileResult> {
  const ext = path.extname(suggestedName).slice(1);
  const options: Electron.SaveDialogOptions = {
    defaultPath: path.join(app.getPath('documents'), suggestedName),
    filters: ext ? [{ name: filterName ?? ext.toUpperCase(), extensions: [ext] }] : [],
  };
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
  await writeFile(choice.filePath, bytes);
  return { status: 'saved', path: choice.filePath };
}

/**
 * Opens the PDF in a viewer window of its own (Chromium's PDF viewer) and starts the system print
 * dialog there. The viewer has no preload and no bridge; it is sandboxed like the main window.
 * The file holds personal data: it is deleted when the print is done and when the viewer closes.
 */
export async function printPdf(owner: BrowserWindow | null, bytes: Uint8Array, title?: string): Promise<PrintPdfResult> {
  const files = printTempFiles();
  const file = await files.write(bytes);
  const release = () => void files.release(file);
  const viewer = new BrowserWindow({
    parent: owner ?? undefined,
    width: 900,
    height: 1000,
    title: title ?? '打印预览',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
      plugins: true,
    },
  });
  viewer.on('closed', release);
  try {
    await viewer.loadFile(file);
    viewer.webContents.print({ silent: false, printBackground: true }, release);
    return { status: 'opened' };
  } catch (error) {
    viewer.destroy();
    release();
    return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

export async function openFolder(
  which: 'data' | 'backup',
  open: (folder: string) => Promise<string>,
): Promise<OpenFolderResult> {
  const folder = which === 'data' ? dataFolder() : backupFolder();
  await mkdir(folder, { recursive: true });
  const error = await open(folder);
  return error === '' ? { status: 'opened', path: folder } : { status: 'unavailable', message: error };
}
