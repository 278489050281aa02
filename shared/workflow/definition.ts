/**
 * A workflow as DATA: the states an application passes through, the transitions between them,
 * who may fire each, the guards that must hold and what must be written down when it is fired.
 * A program pack holds one definition per application kind (首次评价, 续期, 变更, 补办 …); the
 * engine (engine.ts) reads it and nothing about one program is hard-coded in a screen.
 *
 * Packs are edited by people, so a definition is validated on load and every problem is
 * reported in Chinese with where it is (parseWorkflowDefinition).
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../rules/result';
import { describePath } from '../rules/describe-path';

// ---------------------------------------------------------------------------------------------
// Vocabularies
// ---------------------------------------------------------------------------------------------

/** The user roles of shared/model/records.ts (userSchema.role). */
export const WORKFLOW_ROLES = ['admin', 'clerk', 'reviewer'] as const;
export type WorkflowRole = (typeof WORKFLOW_ROLES)[number];

export const ROLE_LABELS_ZH: Readonly<Record<WorkflowRole, string>> = {
  admin: '管理员',
  clerk: '经办人',
  reviewer: '评审人员',
};

/**
 * initial: where a new application starts (exactly one); active: the office is working on it;
 * waiting: the clock runs on someone else (applicant correcting, publicity running);
 * final: closed, nothing may leave it.
 */
export const STATE_KINDS = ['initial', 'active', 'waiting', 'final'] as const;
export type StateKind = (typeof STATE_KINDS)[number];

/** The work queues a clerk sees; a state puts its applications in at most one. */
export const WORKFLOW_QUEUES = ['intake-review', 'returned', 'publicity', 'panel', 'decision', 'issue'] as const;
export type WorkflowQueue = (typeof WORKFLOW_QUEUES)[number];

export const QUEUE_LABELS_ZH: Readonly<Record<WorkflowQueue, string>> = {
  'intake-review': '待审核',
  returned: '退回待补正',
  publicity: '公示中',
  panel: '待评审',
  decision: '待决定',
  issue: '待发证',
};

/**
 * What must be written down when a transition fires. 000 第十一条 requires a return to list its
 * reasons; every opinion, score and decision is kept (PROGRAMS.md: who, when, what, why).
 */
export const RECORD_KINDS = ['reason', 'opinion', 'scores', 'decision', 'returnTo'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const RECORD_LABELS_ZH: Readonly<Record<RecordKind, string>> = {
  reason: '理由',
  opinion: '意见',
  scores: '评分',
  decision: '决定',
  returnTo: '退回对象',
};

/** What a panel decides for an application at a stage (shared/panels), as stored: codes, not labels. */
export const PANEL_OUTCOMES = ['pass', 'fail'] as const;
export type PanelOutcome = (typeof PANEL_OUTCOMES)[number];

export const PANEL_OUTCOME_LABELS_ZH: Readonly<Record<PanelOutcome, string>> = { pass: '通过', fail: '未通过' };

export const PERIOD_UNITS = ['working-days', 'calendar-days'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/**
 * Not from a rulebook: the longest period in the seeds is 90 days (004, 分立合并变更); a year
 * is ample and catches a typo such as 70 for 7.
 */
const PERIOD_LENGTH_MAX = 366;

/** Not from a rulebook: long enough for any id a pack author writes, short enough for a column. */
const ID_MAX = 60;
const NAME_MAX = 60;

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

const idSchema = z
  .string({ error: '编号应为文字' })
  .min(1, { error: '编号不能为空' })
  .max(ID_MAX, { error: `编号过长，请控制在${ID_MAX}个字符以内` });

/** A state's id, branded as the records' `status` (shared/programs/ids `StateId`). */
const stateId = idSchema.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: '状态编号应为小写英文、数字和连字符，如 awaiting-defense' }).brand<'StateId'>();

export const localizedTextSchema = z.object(
  {
    zh: z.string({ error: '中文名称应为文字' }).trim().min(1, { error: '中文名称不能为空' }).max(NAME_MAX, {
      error: `中文名称过长，请控制在${NAME_MAX}个字以内`,
    }),
    en: z.string({ error: '英文名称应为文字' }).trim().min(1, { error: '英文名称不能为空' }).max(NAME_MAX * 2, {
      error: `英文名称过长，请控制在${NAME_MAX * 2}个字符以内`,
    }),
  },
  { error: '名称应包含中文（zh）和英文（en）两项' },
);
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** A period from a rulebook: 公示7天 (004) is calendar days, 15个工作日 (003 第七条) working days. */
export const periodSchema = z.object(
  {
    length: z
      .number({ error: '期限长度应为数字' })
      .int({ error: '期限长度应为整数' })
      .min(1, { error: '期限长度至少为1' })
      .max(PERIOD_LENGTH_MAX, { error: `期限长度不应超过${PERIOD_LENGTH_MAX}` }),
    unit: z.enum(PERIOD_UNITS, { error: '期限单位应为 working-days（工作日）或 calendar-days（自然日）' }),
  },
  { error: '期限应包含长度（length）和单位（unit）' },
);
export type Period = z.infer<typeof periodSchema>;

