/**
 * The stored records, one zod schema each: the one definition the renderer's repositories, the
 * forms and (later) the sync server validate against. Program-specific fields live in
 * `fields`, typed and checked by the program pack, so this layer stays generic.
 */
import { z } from 'zod';
import { checkedJson, instantSchema, isoDateSchema, recordBaseSchema, recordIdSchema, scoresSchema, text } from './base';
import { TEXT_LIMITS as L, type TextLimit } from './limits';
import { RETURN_TO_OPTIONS, returnToCode } from './codes';
import { APPLICATION_KIND_IDS, programIdSchema, stateIdSchema } from '../programs/ids';

/** An application kind, parsed against the closed list. */
const applicationKindSchema = z.enum(APPLICATION_KIND_IDS, { error: '未知的申请类型' });
import {
  COMPUTED_OUTCOMES,
  PANEL_FLAGS,
  RECOMMENDATIONS,
  RECUSAL_BASES,
  RECUSAL_KINDS,
  SHEET_STATUSES,
  SIGNED_OUTCOMES,
} from '../panels/codes';

/**
 * The import that created a record (`importBatches`), so undoing the import finds exactly what
 * it made. Kept on each record rather than as a list on the import: one synced field value holds
 * at most 2,000 entries (shared/sync/protocol), and a roster can have 20,000 rows.
 */
const importBatchId = recordIdSchema.optional();

export const personSchema = recordBaseSchema.extend({
  name: text(L.people.name, { trim: true, required: '请填写姓名' }),
  /** 身份证号, normalised (18 characters, upper-case X). The identity key for people. */
  idNumber: text(L.people.idNumber).regex(/^\d{17}[\dX]$/, '身份证号应为18位'),
  sex: z.enum(['male', 'female']).optional(),
  birthDate: isoDateSchema.optional(),
  phone: text(L.people.phone).optional(),
  organisationId: recordIdSchema.optional(),
  note: text(L.people.note).optional(),
  importBatchId,
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
  programId: programIdSchema,
  kind: applicationKindSchema,
  /** Office-facing number, e.g. `P4-2026-000123`; assigned on registration. */
  applicationNo: text(L.applications.applicationNo, { required: '缺少申请编号' }),
  personId: recordIdSchema.optional(),
  organisationId: recordIdSchema.optional(),
  status: stateIdSchema,
  channel: submissionChannelSchema,
  receivedDate: isoDateSchema,
  fields: checkedJson(z.record(z.string(), z.unknown()), L.applications.fields),
  /**
   * The certificate record a renewal, change, reissue, deferral, cancellation … acts on, when it
   * is on this desk (the row action of 已发证书 starts the application with it).
   */
  certificateId: recordIdSchema.optional(),
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
  importBatchId,
});
export type Application = z.infer<typeof applicationSchema>;

/** Who a user is (a users record id, or the built-in account's id). */
const userRef = (limit: TextLimit) => text(limit, { required: '缺少用户' });
/** A workflow state id a panel decides. */
const stageId = (limit: TextLimit) => text(limit, { required: '缺少评审阶段' });
const count = z.number().int().min(0).max(999);
const tenths = z.number().int().min(0).max(100_000);

/** A result as the workflow carries it (shared/workflow/context PanelResultFacts). */
export const panelResultFactsSchema = z.object({
  stage: stageId(L.workflowEvents.panelStage),
  resultId: recordIdSchema,
  sessionId: recordIdSchema,
  outcome: z.enum(SIGNED_OUTCOMES),
  scoreTenths: tenths.optional(),
  recommendations: z.object({ recommend: count, notRecommend: count }).optional(),
  ballot: z.object({ present: count, agree: count, disagree: count, abstain: count }).optional(),
  signedOffOn: isoDateSchema,
});

/**
 * One fired workflow transition (shared/workflow/engine `fire`), append-only: the application's
 * history is these records in id (creation) order. Kept as its own records rather than an array
 * on the application so two desks recording steps offline never overwrite each other's entries.
 */
