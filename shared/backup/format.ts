/**
 * The desk's backup file: ONE versioned format for a manual export, the daily automatic copy and
 * the copy made before a schema upgrade. It holds every table of the desk's database (records,
 * outbox, audit log, settings, merge states, drafts, quarantine), the attachment bytes, and — only
 * when an administrator typed a passphrase — the secrets, encrypted.
 *
 *     "ADESKBAK"                   8 bytes, the magic
 *     manifest length             4 bytes, big-endian
 *     manifest                    UTF-8 JSON (`BackupManifest`)
 *     manifest SHA-256            32 bytes
 *     payload                     the parts, back to back, where the manifest says
 *
 * Every part has its length, offset and SHA-256 in the manifest (a blob's SHA-256 is its name:
 * attachment bytes are content-addressed); the manifest has its own checksum after it. A file is
 * read completely and every checksum checked before anything uses it (`readBackup`), so a copy
 * cut short on a USB stick, or one byte changed, is refused before a restore replaces anything.
 *
 * Pure: the digest is a parameter (WebCrypto's in the renderer, `sha256` of shared/security in
 * tests), and nothing here reads a database or a file.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../rules/result';
import { instantSchema } from '../model/base';
import { decodeUtf8, encodeUtf8 } from './utf8';

export const BACKUP_MAGIC = 'ADESKBAK';
export const BACKUP_FORMAT = 'association-desk-backup';
export const BACKUP_FORMAT_VERSION = 2;
/** File name extension of backup files (manual and automatic). */
export const BACKUP_EXTENSION = '.deskbackup';

/** SHA-256 of some bytes as lower-case hex. */
export type Digest = (bytes: Uint8Array) => Promise<string>;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().min(0);

export const backupReasonSchema = z.enum(['manual', 'daily', 'upgrade']);
export type BackupReason = z.infer<typeof backupReasonSchema>;

/** How the secrets part was sealed (renderer/src/backup/crypto.ts). */
export const secretsSealSchema = z.strictObject({
  kdf: z.literal('PBKDF2-SHA256'),
  iterations: z.number().int().min(1),
  salt: z.base64().max(100),
  cipher: z.literal('AES-256-GCM'),
  iv: z.base64().max(100),
});
export type SecretsSeal = z.infer<typeof secretsSealSchema>;

const placement = { offset: count, length: count };

export const tablePartSchema = z.strictObject({
  kind: z.literal('table'),
  table: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/),
  rows: count,
  ...placement,
  sha256: hex64,
});
export const blobPartSchema = z.strictObject({
  kind: z.literal('blob'),
  /** The content's SHA-256: its name in `db.blobs`, and its checksum here. */
  sha256: hex64,
  type: z.string().max(100),
  ...placement,
});
export const secretsPartSchema = z.strictObject({
  kind: z.literal('secrets'),
  ...placement,
  sha256: hex64,
  seal: secretsSealSchema,
});
export const backupPartSchema = z.discriminatedUnion('kind', [tablePartSchema, blobPartSchema, secretsPartSchema]);
export type BackupPart = z.infer<typeof backupPartSchema>;

export const backupOfficeSchema = z.strictObject({
  officeId: z.string().min(1).max(64),
  officeName: z.string().max(100),
  officeCode: z.string().max(32),
});
export type BackupOffice = z.infer<typeof backupOfficeSchema>;

export const backupManifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: instantSchema,
  reason: backupReasonSchema,
  appVersion: z.string().max(40),
  /** The database's schema version (Dexie `verno`) the rows are in. */
  schemaVersion: z.number().int().min(1).max(10_000),
  /** Each table's store declaration at that version, so a restore can recreate it exactly. */
  stores: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/), z.string().max(1000)),
  /** The office the desk was enrolled in, or null (a desk on its own). */
  office: backupOfficeSchema.nullable(),
  deviceId: z.string().max(64).nullable(),
  /** `omitted`: no secrets in the file; `encrypted`: in the `secrets` part, sealed with a passphrase. */
  secrets: z.enum(['omitted', 'encrypted']),
  parts: z.array(backupPartSchema).max(1_000_000),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** What the writer hands in: the manifest without placement, and each part's bytes. */
export interface PartInput {
  readonly part:
    | Omit<z.infer<typeof tablePartSchema>, 'offset' | 'length' | 'sha256'>
    | Omit<z.infer<typeof blobPartSchema>, 'offset' | 'length'>
    | Omit<z.infer<typeof secretsPartSchema>, 'offset' | 'length' | 'sha256'>;
  readonly bytes: Uint8Array;
}

export type ManifestInput = Omit<BackupManifest, 'format' | 'formatVersion' | 'parts'>;


/**
 * Assembles a backup file. Table and secrets parts get their SHA-256 from `digest`; a blob part
 * must already be named by its content's SHA-256, and is checked (a wrong one is a bug upstream).
 */
