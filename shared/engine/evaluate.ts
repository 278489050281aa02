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
import { formatDateZh, type IsoDate } from '../rules/civil-date';
import { educationCycleStart, educationRowsOf, roundEducationYears, seniorityOf } from './facts';
import { evaluateEducation, type EducationEvaluation, type EducationRecord, type EducationWindow } from '../rules/education';
import { EDUCATION_RULES, SELF_SCORE_RULES } from '../programs/rule-refs';
import { evaluateSelfScore, type ScoreEntry, type ScoreItem, type SeniorityRoute } from '../rules/self-score';
import { renewalStatus } from '../rules/validity';
import type { WorkCalendar } from '../rules/work-calendar';
import { valuesWithKind, type FieldValues, type ValueSource } from '../programs/condition';
import type { ApplicationKindId, ProgramPack } from '../programs/schema';
import type { WorkflowRole } from '../workflow/definition';
import type { WorkflowFacts, WorkflowHistoryEntry, WindowFacts } from '../workflow/context';
import { allowedTransitions, type TransitionOption } from '../workflow/engine';
import { queueDeadline, type QueueDeadline } from '../workflow/deadlines';
import type { RoutingChainState } from '../workflow/routing';
import { lifecycleFindings, type ActedOnCertificate } from '../lifecycle/decisions';
import type { HolderFacts } from '../lifecycle/actions';
import { printMissing } from '../lifecycle/issue';
import { bindingPlanOf, checklistOf, type BindingPlan, type Checklist, type MaterialInput } from './checklist';
import { appliesToKind, checkFields, type FieldError } from './fields';
import { evaluateThresholds } from './thresholds';
import { missingRowUploads, uploadPlans, type RowAttachment } from './tables';

export interface ApplicationInput {
  readonly kind: ApplicationKindId;
  /**
   * The files attached, as far as table rows are concerned (checklist item and row): with them
   * the evaluation names every asked row still without its file (001 （二）6: one certificate per
   * innovation, one file per contract — the ten largest when there are more).
   */
  readonly attachments?: readonly RowAttachment[];
  /** Workflow state and the transitions fired so far. */
  readonly state: string;
  readonly history: readonly WorkflowHistoryEntry[];
  readonly fields: FieldValues;
  readonly materials: readonly MaterialInput[];
  readonly education?: readonly EducationRecord[];
  /** The calendar years to judge for per-year education rules; defaults to the last 3 full years. */
  readonly educationYears?: readonly number[];
  /**
   * The certificate this application acts on (renewal, registration, re-evaluation …): its
   * dates, and — when its record is on this desk — the expiry before any deferral and its
   * status today (shared/lifecycle status), so a void or cancelled certificate is not renewed.
   */
  readonly certificate?: ActedOnCertificate;
  /** The day the application was received: 003 八 asks that a deferral be requested before expiry. */
  readonly receivedOn?: IsoDate;
  /** The holder's record (person or organisation), for what the certificate prints from it. */
  readonly holder?: HolderFacts;
  /** The self-score sheet (002): items come from the imported standard, entries from the paper sheet. */
  readonly selfScore?: {
    readonly items: readonly ScoreItem[];
    readonly entries: readonly ScoreEntry[];
    readonly seniority?: SeniorityRoute;
  };
  /** Facts from other records: reviews per stage, objections, publicity start, routing chain. */
  readonly reviewsDone?: Readonly<Record<string, number>>;
  readonly openObjections?: number;
  readonly publicityStartedOn?: IsoDate;
  readonly routing?: RoutingChainState;
  /** Signed panel results per stage (shared/panels `panelResultFacts`): the panel steps fire on these. */
  readonly panelResults?: WorkflowFacts['panelResults'];
  /** The clerk marked volume 2 thick: split into this many parts. */
  readonly volume2Parts?: number;
}

export interface EngineContext {
  readonly today: IsoDate;
  readonly calendar: WorkCalendar;
  readonly role: WorkflowRole;
}

