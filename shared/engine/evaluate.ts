/**
 * The engine API: everything the app needs to know about one application, decided once, from
 * its pack and its records. Screens show what this returns; the server runs the same function;
 * neither re-decides anything.
 *
 *   evaluateApplication(pack, application, { today, calendar, role })
 *     → field errors, the checklist (missing / rejected / unverified / copies short), the binding
 *       plan per volume, eligibility findings with reasons in Chinese, the windows that apply,
 *       the transitions allowed now for this role (and why others are blocked), and the deadline
 *       the work queue shows.
 */
import { addYears, type IsoDate } from '../rules/civil-date';
import { evaluateEducation, type EducationRecord, type EducationWindow } from '../rules/education';
import { checkEnterpriseThresholds, type EnterpriseFigures, type EnterpriseGrade } from '../rules/enterprise';
import { EDUCATION_RULES, ENTERPRISE_RULES, SELF_SCORE_RULES } from '../programs/rule-refs';
import { evaluateSelfScore, type ScoreEntry, type ScoreItem, type SeniorityRoute } from '../rules/self-score';
import { renewalStatus } from '../rules/validity';
import type { WorkCalendar } from '../rules/work-calendar';
import type { FieldValues } from '../programs/condition';
import type { ApplicationKindId, ProgramPack } from '../programs/schema';
import type { WorkflowRole } from '../workflow/definition';
import type { WorkflowFacts, WorkflowHistoryEntry, WindowFacts } from '../workflow/context';
import { allowedTransitions, type TransitionOption } from '../workflow/engine';
import { queueDeadline, type QueueDeadline } from '../workflow/deadlines';
import type { RoutingChainState } from '../workflow/routing';
import { bindingPlan, evaluateChecklist, type BindingPlan, type Checklist, type MaterialInput } from './checklist';
import { appliesToKind, validateFields, type FieldError } from './fields';

export interface ApplicationInput {
  readonly kind: ApplicationKindId;
  /** Workflow state and the transitions fired so far. */
  readonly state: string;
  readonly history: readonly WorkflowHistoryEntry[];
  readonly fields: FieldValues;
  readonly materials: readonly MaterialInput[];
  readonly education?: readonly EducationRecord[];
  /** The calendar years to judge for per-year education rules; defaults to the last 3 full years. */
  readonly educationYears?: readonly number[];
  /** The certificate this application acts on (renewal, registration, re-evaluation …). */
  readonly certificate?: { readonly issuedOn?: IsoDate; readonly validUntil: IsoDate };
  /** The self-score sheet (002): items come from the imported standard, entries from the paper sheet. */
  readonly selfScore?: {
    readonly items: readonly ScoreItem[];
    readonly entries: readonly ScoreEntry[];
    readonly seniority?: SeniorityRoute;
  };
  readonly enterprise?: { readonly grade: EnterpriseGrade; readonly figures: EnterpriseFigures };
  /** Facts from other records: reviews per stage, objections, publicity start, routing chain. */
  readonly reviewsDone?: Readonly<Record<string, number>>;
  readonly openObjections?: number;
  readonly publicityStartedOn?: IsoDate;
  readonly routing?: RoutingChainState;
  /** The clerk marked volume 2 thick: split into this many parts. */
  readonly volume2Parts?: number;
}

export interface EngineContext {
  readonly today: IsoDate;
  readonly calendar: WorkCalendar;
  readonly role: WorkflowRole;
}

export interface EligibilityFinding {
  /** e.g. `education.yearTotal`, `window.registration`, `self-score`, `enterprise.technicalStaff`. */
  readonly code: string;
  readonly met: boolean;
  /** Binding requirements decide eligibility; reference figures (001 参考指标) are shown only. */
  readonly binding: 'requirement' | 'reference';
  readonly message: string;
}

export interface AppliedWindow extends WindowFacts {
  readonly id: string;
  readonly status: 'too-early' | 'open' | 'expired';
}

