/**
 * The stored records, one zod schema each: the one definition the renderer's repositories, the
 * forms and (later) the sync server validate against. Program-specific fields live in
 * `fields`, typed and checked by the program pack, so this layer stays generic.
 */
import { z } from 'zod';
import { instantSchema, isoDateSchema, recordBaseSchema, recordIdSchema } from './base';

const name = z.string().trim().min(1, '请填写姓名').max(50, '姓名过长（最多50个字）');

/**
 * The import that created a record (`importBatches`), so undoing the import finds exactly what
 * it made. Kept on each record rather than as a list on the import: one synced field value holds
 * at most 2,000 entries (shared/sync/protocol), and a roster can have 20,000 rows.
 */
const importBatchId = recordIdSchema.optional();

export const personSchema = recordBaseSchema.extend({
  name,
  /** 身份证号, normalised (18 characters, upper-case X). The identity key for people. */
  idNumber: z.string().regex(/^\d{17}[\dX]$/, '身份证号应为18位'),
  sex: z.enum(['male', 'female']).optional(),
  birthDate: isoDateSchema.optional(),
  phone: z.string().max(40).optional(),
  organisationId: recordIdSchema.optional(),
  note: z.string().max(2000).optional(),
  importBatchId,
});
export type Person = z.infer<typeof personSchema>;

