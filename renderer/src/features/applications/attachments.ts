/**
 * Scans and the applicant photo of an application: the bytes go into `db.blobs` under their
 * SHA-256 (the same bytes are stored once, however many records name them), the metadata into an
 * `attachments` record through the repository (so it syncs and is audited), both in one
 * transaction. A photo is checked on its bytes first with the program's photo rule
 * (shared/rules/photo.ts, named by the pack's `photoRule`); a photo that fails is refused with
 * the rule's Chinese message and nothing is stored.
 */
import type { Attachment } from '../../../../shared/model/records';
import { PHOTO_RULES } from '../../../../shared/programs/rule-refs';
import type { FieldDef, ProgramPack } from '../../../../shared/programs/schema';
import { checkPhoto, type PhotoInfo, type PhotoRequirement } from '../../../../shared/rules/photo';
import type { Result } from '../../../../shared/rules/result';
import { getPack } from '../../../../shared/programs';
import { db, repositories } from '../../db';
import { ValidationError } from '../../db/errors';
import { writeContext } from '../../session';

/** Attachment kinds this desk writes. A scan may name the checklist item it shows: `scan:<itemId>`. */
export const PHOTO_KIND = 'photo';
export const SCAN_KIND = 'scan';
const SCAN_OF = 'scan:';

export const scanKindOf = (itemId: string): string => `${SCAN_OF}${itemId}`;
/** The checklist item a scan shows, or undefined. */
export const itemOfKind = (kind: string): string | undefined => (kind.startsWith(SCAN_OF) ? kind.slice(SCAN_OF.length) : undefined);

/** The sync protocol's limit on one blob (shared/sync/protocol MAX_BLOB_BYTES is 20 MiB). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export interface AttachmentTarget {
  readonly applicationId?: string;
  readonly personId?: string;
  /** 'photo', 'scan' or scanKindOf(itemId). */
  readonly kind: string;
  /** For an item asked per table row (one certificate per innovation, one file per contract): the row's key. */
  readonly rowKey?: string;
  /** Needed when bytes are given rather than a File. */
  readonly fileName?: string;
  readonly mimeType?: string;
}

export interface AddedAttachment {
  readonly attachment: Attachment;
  /** The same file was already attached here: nothing new was written. */
  readonly duplicate: boolean;
  /** What the photo rule measured, for a photo. */
  readonly photo?: PhotoInfo;
}

const refuse = (path: string, message: string): ValidationError => new ValidationError([{ path, message }]);

/** The pack's photo field (type 'photo'), if the program has one. */
export function photoFieldOf(pack: ProgramPack): FieldDef | undefined {
  return pack.fields.find((f) => f.type === 'photo');
}

/** The photo requirement the pack names, or undefined when its photo is not checked (pasted on paper). */
export function photoRequirementOf(pack: ProgramPack | undefined): PhotoRequirement | undefined {
  return pack?.photoRule === undefined ? undefined : PHOTO_RULES[pack.photoRule];
}