/**
 * A decision deadline runs from the (last) day the application entered `from` — e.g. 003 第七条
 * 受理后15个工作日内 runs from acceptance — and stops when it reaches a final state. Counting from
 * the LAST entry means a file returned for correction and accepted again starts a fresh clock.
 */
export const decisionDeadlineSchema = periodSchema.extend({ from: idSchema });
export type DecisionDeadline = z.infer<typeof decisionDeadlineSchema>;

// ---------------------------------------------------------------------------------------------
// Guards
// ---------------------------------------------------------------------------------------------

/**
 * Guards are data so a pack can say "may only proceed once publicity is over" without code.
 * Each is evaluated by a pure function (guards.ts) against facts the caller supplies.
 */
const leafGuardOptions = [
  /** All required materials received, originals verified, enough copies. */
  z.object({ kind: z.literal('checklist-complete') }),
  /** No material is currently marked rejected. */
  z.object({ kind: z.literal('no-rejected-materials') }),
  /** At least `count` reviews / opinions are recorded for `stage` (e.g. 3 experts). */
  z.object({
    kind: z.literal('all-reviews-done'),
    stage: idSchema,
    count: z
      .number({ error: '评审份数（count）应为数字' })
      .int({ error: '评审份数应为整数' })
      .min(1, { error: '评审份数至少为1' }),
  }),
  /** The publicity period has ended; `period` overrides the definition's `publicity`. */
  z.object({ kind: z.literal('publicity-over'), period: periodSchema.optional() }),
  /** No objection raised during publicity is still open. */
  z.object({ kind: z.literal('no-open-objection') }),
  /** The applicant meets the program's conditions (e.g. 002: 自评分 ≥ 80 or the 1986 route). */
  z.object({ kind: z.literal('eligibility-met') }),
  /** Today lies in the named window, e.g. 'renewal' (000 第十五条: 有效期满前6个月内). */
  z.object({ kind: z.literal('within-window'), window: idSchema }),
  /** 002 附件3: the routing chain is complete, or (with `level`) that level has passed the file. */
  z.object({ kind: z.literal('routing-level-opinion'), level: idSchema.optional() }),
  /**
   * A panel session's result for `stage`, aggregated from the members' sheets and votes and signed
   * off by the chair (shared/panels), is in — with this outcome when `outcome` is given. The
   * transition then carries that result: nobody retypes scores.
   */
  z.object({
    kind: z.literal('panel-result'),
    stage: idSchema,
    outcome: z.enum(PANEL_OUTCOMES, { error: '评审结果（outcome）应为 pass（通过）或 fail（未通过）' }).optional(),
  }),
  /**
   * The certificate (or registration page) can be printed: what the pack's `lifecycle.print`
   * lists is filled in (003 附件: 资格名称, 专业类别, 照片). Put on the step into 待发证 or into a
   * granting state, so no file waits for a number it cannot use.
   */
  z.object({ kind: z.literal('printable') }),
  /**
   * The continuing-education requirement of the pack holds (003 48号 四: 180 hours in the cycle,
   * 40 in each year): eligibility narrowed to education, for a decision taken after the window
   * has closed (the window was judged on acceptance).
   */
  z.object({ kind: z.literal('education-met') }),
] as const;

export type LeafGuard = z.infer<(typeof leafGuardOptions)[number]>;
export const LEAF_GUARD_KINDS = [
  'checklist-complete',
  'no-rejected-materials',
  'all-reviews-done',
  'publicity-over',
  'no-open-objection',
  'eligibility-met',
  'within-window',
  'routing-level-opinion',
  'panel-result',
  'printable',
  'education-met',
] as const;
// The list and the schema's kinds are the same set, or this does not compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const leafKindsComplete: Same<(typeof LEAF_GUARD_KINDS)[number], LeafGuard['kind']> = true;
void leafKindsComplete;

export type WorkflowGuard =
  | LeafGuard
  | { kind: 'all-of'; guards: WorkflowGuard[] }
  | { kind: 'any-of'; guards: WorkflowGuard[] };
export type GuardKind = WorkflowGuard['kind'];

const GUARD_KIND_ERROR =
  '未知的条件类型（kind），应为 checklist-complete、no-rejected-materials、all-reviews-done、publicity-over、no-open-objection、eligibility-met、within-window、routing-level-opinion、panel-result、printable、education-met、all-of 或 any-of';

