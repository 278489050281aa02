/**
 * The sync wire protocol: every message between a desk and the server, as zod schemas that both
 * sides parse with. One operation is one device's change to some fields of one record (as in
 * Actual Budget's one-message-per-cell protocol, grouped per record).
 *
 *   POST /enrol                  EnrolmentRequest   → EnrolmentResponse   (no token yet)
 *   POST /sync/push              PushRequest        → PushResponse        (Bearer device token)
 *   GET  /sync/pull?since&limit  PullRequest        → PullResponse        (Bearer device token)
 *   PUT  /blobs/:sha256          raw bytes          → BlobUploadResponse  (Bearer device token)
 *   GET  /blobs/:sha256          raw bytes, headers from BlobMeta         (Bearer device token)
 *   GET  /verify/:certificateNo  VerificationAnswer                       (public)
 *   POST /sync/import            BatchFile          → PushResponse[]      (Bearer, offline transfer)
 *   POST /sync/numbers/reserve   NumberReserveRequest → NumberReserveResponse (Bearer; ./numbers)
 *   GET  /sync/office-key        OfficeKeyResponse                         (Bearer; ./numbers)
 *   any failure                  SyncErrorBody (./errors) with the code's HTTP status
 *
 * Idempotency: the server stores operations keyed on `id` with "insert or ignore" and answers a
 * repeated batch with the same result, so a retry after a lost answer changes nothing; the merge
 * (./merge) is idempotent too, so pulling an operation twice is harmless.
 */
import { z } from 'zod';
import { instantSchema, isoDateSchema, recordIdSchema } from '../model/base';
import { CERTIFICATE_STORED_STATUSES, syncedRecordSchemas, type SyncedTable } from '../model/records';
import { isNestedField } from './nested';
import { NODE_ID_PATTERN, type Hlc, tryParseHlc } from './hlc';

export { maskName } from './mask-name';

export const PROTOCOL_VERSION = 1;
/** Request header carrying `PROTOCOL_VERSION`; a server that cannot speak it answers `protocol_unsupported`. */
export const PROTOCOL_HEADER = 'x-desk-protocol';

export const SYNC_ROUTES = {
  enrol: '/enrol',
  push: '/sync/push',
  pull: '/sync/pull',
  blob: '/blobs/:sha256',
  verify: '/verify/:certificateNo',
  importBatchFile: '/sync/import',
} as const;

// Limits. The server refuses anything beyond them (`batch_too_large`, `invalid_batch`,
// `blob_too_large`); the client stays within them when it cuts batches and checks each write.
export const MAX_OPERATIONS_PER_BATCH = 1000;
export const MAX_FIELDS_PER_OPERATION = 200;
/** Longest string anywhere inside a field value, in UTF-16 units. */
export const MAX_FIELD_STRING_LENGTH = 20_000;
/** Nesting depth and total node count of one field value (program fields, score sheets). */
export const MAX_FIELD_VALUE_DEPTH = 8;
export const MAX_FIELD_VALUE_NODES = 2_000;
/** Versions one field edit may replace: the visible one plus the conflicting ones a resolution clears. */
export const MAX_PREV_PER_FIELD = 32;
/** Largest request body the server reads (push, import). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;
export const MAX_BLOB_BYTES = 20 * 1024 * 1024;
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 1000;
export const MAX_BATCHES_PER_FILE = 1000;

// ---------------------------------------------------------------------------------------------
// Identifiers

export const syncedTables = Object.keys(syncedRecordSchemas) as [SyncedTable, ...SyncedTable[]];
export const syncedTableSchema = z.enum(syncedTables);

/** A device id is also the node id of its clock, so it is plain ASCII (a UUIDv7 in practice). */
export const deviceIdSchema = z.string().regex(NODE_ID_PATTERN, '设备编号格式不正确');
export const userIdSchema = z.string().min(1).max(64);

export const hlcSchema = z
  .string()
  .max(100)
  .refine((s) => tryParseHlc(s) !== null, '时间戳格式不正确')
  .transform((s) => s as Hlc);

/** Opaque position in the server's operation log; the client only stores and returns it. */
export const cursorSchema = z.string().regex(/^[0-9A-Za-z._:-]{1,128}$/, '同步位置格式不正确');
export type Cursor = z.infer<typeof cursorSchema>;

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, '校验值应为64位小写十六进制');

/**
 * A record field name. Starts with a letter, so `__proto__` and friends can never reach an object
 * key; `id` and `deleted` are not fields (the record id and the tombstone travel on their own).
 */