/** The photo rule's verdict on some bytes, or undefined when the program sets no rule. */
export function checkPhotoFor(pack: ProgramPack | undefined, bytes: Uint8Array): Result<PhotoInfo> | undefined {
  const requirement = photoRequirementOf(pack);
  return requirement === undefined ? undefined : checkPhoto(bytes, requirement);
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Guessed from the bytes, never from the name (a renamed PNG stays a PNG). */
export function sniffMimeType(bytes: Uint8Array): string | undefined {
  const starts = (...magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'application/pdf';
  if (starts(0x42, 0x4d)) return 'image/bmp';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'image/tiff';
  return undefined;
}

function isFile(value: Blob | Uint8Array): value is File {
  return typeof File !== 'undefined' && value instanceof File;
}

/**
 * Stores a file (or bytes) as an attachment of an application and/or person. Returns the record;
 * when the very same bytes are already attached here under the same kind, returns that record
 * and writes nothing. Throws `ValidationError` (nothing written) for an empty or oversize file, a
 * photo failing the program's photo rule, or metadata the schema refuses.
 */
export async function addAttachment(file: Blob | Uint8Array, target: AttachmentTarget): Promise<AddedAttachment> {
  if (target.applicationId === undefined && target.personId === undefined) throw refuse('applicationId', '附件须属于某份申请或某位申请人。');
  const bytes = file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer());
  const fileName = (target.fileName ?? (isFile(file) ? file.name : '')).trim();
  if (fileName === '') throw refuse('fileName', '请为附件指定文件名。');
  if (bytes.length === 0) throw refuse('size', `文件“${fileName}”是空的，请重新选择。`);
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw refuse('size', `文件“${fileName}”超过 20 MB，请压缩或分页扫描后再上传。`);

  const application = target.applicationId === undefined ? undefined : await db.applications.get(target.applicationId);
  if (target.applicationId !== undefined && (application === undefined || application.deleted)) {
    throw refuse('applicationId', '找不到这份申请，可能已被删除。');
  }
  let photo: PhotoInfo | undefined;
  if (target.kind === PHOTO_KIND) {
    const verdict = checkPhotoFor(application ? getPack(application.programId) : undefined, bytes);
    if (verdict !== undefined && !verdict.ok) throw refuse('photo', verdict.error.message);
    if (verdict?.ok) photo = verdict.value;
  }

  const sha256 = await sha256Hex(bytes);
  const mimeType = sniffMimeType(bytes) ?? (target.mimeType || (file instanceof Uint8Array ? '' : file.type) || 'application/octet-stream');
  const personId = target.personId ?? application?.personId;
  const ctx = await writeContext();
  return db.transaction('rw', [db.blobs, db.attachments, db.outbox, db.auditLog, db.mergeStates, db.settings], async () => {
    const same = (await db.attachments.where('sha256').equals(sha256).toArray()).find(
      (a) => !a.deleted && a.kind === target.kind && a.applicationId === target.applicationId && a.personId === personId && a.rowKey === target.rowKey,
    );
    if (same !== undefined) return { attachment: same, duplicate: true, ...(photo ? { photo } : {}) };
    if ((await db.blobs.get(sha256)) === undefined) {
      await db.blobs.put({ sha256, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }) });
    }
    const attachment = await repositories.attachments.create(
      {
        ...(target.applicationId === undefined ? {} : { applicationId: target.applicationId }),
        ...(personId === undefined ? {} : { personId }),
        kind: target.kind,
        // The checklist item a scan is for, and the table row when the item is asked per row.
        ...(itemOfKind(target.kind) === undefined ? {} : { itemId: itemOfKind(target.kind) }),
        ...(target.rowKey === undefined ? {} : { rowKey: target.rowKey }),
        fileName: fileName.slice(0, 200),
        mimeType: mimeType.slice(0, 100),
        size: bytes.length,
        sha256,
      },
      ctx,
    );
    return { attachment, duplicate: false, ...(photo ? { photo } : {}) };
  });
}

/** The stored bytes, or undefined when this desk does not have them (not yet synced). */
export async function getBlob(sha256: string): Promise<Blob | undefined> {
  return (await db.blobs.get(sha256))?.blob;
}

/** Removes an attachment record (a tombstone that syncs). The bytes stay: other records may name them. */
export async function removeAttachment(id: string, reason?: string): Promise<void> {
  const ctx = await writeContext(reason);
  await repositories.attachments.remove(id, ctx);
}

/** The current photo of a file: the newest photo attachment. */
export function currentPhoto(attachments: readonly Attachment[]): Attachment | undefined {
  let latest: Attachment | undefined;
  for (const a of attachments) if (a.kind === PHOTO_KIND && !a.deleted && (latest === undefined || a.id > latest.id)) latest = a;
  return latest;
}