export async function writeBackup(manifest: ManifestInput, inputs: readonly PartInput[], digest: Digest): Promise<Uint8Array> {
  const parts: BackupPart[] = [];
  let offset = 0;
  for (const { part, bytes } of inputs) {
    const sha256 = await digest(bytes);
    if (part.kind === 'blob' && part.sha256 !== sha256) throw new Error(`blob ${part.sha256} does not match its bytes (${sha256})`);
    parts.push({ ...part, sha256, offset, length: bytes.length } as BackupPart);
    offset += bytes.length;
  }
  const full: BackupManifest = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, ...manifest, parts };
  const manifestBytes = encodeUtf8(JSON.stringify(full));
  const manifestDigest = hexToBytes(await digest(manifestBytes));
  const headerLength = BACKUP_MAGIC.length + 4 + manifestBytes.length + 32;
  const out = new Uint8Array(headerLength + offset);
  out.set(encodeUtf8(BACKUP_MAGIC), 0);
  new DataView(out.buffer).setUint32(BACKUP_MAGIC.length, manifestBytes.length);
  out.set(manifestBytes, BACKUP_MAGIC.length + 4);
  out.set(manifestDigest, BACKUP_MAGIC.length + 4 + manifestBytes.length);
  let at = headerLength;
  for (const { bytes } of inputs) {
    out.set(bytes, at);
    at += bytes.length;
  }
  return out;
}

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function bytesToHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/**
 * JSON has no `undefined`, but the desk stores it inside arrays (an audit entry's `[old, new]`
 * for a field that had no old value): it travels as this marker, whose key (a NUL) no checked
 * text can contain, so a restore gives back exactly what was stored.
 */
const UNDEFINED_KEY = '\u0000undefined';

/** A table's rows as the JSON of a table part. */
export function encodeRows(rows: readonly unknown[]): string {
  return JSON.stringify(rows, function (this: unknown, _key: string, value: unknown) {
    return value === undefined && Array.isArray(this) ? { [UNDEFINED_KEY]: 1 } : value;
  });
}

/** Puts `undefined` back where `encodeRows` marked it (in place). */
function restoreUndefined(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null && !Array.isArray(item) && Object.keys(item).length === 1 && Object.hasOwn(item, UNDEFINED_KEY)) value[i] = undefined;
      else restoreUndefined(item);
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) restoreUndefined(item);
  }
  return value;
}

/** A backup read and checked in full. */
export interface ParsedBackup {
  readonly manifest: BackupManifest;
  /** Rows of each table, as stored. */
  readonly tables: Readonly<Record<string, readonly Record<string, unknown>[]>>;
  readonly blobs: readonly { readonly sha256: string; readonly type: string; readonly bytes: Uint8Array }[];
  /** The sealed secrets, when the file has them. */
  readonly secrets: { readonly seal: SecretsSeal; readonly bytes: Uint8Array } | null;
}

export const BACKUP_MESSAGES = {
  notBackup: '这不是协会办事台的备份文件。',
  legacy: '这是旧版的 JSON 备份文件。',
  truncated: '备份文件不完整（可能复制时中断），无法恢复。请换一份备份。',
  manifest: '备份文件的目录已损坏，无法恢复。请换一份备份。',
  newerFormat: '这份备份由更新版本的协会办事台制作，请先升级本软件再恢复。',
  checksum: '备份文件已损坏（“{part}”的校验值不符），无法恢复。请换一份备份。',
  placement: '备份文件的内容位置不正确，无法恢复。请换一份备份。',
  tableRows: '备份文件中“{table}”的内容已损坏，无法恢复。请换一份备份。',
  stores: '备份文件缺少“{table}”的结构说明，无法恢复。',
} as const;

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => vars[k] ?? whole);
}

/** Whether the bytes start like a backup of this format (for a file picker's first look). */
export function looksLikeBackup(bytes: Uint8Array): boolean {
  if (bytes.length < BACKUP_MAGIC.length) return false;
  for (let i = 0; i < BACKUP_MAGIC.length; i++) if (bytes[i] !== BACKUP_MAGIC.charCodeAt(i)) return false;
  return true;
}

/**
 * Reads a backup and checks it completely: the magic, the manifest's checksum and shape, every
 * part inside the file and not overlapping another, every part's checksum, every table part as a
 * JSON array of objects with as many rows as the manifest says, a store declaration for every
 * table. `backup.*` codes with Chinese messages; nothing is returned unless all of it holds.
 */