/** all-of / any-of hold other guards, so the schema refers to itself (lazily, through a getter). */
export const guardSchema: z.ZodType<WorkflowGuard, WorkflowGuard> = z.discriminatedUnion(
  'kind',
  [
    ...leafGuardOptions,
    z.object({
      kind: z.literal('all-of'),
      get guards() {
        return z.array(guardSchema).min(1, { error: '组合条件至少包含一项' });
      },
    }),
    z.object({
      kind: z.literal('any-of'),
      get guards() {
        return z.array(guardSchema).min(1, { error: '组合条件至少包含一项' });
      },
    }),
  ],
  { error: GUARD_KIND_ERROR },
);

// ---------------------------------------------------------------------------------------------
// States, transitions, the definition
// ---------------------------------------------------------------------------------------------

export const workflowStateSchema = z.object(
  {
    id: stateId,
    name: localizedTextSchema,
    kind: z.enum(STATE_KINDS, { error: '状态类型应为 initial、active、waiting 或 final' }).optional(),
    queue: z
      .enum(WORKFLOW_QUEUES, {
        error: '队列应为 intake-review、returned、publicity、panel、decision 或 issue',
      })
      .optional(),
    /**
     * A final state whose applications hold a (new or re-issued) certificate or registration
     * page: reaching it means a certificate record belongs to the file. Only on final states.
     */
    grantsCertificate: z.literal(true, { error: 'grantsCertificate 只能为 true（或不填）' }).optional(),
  },
  { error: '状态应包含编号（id）和名称（name）' },
);
export type WorkflowState = z.infer<typeof workflowStateSchema>;
export type WorkflowStateInput = z.input<typeof workflowStateSchema>;

export const workflowTransitionSchema = z.object(
  {
    id: idSchema,
    from: z.union([stateId, z.array(stateId).min(1, { error: '起始状态至少一个' })], {
      error: '起始状态（from）应为状态编号或编号列表',
    }),
    to: stateId,
    label: localizedTextSchema,
    roles: z
      .array(z.enum(WORKFLOW_ROLES, { error: '角色应为 admin、clerk 或 reviewer' }))
      .min(1, { error: '至少指定一个可以执行此操作的角色' }),
    guards: z.array(guardSchema),
    records: z.array(z.enum(RECORD_KINDS, { error: '记录项应为 reason、opinion、scores、decision 或 returnTo' })),
    /**
     * Where the rulebook leaves discretion: these roles may fire the transition although guards
     * of these kinds fail, with a reason that is recorded (engine `fire`, `override`). Guards of
     * other kinds still refuse. `basis` says why the rulebook leaves room.
     */
    overridable: z
      .object({
        guards: z.array(z.enum(LEAF_GUARD_KINDS, { error: '可酌情放行的条件类型无效' })).min(1, { error: '至少列出一种可酌情放行的条件' }),
        roles: z.array(z.enum(WORKFLOW_ROLES, { error: '角色应为 admin、clerk 或 reviewer' })).min(1, { error: '至少指定一个可以酌情放行的角色' }),
        basis: localizedTextSchema,
      })
      .optional(),
  },
  { error: '流转应包含 id、from、to、label、roles、guards 和 records' },
);
export type WorkflowTransition = z.infer<typeof workflowTransitionSchema>;
export type WorkflowTransitionInput = z.input<typeof workflowTransitionSchema>;

/** `from` as a list, whichever form the pack used. */
export function transitionSources(t: { readonly from: string | readonly string[] }): readonly string[] {
  return typeof t.from === 'string' ? [t.from] : t.from;
}

function addIssue(ctx: z.RefinementCtx, message: string, path: (string | number)[]): void {
  ctx.addIssue({ code: 'custom', message, path });
}

function hasPublicityGuardWithoutPeriod(guards: readonly WorkflowGuard[]): boolean {
  return guards.some((g) =>
    g.kind === 'all-of' || g.kind === 'any-of'
      ? hasPublicityGuardWithoutPeriod(g.guards)
      : g.kind === 'publicity-over' && g.period === undefined,
  );
}

