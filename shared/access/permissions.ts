/**
 * Who may do what, in one place: role × action. Every screen (menu entries, routes), every write
 * path in the renderer (the repository, the user directory, the signing key, backups, sync) and
 * every test reads this table; nothing else decides a permission.
 *
 * The roles are the users' (shared/model/records.ts `userSchema.role`):
 * - 管理员 (admin): everything, and alone users, settings, the signing key, backups and enrolment;
 * - 经办人 (clerk): the office's daily work, from intake to certificates;
 * - 评审人员 (reviewer): panel work only — scoring and the panel's own workflow steps (which steps a
 *   role may fire is the workflow definition's `roles`; this table only lets a reviewer fire any).
 */
import { fail, ok, type Result } from '../rules/result';
import { ROLE_LABELS_ZH, WORKFLOW_ROLES, type WorkflowRole } from '../workflow/definition';

export type Role = WorkflowRole;
export const ROLES = WORKFLOW_ROLES;

/** Every action, with what it covers (the message names it). */
export const ACTIONS = {
  // Screens a role may open (menu entries and typed URLs alike).
  'intake.view': '查看收件',
  'organisations.view': '查看单位',
  'agencies.view': '查看评价机构和评价人员',
  'queues.view': '查看办理',
  'application.view': '查看申请详情',
  'panel.view': '查看评审',
  'certificates.view': '查看证书',
  'rosters.view': '查看名册',
  'audit.view': '查看操作记录',
  'calendar.view': '查看工作日历',
  'sync.view': '查看同步',
  'users.view': '查看用户',
  'settings.view': '查看设置',
  // Writes.
  'intake.create': '登记申请、人员和单位',
  'application.edit': '修改申请、材料、附件和学时',
  'workflow.fire': '办理流程步骤',
  'panel.score': '录入评审意见',
  'panel.manage': '组织评审会：专家库、会议、计票',
  'calendar.manage': '录入工作日历',
  'agencies.manage': '管理评价机构和评价人员',
  'certificates.issue': '发放和打印证书',
  'documents.print': '打印回执、通知和名册',
  'records.merge': '合并重复的人员或单位',
  'import.run': '从 Excel 或 CSV 文件导入名单，或撤销一次导入',
  'signingKey.view': '查看证书签名设置',
  'signingKey.set': '设置证书签名密钥',
  'users.manage': '管理用户',
  'settings.manage': '更改设置',
  'backup.create': '导出数据备份',
  'backup.restore': '从备份恢复数据',
  'sync.run': '立即同步、导出或导入批次文件',
  'sync.enrol': '登记本机到同步服务器',
  'sync.resolve': '处理同步冲突和被拒收的修改',
} as const;

export type Action = keyof typeof ACTIONS;
export const ALL_ACTIONS = Object.keys(ACTIONS) as Action[];

const ALL = ['admin', 'clerk', 'reviewer'] as const;
const OFFICE = ['admin', 'clerk'] as const;
const ADMIN = ['admin'] as const;

/** The table. A role missing from an action's list may not do it. */
export const PERMISSIONS: Readonly<Record<Action, readonly Role[]>> = {
  'intake.view': OFFICE,
  'organisations.view': OFFICE,
  'agencies.view': OFFICE,
  'queues.view': OFFICE,
  'application.view': OFFICE,
  'panel.view': ALL,
  'certificates.view': OFFICE,
  'rosters.view': OFFICE,
  'audit.view': OFFICE,
  'calendar.view': OFFICE,
  'sync.view': OFFICE,
  'users.view': ADMIN,
  'settings.view': ADMIN,
  'intake.create': OFFICE,
  'application.edit': OFFICE,
  'workflow.fire': ALL,
  'panel.score': ALL,
  'panel.manage': OFFICE,
  'calendar.manage': ADMIN,
  'agencies.manage': OFFICE,
  'certificates.issue': OFFICE,
  'documents.print': OFFICE,
  'records.merge': OFFICE,
  'import.run': OFFICE,
  'signingKey.view': ADMIN,
  'signingKey.set': ADMIN,
  'users.manage': ADMIN,
  'settings.manage': ADMIN,
  'backup.create': ADMIN,
  'backup.restore': ADMIN,
  'sync.run': OFFICE,
  'sync.enrol': ADMIN,
  'sync.resolve': OFFICE,
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role | null | undefined, action: Action): boolean {
  return role !== null && role !== undefined && isRole(role) && PERMISSIONS[action].includes(role);
}

/** Every action a role may take (for a menu, or a test that lists them). */
export function actionsOf(role: Role): Action[] {
  return ALL_ACTIONS.filter((a) => PERMISSIONS[a].includes(role));
}