export interface EligibilityFinding {
  /**
   * e.g. `education.yearTotal`, `window.registration`, `self-score`, `threshold.technical-staff`,
   * `condition.good-standing`.
   */
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
  /** Asked table rows with no file for their item (“企业技术创新”第2行（…）尚未上传“…”), when attachments were given. */
  readonly missingRowUploads: readonly string[];
  /** Continuing education per year / cycle as judged, where the program and kind ask for it. */
  readonly education: EducationEvaluation | undefined;
  /** The facts the guards were judged on; `fire` takes them, so firing re-checks the same guards. */
  readonly facts: WorkflowFacts;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const requirementFinding = (code: string, met: boolean, message: string): EligibilityFinding => ({
  code,
  met,
  binding: 'requirement',
  message,
});

/**
 * 符合学历资历条件, with the grounds the clerk wrote. Grounds that already begin with the same
 * words (a clerk often types 符合学历资历条件：…) are not repeated: issue 12 saw 符合符合学历资历条件.
 */
export function seniorityMetText(reason: string | null): string {
  const grounds = (reason ?? '').trim().replace(/^(?:符合)?学历资历条件[：:，,、\s]*/, '').replace(/[。.]$/, '');
  return grounds === '' ? '按学历资历条件申报。' : `按学历资历条件申报：${grounds}。`;
}

/** The last answer of defaultEducationYears: a queue is evaluated with one `today`. */
let lastYears: { readonly today: IsoDate; readonly firstYear: number | undefined; readonly years: readonly number[] } | undefined;

/** The last 3 full calendar years before `today`, from `firstYear` on. Never changed by its users, so shared. */
function defaultEducationYears(today: IsoDate, firstYear: number | undefined): readonly number[] {
  if (lastYears !== undefined && lastYears.today === today && lastYears.firstYear === firstYear) return lastYears.years;
  const lastFull = Number(today.slice(0, 4)) - 1;
  const years: number[] = [];
  for (let y = lastFull - 2; y <= lastFull; y++) if (firstYear === undefined || y >= firstYear) years.push(y);
  lastYears = { today, firstYear, years };
  return years;
}

function educationFindings(
  pack: ProgramPack,
  app: ApplicationInput,
  ctx: EngineContext,
  problems: string[],
  out: EligibilityFinding[],
): EducationEvaluation | undefined {
  const education = pack.education;
  if (education === undefined || !appliesToKind(education.kinds, app.kind)) return undefined;
  const requirement = EDUCATION_RULES[education.rule];
  let window: EducationWindow;
  if (education.window === 'cycle') {
    const cycleYears = requirement.cycleYears ?? 1;
    // The current cycle, counted back from the expiry (003 47号 三), not from the first 取得时间.
    const start = educationCycleStart(app.certificate, cycleYears);
    if (start === undefined) {
      out.push(requirementFinding('education.cycle', false, '缺少证书取得或上次登记日期，无法核算继续教育周期。'));
      return undefined;
    }
    window = { cycleStart: start };
  } else {
    window = { years: app.educationYears ?? roundEducationYears(pack) ?? defaultEducationYears(ctx.today, requirement.firstYear) };
  }
  // The form's own hours table and the tab's rows, a row in both counted once (one fact).
  const result = evaluateEducation(educationRowsOf(pack, app.fields, app.education ?? []), requirement, window);
  if (!result.ok) {
    problems.push(result.error.message);
    out.push(requirementFinding(`education.${result.error.code}`, false, result.error.message));
    return undefined;
  }
  if (result.value.ok) {
    out.push(requirementFinding('education', true, `继续教育学时符合要求（合计${result.value.total}学时）。`));
    return result.value;
  }
  for (const f of result.value.findings) out.push(requirementFinding(`education.${f.limit}`, false, f.message));
  return result.value;
}

function selfScoreFindings(pack: ProgramPack, app: ApplicationInput, out: EligibilityFinding[]): void {
  const rule = pack.scoring?.passScore?.rule;
  if (rule === undefined) return;
  // The 学历资历 route is asked once, on the form; an older sheet's answer only when the form has none.
  const seniority = seniorityOf(app.fields, app.selfScore ? { items: [], seniority: app.selfScore.seniority } : undefined);
  const sheet = app.selfScore ?? (seniority?.meets === true ? { items: [], entries: [] } : undefined);
  if (sheet === undefined) {
    out.push(requirementFinding('self-score', false, '尚未录入自评分表，无法判断申报条件（自评分或学历资历条件）。'));
    return;
  }
  const result = evaluateSelfScore(
    seniority ? { items: sheet.items, entries: sheet.entries, seniority } : { items: sheet.items, entries: sheet.entries },
    SELF_SCORE_RULES[rule],
  );
  if (!result.ok) {
    out.push(requirementFinding(`self-score.${result.error.code}`, false, result.error.message));
    return;
  }
  const { eligible, route, total } = result.value;
  // Shown after a 符合 tag, so the sentence does not begin with 符合 (issue 12); a typed reason's own full stop gives way.
  const message = eligible
    ? route === 'seniority'
      ? seniorityMetText(result.value.seniorityReason)
      : `自评分${total}分，达到${SELF_SCORE_RULES[rule].passScore}分。`
    : `自评分${total}分，未达到${SELF_SCORE_RULES[rule].passScore}分，且不符合学历资历条件。`;
  out.push(requirementFinding('self-score', eligible, message));
}

/** The pack's thresholds measured on form fields (001 人员、项目总值), by the application's level. */
function thresholdFindings(pack: ProgramPack, app: ApplicationInput, out: EligibilityFinding[]): void {
  for (const f of evaluateThresholds(pack, app.kind, app.fields)) {
    out.push({ code: `threshold.${f.thresholdId}`, met: f.met, binding: f.binding, message: f.message });
  }
}

/**
 * Conditions of eligibility the office ticks once checked (004 第十三条) or that the form's values
 * must satisfy (004 第十一条: only enterprises are graded).
 */
function conditionFindings(pack: ProgramPack, app: ApplicationInput, values: ValueSource, out: EligibilityFinding[]): void {
  for (const e of pack.eligibility) {
    if (e.confirmedBy === undefined && e.requires === undefined) continue;
    if (!appliesToKind(e.kinds, app.kind)) continue;
    if (e.requires !== undefined && !values.holds(e.requires)) {
      out.push(requirementFinding(`condition.${e.id}`, false, `不符合申请条件：${e.text.zh}。`));
    } else if (e.confirmedBy !== undefined && values.at(e.confirmedBy) !== true) {
      out.push(requirementFinding(`condition.${e.id}`, false, `尚未核实申请条件：${e.text.zh}。`));
    } else {
      out.push(requirementFinding(`condition.${e.id}`, true, `${e.confirmedBy !== undefined ? '已核实' : '符合'}：${e.text.zh}。`));
    }
  }
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
    const { from, to } = status.value.window;
    windows.push({ id: w.id, name: w.names.zh, from, to, status: status.value.state });
  }
  return windows;
}

