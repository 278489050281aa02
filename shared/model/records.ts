/**
 * The stored records, one zod schema each: the one definition the renderer's repositories, the
 * forms and (later) the sync server validate against. Program-specific fields live in
 * `fields`, typed and checked by the program pack, so this layer stays generic.
 */
import { z } from 'zod';
import { checkedJson, instantSchema, isoDateSchema, recordBaseSchema, recordIdSchema, scoresSchema, text } from './base';
import { TEXT_LIMITS as L } from './limits';

export const personSchema = recordBaseSchema.extend({
  name: text(L.people.name, { trim: true, required: '请填写姓名' }),
  /** 身份证号, normalised (18 characters, upper-case X). The identity key for people. */
  idNumber: text(L.people.idNumber).regex(/^\d{17}[\dX]$/, '身份证号应为18位'),
  sex: z.enum(['male', 'female']).optional(),
  birthDate: isoDateSchema.optional(),
  phone: text(L.people.phone).optional(),
  organisationId: recordIdSchema.optional(),
  note: text(L.people.note).optional(),
});
export type Person = z.infer<typeof personSchema>;

export const organisationSchema = recordBaseSchema.extend({
  name: text(L.organisations.name, { trim: true, required: '请填写单位名称' }),
  /** 统一社会信用代码, normalised. */
  creditCode: text(L.organisations.creditCode).regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '统一社会信用代码应为18位'),
  address: text(L.organisations.address).optional(),
  contact: text(L.organisations.contact).optional(),
  phone: text(L.organisations.phone).optional(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const submissionChannelSchema = z.enum(['unit', 'individual', 'website', 'email', 'counter', 'post']);

export const applicationSchema = recordBaseSchema.extend({
  programId: text(L.applications.programId, { required: '缺少业务类别' }),
  kind: text(L.applications.kind, { required: '缺少申请类型' }),
  /** Office-facing number, e.g. `P4-2026-000123`; assigned on registration. */
  applicationNo: text(L.applications.applicationNo, { required: '缺少申请编号' }),
  personId: recordIdSchema.optional(),
  organisationId: recordIdSchema.optional(),
  status: text(L.applications.status, { required: '缺少办理状态' }),
  channel: submissionChannelSchema,
  receivedDate: isoDateSchema,
  fields: checkedJson(z.record(z.string(), z.unknown()), L.applications.fields),
  /** The certificate a renewal, re-registration, change or deferral acts on (from the paper form). */
  previousCertificate: z
    .object({
      certificateNo: text(L.applications.previousCertificateNo).optional(),
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
            id: text(L.applications.selfScoreItemId, { required: '缺少自评分项目编号' }),
            name: text(L.applications.selfScoreItemName, { required: '缺少自评分项目名称' }),
            maxScore: z.number().min(0).max(1000),
            claimed: z.number().min(0).max(1000),
            hasEvidence: z.boolean(),
          }),
        )
        .max(200),
      seniority: z.object({ meets: z.boolean(), reason: text(L.applications.seniorityReason) }).optional(),
    })
    .optional(),
  /** 002 附件4 三: the clerk marked volume 2 too thick to bind as one; split into this many parts. */
  volume2Parts: z.number().int().min(1).max(9).optional(),
});
export type Application = z.infer<typeof applicationSchema>;

/**
 * One fired workflow transition (shared/workflow/engine `fire`), append-only: the application's
 * history is these records in id (creation) order. Kept as its own records rather than an array
 * on the application so two desks recording steps offline never overwrite each other's entries.
 */
export const workflowEventSchema = recordBaseSchema.extend({
  applicationId: recordIdSchema,
  transitionId: text(L.workflowEvents.transitionId, { required: '缺少办理步骤' }),
  from: text(L.workflowEvents.from, { required: '缺少原状态' }),
  to: text(L.workflowEvents.to, { required: '缺少新状态' }),
  /** The working day it was fired on (deadlines count from it). */
  on: isoDateSchema,
  role: z.enum(['admin', 'clerk', 'reviewer']),
  reason: text(L.workflowEvents.reason).optional(),
  opinion: text(L.workflowEvents.opinion).optional(),
  decision: text(L.workflowEvents.decision).optional(),
  returnTo: text(L.workflowEvents.returnTo).optional(),
  scores: scoresSchema.optional(),
});
export type WorkflowEvent = z.infer<typeof workflowEventSchema>;