/** The refusal's words: which role, what, and who may. */
export function deniedMessage(role: Role | null | undefined, action: Action): string {
  const who = PERMISSIONS[action].map((r) => ROLE_LABELS_ZH[r]).join('或');
  if (role === null || role === undefined || !isRole(role)) return `请先登录后再${ACTIONS[action]}。`;
  return `${ROLE_LABELS_ZH[role]}无权${ACTIONS[action]}：只有${who}可以操作。`;
}

/** `access.denied` with the Chinese message when the role may not. */
export function checkPermission(role: Role | null | undefined, action: Action): Result<Role> {
  return can(role, action) && role ? ok(role) : fail('access.denied', deniedMessage(role, action));
}

// ---------------------------------------------------------------------------------------------
// Writes to synced records: which action each one is.

export type WriteKind = 'create' | 'update' | 'delete' | 'resolve';

/** The synced tables' names, as strings (so this table needs no import of the record schemas). */
const TABLE_ACTIONS: Readonly<Record<string, { readonly create: Action; readonly change: Action }>> = {
  people: { create: 'intake.create', change: 'application.edit' },
  organisations: { create: 'intake.create', change: 'application.edit' },
  applications: { create: 'intake.create', change: 'application.edit' },
  materials: { create: 'application.edit', change: 'application.edit' },
  attachments: { create: 'application.edit', change: 'application.edit' },
  educationRecords: { create: 'application.edit', change: 'application.edit' },
  workflowEvents: { create: 'workflow.fire', change: 'workflow.fire' },
  routingOpinions: { create: 'workflow.fire', change: 'workflow.fire' },
  objections: { create: 'workflow.fire', change: 'workflow.fire' },
  publicities: { create: 'workflow.fire', change: 'workflow.fire' },
  reviews: { create: 'panel.score', change: 'panel.score' },
  certificates: { create: 'certificates.issue', change: 'certificates.issue' },
  users: { create: 'users.manage', change: 'users.manage' },
  // Every desk's deadlines count with it (features/calendar).
  calendarYears: { create: 'calendar.manage', change: 'calendar.manage' },
  // Panels: the office organises; an expert scores, declares a recusal and, as chair, records the
  // tally in the room and signs the result (who may within a session is shared/panels' decision:
  // mayRecordBallot lets only the office or the session's chair).
  experts: { create: 'panel.manage', change: 'panel.manage' },
  panelSessions: { create: 'panel.manage', change: 'panel.manage' },
  panelBallots: { create: 'panel.score', change: 'panel.score' },
  panelRecusals: { create: 'panel.score', change: 'panel.score' },
  scoresheets: { create: 'panel.score', change: 'panel.score' },
  panelResults: { create: 'panel.score', change: 'panel.score' },
  importBatches: { create: 'intake.create', change: 'intake.create' },
  evaluationAgencies: { create: 'agencies.manage', change: 'agencies.manage' },
  evaluators: { create: 'agencies.manage', change: 'agencies.manage' },
  agencyAudits: { create: 'workflow.fire', change: 'workflow.fire' },
  // A certificate's history: written by issuing, and by the workflow steps that act on it.
  certificateEvents: { create: 'certificates.issue', change: 'certificates.issue' },
};

/** Fields a workflow step changes on an application (its state); the rest is editing the file. */
const WORKFLOW_FIELDS: ReadonlySet<string> = new Set(['status']);
/** Bookkeeping every write changes. */
const BOOKKEEPING: ReadonlySet<string> = new Set(['updatedAt', 'updatedBy']);

/**
 * The action a write to a synced record is. An application update that changes only its state is
 * a workflow step (a reviewer's panel step moves it); settling a conflict is `sync.resolve`.
 * `undefined` for a table this table does not know (a new synced table must be added here: the
 * table test lists every synced table).
 */
export function writeAction(table: string, kind: WriteKind, changedFields: readonly string[] = []): Action | undefined {
  if (kind === 'resolve') return 'sync.resolve';
  const entry = TABLE_ACTIONS[table];
  if (entry === undefined) return undefined;
  if (kind === 'create') return entry.create;
  if (table === 'applications' && kind === 'update') {
    const changed = changedFields.filter((f) => !BOOKKEEPING.has(f));
    if (changed.length > 0 && changed.every((f) => WORKFLOW_FIELDS.has(f))) return 'workflow.fire';
  }
  return entry.change;
}

/** The tables `writeAction` knows, for the test that checks it covers every synced table. */
export const TABLES_WITH_WRITE_ACTIONS: readonly string[] = Object.keys(TABLE_ACTIONS);