export async function readBackup(bytes: Uint8Array, digest: Digest, decode: (bytes: Uint8Array) => string = decodeUtf8): Promise<Result<ParsedBackup>> {
  const head = BACKUP_MAGIC.length + 4;
  if (bytes[0] === 0x7b /* '{' */) return fail('backup.legacy', BACKUP_MESSAGES.legacy);
  if (!looksLikeBackup(bytes)) return fail('backup.not-backup', BACKUP_MESSAGES.notBackup);
  if (bytes.length < head) return fail('backup.truncated', BACKUP_MESSAGES.truncated);
  const manifestLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(BACKUP_MAGIC.length);
  const payloadStart = head + manifestLength + 32;
  if (payloadStart > bytes.length) return fail('backup.truncated', BACKUP_MESSAGES.truncated);
  const manifestBytes = bytes.subarray(head, head + manifestLength);
  if ((await digest(manifestBytes)) !== bytesToHex(bytes.subarray(head + manifestLength, payloadStart))) {
    return fail('backup.checksum', fill(BACKUP_MESSAGES.checksum, { part: '目录' }));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(decodeUtf8(manifestBytes));
  } catch {
    return fail('backup.manifest', BACKUP_MESSAGES.manifest);
  }
  if (typeof raw === 'object' && raw !== null && (raw as { formatVersion?: unknown }).formatVersion !== BACKUP_FORMAT_VERSION && (raw as { format?: unknown }).format === BACKUP_FORMAT) {
    const version = (raw as { formatVersion?: unknown }).formatVersion;
    if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) return fail('backup.newer', BACKUP_MESSAGES.newerFormat);
  }
  const parsed = backupManifestSchema.safeParse(raw);
  if (!parsed.success) return fail('backup.manifest', BACKUP_MESSAGES.manifest);
  const manifest = parsed.data;

  const payloadLength = bytes.length - payloadStart;
  const ranges = manifest.parts.map((p) => [p.offset, p.offset + p.length] as const).sort((a, b) => a[0] - b[0]);
  let end = 0;
  for (const [from, to] of ranges) {
    if (from < end || to > payloadLength) return fail(to > payloadLength ? 'backup.truncated' : 'backup.placement', to > payloadLength ? BACKUP_MESSAGES.truncated : BACKUP_MESSAGES.placement);
    end = to;
  }
  if (end !== payloadLength) return fail('backup.placement', BACKUP_MESSAGES.placement);

  const tables: Record<string, Record<string, unknown>[]> = {};
  const blobs: { sha256: string; type: string; bytes: Uint8Array }[] = [];
  let secrets: ParsedBackup['secrets'] = null;
  const seenBlobs = new Set<string>();
  for (const part of manifest.parts) {
    const slice = bytes.subarray(payloadStart + part.offset, payloadStart + part.offset + part.length);
    const label = part.kind === 'table' ? part.table : part.kind === 'blob' ? `附件 ${part.sha256.slice(0, 12)}` : '加密内容';
    if ((await digest(slice)) !== part.sha256) return fail('backup.checksum', fill(BACKUP_MESSAGES.checksum, { part: label }));
    if (part.kind === 'table') {
      if (Object.hasOwn(tables, part.table) || !Object.hasOwn(manifest.stores, part.table)) {
        return fail('backup.stores', fill(BACKUP_MESSAGES.stores, { table: part.table }));
      }
      let rows: unknown;
      try {
        rows = restoreUndefined(JSON.parse(decode(slice)));
      } catch {
        return fail('backup.rows', fill(BACKUP_MESSAGES.tableRows, { table: part.table }));
      }
      if (!Array.isArray(rows) || rows.length !== part.rows || !rows.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) {
        return fail('backup.rows', fill(BACKUP_MESSAGES.tableRows, { table: part.table }));
      }
      tables[part.table] = rows as Record<string, unknown>[];
    } else if (part.kind === 'blob') {
      if (seenBlobs.has(part.sha256)) return fail('backup.placement', BACKUP_MESSAGES.placement);
      seenBlobs.add(part.sha256);
      blobs.push({ sha256: part.sha256, type: part.type, bytes: slice });
    } else {
      if (secrets !== null) return fail('backup.placement', BACKUP_MESSAGES.placement);
      secrets = { seal: part.seal, bytes: slice };
    }
  }
  if ((manifest.secrets === 'encrypted') !== (secrets !== null)) return fail('backup.manifest', BACKUP_MESSAGES.manifest);
  return ok({ manifest, tables, blobs, secrets });
}

/** Counts for a screen: rows per table, attachments and their bytes. */
export function backupSummary(manifest: BackupManifest): { rows: Record<string, number>; blobs: number; blobBytes: number } {
  const rows: Record<string, number> = {};
  let blobs = 0;
  let blobBytes = 0;
  for (const part of manifest.parts) {
    if (part.kind === 'table') rows[part.table] = part.rows;
    else if (part.kind === 'blob') {
      blobs += 1;
      blobBytes += part.length;
    }
  }
  return { rows, blobs, blobBytes };
}
