/**
 * Electron main process: one hardened window over the built renderer, the bridge handlers, and
 * nothing else. Business rules live in `shared/`; this file only wires the shell.
 */
import { app, BrowserWindow, session, shell } from 'electron';
import path from 'node:path';
import { handle } from './ipc';
import { registerAppScheme, serveApp } from './protocol';
import { appSession, createMainWindow, hardenSession, hardenWebContents, registerBridgePreload } from './window';
import { backupFolder, openFolder, printPdf, printTempFiles, saveWithDialog } from './files';
import { listBackupFiles, readBackupFile, writeBackupFile } from './backups';

const rendererRoot = path.join(__dirname, '..', '..', 'renderer');

app.enableSandbox();
registerAppScheme();

let mainWindow: BrowserWindow | null = null;

function registerHandlers(): void {
  handle('appInfo', () => ({
    name: app.getName(),
    version: app.getVersion(),
    shell: 'electron' as const,
    platform: process.platform,
    versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node },
  }));
  handle('saveFile', (event, request) =>
    saveWithDialog(BrowserWindow.fromWebContents(event.sender), request.suggestedName, request.bytes, request.filterName),
  );
  handle('printPdf', (event, request) => printPdf(BrowserWindow.fromWebContents(event.sender), request.bytes, request.title));
  handle('openFolder', (_event, which) => openFolder(which, (folder) => shell.openPath(folder)));
  handle('writeBackup', async (_event, request) => {
    const written = await writeBackupFile(backupFolder(), request.fileName, request.bytes, request.keep);
    return { status: 'saved' as const, path: written.path, removed: written.removed };
  });
  handle('listBackups', async () => ({ status: 'listed' as const, folder: backupFolder(), backups: await listBackupFiles(backupFolder()) }));
  handle('readBackup', async (_event, fileName) => {
    const bytes = await readBackupFile(backupFolder(), fileName);
    return bytes === undefined ? { status: 'missing' as const, message: `备份文件夹中没有“${fileName}”。` } : { status: 'read' as const, bytes };
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  void app.whenReady().then(async () => {
    // PDFs a crash left behind hold personal data: gone before anything else runs.
    await printTempFiles().releaseAll();
    const ses = appSession();
    hardenSession(session.defaultSession);
    hardenSession(ses);
    serveApp(ses, rendererRoot);
    registerBridgePreload(ses);
    registerHandlers();
    mainWindow = createMainWindow(ses);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });

  app.on('will-quit', () => printTempFiles().releaseAllSync());

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(appSession());
  });
}