export const workflowEventSchema = recordBaseSchema.extend({
  applicationId: recordIdSchema,
  transitionId: text(L.workflowEvents.transitionId, { required: '缺少办理步骤' }),
  from: stateIdSchema,
  to: stateIdSchema,
  /** The working day it was fired on (deadlines count from it). */
  on: isoDateSchema,
  role: z.enum(['admin', 'clerk', 'reviewer']),
  reason: text(L.workflowEvents.reason).optional(),
  opinion: text(L.workflowEvents.opinion).optional(),
  decision: text(L.workflowEvents.decision).optional(),
  /** 000 第十一条 退回提交单位或个人: a code; an old desk's Chinese word reads as its code. */
  returnTo: z.preprocess(returnToCode, z.enum(RETURN_TO_OPTIONS, { error: '退回对象应为单位（unit）或个人（individual）' })).optional(),
  scores: scoresSchema.optional(),
  /** The signed panel results the step was fired on (shared/workflow/context PanelResultFacts). */
  panel: z.array(panelResultFactsSchema).max(10).optional(),
  /**
   * Where the rulebook leaves discretion, a guard that failed was waived by a role allowed to
   * (shared/workflow/engine `fire` with `override`): why, and the refusals waived, word for word.
   */
  override: z
    .object({
      reason: text(L.workflowEvents.reason, { required: '请写明理由' }),
      waived: z.array(text(L.workflowEvents.reason)).min(1).max(20),
    })
    .optional(),
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
  programId: programIdSchema,
  title: text(L.publicities.title, { trim: true, required: '请填写公示标题' }),
  startedOn: isoDateSchema,
  /** As counted when posted; screens recount from `period` (a year's calendar may arrive later). */
  endsOn: isoDateSchema,
  /** The workflow's publicity period when posted (absent on publicities posted before it was kept). */
  period: z.object({ length: z.number().int().min(1).max(366), unit: z.enum(['working-days', 'calendar-days']) }).optional(),
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
  certificateNo: text(L.certificates.certificateNo, { required: '缺少证书编号' }),
  programId: programIdSchema,
  applicationId: recordIdSchema.optional(),
  /** The application kind that issued it (new, renewal, reissue, major-change …): the register counts by it. */
  applicationKind: applicationKindSchema.optional(),
  holderPersonId: recordIdSchema.optional(),
  holderOrganisationId: recordIdSchema.optional(),
  issuedOn: isoDateSchema,
  /** First valid day when it is not the issue day (a renewal runs on from the old expiry, 000 第十五条一). */
  validFrom: isoDateSchema.optional(),
  validUntil: isoDateSchema.optional(),
  status: z.enum(CERTIFICATE_STORED_STATUSES),
  /**
   * Facts of the certificate the record has no column for, keyed by the program's field id, as
   * read from a register (003 人才库: qualificationName, specialtyCategory, formNo …).
   */
  details: z.record(text(L.certificates.detailKey).regex(/^[a-z][A-Za-z0-9]{0,39}$/), z.union([text(L.certificates.detailValue), z.number()])).optional(),
  importBatchId,
  /**
   * What the certificate attests, from the pack's `grading` (documents/org-rosters
   * certificateGrading): the evaluation category (004 第十一、十二条) and the level — IETS-3
   * (IETS-4 … IETS-E), or 乙 for a 001 grade; none for a category 不划分等级.
   */
  category: text(L.certificates.category, { required: '缺少评价类别' }).optional(),
  level: text(L.certificates.level, { required: '缺少等级' }).optional(),
  /** The certificate this one replaces (renewed, reissued or exchanged), and the reverse link. */
  replaces: recordIdSchema.optional(),
  replacedBy: recordIdSchema.optional(),
});
export type Certificate = z.infer<typeof certificateSchema>;