export const organisationSchema = recordBaseSchema.extend({
  name: z.string().trim().min(1, '请填写单位名称').max(100, '单位名称过长'),
  /** 统一社会信用代码, normalised. */
  creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '统一社会信用代码应为18位'),
  address: z.string().max(200).optional(),
  contact: z.string().max(50).optional(),
  phone: z.string().max(40).optional(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const submissionChannelSchema = z.enum(['unit', 'individual', 'website', 'email', 'counter', 'post']);

export const applicationSchema = recordBaseSchema.extend({
  programId: z.string().min(1),
  kind: z.string().min(1),
  /** Office-facing number, e.g. `P4-2026-000123`; assigned on registration. */
  applicationNo: z.string().min(1).max(40),
  personId: recordIdSchema.optional(),
  organisationId: recordIdSchema.optional(),
  status: z.string().min(1),
  channel: submissionChannelSchema,
  receivedDate: isoDateSchema,
  fields: z.record(z.string(), z.unknown()),
  /** The certificate a renewal, re-registration, change or deferral acts on (from the paper form). */
  previousCertificate: z
    .object({
      certificateNo: z.string().max(60).optional(),
      issuedOn: isoDateSchema.optional(),
      validUntil: isoDateSchema,
    })
    .optional(),
  /**
   * 002 二: the 自评分表 as typed from paper — items of the imported standard with the points
   * claimed and whether the proof is in the file — or the 1986 seniority route with its reason.
   */
  selfScore: z
    .object({
      items: z
        .array(
          z.object({
            id: z.string().min(1).max(40),
            name: z.string().min(1).max(200),
            maxScore: z.number().min(0).max(1000),
            claimed: z.number().min(0).max(1000),
            hasEvidence: z.boolean(),
          }),
        )
        .max(200),
      seniority: z.object({ meets: z.boolean(), reason: z.string().max(500) }).optional(),
    })
    .optional(),
  /** 002 附件4 三: the clerk marked volume 2 too thick to bind as one; split into this many parts. */
  volume2Parts: z.number().int().min(1).max(9).optional(),
  importBatchId,
});
export type Application = z.infer<typeof applicationSchema>;

/**
 * One fired workflow transition (shared/workflow/engine `fire`), append-only: the application's
 * history is these records in id (creation) order. Kept as its own records rather than an array
 * on the application so two desks recording steps offline never overwrite each other's entries.
 */
export const workflowEventSchema = recordBaseSchema.extend({
  applicationId: recordIdSchema,
  transitionId: z.string().min(1).max(60),
  from: z.string().min(1).max(60),
  to: z.string().min(1).max(60),
  /** The working day it was fired on (deadlines count from it). */
  on: isoDateSchema,
  role: z.enum(['admin', 'clerk', 'reviewer']),
  reason: z.string().max(4000).optional(),
  opinion: z.string().max(4000).optional(),
  decision: z.string().max(4000).optional(),
  returnTo: z.string().max(60).optional(),
  scores: z.record(z.string(), z.number()).optional(),
});
export type WorkflowEvent = z.infer<typeof workflowEventSchema>;

/** 002 附件3: one level's opinion on a P4 file (transcribed from the paper), append-only. */
export const routingOpinionSchema = recordBaseSchema.extend({
  applicationId: recordIdSchema,
  level: z.string().min(1).max(60),
  opinion: z.enum(['pass', 'return']),
  note: z.string().max(2000),
  on: isoDateSchema,
});
export type RoutingOpinion = z.infer<typeof routingOpinionSchema>;

/** An objection raised during publicity (公示); it must be settled before a decision. */
export const objectionSchema = recordBaseSchema.extend({
  applicationId: recordIdSchema,
  raisedOn: isoDateSchema,
  raisedBy: z.string().max(100).optional(),
  content: z.string().trim().min(1, '请填写异议内容').max(4000),
  status: z.enum(['open', 'settled']),
  settledOn: isoDateSchema.optional(),
  settlement: z.string().max(4000).optional(),
  upheld: z.boolean().optional(),
});
export type Objection = z.infer<typeof objectionSchema>;

/** A publicity (公示) posted for a list of applications; its end is computed by the calendar. */
export const publicitySchema = recordBaseSchema.extend({
  programId: z.string().min(1),
  title: z.string().trim().min(1, '请填写公示标题').max(200),
  startedOn: isoDateSchema,
  endsOn: isoDateSchema,
  applicationIds: z.array(recordIdSchema).min(1, '请至少选择一份申请').max(5000),
});
export type Publicity = z.infer<typeof publicitySchema>;

export const materialStatusSchema = z.enum(['pending', 'received', 'missing', 'rejected']);

export const materialSchema = recordBaseSchema.extend({
  applicationId: recordIdSchema,
  itemId: z.string().min(1),
  status: materialStatusSchema,
  copiesReceived: z.number().int().min(0).max(999),
  rejectReason: z.string().max(500).optional(),
  originalVerifiedBy: z.string().max(50).optional(),
  originalVerifiedOn: isoDateSchema.optional(),
  note: z.string().max(1000).optional(),
});
export type Material = z.infer<typeof materialSchema>;

export const educationRecordSchema = recordBaseSchema.extend({
  personId: recordIdSchema,
  applicationId: recordIdSchema.optional(),
  date: isoDateSchema,
  mode: z.string().max(20),
  category: z.string().max(20).optional(),
  content: z.string().max(500),
  /** Approved hours in tenths of an hour, so no float ever enters a sum. */
  hoursTenths: z.number().int().min(0).max(100_000),
});
export type EducationRecord = z.infer<typeof educationRecordSchema>;

export const reviewSchema = recordBaseSchema.extend({
  applicationId: recordIdSchema,
  stage: z.string().min(1),
  reviewer: z.string().min(1).max(50),
  opinion: z.string().max(4000),
  outcome: z.string().max(40).optional(),
  scores: z.record(z.string(), z.number()).optional(),
});
export type Review = z.infer<typeof reviewSchema>;

export const certificateSchema = recordBaseSchema.extend({
  certificateNo: z.string().min(1).max(60),
  programId: z.string().min(1),
  applicationId: recordIdSchema.optional(),
  holderPersonId: recordIdSchema.optional(),
  holderOrganisationId: recordIdSchema.optional(),
  issuedOn: isoDateSchema,
  validUntil: isoDateSchema.optional(),
  status: z.enum(['valid', 'expired', 'revoked', 'cancelled', 'suspended']),
  /**
   * Facts of the certificate the record has no column for, keyed by the program's field id, as
   * read from a register (003 人才库: qualificationName, specialtyCategory, formNo …).
   */
  details: z.record(z.string().regex(/^[a-z][A-Za-z0-9]{0,39}$/), z.union([z.string().max(500), z.number()])).optional(),
  importBatchId,
});
export type Certificate = z.infer<typeof certificateSchema>;

export const attachmentSchema = recordBaseSchema.extend({
  applicationId: recordIdSchema.optional(),
  personId: recordIdSchema.optional(),
  kind: z.string().min(1).max(40),
  fileName: z.string().min(1).max(200),
  mimeType: z.string().max(100),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const userSchema = recordBaseSchema.extend({
  username: z.string().min(1).max(40),
  displayName: z.string().min(1).max(50),
  role: z.enum(['admin', 'clerk', 'reviewer']),
  passwordHash: z.string().optional(),
  passwordSalt: z.string().optional(),
  disabled: z.boolean().optional(),
});
export type User = z.infer<typeof userSchema>;

/** What an imported spreadsheet holds (shared/import; a pack's `imports` says which it has). */
export const IMPORT_KINDS = ['applicants', 'roster', 'certificate-holders', 'talent-register'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

const rowCount = z.number().int().min(0).max(2_000_000);

/**
 * One import of a spreadsheet: written in the same transaction as everything it created (each of
 * which carries its id as `importBatchId`), and marked undone when the clerk undoes it.
 */
export const importBatchSchema = recordBaseSchema.extend({
  programId: z.string().min(1),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string().trim().min(1).max(255),
  /** The worksheet read (a CSV has none). */
  sheetName: z.string().max(100).optional(),
  importedOn: isoDateSchema,
  /** Data rows read from the file, rows imported, rows the clerk left out. */
  rowsRead: rowCount,
  rowsImported: rowCount,
  rowsExcluded: rowCount,
  /** Rows the clerk corrected before importing. */
  rowsFixed: rowCount,
  peopleCreated: rowCount,
  /** Rows whose 身份证号 named a person already on the desk: linked, never a second person. */
  peopleLinked: rowCount,
  applicationsCreated: rowCount,
  certificatesCreated: rowCount,
  /** For a list added to one application's table (P3 管理人员证书): that application and the rows added. */
  targetApplicationId: recordIdSchema.optional(),
  tableField: z.string().max(60).optional(),
  tableRowsAdded: rowCount,
  status: z.enum(['imported', 'undone']),
  undoneOn: isoDateSchema.optional(),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;

/** Tables whose records sync, and the schema of each. */
export const syncedRecordSchemas = {
  people: personSchema,
  organisations: organisationSchema,
  applications: applicationSchema,
  materials: materialSchema,
  educationRecords: educationRecordSchema,
  reviews: reviewSchema,
  certificates: certificateSchema,
  attachments: attachmentSchema,
  users: userSchema,
  workflowEvents: workflowEventSchema,
  routingOpinions: routingOpinionSchema,
  objections: objectionSchema,
  publicities: publicitySchema,
  importBatches: importBatchSchema,
} as const;

export type SyncedTable = keyof typeof syncedRecordSchemas;
export type RecordOf<T extends SyncedTable> = z.infer<(typeof syncedRecordSchemas)[T]>;

export { instantSchema };