const FIELD_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}(\.[A-Za-z][A-Za-z0-9_]{0,63})?$/;

export const fieldNameSchema = z
  .string()
  .regex(FIELD_NAME_PATTERN, '字段名格式不正确')
  .refine((s) => s !== 'id' && s !== 'deleted', '字段名不可用');

const knownFields = new Map<SyncedTable, ReadonlySet<string>>(
  syncedTables.map((t) => [t, new Set(Object.keys(syncedRecordSchemas[t].shape).filter((k) => k !== 'id' && k !== 'deleted'))]),
);

/**
 * Whether `field` is a field of `table`'s record schema (the server refuses others), or one entry
 * of a nested field (`fields.unitNature`, see nested.ts).
 */
export function isKnownField(table: SyncedTable, field: string): boolean {
  const dot = field.indexOf('.');
  if (dot < 0) return knownFields.get(table)?.has(field) ?? false;
  return isNestedField(table, field.slice(0, dot));
}

// ---------------------------------------------------------------------------------------------
// Field values

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const isPlainObject = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * Walks a value once, without recursion, and reports the first thing that makes it no JSON value
 * (undefined, a function, a number that is not finite, an object that is not plain) or the first
 * limit it breaks; null when it is a JSON value within the limits.
 */
function valueLimitBreach(value: unknown): string | null {
  // Most values are short strings: no walk for them.
  if (typeof value === 'string') return value.length > MAX_FIELD_STRING_LENGTH ? `字段文字过长（最多${MAX_FIELD_STRING_LENGTH}字）` : null;
  let nodes = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (++nodes > MAX_FIELD_VALUE_NODES) return '字段内容过多';
    if (depth > MAX_FIELD_VALUE_DEPTH) return '字段嵌套过深';
    if (typeof v === 'string') {
      if (v.length > MAX_FIELD_STRING_LENGTH) return `字段文字过长（最多${MAX_FIELD_STRING_LENGTH}字）`;
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return '字段值不是有效的数值';
    } else if (v === null || typeof v === 'boolean') {
      continue;
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push([item, depth + 1]);
    } else if (typeof v === 'object' && isPlainObject(v)) {
      for (const [k, item] of Object.entries(v)) {
        if (k.length > 200) return '字段键名过长';
        stack.push([item, depth + 1]);
      }
    } else {
      return '字段值不是有效的 JSON 值';
    }
  }
  return null;
}

/**
 * A field's new value: any JSON value within the limits. `null` clears an optional field (JSON
 * has no `undefined`); the merged record simply lacks the field then. Checked by one walk of the
 * value (`z.json()` is a recursive union: it recursed before any depth check, and it was most of
 * a push's validation time, about a tenth of a millisecond per operation).
 */
export const fieldValueSchema = z.unknown().superRefine((value, ctx) => {
  const breach = valueLimitBreach(value);
  if (breach !== null) ctx.addIssue({ code: 'custom', message: breach });
}) as z.ZodType<JsonValue>;

/**
 * An operation's `fields`: field names to JSON values, each name as `fieldNameSchema` and each
 * value as `fieldValueSchema` say, with their messages, checked in one loop over the entries (a
 * record schema ran three checks per entry through zod's machinery: a third of a push's
 * validation for the usual operation of a dozen short strings). The object as received, not a
 * copy: a copy would have taken an own `__proto__` key as its prototype and hidden it from the
 * name check. (z.custom, not z.unknown: an object key whose schema accepts undefined is optional,
 * and a missing `fields` must be refused.)
 */
const fieldsSchema = z
  .custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v) && isPlainObject(v), '字段应为对象')
  .superRefine((fields, ctx) => {
    for (const name of Object.keys(fields)) {
      if (!FIELD_NAME_PATTERN.test(name)) ctx.addIssue({ code: 'custom', path: [name], message: '字段名格式不正确' });
      else if (name === 'id' || name === 'deleted') ctx.addIssue({ code: 'custom', path: [name], message: '字段名不可用' });
      const breach = valueLimitBreach(fields[name]);
      if (breach !== null) ctx.addIssue({ code: 'custom', path: [name], message: breach });
    }
  }) as z.ZodType<Record<string, JsonValue>>;

// ---------------------------------------------------------------------------------------------
// Operations

export const operationKindSchema = z.enum(['put', 'delete']);
export type OperationKind = z.infer<typeof operationKindSchema>;