/** Each stored status as the office and the public /verify page write it. */
export const CERTIFICATE_STATUS_ZH: Readonly<Record<CertificateStoredStatus, string>> = {
  valid: '有效',
  expired: '已过期',
  revoked: '已撤销',
  cancelled: '已注销',
  suspended: '已暂停',
  // 000 第十八条 / 004 第二十二条: the lost or damaged number a reissue replaced.
  void: '已作废',
};

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
  ground: text(L.certificateEvents.ground, { required: '缺少事由' }).optional(),
  /** suspend / revoke; passed / failed / missed; upheld / dismissed. */
  outcome: z.enum(['suspend', 'revoke', 'passed', 'failed', 'missed', 'upheld', 'dismissed']).optional(),
  reason: text(L.certificateEvents.reason).optional(),
  /** What proves it (证明, 材料), as the clerk describes it; attachments are linked by application. */
  evidence: text(L.certificateEvents.evidence).optional(),
  /** Validity before and after (renewal, deferral); a deferral's end. */
  validUntilBefore: isoDateSchema.optional(),
  validUntil: isoDateSchema.optional(),
  /** The certificate year an annual review covers (1 = the first year after issue, 004 第十五条). */
  year: z.number().int().min(1).max(100).optional(),
  /** A notice: through whom it went (004 第二十条: the evaluation agency). */
  via: text(L.certificateEvents.via).optional(),
  /** Which notice or decision an appeal answers (the event id). */
  answers: recordIdSchema.optional(),
});
export type CertificateEvent = z.infer<typeof certificateEventSchema>;

