/**
 * The one table of text limits: for every text field of every stored record, the longest value
 * accepted (in characters, as a clerk counts them), whether it may span lines, and the name a
 * message gives it. The record schemas (./records) read it, so the desk's forms, the repository
 * and the server refuse the same things with the same words; a screen reads it for an input's
 * `maxLength` (`fieldLimit('people', 'name').max`).
 *
 * The figures keep a printed table readable (a 姓名 of 2,000 characters broke the lists) and stay
 * well inside the wire protocol's 20,000-unit ceiling per string (shared/sync/protocol).
 */
import type { TextKind } from './text';

export interface TextLimit {
  readonly max: number;
  readonly label: string;
  readonly kind: TextKind;
}

const line = (max: number, label: string): TextLimit => ({ max, label, kind: 'line' });
const lines = (max: number, label: string): TextLimit => ({ max, label, kind: 'multiline' });

/** Identifiers and codes a program pack or the workflow defines (ids, states, stages). */
const CODE = 60;
/** Who did something, by user id (the wire protocol's `userId` limit). */
const USER_ID = 64;

export const TEXT_LIMITS = {
  record: {
    createdBy: line(USER_ID, '创建人'),
    updatedBy: line(USER_ID, '修改人'),
  },
  people: {
    name: line(50, '姓名'),
    idNumber: line(18, '身份证号'),
    phone: line(40, '联系电话'),
    note: lines(2000, '备注'),
  },
  organisations: {
    name: line(100, '单位名称'),
    creditCode: line(18, '统一社会信用代码'),
    address: line(200, '地址'),
    contact: line(50, '联系人'),
    phone: line(40, '联系电话'),
  },
  applications: {
    programId: line(CODE, '业务类别'),
    kind: line(CODE, '申请类型'),
    applicationNo: line(40, '申请编号'),
    status: line(CODE, '办理状态'),
    /** Any text typed into the program's form (`fields`), per entry. */
    fields: lines(4000, '申请表填写内容'),
    previousCertificateNo: line(60, '原证书编号'),
    selfScoreItemId: line(40, '自评分项目编号'),
    selfScoreItemName: line(200, '自评分项目名称'),
    seniorityReason: lines(500, '资历说明'),
  },
  workflowEvents: {
    transitionId: line(CODE, '办理步骤'),
    from: line(CODE, '原状态'),
    to: line(CODE, '新状态'),
    reason: lines(4000, '理由'),
    opinion: lines(4000, '意见'),
    decision: lines(4000, '决定'),
    returnTo: line(CODE, '退回环节'),
    /** The signed panel results a step was fired on: their stage. */
    panelStage: line(CODE, '评审阶段'),
  },
  routingOpinions: {
    level: line(CODE, '审核层级'),
    note: lines(2000, '审核意见'),
  },
  objections: {
    raisedBy: line(100, '异议人'),
    content: lines(4000, '异议内容'),
    settlement: lines(4000, '处理结果'),
  },
  publicities: {
    programId: line(CODE, '业务类别'),
    title: line(200, '公示标题'),
  },
  materials: {
    itemId: line(CODE, '材料项目'),
    rejectReason: lines(500, '退回原因'),
    originalVerifiedBy: line(50, '原件核验人'),
    note: lines(1000, '材料备注'),
  },
  educationRecords: {
    mode: line(20, '学习方式'),
    category: line(20, '学时类别'),
    content: lines(500, '学习内容'),
  },
  reviews: {
    stage: line(CODE, '评审阶段'),
    reviewer: line(50, '评审专家'),
    opinion: lines(4000, '评审意见'),
    outcome: line(40, '评审结论'),
  },
  certificates: {
    certificateNo: line(60, '证书编号'),
    programId: line(CODE, '业务类别'),
    applicationKind: line(40, '申请类型'),
    /** `details`: a register's facts the record has no column for, by the pack's field id. */
    detailKey: line(40, '证书信息项目'),
    detailValue: line(500, '证书信息'),
    category: line(40, '评价类别'),
    level: line(40, '等级'),
  },
  attachments: {
    kind: line(40, '附件类别'),
    fileName: line(200, '文件名'),
    mimeType: line(100, '文件类型'),
    itemId: line(CODE, '材料项目'),
    rowKey: line(USER_ID, '表格行'),
  },
  users: {
    username: line(40, '用户名'),
    displayName: line(50, '姓名'),
    passwordHash: line(200, '密码记录'),
    passwordSalt: line(100, '密码记录'),
  },
  calendarYears: {
    holidayName: line(40, '节假日名称'),
    workdayName: line(40, '调休上班说明'),
    source: line(200, '依据'),
  },
  experts: {
    name: line(50, '姓名'),
    unit: line(100, '工作单位'),
    specialty: line(50, '专业'),
    phone: line(40, '联系电话'),
    email: line(100, '电子邮箱'),
    userId: line(USER_ID, '专家账号'),
    note: lines(1000, '备注'),
  },
  panelSessions: {
    programId: line(CODE, '业务类别'),
    title: line(100, '评审会名称'),
    stage: line(CODE, '评审阶段'),
    venue: line(200, '评审地点'),
    slotTime: line(5, '答辩时间'),
    room: line(50, '答辩室'),
  },
  panelRecusals: {
    reason: lines(500, '回避理由'),
  },
  scoresheets: {
    stage: line(CODE, '评审阶段'),
    scoreKey: line(40, '评分项目'),
    opinion: lines(4000, '评审意见'),
    enteredBy: line(USER_ID, '录入人'),
  },
  panelBallots: {
    stage: line(CODE, '评审阶段'),
  },
  panelResults: {
    stage: line(CODE, '评审阶段'),
    rulingReason: lines(2000, '裁定理由'),
    opinion: lines(4000, '评审会意见'),
    signedOffByUser: line(USER_ID, '签字账号'),
  },
  importBatches: {
    programId: line(CODE, '业务类别'),
    fileName: line(255, '文件名'),
    sheetName: line(100, '工作表名称'),
    tableField: line(CODE, '表格项目'),
  },
  evaluationAgencies: {
    programId: line(CODE, '业务类别'),
    name: line(100, '评价机构名称'),
    creditCode: line(18, '统一社会信用代码'),
    region: line(50, '所属区域'),
    note: lines(2000, '备注'),
  },
  evaluators: {
    name: line(50, '姓名'),
    idNumber: line(18, '身份证号'),
  },
  agencyAudits: {
    stage: line(CODE, '办理环节'),
    findings: lines(4000, '审核发现'),
  },
  certificateEvents: {
    ground: line(CODE, '事由'),
    reason: lines(4000, '理由'),
    evidence: lines(2000, '证明材料'),
    via: line(200, '送达途径'),
  },
  /** Keys of score sheets (`scores`): the pack's item ids. */
  scores: {
    key: line(CODE, '评分项目'),
  },
} as const satisfies Record<string, Record<string, TextLimit>>;

export type LimitedTable = keyof typeof TEXT_LIMITS;

/** The limit of one field, for a form's `maxLength` and its counter. */
export function fieldLimit<T extends LimitedTable>(table: T, field: keyof (typeof TEXT_LIMITS)[T] & string): TextLimit {
  return (TEXT_LIMITS[table] as Record<string, TextLimit>)[field]!;
}

/** `姓名过长（最多50个字）`. */
export function tooLongMessage(limit: TextLimit): string {
  return `${limit.label}过长（最多${limit.max}个字）`;
}