/** 002 附件3: one level's opinion on a P4 file (transcribed from the paper), append-only. */
export const routingOpinionSchema = recordBaseSchema.extend({
  applicationId: recordIdSchema,
  level: text(L.routingOpinions.level, { required: '缺少审核层级' }),
  opinion: z.enum(['pass', 'return']),
  note: text(L.routingOpinions.note),
  on: isoDateSchema,
});
export type RoutingOpinion = z.infer<typeof routingOpinionSchema>;

/** An objection raised during publicity (公示); it must be settled before a decision. */
export const objectionSchema = recordBaseSchema.extend({
  applicationId: recordIdSchema,
  raisedOn: isoDateSchema,
  raisedBy: text(L.objections.raisedBy).optional(),
  content: text(L.objections.content, { trim: true, required: '请填写异议内容' }),
  status: z.enum(['open', 'settled']),
  settledOn: isoDateSchema.optional(),
  settlement: text(L.objections.settlement).optional(),
  upheld: z.boolean().optional(),
});
export type Objection = z.infer<typeof objectionSchema>;

/** A publicity (公示) posted for a list of applications; its end is computed by the calendar. */
export const publicitySchema = recordBaseSchema.extend({
  programId: text(L.publicities.programId, { required: '缺少业务类别' }),
  title: text(L.publicities.title, { trim: true, required: '请填写公示标题' }),
  startedOn: isoDateSchema,
  endsOn: isoDateSchema,
  applicationIds: z.array(recordIdSchema).min(1, '请至少选择一份申请').max(5000),
});
export type Publicity = z.infer<typeof publicitySchema>;

export const materialStatusSchema = z.enum(['pending', 'received', 'missing', 'rejected']);

export const materialSchema = recordBaseSchema.extend({
  applicationId: recordIdSchema,
  itemId: text(L.materials.itemId, { required: '缺少材料项目' }),
  status: materialStatusSchema,
  copiesReceived: z.number().int().min(0).max(999),
  rejectReason: text(L.materials.rejectReason).optional(),
  originalVerifiedBy: text(L.materials.originalVerifiedBy).optional(),
  originalVerifiedOn: isoDateSchema.optional(),
  note: text(L.materials.note).optional(),
});
export type Material = z.infer<typeof materialSchema>;

export const educationRecordSchema = recordBaseSchema.extend({
  personId: recordIdSchema,
  applicationId: recordIdSchema.optional(),
  date: isoDateSchema,
  mode: text(L.educationRecords.mode),
  category: text(L.educationRecords.category).optional(),
  content: text(L.educationRecords.content),
  /** Approved hours in tenths of an hour, so no float ever enters a sum. */
  hoursTenths: z.number().int().min(0).max(100_000),
});
export type EducationRecord = z.infer<typeof educationRecordSchema>;

export const reviewSchema = recordBaseSchema.extend({
  applicationId: recordIdSchema,
  stage: text(L.reviews.stage, { required: '缺少评审阶段' }),
  reviewer: text(L.reviews.reviewer, { required: '请填写评审专家' }),
  opinion: text(L.reviews.opinion),
  outcome: text(L.reviews.outcome).optional(),
  scores: scoresSchema.optional(),
});
export type Review = z.infer<typeof reviewSchema>;

export const certificateSchema = recordBaseSchema.extend({
  certificateNo: text(L.certificates.certificateNo, { required: '缺少证书编号' }),
  programId: text(L.certificates.programId, { required: '缺少业务类别' }),
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
  kind: text(L.attachments.kind, { required: '缺少附件类别' }),
  fileName: text(L.attachments.fileName, { required: '缺少文件名' }),
  mimeType: text(L.attachments.mimeType),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const userSchema = recordBaseSchema.extend({
  username: text(L.users.username, { required: '请输入用户名' }),
  displayName: text(L.users.displayName, { required: '请输入姓名' }),
  role: z.enum(['admin', 'clerk', 'reviewer']),
  passwordHash: text(L.users.passwordHash).optional(),
  passwordSalt: text(L.users.passwordSalt).optional(),
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
  workflowEvents: workflowEventSchema,
  routingOpinions: routingOpinionSchema,
  objections: objectionSchema,
  publicities: publicitySchema,
} as const;

export type SyncedTable = keyof typeof syncedRecordSchemas;
export type RecordOf<T extends SyncedTable> = z.infer<(typeof syncedRecordSchemas)[T]>;

export { instantSchema };