export const attachmentSchema = recordBaseSchema.extend({
  applicationId: recordIdSchema.optional(),
  personId: recordIdSchema.optional(),
  kind: text(L.attachments.kind, { required: '缺少附件类别' }),
  fileName: text(L.attachments.fileName, { required: '缺少文件名' }),
  mimeType: text(L.attachments.mimeType),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The checklist item the file is for (001 （二）6: 营业执照, 财务报表, 项目合同 …). */
  itemId: text(L.attachments.itemId, { required: '缺少材料项目' }).optional(),
  /** For an item asked per table row (one file per contract, one certificate per innovation): the row's key. */
  rowKey: text(L.attachments.rowKey, { required: '缺少表格行' }).optional(),
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

/**
 * One year of the working-day calendar as the office entered it (holidays and 调休 working
 * weekends from the State Council's notice), synced to every desk of the office. Its id is
 * derived from the year (calendarYearId), so two desks entering the same year offline edit one
 * record and any disagreement shows as a field conflict rather than two calendars.
 */
export const calendarYearSchema = recordBaseSchema.extend({
  year: z.number().int().min(1949).max(2100),
  holidays: z.array(z.object({ date: isoDateSchema, name: text(L.calendarYears.holidayName, { trim: true, required: '请填写节假日名称' }) })).max(366),
  adjustedWorkdays: z.array(z.object({ date: isoDateSchema, name: text(L.calendarYears.workdayName, { trim: true, required: '请填写调休上班说明' }) })).max(366),
  source: text(L.calendarYears.source).optional(),
});
export type CalendarYearRecord = z.infer<typeof calendarYearSchema>;

/** The record id of a calendar year: fixed per year (UUIDv7-shaped, time part zero). */
export function calendarYearId(year: number): string {
  return `00000000-0000-7000-8000-${String(year).padStart(12, '0')}`;
}
// ---------------------------------------------------------------------------------------------
// Panels (评审会): experts, sessions, recusals, scoresheets, ballots and the signed results.
// Rules are shared/panels'; these schemas only keep what may never be stored.

/** An expert on the office's roster (专家库, 004 第八条), with a 评审人员 account when they score themself. */
export const expertSchema = recordBaseSchema.extend({
  name: text(L.experts.name, { trim: true, required: '请填写姓名' }),
  /** 工作单位 as the expert gives it; compared, normalised, with the applicant's unit (recusal). */
  unit: text(L.experts.unit, { trim: true, required: '请填写专家所在单位' }),
  specialties: z.array(text(L.experts.specialty, { trim: true, required: '请填写专业' })).max(20, '专业最多20项'),
  phone: text(L.experts.phone).optional(),
  email: text(L.experts.email).optional(),
  /** The 评审人员 account the expert signs in with. */
  userId: userRef(L.experts.userId).optional(),
  note: text(L.experts.note).optional(),
});
export type Expert = z.infer<typeof expertSchema>;

const clockTime = text(L.panelSessions.slotTime).regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间应为 HH:MM，如 09:30');

/** One applicant's place in the 现场答辩 (000 第十三条): when, in which order, in which room. */
export const defenceSlotSchema = z.object({
  applicationId: recordIdSchema,
  order: z.number().int().min(1).max(999),
  start: clockTime,
  end: clockTime,
  room: text(L.panelSessions.room, { trim: true, required: '请填写答辩室' }),
});
export type DefenceSlot = z.infer<typeof defenceSlotSchema>;

/** A panel session (评审会): when and where, who sits (the chair among them), what it decides. */
export const panelSessionSchema = recordBaseSchema
  .extend({
    programId: programIdSchema,
    title: text(L.panelSessions.title, { trim: true, required: '请填写评审会名称' }),
    /** The pack's panel stages this session decides (workflow state ids). */
    stages: z.array(stageId(L.panelSessions.stage)).min(1, '请选择评审阶段').max(10),
    date: isoDateSchema,
    venue: text(L.panelSessions.venue, { trim: true, required: '请填写评审地点' }),
    /** An expert id; the chair (主任委员 / 组长) is one of the members. */
    chairId: recordIdSchema,
    memberIds: z.array(recordIdSchema).min(1, '请至少选择一位评审专家').max(99),
    /** Members who signed in on the day; a ballot's quorum counts them. */
    presentIds: z.array(recordIdSchema).max(99).optional(),
    applicationIds: z.array(recordIdSchema).max(500),
    defence: z.array(defenceSlotSchema).max(500).optional(),
  })
  .superRefine((s, ctx) => {
    if (!s.memberIds.includes(s.chairId)) ctx.addIssue({ code: 'custom', path: ['chairId'], message: '主任委员须是本次评审会的成员' });
    if (new Set(s.memberIds).size !== s.memberIds.length) ctx.addIssue({ code: 'custom', path: ['memberIds'], message: '评审专家重复' });
    if (s.presentIds?.some((id) => !s.memberIds.includes(id))) {
      ctx.addIssue({ code: 'custom', path: ['presentIds'], message: '出席专家须是本次评审会的成员' });
    }
  });
export type PanelSession = z.infer<typeof panelSessionSchema>;

/** An expert kept out of one application (回避): automatic by unit, or manual with a reason. */
export const panelRecusalSchema = recordBaseSchema
  .extend({
    sessionId: recordIdSchema,
    applicationId: recordIdSchema,
    expertId: recordIdSchema,
    kind: z.enum(RECUSAL_KINDS),
    basis: z.enum(RECUSAL_BASES),
    reason: text(L.panelRecusals.reason, { trim: true }),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'manual' && r.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: '请填写回避理由' });
  });
export type PanelRecusal = z.infer<typeof panelRecusalSchema>;

/**
 * One member's sheet for one application at one stage. Scores are integer tenths of a point.
 * The member is `expertId`, always an expert record, never a typed name. A paper sheet typed by
 * the office names the clerk (`enteredBy`) and the member it is for (`onBehalfOf`, = expertId).
 */