export interface Evaluation {
  readonly fieldErrors: readonly FieldError[];
  readonly checklist: Checklist;
  readonly binding: BindingPlan | null;
  readonly eligibility: { readonly met: boolean; readonly findings: readonly EligibilityFinding[] };
  readonly windows: readonly AppliedWindow[];
  readonly transitions: readonly TransitionOption[];
  readonly deadline: QueueDeadline | undefined;
  /** Problems evaluating (a missing calendar year, a bad certificate date), in Chinese. */
  readonly problems: readonly string[];
}

const requirementFinding = (code: string, met: boolean, message: string): EligibilityFinding => ({
  code,
  met,
  binding: 'requirement',
  message,
});

function defaultEducationYears(today: IsoDate, firstYear: number | undefined): number[] {
  const lastFull = Number(today.slice(0, 4)) - 1;
  return [lastFull - 2, lastFull - 1, lastFull].filter((y) => firstYear === undefined || y >= firstYear);
}

function educationFindings(pack: ProgramPack, app: ApplicationInput, ctx: EngineContext, problems: string[]): EligibilityFinding[] {
  const education = pack.education;
  if (education === undefined || !appliesToKind(education.kinds, app.kind)) return [];
  const requirement = EDUCATION_RULES[education.rule];
  let window: EducationWindow;
  if (education.window === 'cycle') {
    const cycleYears = requirement.cycleYears ?? 1;
    const start =
      app.certificate?.issuedOn ??
      (app.certificate ? (() => {
        const back = addYears(app.certificate.validUntil, -cycleYears);
        return back.ok ? back.value : undefined;
      })() : undefined);
    if (start === undefined) {
      return [requirementFinding('education.cycle', false, '缺少证书取得或上次登记日期，无法核算继续教育周期。')];
    }
    window = { cycleStart: start };
  } else {
    window = { years: app.educationYears ?? defaultEducationYears(ctx.today, requirement.firstYear) };
  }
  const result = evaluateEducation(app.education ?? [], requirement, window);
  if (!result.ok) {
    problems.push(result.error.message);
    return [requirementFinding(`education.${result.error.code}`, false, result.error.message)];
  }
  if (result.value.ok) {
    return [requirementFinding('education', true, `继续教育学时符合要求（合计${result.value.total}学时）。`)];
  }
  return result.value.findings.map((f) => requirementFinding(`education.${f.limit}`, false, f.message));
}

function selfScoreFindings(pack: ProgramPack, app: ApplicationInput): EligibilityFinding[] {
  const rule = pack.scoring?.passScore?.rule;
  if (rule === undefined) return [];
  const sheet = app.selfScore;
  if (sheet === undefined) {
    return [requirementFinding('self-score', false, '尚未录入自评分表，无法判断申报条件（自评分或学历资历条件）。')];
  }
  const result = evaluateSelfScore(
    { items: sheet.items, entries: sheet.entries, ...(sheet.seniority ? { seniority: sheet.seniority } : {}) },
    SELF_SCORE_RULES[rule],
  );
  if (!result.ok) return [requirementFinding(`self-score.${result.error.code}`, false, result.error.message)];
  const { eligible, route, total } = result.value;
  const message = eligible
    ? route === 'seniority'
      ? `符合学历资历条件（${result.value.seniorityReason ?? ''}）。`
      : `自评分${total}分，达到${SELF_SCORE_RULES[rule].passScore}分。`
    : `自评分${total}分，未达到${SELF_SCORE_RULES[rule].passScore}分，且不符合学历资历条件。`;
  return [requirementFinding('self-score', eligible, message)];
}

function enterpriseFindings(pack: ProgramPack, app: ApplicationInput): EligibilityFinding[] {
  if (pack.enterpriseRule === undefined || app.enterprise === undefined) return [];
  const result = checkEnterpriseThresholds(app.enterprise.grade, app.enterprise.figures, ENTERPRISE_RULES[pack.enterpriseRule]);
  if (!result.ok) return [requirementFinding(`enterprise.${result.error.code}`, false, result.error.message)];
  return result.value.map((f) => ({ code: `enterprise.${f.item}`, met: f.met, binding: f.binding, message: f.message }));
}