export const operationSchema = z
  .object({
    /** Client-generated UUIDv7; the server and the merge are idempotent on it. */
    id: recordIdSchema,
    table: syncedTableSchema,
    recordId: recordIdSchema,
    /** `put` sets `fields`; `delete` writes the tombstone (and may set bookkeeping fields). */
    kind: operationKindSchema,
    /** The fields this operation sets, with their new values (a create lists them all). */
    fields: fieldsSchema,
    /**
     * Per field: the version(s) this edit replaced on the author's device (the HLC of the value
     * the clerk saw, plus the competing versions when the edit resolves a conflict). A field
     * absent here replaced nothing (first value). This is how the merge tells "edited after
     * seeing" from "edited concurrently".
     */
    prev: z.record(fieldNameSchema, z.array(hlcSchema).min(1).max(MAX_PREV_PER_FIELD)),
    /** When, in the author's hybrid logical clock; its node is `deviceId`. */
    hlc: hlcSchema,
    deviceId: deviceIdSchema,
    userId: userIdSchema,
  })
  .superRefine((op, ctx) => {
    const names = Object.keys(op.fields);
    if (names.length > MAX_FIELDS_PER_OPERATION) ctx.addIssue({ code: 'custom', path: ['fields'], message: '一次修改的字段过多' });
    if (op.kind === 'put' && names.length === 0) ctx.addIssue({ code: 'custom', path: ['fields'], message: '修改操作没有字段' });
    for (const name of names) {
      if (!isKnownField(op.table, name)) ctx.addIssue({ code: 'custom', path: ['fields', name], message: `未知字段：${name}` });
    }
    const stamp = tryParseHlc(op.hlc);
    if (stamp !== null && stamp.node !== op.deviceId) ctx.addIssue({ code: 'custom', path: ['hlc'], message: '时间戳与设备编号不符' });
    for (const [name, versions] of Object.entries(op.prev)) {
      if (!Object.hasOwn(op.fields, name)) ctx.addIssue({ code: 'custom', path: ['prev', name], message: '被替换的版本对应的字段不在本次修改中' });
      // An edit can only replace what its device had seen, and its clock is past all of that.
      if (versions.some((v) => v >= op.hlc)) ctx.addIssue({ code: 'custom', path: ['prev', name], message: '被替换的版本晚于本次修改' });
    }
  });

export type Operation = z.infer<typeof operationSchema>;

// ---------------------------------------------------------------------------------------------
// Push

