/**
 * Making a backup file (shared/backup/format) of the desk's database: every table read in ONE
 * read transaction (a consistent copy, whatever the clerk saves meanwhile), the attachment bytes,
 * and the secrets (shared/backup/secrets) either left out or sealed with the administrator's
 * passphrase (./crypto). Works on any Dexie database of the desk's, also one opened at an older
 * schema version just before an upgrade (./auto), because it reads the tables it finds.
 */
import type { Dexie } from 'dexie';
import { encodeRows, writeBackup, type BackupManifest, type BackupOffice, type BackupReason, type PartInput } from '../../../shared/backup/format';
import { primaryKeyOf, splitSecrets, type SecretBundle } from '../../../shared/backup/secrets';
import { manualBackupFileName, autoBackupFileName } from '../../../shared/backup/schedule';
import { BACKUP_PBKDF2_ITERATIONS, sealSecrets } from './crypto';

/** SHA-256 through WebCrypto, lower-case hex. */
export async function webDigest(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let s = '';
  for (const b of digest) s += b.toString(16).padStart(2, '0');
  return s;
}

export interface CreateBackupOptions {
  readonly reason: BackupReason;
  readonly appVersion: string;
  /** When given, the secrets go into the file sealed with it; otherwise they are left out. */
  readonly passphrase?: string;
  readonly now?: Date;
  /** Tests pass fewer; the app uses `BACKUP_PBKDF2_ITERATIONS`. */
  readonly iterations?: number;
}

export interface BackupFile {
  readonly bytes: Uint8Array;
  readonly manifest: BackupManifest;
  /** A name for the file (manual: `协会办事台备份-…`, automatic: `协会办事台自动备份-…`). */
  readonly fileName: string;
}

/** `YYYYMMDD-HHmmss` in local time, for file names. */
export function localStamp(at: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(at.getFullYear(), 4)}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
}

/** A table's store declaration as Dexie reads it back (`'id, idNumber, [name+birthDate]'`). */
export function storeOf(table: Dexie['tables'][number]): string {
  return [table.schema.primKey.src, ...table.schema.indexes.map((i) => i.src)].join(', ');
}

const encoder = new TextEncoder();

/** The rows of the desk's database as a backup file. */
export async function createBackup(db: Dexie, options: CreateBackupOptions): Promise<BackupFile> {
  const now = options.now ?? new Date();
  const rows: Record<string, Record<string, unknown>[]> = {};
  const blobRows: { sha256: string; blob: Blob }[] = [];
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) {
      const all = (await table.toArray()) as Record<string, unknown>[];
      if (table.name === 'blobs') blobRows.push(...(all as unknown as { sha256: string; blob: Blob }[]));
      else rows[table.name] = all;
    }
  });

  const stores: Record<string, string> = Object.fromEntries(db.tables.map((t) => [t.name, storeOf(t)]));
  const secrets: SecretBundle = {};
  const parts: PartInput[] = [];
  for (const [table, all] of Object.entries(rows).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const kept: Record<string, unknown>[] = [];
    for (const row of all) {
      const split = splitSecrets(table, row, primaryKeyOf(stores[table]!, row));
      if (split.patch !== null) (secrets[table] ??= []).push(split.patch);
      if (split.row !== null) kept.push(split.row);
    }
    parts.push({ part: { kind: 'table', table, rows: kept.length }, bytes: encoder.encode(encodeRows(kept)) });
  }
  for (const { sha256, blob } of blobRows.sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1))) {
    parts.push({ part: { kind: 'blob', sha256, type: blob.type.slice(0, 100) }, bytes: new Uint8Array(await blob.arrayBuffer()) });
  }
  const hasSecrets = Object.keys(secrets).length > 0;
  if (options.passphrase !== undefined && hasSecrets) {
    const sealed = await sealSecrets(encoder.encode(JSON.stringify(secrets)), options.passphrase, options.iterations ?? BACKUP_PBKDF2_ITERATIONS);
    parts.push({ part: { kind: 'secrets', seal: sealed.seal }, bytes: sealed.bytes });
  }

  const settings = new Map((rows.settings ?? []).map((r) => [r.key, r.value]));
  const connection = settings.get('sync.connection') as { officeId?: unknown; officeName?: unknown; officeCode?: unknown } | undefined;
  const office: BackupOffice | null =
    typeof connection?.officeId === 'string'
      ? { officeId: connection.officeId, officeName: String(connection.officeName ?? ''), officeCode: String(connection.officeCode ?? '') }
      : null;
  const deviceId = settings.get('deviceId');
  const bytes = await writeBackup(
    {
      createdAt: now.toISOString(),
      reason: options.reason,
      appVersion: options.appVersion.slice(0, 40),
      schemaVersion: db.verno,
      stores,
      office,
      deviceId: typeof deviceId === 'string' ? deviceId : null,
      secrets: options.passphrase !== undefined && hasSecrets ? 'encrypted' : 'omitted',
    },
    parts,
    webDigest,
  );
  const stamp = localStamp(now);
  const fileName = options.reason === 'manual' ? manualBackupFileName(stamp) : autoBackupFileName(options.reason, stamp, options.reason === 'upgrade' ? db.verno : undefined);
  const manifest = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(8)))) as BackupManifest;
  return { bytes, manifest, fileName };
}
