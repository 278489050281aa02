/**
 * Runs a workflow definition: which transitions a user may see and fire now, and firing one.
 * Pure: the application, the facts, today and the calendar come in; a new state and the history
 * entry to store go out. Storing them (and who the user is) is the caller's business.
 */
import { toPlainDate, type IsoDate } from '../rules/civil-date';
import { defined } from '../rules/defined';
import { fail, ok, type Result } from '../rules/result';
import type { PanelResultFact, PanelResultFacts, WorkflowApplication, WorkflowContext, WorkflowHistoryEntry } from './context';
import {
  RECORD_LABELS_ZH,
  ROLE_LABELS_ZH,
  transitionSources,
  type RecordKind,
  type WorkflowDefinition,
  type WorkflowGuard,
  type WorkflowRole,
  type WorkflowTransition,
} from './definition';
import { evaluateGuards, type GuardBlock } from './guards';
import { stateOf } from './lookup';
import type { StateId } from '../programs/ids';

export interface TransitionOption {
  readonly transition: WorkflowTransition;
  readonly allowed: boolean;
  readonly blockedBy: readonly GuardBlock[];
  /**
   * Blocked, but only by guards the rulebook leaves to discretion and this role may waive: the
   * screen offers 酌情办理 with a reason (FireInput `override`).
   */
  readonly overridable: boolean;
}

/** Whether `role` may waive every one of `blocks` on `transition` (definition `overridable`). */
export function canOverride(transition: WorkflowTransition, blocks: readonly GuardBlock[], role: WorkflowRole): boolean {
  const o = transition.overridable;
  if (o === undefined || blocks.length === 0 || !o.roles.includes(role)) return false;
  return blocks.every((b) => (o.guards as readonly string[]).includes(b.guard.kind));
}

/**
 * The transitions out of the application's current state that `context.role` may fire, each
 * with whether its guards hold now and, if not, why. Transitions of other roles are left out
 * rather than shown disabled: a clerk has nothing to do about a reviewer's button.
 */
export function allowedTransitions(
  definition: WorkflowDefinition,
  application: WorkflowApplication,
  context: WorkflowContext,
): TransitionOption[] {
  const env = { definition, application, context };
  const options: TransitionOption[] = [];
  const transitions = definition.transitions;
  for (let i = 0; i < transitions.length; i++) {
    // Holes skipped, as filter skips them.
    if (!(i in transitions)) continue;
    const transition = transitions[i]!;
    // transitionSources(t).includes(state) without the one-element array it builds for a string.
    const from = transition.from;
    const leavesState = typeof from === 'string' ? from === application.state : (from as readonly string[]).includes(application.state);
    if (!leavesState || !transition.roles.includes(context.role)) continue;
    const blockedBy = evaluateGuards(transition.guards, env);
    options.push({ transition, allowed: blockedBy.length === 0, blockedBy, overridable: canOverride(transition, blockedBy, context.role) });
  }
  return options;
}

/** What the user enters when firing: who and when, plus whatever the transition requires. */
export interface FireInput {
  readonly role: WorkflowRole;
  readonly today: IsoDate;
  readonly reason?: string;
  readonly opinion?: string;
  readonly scores?: Readonly<Record<string, number>>;
  readonly decision?: string;
  readonly returnTo?: string;
  /**
   * Fire although guards fail, where the definition leaves them to this role's discretion
   * (`overridable`); the reason and the waived refusals go into the history entry.
   */
  readonly override?: { readonly reason: string };
}

export interface FireResult {
  readonly state: StateId;
  readonly historyEntry: WorkflowHistoryEntry;
}

type TextRecord = Exclude<RecordKind, 'scores'>;

function cleanText(value: string | undefined): string | undefined {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '' ? undefined : trimmed;
}

function cleanScores(scores: FireInput['scores']): Readonly<Record<string, number>> | undefined {
  if (scores === undefined || scores === null || typeof scores !== 'object') return undefined;
  const entries = Object.entries(scores);
  if (entries.length === 0 || entries.some(([, v]) => typeof v !== 'number' || !Number.isFinite(v))) return undefined;
  return scores;
}

/** The stages whose panel result a transition's guards read, in order, each once. */
export function panelResultStages(guards: readonly WorkflowGuard[]): string[] {
  const stages: string[] = [];
  const visit = (g: WorkflowGuard): void => {
    if (g.kind === 'all-of' || g.kind === 'any-of') g.guards.forEach(visit);
    else if (g.kind === 'panel-result' && !stages.includes(g.stage)) stages.push(g.stage);
  };
  guards.forEach(visit);
  return stages;
}