/** Whether a window of the pack applies to this kind: every window asked, holes skipped, as filter did. */
function windowNeeded(pack: ProgramPack, kind: ApplicationKindId): boolean {
  const { windows } = pack;
  let needed = false;
  for (let i = 0; i < windows.length; i++) if (i in windows && windows[i]!.kinds.includes(kind)) needed = true;
  return needed;
}

function windowFindings(pack: ProgramPack, app: ApplicationInput, windows: readonly AppliedWindow[], out: EligibilityFinding[]): void {
  if (windowNeeded(pack, app.kind) && app.certificate === undefined) {
    out.push(requirementFinding('window.certificate', false, '缺少原证书有效期，无法判断是否在办理期内。'));
    return;
  }
  for (const w of windows) {
    const range = `${formatDateZh(w.from)}至${formatDateZh(w.to)}`;
    const message =
      w.status === 'open'
        ? `在${w.name}内（${range}）。`
        : w.status === 'too-early'
          ? `尚未到${w.name}：办理期为${range}，请在${formatDateZh(w.from)}以后申请。`
          : `已过${w.name}：证书已于${formatDateZh(w.to)}期满，逾期未办理的证书不再有效。`;
    out.push(requirementFinding(`window.${w.id}`, w.status === 'open', message));
  }
}

