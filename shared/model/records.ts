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
   * What the certificate attests, from the pack's `grading` (documents/org-rosters
   * certificateGrading): the evaluation category (004 第十一、十二条) and the level — IETS-3,
   * or 乙 for a 001 grade; none for a category 不划分等级.
   */
  category: z.string().min(1).max(40).optional(),
  level: z.string().min(1).max(20).optional(),
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
  /** The checklist item the file is for (001 （二）6: 营业执照, 财务报表, 项目合同 …). */
  itemId: z.string().min(1).max(60).optional(),
  /** For an item asked per table row (one file per contract, one certificate per innovation): the row's key. */
  rowKey: z.string().min(1).max(64).optional(),
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

/** 004 细则 第十六条: an agency or evaluator may be suspended or stopped from evaluating. */
export const evaluationStandingSchema = z.enum(['active', 'suspended', 'stopped']);

/**
 * An evaluation agency (评价机构, 004 办法 第九、十条; 细则 第二、三、七条), selected publicly to take
 * applications, review them and report to the centre. National agencies work nationwide, local
 * ones in their region.
 */
export const evaluationAgencySchema = recordBaseSchema.extend({
  /** The program whose evaluations it carries out (a pack with agency thresholds). */
  programId: z.string().min(1),
  name: z.string().trim().min(1, '请填写评价机构名称').max(100, '评价机构名称过长'),
  creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '统一社会信用代码应为18位').optional(),
  scope: z.enum(['national', 'local']),
  /** 所属区域, for a local agency. */
  region: z.string().max(50).optional(),
  /** 成立日期 (细则 第七条: 成立时间 1 年以上). */
  registeredOn: isoDateSchema,
  /** 在中国技术市场协会官网予以公布 (细则 第十三条（三）). */
  listedOn: isoDateSchema.optional(),
  standing: evaluationStandingSchema,
  note: z.string().max(2000).optional(),
});
export type EvaluationAgency = z.infer<typeof evaluationAgencySchema>;

/**
 * An evaluator (评价人员) of one agency (细则 第五、八、十、十一条): employed under a labour or
 * service contract, full-time or not, approved and filed by the centre. The same person in two
 * agencies is two records with one ID number — which the checks refuse (第十条).
 */
export const evaluatorSchema = recordBaseSchema.extend({
  agencyId: recordIdSchema,
  name,
  idNumber: z.string().regex(/^\d{17}[\dX]$/, '身份证号应为18位'),
  /** 专职 (细则 第八条 counts them apart). */
  fullTime: z.boolean(),
  /** 劳动或劳务合同 (细则 第十条). */
  contract: z.enum(['labour', 'service']),
  /** 经评价中心核定并备案 (细则 第十一条). */
  approvedOn: isoDateSchema.optional(),
  /** With the agency from / until (a person who left is no longer counted). */
  since: isoDateSchema.optional(),
  until: isoDateSchema.optional(),
  standing: evaluationStandingSchema,
});
export type Evaluator = z.infer<typeof evaluatorSchema>;

/** 004 办法 第十四条（二）: 文件资料审核 and 现场审核. */
export const AGENCY_AUDIT_KINDS = ['documents', 'on-site'] as const;
export type AgencyAuditKind = (typeof AGENCY_AUDIT_KINDS)[number];

/**
 * One review an agency made of an application (004 办法 第十四条（二）; 第二十四条: 对评价过程进行
 * 记录), append-only: a second on-site visit is a second record.
 */
export const agencyAuditSchema = recordBaseSchema.extend({
  applicationId: recordIdSchema,
  /** The workflow state it was recorded in (the stage whose reviews it counts for). */
  stage: z.string().min(1).max(60),
  agencyId: recordIdSchema.optional(),
  kind: z.enum(AGENCY_AUDIT_KINDS),
  on: isoDateSchema,
  evaluatorIds: z.array(recordIdSchema).min(1, '请选择参加审核的评价人员').max(50),
  findings: z.string().trim().min(1, '请填写审核发现').max(4000),
  passed: z.boolean(),
});
export type AgencyAudit = z.infer<typeof agencyAuditSchema>;

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
  evaluationAgencies: evaluationAgencySchema,
  evaluators: evaluatorSchema,
  agencyAudits: agencyAuditSchema,
} as const;

export type SyncedTable = keyof typeof syncedRecordSchemas;
export type RecordOf<T extends SyncedTable> = z.infer<(typeof syncedRecordSchemas)[T]>;

export { instantSchema };