/** The result as signed, without the workflow's own judgement of it (`stale`). */
function carried(result: PanelResultFact): PanelResultFacts {
  const { stale: _stale, ...signed } = result;
  return signed;
}

function stateName(definition: WorkflowDefinition, id: string): string {
  return stateOf(definition, id)?.name.zh ?? id;
}

/**
 * Fires `transitionId`. Refuses, in Chinese, when the transition does not exist or does not
 * leave the current state, the role may not fire it, a guard fails, or something it must record
 * (a return's reason, 000 第十一条) is missing. Records given beyond the required ones are kept.
 * A panel step (a `panel-result` guard) carries the signed results it fired on in the history
 * entry's `panel`, and refuses typed scores: the panel's numbers are the session's, never retyped.
 */
export function fire(
  definition: WorkflowDefinition,
  application: WorkflowApplication,
  transitionId: string,
  input: FireInput,
  context: Omit<WorkflowContext, 'role' | 'today'>,
): Result<FireResult> {
  const transition = definition.transitions.find((t) => t.id === transitionId);
  if (!transition) return fail('workflow.unknown-transition', `流程“${definition.name.zh}”中没有“${transitionId}”这一操作。`);
  const label = transition.label.zh;
  const date = toPlainDate(input.today);
  if (!date.ok) return date;
  if (!transitionSources(transition).includes(application.state)) {
    return fail(
      'workflow.wrong-state',
      `申请当前为“${stateName(definition, application.state)}”，不能执行“${label}”。`,
    );
  }
  if (!transition.roles.includes(input.role)) {
    const who = transition.roles.map((r) => ROLE_LABELS_ZH[r]).join('或');
    return fail('workflow.role', `“${label}”只能由${who}办理，${ROLE_LABELS_ZH[input.role] ?? input.role}无权执行。`);
  }
  const blocks = evaluateGuards(transition.guards, {
    definition,
    application,
    context: { ...context, today: input.today },
  });
  let override: WorkflowHistoryEntry['override'];
  if (blocks.length > 0) {
    const refusal = `暂不能“${label}”：${blocks.map((b) => b.message).join('')}`;
    if (input.override === undefined) return fail('workflow.guard', refusal);
    if (!canOverride(transition, blocks, input.role)) {
      const o = transition.overridable;
      const why =
        o === undefined
          ? '依据未留酌情余地，不能放行'
          : !o.roles.includes(input.role)
            ? `只有${o.roles.map((r) => ROLE_LABELS_ZH[r]).join('或')}可以酌情放行`
            : '其中有不能酌情放行的条件';
      return fail('workflow.override-not-allowed', `${refusal}（${why}。）`);
    }
    const reason = cleanText(input.override.reason);
    if (reason === undefined) return fail('workflow.override-reason', `酌情办理“${label}”须写明理由。`);
    override = { reason, waived: blocks.map((b) => b.message) };
  }

  const panelStages = panelResultStages(transition.guards);
  const scores = cleanScores(input.scores);
  if (panelStages.length > 0 && scores !== undefined) {
    return fail('workflow.panel-scores', `“${label}”以评审会签署的结果为准，评分不能另行填写。`);
  }
  const panel: PanelResultFacts[] = [];
  for (const stage of panelStages) {
    const result = context.facts.panelResults?.[stage];
    if (result !== undefined) panel.push(carried(result));
  }

  const text: Record<TextRecord, string | undefined> = {
    reason: cleanText(input.reason),
    opinion: cleanText(input.opinion),
    decision: cleanText(input.decision),
    returnTo: cleanText(input.returnTo),
  };
  const missing = transition.records.filter((r) => (r === 'scores' ? scores === undefined : text[r] === undefined));
  if (missing.length > 0) {
    return fail(
      'workflow.record-missing',
      `“${label}”必须填写${missing.map((r) => RECORD_LABELS_ZH[r]).join('、')}。`,
    );
  }

  const historyEntry: WorkflowHistoryEntry = {
    transitionId: transition.id,
    from: application.state,
    to: transition.to,
    at: input.today,
    role: input.role,
    ...defined({ reason: text.reason, opinion: text.opinion, scores, decision: text.decision, returnTo: text.returnTo }),
    ...(panel.length === 0 ? {} : { panel }),
    ...defined({ override }),
  };
  return ok({ state: transition.to, historyEntry });
}

/** The application after firing, for callers that keep it as one value. */
export function applyFire(application: WorkflowApplication, result: FireResult): WorkflowApplication {
  return { state: result.state, history: [...application.history, result.historyEntry] };
}