export function evaluateApplication(pack: ProgramPack, app: ApplicationInput, ctx: EngineContext): Evaluation {
  const problems: string[] = [];
  // Conditions may read the kind itself (003: 继续教育 required for re-registration only): the
  // fields are read as `{ ...app.fields, applicationKind: app.kind }` would be, without the copy.
  const values = valuesWithKind(app.fields, app.kind);
  const fieldErrors = checkFields(pack, app.kind, values, ctx.today);
  const checklist = checklistOf(pack, app.kind, values, app.materials);
  const binding = bindingPlanOf(pack, app.kind, values, checklist, app.volume2Parts ?? 1);
  const windows = appliedWindows(pack, app, ctx, problems);

  // In this order: windows, education, self-score, thresholds, conditions.
  const findings: EligibilityFinding[] = [];
  windowFindings(pack, app, windows, findings);
  const educationFrom = findings.length;
  const education = educationFindings(pack, app, ctx, problems, findings);
  const educationReasons: string[] = [];
  for (let i = educationFrom; i < findings.length; i++) if (!findings[i]!.met) educationReasons.push(findings[i]!.message);
  selfScoreFindings(pack, app, findings);
  thresholdFindings(pack, app, findings);
  conditionFindings(pack, app, values, findings);
  if (pack.lifecycle !== undefined) {
    const received = app.receivedOn ?? ctx.today;
    for (const f of lifecycleFindings(pack, app.kind, app.fields, { ...(app.certificate ? { certificate: app.certificate } : {}), receivedOn: received })) findings.push(f);
  }
  let met = true;
  const reasons: string[] = [];
  for (const f of findings) {
    if (!f.met && f.binding !== 'reference') met = false;
    if (!f.met && f.binding === 'requirement') reasons.push(f.message);
  }

  const definition = pack.workflows[app.kind];
  const windowFacts: Record<string, WindowFacts> = {};
  for (const w of windows) {
    const fact = { from: w.from, to: w.to, name: w.name };
    // Assigning '__proto__' would set the prototype; such an id must stay an ordinary key.
    if (w.id === '__proto__') Object.defineProperty(windowFacts, w.id, { value: fact, writable: true, enumerable: true, configurable: true });
    else windowFacts[w.id] = fact;
  }
  // Assigned one by one: object literals with conditional spreads are slow in V8, and only the
  // guards read these facts.
  const facts: Mutable<WorkflowFacts> = {
    checklist: {
      missing: checklist.missing.map((i) => i.name.zh),
      originalsUnverified: checklist.unverified.map((i) => i.name.zh),
      copiesShort: checklist.copiesShort.map((c) => c.item.name.zh),
    },
    rejectedMaterials: checklist.rejected.map((r) => ({ name: r.item.name.zh, reason: r.reason })),
    eligibility: { met, reasons },
    windows: windowFacts,
    education: { met: educationReasons.length === 0, reasons: educationReasons },
    // The photo field holds the photo's bytes here (the caller puts them in), so it counts as filled.
    printMissing: pack.lifecycle?.print ? printMissing(pack, app.kind, app.fields, app.holder ? { holder: app.holder } : {}) : [],
  };
  if (app.reviewsDone) facts.reviewsDone = app.reviewsDone;
  if (app.openObjections !== undefined) facts.openObjections = app.openObjections;
  if (app.publicityStartedOn) facts.publicityStartedOn = app.publicityStartedOn;
  if (app.routing) facts.routing = app.routing;
  if (app.panelResults) facts.panelResults = app.panelResults;
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
    problems: problems.includes('') ? problems.filter((p) => p !== '') : problems,
    missingRowUploads: app.attachments === undefined ? [] : missingRowUploads(uploadPlans(pack, app.kind, app.fields), app.attachments),
    education,
    facts,
  };
}
