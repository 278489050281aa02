/**
 * The bridge in browser mode: the same contract as the Electron preload, done with what a
 * browser tab has — downloads instead of save dialogs, a hidden frame and `print()` for PDFs.
 */
import type {
  AppInfo,
  DeskBridge,
  ListBackupsResult,
  OpenFolderResult,
  PrintPdfResult,
  ReadBackupResult,
  SaveFileResult,
  WriteBackupResult,
} from '../../../shared/ipc/contract';
import { fileNameSchema } from '../../../shared/ipc/contract';

function download(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function printInFrame(bytes: Uint8Array): Promise<PrintPdfResult> {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
  const frame = document.createElement('iframe');
  frame.style.position = 'fixed';
  frame.style.right = '0';
  frame.style.bottom = '0';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.src = url;
  return new Promise((resolve) => {
    frame.onload = () => {
      try {
        frame.contentWindow?.focus();
        frame.contentWindow?.print();
        resolve({ status: 'opened' });
      } catch {
        // Some browsers refuse to script a PDF frame: open it in a tab for the user to print.
        window.open(url, '_blank', 'noopener');
        resolve({ status: 'opened' });
      }
      window.setTimeout(() => {
        frame.remove();
        URL.revokeObjectURL(url);
      }, 600_000);
    };
    document.body.append(frame);
  });
}

const NO_BACKUP_FOLDER = '浏览器模式下没有备份文件夹，不会自动备份。请在“设置”中下载数据备份，并选择备份文件来恢复。';

export function createBrowserBridge(): DeskBridge {
  return {
    appInfo: async (): Promise<AppInfo> => ({
      name: '协会办事台',
      version: __APP_VERSION__,
      shell: 'browser',
      platform: navigator.platform,
      versions: { browser: navigator.userAgent },
    }),
    saveFile: async (request): Promise<SaveFileResult> => {
      const name = fileNameSchema.parse(request.suggestedName);
      download(request.bytes, name);
      return { status: 'downloaded', fileName: name };
    },
    printPdf: (request) => printInFrame(request.bytes),
    openFolder: async (): Promise<OpenFolderResult> => ({
      status: 'unavailable',
      message: '浏览器模式下数据保存在浏览器中，没有可打开的文件夹；请使用“导出”备份数据。',
    }),
    // No folder in a browser: automatic backups are the desktop app's; browser mode reminds the
    // administrator to download one (renderer/src/backup/auto.ts).
    writeBackup: async (): Promise<WriteBackupResult> => ({ status: 'unavailable', message: NO_BACKUP_FOLDER }),
    listBackups: async (): Promise<ListBackupsResult> => ({ status: 'unavailable', message: NO_BACKUP_FOLDER }),
    readBackup: async (): Promise<ReadBackupResult> => ({ status: 'unavailable', message: NO_BACKUP_FOLDER }),
  };
}
