/**
 * Restoring a backup, from the first-start screen or 设置 (administrators only):
 *
 * 1. the file is read and checked completely (shared/backup/format `readBackup`: every checksum,
 *    every part, every row's key) before anything else happens — a damaged file replaces nothing;
 * 2. a backup of another office than the one this desk is enrolled in stops with
 *    `OtherOfficeError` (the screen asks, then calls again with `confirmOtherOffice`);
 * 3. its secrets are opened with the administrator's passphrase, or left out on purpose
 *    (`withoutSecrets`); left out, nobody could sign in, so a new password for one administrator
 *    is set in the same restore (`adminPassword`), written like any password reset (it syncs);
 * 4. the rows and attachment bytes are written into a FRESH database, created at the backup's own
 *    schema version and then opened by the app, which upgrades it like any older desk;
 * 5. only then are they swapped in: one transaction over every table of the desk's database
 *    clears it and writes the restored rows, so the desk holds either all of its old data or all
 *    of the backup, never a mixture. The fresh database is deleted afterwards.
 *
 * Backups written by the earlier JSON export (format 1: no attachments, no checksums, secrets in
 * clear) are read too, so an office's existing copies are not lost.
 *
 * After a restore the screen signs out and reloads the app: the session, the sync engine and
 * every screen then start from the restored data.
 */
import { Dexie } from 'dexie';
import { z } from 'zod';
import { readBackup, backupSummary, BACKUP_FORMAT, type BackupManifest, type BackupOffice, type ParsedBackup } from '../../../shared/backup/format';
import { primaryKeyOf, restoreSecrets, type SecretBundle } from '../../../shared/backup/secrets';
import { PBKDF2_BOUNDS, type IterationBounds } from '../../../shared/access/password-policy';
import { syncedRecordSchemas, type SyncedTable, type User } from '../../../shared/model/records';
import { DeskDatabase, SCHEMA_VERSION, schemaV1, schemaV2, schemaV3 } from '../db/database';
import { DEVICE_ID_KEY } from '../db/keys';
import { newId } from '../db/ids';
import { Repository } from '../db/repository';
import { requireAction, type Actor } from '../auth/access';
import { hashPassword, passwordProblem, PBKDF2_ITERATIONS } from '../auth/password';
import { readConnection } from '../sync/settings';
import { webDigest } from './create';
import { openSecrets } from './crypto';
import { BackupError, OtherOfficeError } from './errors';

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });
const decode = (bytes: Uint8Array): string => fatalDecoder.decode(bytes);

/** A backup as read, in one shape whatever the file's format. */
interface LoadedBackup {
  readonly createdAt: string;
  readonly reason: BackupManifest['reason'] | 'legacy';
  readonly appVersion: string;
  readonly schemaVersion: number;
  readonly stores: Readonly<Record<string, string>>;
  readonly office: BackupOffice | null;
  readonly tables: Readonly<Record<string, readonly Record<string, unknown>[]>>;
  readonly blobs: ParsedBackup['blobs'];
  /** `clear`: an old JSON export, whose secrets were never taken out. */
  readonly secrets: 'omitted' | 'encrypted' | 'clear';
  readonly sealed: ParsedBackup['secrets'];
}

const LEGACY_STORES: Readonly<Record<number, Readonly<Record<string, string>>>> = { 1: schemaV1, 2: schemaV2, 3: schemaV3 };

const legacySchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(1),
  schemaVersion: z.number().int(),
  exportedAt: z.string(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

async function load(bytes: Uint8Array): Promise<LoadedBackup> {
  const read = await readBackup(bytes, webDigest, decode);
  if (read.ok) {
    const { manifest } = read.value;
    return {
      createdAt: manifest.createdAt,
      reason: manifest.reason,
      appVersion: manifest.appVersion,
      schemaVersion: manifest.schemaVersion,
      stores: manifest.stores,
      office: manifest.office,
      tables: read.value.tables,
      blobs: read.value.blobs,
      secrets: manifest.secrets,
      sealed: read.value.secrets,
    };
  }
  if (read.error.code !== 'backup.legacy') throw new BackupError(read.error.code, read.error.message);
  let legacy: z.infer<typeof legacySchema>;
  try {
    legacy = legacySchema.parse(JSON.parse(decode(bytes)));
  } catch {
    throw new BackupError('backup.not-backup', '这不是协会办事台的备份文件，或文件已损坏。');
  }
  const stores = LEGACY_STORES[legacy.schemaVersion];
  if (stores === undefined) throw new BackupError('backup.newer', '这份备份由更新版本的协会办事台制作，请先升级本软件再恢复。');
  const connection = legacy.tables.settings?.find((r) => r.key === 'sync.connection')?.value as Record<string, unknown> | undefined;
  return {
    createdAt: legacy.exportedAt,
    reason: 'legacy',
    appVersion: '',
    schemaVersion: legacy.schemaVersion,
    stores,
    office: typeof connection?.officeId === 'string' ? { officeId: connection.officeId, officeName: String(connection.officeName ?? ''), officeCode: String(connection.officeCode ?? '') } : null,
    tables: legacy.tables,
    blobs: [],
    secrets: 'clear',
    sealed: null,
  };
}

/** Every row has its primary key, every table a store, and the version is one this app can open. */
function checkRows(backup: LoadedBackup): void {
  if (backup.schemaVersion > SCHEMA_VERSION) throw new BackupError('backup.newer', '这份备份由更新版本的协会办事台制作，请先升级本软件再恢复。');
  for (const [table, rows] of Object.entries(backup.tables)) {
    const store = backup.stores[table];
    if (store === undefined) throw new BackupError('backup.stores', `备份文件缺少“${table}”的结构说明，无法恢复。`);
    const keys = new Set<string>();
    for (const row of rows) {
      const key = primaryKeyOf(store, row);
      const parts = key === undefined ? [null] : ([] as unknown[]).concat(JSON.parse(key));
      if (key === undefined || parts.some((p) => p === null || p === undefined) || keys.has(key)) throw new BackupError('backup.rows', `备份文件中“${table}”的内容已损坏，无法恢复。请换一份备份。`);
      keys.add(key);
    }
  }
}

const isLiveUser = (u: Record<string, unknown>): boolean => u.deleted !== true;

export interface BackupInspection {
  readonly createdAt: string;
  readonly reason: LoadedBackup['reason'];
  readonly appVersion: string;
  readonly schemaVersion: number;
  readonly office: BackupOffice | null;
  /** The office this desk is enrolled in now, or null. */
  readonly currentOffice: BackupOffice | null;
  /** The backup is of another office than this desk's: the screen must ask before restoring. */
  readonly otherOffice: boolean;
  readonly secrets: LoadedBackup['secrets'];
  /** Rows per table (records, outbox, audit log, settings …). */
  readonly rows: Readonly<Record<string, number>>;
  readonly attachments: number;
  readonly attachmentBytes: number;
  /** Live users in the backup. */
  readonly users: number;
  /** Restored without its secrets, nobody could sign in: a new administrator password is needed. */
  readonly needsAdminPasswordWithoutSecrets: boolean;
  /** Administrators who could receive that password (id and name), oldest first. */
  readonly admins: readonly { readonly id: string; readonly displayName: string; readonly username: string }[];
  /** Things to know that do not stop a restore (Chinese). */
  readonly warnings: readonly string[];
}

function adminsOf(backup: LoadedBackup): BackupInspection['admins'] {
  return ((backup.tables.users ?? []) as unknown as User[])
    .filter((u) => isLiveUser(u as never) && u.role === 'admin' && u.disabled !== true)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
    .map((u) => ({ id: u.id, displayName: u.displayName, username: u.username }));
}

/**
 * What a backup file holds, checked completely (throws `BackupError` for a damaged or foreign
 * file), for the screen to show before the administrator confirms.
 */
export async function inspectBackup(db: DeskDatabase, bytes: Uint8Array): Promise<BackupInspection> {
  const backup = await load(bytes);
  checkRows(backup);
  const connection = await readConnection(db);
  const currentOffice = connection === undefined ? null : { officeId: connection.officeId, officeName: connection.officeName, officeCode: connection.officeCode };
  const rows = Object.fromEntries(Object.entries(backup.tables).map(([t, r]) => [t, r.length]));
  let invalid = 0;
  for (const table of Object.keys(syncedRecordSchemas) as SyncedTable[]) {
    for (const row of backup.tables[table] ?? []) if (!syncedRecordSchemas[table].safeParse(row).success) invalid += 1;
  }
  const users = (backup.tables.users ?? []).filter(isLiveUser).length;
  const warnings: string[] = [];
  if (invalid > 0) warnings.push(`有 ${invalid} 条记录不符合本软件现在的检查（例如含有无法同步的字符或过长的文字），恢复后照原样保留，请在相应页面改正后再保存。`);
  if (backup.secrets === 'clear') warnings.push('这是旧版导出的备份：其中的密码记录和签名私钥未加密。恢复后请删除这个文件，改用新的备份。');
  if (backup.schemaVersion < SCHEMA_VERSION) warnings.push('这份备份来自较早的版本，恢复时会自动升级为当前格式。');
  return {
    createdAt: backup.createdAt,
    reason: backup.reason,
    appVersion: backup.appVersion,
    schemaVersion: backup.schemaVersion,
    office: backup.office,
    currentOffice,
    otherOffice: currentOffice !== null && backup.office?.officeId !== currentOffice.officeId,
    secrets: backup.secrets,
    rows,
    attachments: backup.blobs.length,
    attachmentBytes: backup.blobs.reduce((n, b) => n + b.bytes.length, 0),
    users,
    needsAdminPasswordWithoutSecrets: backup.secrets !== 'clear' && users > 0,
    admins: adminsOf(backup),
    warnings,
  };
}

export interface RestoreOptions {
  /** Who restores; `{ userId: null, role: null }` on the first start (no user on this desk yet). */
  readonly actor: Actor;
  /** Opens the backup's sealed secrets. */
  readonly passphrase?: string;
  /** Restore an encrypted backup without its secrets (the passphrase is lost). */
  readonly withoutSecrets?: boolean;
  /** The administrator was asked and agreed to restore another office's backup. */
  readonly confirmOtherOffice?: boolean;
  /** Needed when the secrets are not restored: the new password of one administrator (the oldest, unless named). */
  readonly adminPassword?: { readonly password: string; readonly userId?: string };
  /** Tests only: cheaper password hashing. */
  readonly passwordIterations?: number;
  readonly iterationBounds?: IterationBounds;
  readonly now?: () => Date;
}

export interface RestoreResult {
  /** Rows now in each table of the desk's database. */
  readonly rows: Readonly<Record<string, number>>;
  readonly attachments: number;
  readonly secretsRestored: boolean;
  /** The administrator whose password was set, when one was. */
  readonly adminPasswordSetFor?: string;
}

async function hasLiveUsers(db: DeskDatabase): Promise<boolean> {
  return (await db.users.filter((u) => u.deleted !== true).count()) > 0;
}

/** Restores a backup into `db` (see the file comment). Throws `BackupError` and replaces nothing on any problem. */
export async function restoreBackup(db: DeskDatabase, bytes: Uint8Array, options: RestoreOptions): Promise<RestoreResult> {
  // First start (no user yet): whoever set the desk up restores; afterwards, administrators only.
  if (await hasLiveUsers(db)) await requireAction(db, options.actor, 'backup.restore');

  const backup = await load(bytes);
  checkRows(backup);

  const connection = await readConnection(db);
  if (connection !== undefined && backup.office?.officeId !== connection.officeId && options.confirmOtherOffice !== true) {
    throw new OtherOfficeError(backup.office, { officeName: connection.officeName, officeCode: connection.officeCode });
  }

  let secrets: SecretBundle | null = null;
  if (backup.secrets === 'encrypted' && options.withoutSecrets !== true) {
    if (options.passphrase === undefined || backup.sealed === null) {
      throw new BackupError('backup.passphrase-required', '这份备份中的密钥和密码是加密保存的。请输入制作备份时设置的备份密码；如已遗忘，可选择不恢复这些内容。');
    }
    const opened = await openSecrets(backup.sealed.bytes, backup.sealed.seal, options.passphrase, options.iterationBounds ?? PBKDF2_BOUNDS);
    secrets = JSON.parse(decode(opened)) as SecretBundle;
  }
  const secretsRestored = secrets !== null || backup.secrets === 'clear';

  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const [table, rows] of Object.entries(backup.tables)) tables[table] = rows.map((r) => ({ ...r }));
  if (secrets !== null) {
    for (const [table, patches] of Object.entries(secrets)) {
      const store = backup.stores[table];
      if (store === undefined) continue;
      const rows = (tables[table] ??= []);
      const byKey = new Map(rows.map((r, i) => [primaryKeyOf(store, r), i]));
      for (const patch of patches) {
        const at = byKey.get(patch.key as string);
        if (at === undefined) rows.push(restoreSecrets(undefined, patch));
        else rows[at] = restoreSecrets(rows[at], patch);
      }
    }
  }

  // Without the secrets nobody could sign in: one administrator gets a new password.
  let admin: string | undefined;
  let adminHash: { passwordHash: string; passwordSalt: string } | undefined;
  const liveUsers = (tables.users ?? []).filter(isLiveUser);
  if (!secretsRestored && liveUsers.length > 0) {
    const admins = adminsOf(backup);
    if (options.adminPassword === undefined) {
      throw new BackupError('backup.admin-password-required', '这份备份不含用户的密码（备份时未设置备份密码，或选择了不恢复）。恢复后需要为一位管理员设置新密码，请输入新密码。');
    }
    admin = options.adminPassword.userId ?? admins[0]?.id;
    if (admin === undefined || !admins.some((a) => a.id === admin)) throw new BackupError('backup.no-admin', '备份中没有可以设置密码的在用管理员，无法恢复后登录。');
    const weak = passwordProblem(options.adminPassword.password);
    if (weak !== null) throw new BackupError('backup.admin-password-weak', weak);
    // Before any transaction: WebCrypto would end one.
    adminHash = await hashPassword(options.adminPassword.password, options.passwordIterations ?? PBKDF2_ITERATIONS, options.iterationBounds ?? PBKDF2_BOUNDS);
  }

  // 4. Into a fresh database, at the backup's version; the app's declaration then upgrades it.
  const stagingName = `${db.name}-restore-${newId()}`;
  try {
    const raw = new Dexie(stagingName);
    raw.version(backup.schemaVersion).stores(backup.stores);
    await raw.open();
    await raw.transaction('rw', raw.tables, async () => {
      for (const [table, rows] of Object.entries(tables)) if (rows.length > 0) await raw.table(table).bulkAdd(rows);
      if (backup.blobs.length > 0 && raw.tables.some((t) => t.name === 'blobs')) {
        await raw.table('blobs').bulkAdd(backup.blobs.map((b) => ({ sha256: b.sha256, blob: new Blob([b.bytes as Uint8Array<ArrayBuffer>], { type: b.type }) })));
      }
    });
    raw.close();

    const staged = new DeskDatabase(stagingName);
    await staged.open();
    if (admin !== undefined && adminHash !== undefined) {
      const device = (await staged.settings.get(DEVICE_ID_KEY))?.value;
      const deviceId = typeof device === 'string' ? device : newId();
      if (typeof device !== 'string') await staged.settings.put({ key: DEVICE_ID_KEY, value: deviceId });
      await new Repository(staged, 'users').update(admin, adminHash, {
        userId: admin,
        deviceId,
        reason: '从备份恢复后为管理员设置新密码',
        ...(options.now ? { now: options.now } : {}),
      });
    }
    const restored: Record<string, unknown[]> = {};
    await staged.transaction('r', staged.tables, async () => {
      for (const table of staged.tables) restored[table.name] = await table.toArray();
    });
    staged.close();

    // 5. The swap: all of the desk's tables in one transaction.
    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) {
        await table.clear();
        const rows = restored[table.name] ?? [];
        if (rows.length > 0) await table.bulkAdd(rows);
      }
    });
    return {
      rows: Object.fromEntries(db.tables.map((t) => [t.name, restored[t.name]?.length ?? 0])),
      attachments: restored.blobs?.length ?? 0,
      secretsRestored,
      ...(admin === undefined ? {} : { adminPasswordSetFor: admin }),
    };
  } finally {
    await Dexie.delete(stagingName);
  }
}

/** Counts of a file's parts, for a list of backups (shared/backup/format `backupSummary`). */
export { backupSummary };