export const scoresheetSchema = recordBaseSchema
  .extend({
    sessionId: recordIdSchema,
    applicationId: recordIdSchema,
    stage: stageId(L.scoresheets.stage),
    expertId: recordIdSchema,
    scoresTenths: z.record(text(L.scoresheets.scoreKey, { required: '缺少评分项目' }), tenths),
    opinion: text(L.scoresheets.opinion),
    recommendation: z.enum(RECOMMENDATIONS).optional(),
    status: z.enum(SHEET_STATUSES),
    submittedAt: instantSchema.optional(),
    enteredBy: userRef(L.scoresheets.enteredBy).optional(),
    onBehalfOf: recordIdSchema.optional(),
  })
  .superRefine((s, ctx) => {
    if ((s.enteredBy === undefined) !== (s.onBehalfOf === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['onBehalfOf'], message: '代录纸质评分表须同时记录录入人和所代专家' });
    }
    if (s.onBehalfOf !== undefined && s.onBehalfOf !== s.expertId) {
      ctx.addIssue({ code: 'custom', path: ['onBehalfOf'], message: '代录的评分表只能属于所代的专家' });
    }
    if ((s.status === 'submitted') !== (s.submittedAt !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['submittedAt'], message: '提交的评分表须有提交时间，草稿不应有' });
    }
  });
export type Scoresheet = z.infer<typeof scoresheetSchema>;

/** A secret ballot's tally for one application (无记名投票: never who voted how). */
export const panelBallotSchema = recordBaseSchema
  .extend({
    sessionId: recordIdSchema,
    applicationId: recordIdSchema,
    stage: stageId(L.panelBallots.stage),
    /** Ballots handed out: the members present and not recused. */
    issued: count,
    agree: count,
    disagree: count,
    abstain: count,
  })
  .superRefine((b, ctx) => {
    if (b.agree + b.disagree + b.abstain > b.issued) {
      ctx.addIssue({ code: 'custom', path: ['agree'], message: '同意、不同意、弃权票数之和不能超过发出的选票数' });
    }
  });
export type PanelBallot = z.infer<typeof panelBallotSchema>;

/**
 * The session's result for one application at one stage: what the rules computed from the sheets
 * and the ballot, the flags the chair ruled on, and the chair's sign-off. `basis` names the
 * sheets and ballot (with their last change) it was computed from, so a later change shows.
 */