export const workflowDefinitionSchema = z
  .object(
    {
      id: idSchema,
      name: localizedTextSchema,
      states: z.array(workflowStateSchema).min(1, { error: '至少需要一个状态' }),
      transitions: z.array(workflowTransitionSchema),
      publicity: periodSchema.optional(),
      decisionDeadline: decisionDeadlineSchema.optional(),
    },
    { error: '流程定义应包含 id、name、states 和 transitions' },
  )
  .superRefine((def, ctx) => {
    const stateById = new Map<string, WorkflowState>();
    def.states.forEach((s, i) => {
      if (stateById.has(s.id)) addIssue(ctx, `状态编号“${s.id}”重复，每个状态的编号必须唯一`, ['states', i, 'id']);
      else stateById.set(s.id, s);
    });

    def.states.forEach((s, i) => {
      if (s.grantsCertificate && s.kind !== 'final') {
        addIssue(ctx, `状态“${s.id}”（${s.name.zh}）不是终止状态，不能标记为发证（grantsCertificate）`, ['states', i, 'grantsCertificate']);
      }
    });

    const initials = def.states.filter((s) => s.kind === 'initial');
    if (initials.length !== 1) {
      addIssue(
        ctx,
        initials.length === 0
          ? '没有初始状态，请把一个状态的类型（kind）设为 initial'
          : `有${initials.length}个初始状态（${initials.map((s) => s.id).join('、')}），只能有一个`,
        ['states'],
      );
    }

    const transitionIds = new Set<string>();
    def.transitions.forEach((t, i) => {
      if (transitionIds.has(t.id)) addIssue(ctx, `流转编号“${t.id}”重复，每个流转的编号必须唯一`, ['transitions', i, 'id']);
      transitionIds.add(t.id);
      const sources = transitionSources(t);
      sources.forEach((from, j) => {
        const path = typeof t.from === 'string' ? ['transitions', i, 'from'] : ['transitions', i, 'from', j];
        const state = stateById.get(from);
        if (!state) addIssue(ctx, `流转“${t.id}”的起始状态“${from}”不存在`, path);
        else if (state.kind === 'final') {
          addIssue(ctx, `流转“${t.id}”从终止状态“${from}”（${state.name.zh}）出发；终止状态不能再流转`, path);
        }
      });
      if (!stateById.has(t.to)) addIssue(ctx, `流转“${t.id}”的目标状态“${t.to}”不存在`, ['transitions', i, 'to']);
      if (def.publicity === undefined && hasPublicityGuardWithoutPeriod(t.guards)) {
        addIssue(
          ctx,
          `流转“${t.id}”要求公示期满，但没有给出公示期限；请在流程定义中填写 publicity，或在该条件中填写 period`,
          ['transitions', i, 'guards'],
        );
      }
    });

    def.transitions.forEach((t, i) => {
      if (t.overridable && !t.overridable.roles.every((r) => t.roles.includes(r))) {
        addIssue(ctx, `流转“${t.id}”的酌情放行角色须是可执行该流转的角色`, ['transitions', i, 'overridable', 'roles']);
      }
    });

    if (def.decisionDeadline && !stateById.has(def.decisionDeadline.from)) {
      addIssue(ctx, `决定期限的起算状态“${def.decisionDeadline.from}”不存在`, ['decisionDeadline', 'from']);
    }
  });

export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema>;

/**
 * Whether an application in this state is one whose certificate is issued (or re-issued): the
 * state waits in the 待发证 queue, or it is a final state the pack marks as granting one (e.g.
 * P5 已登记, whose registration page is printed; a certified file synced in without its
 * certificate record). Unknown states grant nothing.
 */
export function grantsCertificate(definition: Pick<WorkflowDefinition, 'states'>, stateId: string): boolean {
  const state = definition.states.find((s) => s.id === stateId);
  if (state === undefined) return false;
  return state.queue === 'issue' || (state.kind === 'final' && state.grantsCertificate === true);
}
/** What a pack file may contain before parsing (same shape: the schema adds no defaults; ids are plain strings until parsed). */
export type WorkflowDefinitionInput = z.input<typeof workflowDefinitionSchema>;

/** A definition written in code, parsed once where it is declared (a bad one throws when the module loads). */
export function defineWorkflow(input: WorkflowDefinitionInput): WorkflowDefinition {
  return workflowDefinitionSchema.parse(input);
}

// ---------------------------------------------------------------------------------------------
// Parsing with a clerk-readable message
// ---------------------------------------------------------------------------------------------

const FIELD_LABELS: Readonly<Record<string, string>> = {
  id: '编号',
  name: '名称',
  states: '状态',
  transitions: '流转',
  publicity: '公示期限',
  decisionDeadline: '决定期限',
  from: '起始状态',
  to: '目标状态',
  label: '名称',
  roles: '角色',
  guards: '条件',
  records: '记录项',
  kind: '类型',
  queue: '队列',
  length: '长度',
  unit: '单位',
  zh: '中文',
  en: '英文',
};


/**
 * Validates a definition from a pack. The error names the first problem and where it is; further
 * problems are counted so the author knows to look on.
 */
export function parseWorkflowDefinition(input: unknown): Result<WorkflowDefinition> {
  const parsed = workflowDefinitionSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues;
  const first = issues[0];
  if (!first) return fail('workflow.invalid', '流程定义有误。');
  const where = describePath(first.path, FIELD_LABELS);
  const more = issues.length > 1 ? `（另有${issues.length - 1}处问题）` : '';
  return fail('workflow.invalid', `流程定义有误${where === '' ? '' : `（${where}）`}：${first.message}。${more}`);
}
