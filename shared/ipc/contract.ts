/**
 * The preload bridge contract: every channel between the renderer and the Electron main
 * process, with its argument schema (checked in the main process) and its result type.
 *
 * - The preload exposes exactly one method per entry (`satisfies DeskBridge` checks it).
 * - Every main-side handler goes through one wrapper that checks the sender frame and parses
 *   the raw arguments with the schemas here before the handler sees them.
 * - Browser mode implements the same `DeskBridge` type with downloads and `window.print`.
 *
 * Channel names are `desk:<method>`; nothing else is ever sent over IPC.
 */
import { z } from 'zod';
import { parseAutoBackupName } from '../backup/schedule';

/** Largest file the renderer may hand over in one call (a batch of certificates is big). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

const bytes = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, { message: '文件内容必须是字节数组' })
  .refine((b) => b.byteLength > 0, { message: '文件内容为空' })
  .refine((b) => b.byteLength <= MAX_FILE_BYTES, { message: '文件过大' });

/** Characters Windows, macOS or Linux refuse in a file name, plus control characters. */
// eslint-disable-next-line no-control-regex
const forbiddenInFileName = /[<>:"/\\|?*\u0000-\u001f\u007f]/;
const windowsReserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A suggested file name: a bare name (no folder), something a save dialog can propose on every
 * platform. The user still chooses the folder and may rename it.
 */
export const fileNameSchema = z
  .string()
  .min(1, '文件名不能为空')
  .max(180, '文件名过长（最多180个字符）')
  .refine((s) => !forbiddenInFileName.test(s), { message: '文件名含有不允许的字符' })
  .refine((s) => s.trim() === s && !s.endsWith('.'), { message: '文件名首尾不能有空格或句点' })
  .refine((s) => s !== '.' && s !== '..' && !windowsReserved.test(s), { message: '文件名是系统保留名' });

export const saveFileRequestSchema = z.strictObject({
  suggestedName: fileNameSchema,
  bytes,
  /** Shown in the save dialog's filter, e.g. `Excel 工作簿`. */
  filterName: z.string().min(1).max(60).optional(),
});

export const printPdfRequestSchema = z.strictObject({
  bytes,
  title: z.string().min(1).max(120).optional(),
});

export const folderKindSchema = z.enum(['data', 'backup']);

/** The name of an automatic backup (shared/backup/schedule): the only files the renderer writes into the backup folder. */
export const autoBackupNameSchema = fileNameSchema.refine((s) => parseAutoBackupName(s) !== null, { message: '不是自动备份的文件名' });

export const writeBackupRequestSchema = z.strictObject({
  fileName: autoBackupNameSchema,
  bytes,
  /** How many automatic backups of each kind to keep (default shared/backup/schedule AUTO_BACKUP_KEEP). */
  keep: z.strictObject({ daily: z.number().int().min(1).max(366), upgrade: z.number().int().min(1).max(100) }).optional(),
});

export const bridgeContract = {
  appInfo: { args: z.tuple([]) },
  saveFile: { args: z.tuple([saveFileRequestSchema]) },
  printPdf: { args: z.tuple([printPdfRequestSchema]) },
  openFolder: { args: z.tuple([folderKindSchema]) },
  /** Writes an automatic backup into the backup folder and deletes the oldest beyond the ones kept. */
  writeBackup: { args: z.tuple([writeBackupRequestSchema]) },
  /** The backups in the backup folder, newest first (for the restore screens). */
  listBackups: { args: z.tuple([]) },
  /** One backup from the backup folder, by name. */
  readBackup: { args: z.tuple([fileNameSchema]) },
} as const;

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  /** `electron` in the desktop app, `browser` in browser mode. */
  readonly shell: 'electron' | 'browser';
  readonly platform: string;
  readonly versions: Readonly<Record<string, string>>;
}

export type SaveFileResult =
  | { readonly status: 'saved'; readonly path: string }
  | { readonly status: 'downloaded'; readonly fileName: string }
  | { readonly status: 'cancelled' };

export type PrintPdfResult = { readonly status: 'opened' } | { readonly status: 'failed'; readonly message: string };

export type OpenFolderResult =
  | { readonly status: 'opened'; readonly path: string }
  | { readonly status: 'unavailable'; readonly message: string };

export type WriteBackupResult =
  | { readonly status: 'saved'; readonly path: string; readonly removed: readonly string[] }
  | { readonly status: 'unavailable'; readonly message: string };

export interface BackupFileInfo {
  readonly fileName: string;
  readonly size: number;
  /** ISO instant of the file's last change. */
  readonly modifiedAt: string;
}

export type ListBackupsResult =
  | { readonly status: 'listed'; readonly folder: string; readonly backups: readonly BackupFileInfo[] }
  | { readonly status: 'unavailable'; readonly message: string };

export type ReadBackupResult =
  | { readonly status: 'read'; readonly bytes: Uint8Array }
  | { readonly status: 'missing' | 'unavailable'; readonly message: string };

/** Result type of each channel. */
export interface BridgeResults {
  appInfo: AppInfo;
  saveFile: SaveFileResult;
  printPdf: PrintPdfResult;
  openFolder: OpenFolderResult;
  writeBackup: WriteBackupResult;
  listBackups: ListBackupsResult;
  readBackup: ReadBackupResult;
}

export type BridgeMethod = keyof typeof bridgeContract;
export type BridgeArgs<M extends BridgeMethod> = z.input<(typeof bridgeContract)[M]['args']>;
export type BridgeChannel = `desk:${BridgeMethod}`;

/** The API the renderer sees on `window.desk` (Electron) or builds itself (browser mode). */
export type DeskBridge = {
  readonly [M in BridgeMethod]: (...args: BridgeArgs<M>) => Promise<BridgeResults[M]>;
};

export const channelOf = <M extends BridgeMethod>(method: M): `desk:${M}` => `desk:${method}`;

export const bridgeMethods = Object.keys(bridgeContract) as BridgeMethod[];

/**
 * Parses the raw IPC arguments of one channel. Returns the typed arguments or a short reason;
 * the main process refuses the call on a reason and never passes unparsed input on.
 */
export function parseBridgeArgs<M extends BridgeMethod>(
  method: M,
  raw: readonly unknown[],
): { ok: true; args: z.output<(typeof bridgeContract)[M]['args']> } | { ok: false; reason: string } {
  const schema: z.ZodType = bridgeContract[method].args;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.') || '参数'}: ${i.message}`).join('; ') };
  }
  return { ok: true, args: parsed.data as z.output<(typeof bridgeContract)[M]['args']> };
}
