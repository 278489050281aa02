/**
 * The stored records, one zod schema each: the one definition the renderer's repositories, the
 * forms and (later) the sync server validate against. Program-specific fields live in
 * `fields`, typed and checked by the program pack, so this layer stays generic.
 */
import { z } from 'zod';
import { instantSchema, isoDateSchema, recordBaseSchema, recordIdSchema } from './base';

const name = z.string().trim().min(1, '请填写姓名').max(50, '姓名过长（最多50个字）');

export const personSchema = recordBaseSchema.extend({
  name,
  /** 身份证号, normalised (18 characters, upper-case X). The identity key for people. */
  idNumber: z.string().regex(/^\d{17}[\dX]$/, '身份证号应为18位'),
  sex: z.enum(['male', 'female']).optional(),
  birthDate: isoDateSchema.optional(),
  phone: z.string().max(40).optional(),
  organisationId: recordIdSchema.optional(),
  note: z.string().max(2000).optional(),
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
});
export type Application = z.infer<typeof applicationSchema>;

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
} as const;

export type SyncedTable = keyof typeof syncedRecordSchemas;
export type RecordOf<T extends SyncedTable> = z.infer<(typeof syncedRecordSchemas)[T]>;

export { instantSchema };