export const pushRequestSchema = z
  .object({
    /** Client-generated UUIDv7; a retried batch keeps its id (and its content). */
    batchId: recordIdSchema,
    deviceId: deviceIdSchema,
    operations: z.array(operationSchema).min(1).max(MAX_OPERATIONS_PER_BATCH),
  })
  .superRefine((batch, ctx) => {
    const ids = new Set<string>();
    batch.operations.forEach((op, i) => {
      if (op.deviceId !== batch.deviceId) ctx.addIssue({ code: 'custom', path: ['operations', i, 'deviceId'], message: '操作的设备编号与批次不符' });
      if (ids.has(op.id)) ctx.addIssue({ code: 'custom', path: ['operations', i, 'id'], message: '批次内操作编号重复' });
      ids.add(op.id);
    });
  });
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResponseSchema = z.object({
  /** Operations stored by this request. */
  applied: z.array(recordIdSchema),
  /** Operations the server already had (an earlier attempt got through). Both lists together are the batch. */
  duplicates: z.array(recordIdSchema),
  /** The log position after this batch. Informational: keep pulling from your own cursor. */
  cursor: cursorSchema,
  serverTime: instantSchema,
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Pull

/** Query string of `GET /sync/pull`; values arrive as strings, hence the coercion. */
export const pullRequestSchema = z.object({
  /** Absent: from the beginning of the office's log. */
  since: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});
export type PullRequest = z.input<typeof pullRequestSchema>;
export type PullQuery = z.output<typeof pullRequestSchema>;

export const pullResponseSchema = z.object({
  /** In log order. May include this device's own operations; merging them again changes nothing. */
  operations: z.array(operationSchema).max(MAX_PULL_LIMIT),
  /** Store after the operations are merged and committed, then pull again from it. */
  nextCursor: cursorSchema,
  hasMore: z.boolean(),
  serverTime: instantSchema,
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Enrolment: an administrator issues a one-time code for an office; the desk trades it for a
// device token. The desk keeps its own device id (it may have worked offline before enrolling,
// and its operations already carry that id).

export const officeCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{2,32}$/, '办事处代码格式不正确');

/** Typed by a clerk from paper: spaces and dashes are ignored, case does not matter. */
export const enrolmentCodeSchema = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{6,32}$/, '登记码格式不正确'));

export const enrolmentRequestSchema = z.object({
  officeCode: officeCodeSchema,
  enrolmentCode: enrolmentCodeSchema,
  deviceId: deviceIdSchema,
  /** Shown to administrators, e.g. "收件窗口 2 号机". */
  deviceName: z.string().trim().min(1, '请填写本机名称').max(50, '本机名称过长'),
  appVersion: z.string().max(40),
});
export type EnrolmentRequest = z.input<typeof enrolmentRequestSchema>;

export const enrolmentResponseSchema = z.object({
  officeId: z.string().min(1).max(64),
  officeName: z.string().min(1).max(100),
  deviceId: deviceIdSchema,
  /** Sent as `Authorization: Bearer <token>`; the server keeps only its hash. */
  deviceToken: z.string().min(32).max(512),
  serverTime: instantSchema,
});
export type EnrolmentResponse = z.infer<typeof enrolmentResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Blobs: attachment bytes, content-addressed by SHA-256 so an upload is idempotent.

export const blobMetaSchema = z.object({
  sha256: sha256HexSchema,
  size: z.number().int().min(0).max(MAX_BLOB_BYTES),
  mimeType: z.string().min(1).max(100),
});
export type BlobMeta = z.infer<typeof blobMetaSchema>;

export const blobUploadResponseSchema = z.object({
  sha256: sha256HexSchema,
  size: z.number().int().min(0).max(MAX_BLOB_BYTES),
  /** False when the server already had these bytes. */
  created: z.boolean(),
});
export type BlobUploadResponse = z.infer<typeof blobUploadResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Public certificate verification

/** What a verification answers: a certificate's stored status (shared/model/records), 'expired' also computed from the date. */
export const certificateStatusSchema = z.enum(CERTIFICATE_STORED_STATUSES);

export const verificationSignatureSchema = z.object({
  algorithm: z.literal('Ed25519'),
  /** Which server key signed, so keys can be rotated while old answers still verify. */
  keyId: z.string().min(1).max(64),
  /** Base64 signature over `verificationSigningPayload(answer)`. */
  value: z.base64().max(200),
});

export const verificationAnswerSchema = z.object({
  certificateNo: z.string().min(1).max(60),
  status: certificateStatusSchema,
  /** Masked with `maskName`; never the full name. */
  holderName: z.string().max(100),
  programId: z.string().min(1).max(40),
  programName: z.string().min(1).max(100),
  issuer: z.string().min(1).max(100),
  issuedOn: isoDateSchema,
  validUntil: isoDateSchema.nullable(),
  checkedAt: instantSchema,
  signature: verificationSignatureSchema,
});
export type VerificationAnswer = z.infer<typeof verificationAnswerSchema>;

/**
 * The exact bytes the server signs and a checker verifies: the answer's fields in a fixed order,
 * as a JSON array, so no key ordering or whitespace can make two encodings of one answer.
 */
export function verificationSigningPayload(answer: Omit<VerificationAnswer, 'signature'>): string {
  return JSON.stringify([
    'association-desk-verification/1',
    answer.certificateNo,
    answer.status,
    answer.holderName,
    answer.programId,
    answer.programName,
    answer.issuer,
    answer.issuedOn,
    answer.validUntil,
    answer.checkedAt,
  ]);
}

// ---------------------------------------------------------------------------------------------
// Batch file: the outbox carried on a USB stick when an office has no network. The server
// imports it exactly as if each batch had been pushed, so carrying it twice is harmless.

export const BATCH_FILE_FORMAT = 'association-desk-batch';

export const batchFileSchema = z
  .object({
    format: z.literal(BATCH_FILE_FORMAT),
    version: z.literal(1),
    officeId: z.string().min(1).max(64).optional(),
    deviceId: deviceIdSchema,
    exportedAt: instantSchema,
    batches: z.array(pushRequestSchema).min(1).max(MAX_BATCHES_PER_FILE),
  })
  .superRefine((file, ctx) => {
    file.batches.forEach((b, i) => {
      if (b.deviceId !== file.deviceId) ctx.addIssue({ code: 'custom', path: ['batches', i, 'deviceId'], message: '批次的设备编号与文件不符' });
    });
  });
export type BatchFile = z.infer<typeof batchFileSchema>;