export const panelResultSchema = recordBaseSchema.extend({
  sessionId: recordIdSchema,
  applicationId: recordIdSchema,
  stage: stageId(L.panelResults.stage),
  outcome: z.enum(SIGNED_OUTCOMES),
  computed: z.enum(COMPUTED_OUTCOMES),
  scoreTenths: tenths.optional(),
  totals: z.array(z.object({ expertId: recordIdSchema, totalTenths: tenths })).max(99),
  recommendations: z.object({ recommend: count, notRecommend: count }).optional(),
  ballot: z.object({ committee: count, present: count, eligible: count, agree: count, disagree: count, abstain: count }).optional(),
  flags: z.array(z.enum(PANEL_FLAGS)).max(PANEL_FLAGS.length),
  ruling: z.object({ outcome: z.enum(SIGNED_OUTCOMES), reason: text(L.panelResults.rulingReason, { trim: true, required: '请填写裁定理由' }) }).optional(),
  opinion: text(L.panelResults.opinion).optional(),
  basis: z.array(z.object({ table: z.enum(['scoresheets', 'panelBallots']), id: recordIdSchema, updatedAt: instantSchema })).max(200),
  /** The chair (an expert id), the account that signed, when and on which day. */
  signedOffBy: recordIdSchema,
  signedOffByUser: userRef(L.panelResults.signedOffByUser),
  signedOffAt: instantSchema,
  signedOffOn: isoDateSchema,
});
export type PanelResult = z.infer<typeof panelResultSchema>;
/** What an imported spreadsheet holds (shared/import; a pack's `imports` says which it has). */
export const IMPORT_KINDS = ['applicants', 'roster', 'certificate-holders', 'talent-register'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

const rowCount = z.number().int().min(0).max(2_000_000);

/**
 * One import of a spreadsheet: written in the same transaction as everything it created (each of
 * which carries its id as `importBatchId`), and marked undone when the clerk undoes it.
 */
export const importBatchSchema = recordBaseSchema.extend({
  programId: programIdSchema,
  kind: z.enum(IMPORT_KINDS),
  fileName: text(L.importBatches.fileName, { trim: true, required: '缺少文件名' }),
  /** The worksheet read (a CSV has none). */
  sheetName: text(L.importBatches.sheetName).optional(),
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
  tableField: text(L.importBatches.tableField).optional(),
  tableRowsAdded: rowCount,
  status: z.enum(['imported', 'undone']),
  undoneOn: isoDateSchema.optional(),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;
/** 004 细则 第十六条: an agency or evaluator may be suspended or stopped from evaluating. */
export const evaluationStandingSchema = z.enum(['active', 'suspended', 'stopped']);

/**
 * An evaluation agency (评价机构, 004 办法 第九、十条; 细则 第二、三、七条), selected publicly to take
 * applications, review them and report to the centre. National agencies work nationwide, local
 * ones in their region.
 */
export const evaluationAgencySchema = recordBaseSchema.extend({
  /** The program whose evaluations it carries out (a pack with agency thresholds). */
  programId: programIdSchema,
  name: text(L.evaluationAgencies.name, { trim: true, required: '请填写评价机构名称' }),
  creditCode: text(L.evaluationAgencies.creditCode).regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '统一社会信用代码应为18位').optional(),
  scope: z.enum(['national', 'local']),
  /** 所属区域, for a local agency. */
  region: text(L.evaluationAgencies.region).optional(),
  /** 成立日期 (细则 第七条: 成立时间 1 年以上). */
  registeredOn: isoDateSchema,
  /** 在中国技术市场协会官网予以公布 (细则 第十三条（三）). */
  listedOn: isoDateSchema.optional(),
  standing: evaluationStandingSchema,
  note: text(L.evaluationAgencies.note).optional(),
});
export type EvaluationAgency = z.infer<typeof evaluationAgencySchema>;

/**
 * An evaluator (评价人员) of one agency (细则 第五、八、十、十一条): employed under a labour or
 * service contract, full-time or not, approved and filed by the centre. The same person in two
 * agencies is two records with one ID number — which the checks refuse (第十条).
 */
export const evaluatorSchema = recordBaseSchema.extend({
  agencyId: recordIdSchema,
  name: text(L.evaluators.name, { trim: true, required: '请填写姓名' }),
  idNumber: text(L.evaluators.idNumber).regex(/^\d{17}[\dX]$/, '身份证号应为18位'),
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
  stage: text(L.agencyAudits.stage, { required: '缺少办理环节' }),
  agencyId: recordIdSchema.optional(),
  kind: z.enum(AGENCY_AUDIT_KINDS),
  on: isoDateSchema,
  evaluatorIds: z.array(recordIdSchema).min(1, '请选择参加审核的评价人员').max(50),
  findings: text(L.agencyAudits.findings, { trim: true, required: '请填写审核发现' }),
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
  calendarYears: calendarYearSchema,
  experts: expertSchema,
  panelSessions: panelSessionSchema,
  panelRecusals: panelRecusalSchema,
  scoresheets: scoresheetSchema,
  panelBallots: panelBallotSchema,
  panelResults: panelResultSchema,
  importBatches: importBatchSchema,
  evaluationAgencies: evaluationAgencySchema,
  evaluators: evaluatorSchema,
  agencyAudits: agencyAuditSchema,
  certificateEvents: certificateEventSchema,
} as const;

export type SyncedTable = keyof typeof syncedRecordSchemas;
export type RecordOf<T extends SyncedTable> = z.infer<(typeof syncedRecordSchemas)[T]>;
/**
 * What a write hands the repository before the schema parses it: ids (`programId`, `status`) are
 * plain strings here and branded (shared/programs/ids) only once parsed, so a stored record's
 * ids have always been checked.
 */
export type RecordInputOf<T extends SyncedTable> = z.input<(typeof syncedRecordSchemas)[T]>;

export { instantSchema };