function appliedWindows(pack: ProgramPack, app: ApplicationInput, ctx: EngineContext, problems: string[]): AppliedWindow[] {
  const windows: AppliedWindow[] = [];
  for (const w of pack.windows) {
    if (!w.kinds.includes(app.kind) || app.certificate === undefined) continue;
    const status = renewalStatus(ctx.today, app.certificate.validUntil, w.monthsBeforeExpiry);
    if (!status.ok) {
      problems.push(status.error.message);
      continue;
    }
    windows.push({ id: w.id, name: w.names.zh, ...status.value.window, status: status.value.state });
  }
  return windows;
}

function windowFindings(pack: ProgramPack, app: ApplicationInput, windows: readonly AppliedWindow[]): EligibilityFinding[] {
  const needed = pack.windows.filter((w) => w.kinds.includes(app.kind));
  if (needed.length > 0 && app.certificate === undefined) {
    return [requirementFinding('window.certificate', false, '缺少原证书有效期，无法判断是否在办理期内。')];
  }
  return windows.map((w) => {
    const range = `${w.from}至${w.to}`;
    const message =
      w.status === 'open'
        ? `在${w.name}内（${range}）。`
        : w.status === 'too-early'
          ? `尚未到${w.name}：办理期为${range}，请在${w.from}以后申请。`
          : `已过${w.name}：证书已于${w.to}期满，逾期未办理的证书不再有效。`;
    return requirementFinding(`window.${w.id}`, w.status === 'open', message);
  });
}

export function evaluateApplication(pack: ProgramPack, app: ApplicationInput, ctx: EngineContext): Evaluation {
  const problems: string[] = [];
  // Conditions may read the kind itself (003: 继续教育 required for re-registration only).
  const values: FieldValues = { ...app.fields, applicationKind: app.kind };
  const fieldErrors = validateFields(pack, app.kind, values, ctx.today);
  const checklist = evaluateChecklist(pack, app.kind, values, app.materials);
  const binding = bindingPlan(pack, app.kind, values, checklist, app.volume2Parts ?? 1);
  const windows = appliedWindows(pack, app, ctx, problems);

  const findings = [
    ...windowFindings(pack, app, windows),
    ...educationFindings(pack, app, ctx, problems),
    ...selfScoreFindings(pack, app),
    ...enterpriseFindings(pack, app),
  ];
  const met = findings.every((f) => f.met || f.binding === 'reference');

  const definition = pack.workflows[app.kind];
  const facts: WorkflowFacts = {
    checklist: {
      missing: checklist.missing.map((i) => i.name.zh),
      originalsUnverified: checklist.unverified.map((i) => i.name.zh),
      copiesShort: checklist.copiesShort.map((c) => c.item.name.zh),
    },
    rejectedMaterials: checklist.rejected.map((r) => ({ name: r.item.name.zh, reason: r.reason })),
    eligibility: { met, reasons: findings.filter((f) => !f.met && f.binding === 'requirement').map((f) => f.message) },
    windows: Object.fromEntries(windows.map((w) => [w.id, { from: w.from, to: w.to, name: w.name }])),
    ...(app.reviewsDone ? { reviewsDone: app.reviewsDone } : {}),
    ...(app.openObjections !== undefined ? { openObjections: app.openObjections } : {}),
    ...(app.publicityStartedOn ? { publicityStartedOn: app.publicityStartedOn } : {}),
    ...(app.routing ? { routing: app.routing } : {}),
  };
  const workflowApp = { state: app.state, history: app.history };
  const transitions = definition
    ? allowedTransitions(definition, workflowApp, { role: ctx.role, today: ctx.today, calendar: ctx.calendar, facts })
    : [];
  let deadline: QueueDeadline | undefined;
  if (definition) {
    const due = queueDeadline(definition, workflowApp, ctx.today, ctx.calendar, facts);
    if (due.ok) deadline = due.value;
    else problems.push(due.error.message);
  }
  if (!definition) problems.push(`程序“${pack.names.zh}”没有“${app.kind}”的办理流程。`);

  return {
    fieldErrors,
    checklist,
    binding,
    eligibility: { met, findings },
    windows,
    transitions,
    deadline,
    problems: problems.filter((p) => p !== ''),
  };
}
