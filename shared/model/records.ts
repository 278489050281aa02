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
  /**
   * The certificate record a renewal, change, reissue, deferral, cancellation … acts on, when it
   * is on this desk (the row action of 已发证书 starts the application with it).
   */
  certificateId: recordIdSchema.optional(),
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
  /**
   * Where the rulebook leaves discretion, a guard that failed was waived by a role allowed to
   * (shared/workflow/engine `fire` with `override`): why, and the refusals waived, word for word.
   */
  override: z
    .object({
      reason: z.string().min(1).max(4000),
      waived: z.array(z.string().max(1000)).min(1).max(20),
    })
    .optional(),
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

/**
 * What a certificate's stored status says. Statuses that follow the date (in the renewal window,
 * expired, lapsed, deferred) are computed (shared/lifecycle/status.ts), never stored; 'expired'
 * stays for records written before that. 'void' (作废) is a number replaced by a reissue or an
 * exchange: the paper in the holder's hands no longer counts. The public /verify answer reads
 * this field.
 */
export const CERTIFICATE_STORED_STATUSES = ['valid', 'expired', 'revoked', 'cancelled', 'suspended', 'void'] as const;
export type CertificateStoredStatus = (typeof CERTIFICATE_STORED_STATUSES)[number];

export const certificateSchema = recordBaseSchema.extend({
  certificateNo: z.string().min(1).max(60),
  programId: z.string().min(1),
  applicationId: recordIdSchema.optional(),
  /** The application kind that issued it (new, renewal, reissue, major-change …): the register counts by it. */
  applicationKind: z.string().min(1).max(40).optional(),
  holderPersonId: recordIdSchema.optional(),
  holderOrganisationId: recordIdSchema.optional(),
  issuedOn: isoDateSchema,
  /** First valid day when it is not the issue day (a renewal runs on from the old expiry, 000 第十五条一). */
  validFrom: isoDateSchema.optional(),
  validUntil: isoDateSchema.optional(),
  status: z.enum(CERTIFICATE_STORED_STATUSES),
  /** P6: the level certified (IETS-4 … IETS-E) or the evaluation without levels (004 第十一、十二条). */
  level: z.string().min(1).max(40).optional(),
  /** The certificate this one replaces (renewed, reissued or exchanged), and the reverse link. */
  replaces: recordIdSchema.optional(),
  replacedBy: recordIdSchema.optional(),
});
export type Certificate = z.infer<typeof certificateSchema>;

/**
 * What can happen to a certificate, as codes (labels come from i18n). The register counts
 * issued / renewed / reissued / changed (and exchanged) / cancelled / revoked; 'expired' and
 * 'lapsed' are only ever computed from the date for the history, never stored.
 */
export const CERTIFICATE_EVENT_KINDS = [
  'issued',
  'renewed',
  'reissued',
  'exchanged',
  'changed',
  'voided',
  'deferred',
  'education-deferred',
  'suspended',
  'reinstated',
  'revocation-proposed',
  'revoked',
  'cancelled',
  'notice',
  'appeal-lodged',
  'appeal-decided',
  'annual-review',
  'reprinted',
  'expired',
  'lapsed',
] as const;
export type CertificateEventKind = (typeof CERTIFICATE_EVENT_KINDS)[number];

/**
 * One thing that happened to a certificate, append-only (like workflowEvents: two desks recording
 * offline never overwrite each other). The certificate's history is these records in id order;
 * grounds, outcomes and the rest are codes from the program pack.
 */
export const certificateEventSchema = recordBaseSchema.extend({
  certificateId: recordIdSchema,
  kind: z.enum(CERTIFICATE_EVENT_KINDS),
  /** The day it took effect (a notice: the day it was published or sent). */
  on: isoDateSchema,
  /** The application that decided it, if any. */
  applicationId: recordIdSchema.optional(),
  /** The other certificate of a renewal, reissue or exchange (the new one on the old, the old on the new). */
  otherCertificateId: recordIdSchema.optional(),
  role: z.enum(['admin', 'clerk', 'reviewer']),
  /** A code from the pack's closed list (003 八, 十; 004 第十九条). */
  ground: z.string().min(1).max(60).optional(),
  /** suspend / revoke; passed / failed / missed; upheld / dismissed. */
  outcome: z.enum(['suspend', 'revoke', 'passed', 'failed', 'missed', 'upheld', 'dismissed']).optional(),
  reason: z.string().max(4000).optional(),
  /** What proves it (证明, 材料), as the clerk describes it; attachments are linked by application. */
  evidence: z.string().max(2000).optional(),
  /** Validity before and after (renewal, deferral); a deferral's end. */
  validUntilBefore: isoDateSchema.optional(),
  validUntil: isoDateSchema.optional(),
  /** The certificate year an annual review covers (1 = the first year after issue, 004 第十五条). */
  year: z.number().int().min(1).max(100).optional(),
  /** A notice: through whom it went (004 第二十条: the evaluation agency). */
  via: z.string().max(200).optional(),
  /** Which notice or decision an appeal answers (the event id). */
  answers: recordIdSchema.optional(),
});
export type CertificateEvent = z.infer<typeof certificateEventSchema>;

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
  workflowEvents: workflowEventSchema,
  routingOpinions: routingOpinionSchema,
  objections: objectionSchema,
  publicities: publicitySchema,
  certificateEvents: certificateEventSchema,
} as const;

export type SyncedTable = keyof typeof syncedRecordSchemas;
export type RecordOf<T extends SyncedTable> = z.infer<(typeof syncedRecordSchemas)[T]>;

export { instantSchema };
