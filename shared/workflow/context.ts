/**
 * What the engine is given about one application: where it is and how it got there, and the
 * facts its guards read. The engine never looks anything up; the caller gathers these facts
 * from the records (materials, reviews, objections …) and passes them in, so every decision is
 * a pure function of its inputs and can be replayed in a test.
 */
import type { IsoDate } from '../rules/civil-date';
import type { DateWindow } from '../rules/validity';
import type { WorkCalendar } from '../rules/work-calendar';
import type { PanelOutcome, WorkflowRole } from './definition';
import type { RoutingChainState } from './routing';

/**
 * A panel session's signed result for one application at one stage (shared/panels builds it from
 * the stored result record). `deferred`: the chair put the application over to another session
 * (a quorum not reached, a tie left open, scores missing) — nothing was decided.
 */
export interface PanelResultFacts {
  readonly stage: string;
  readonly resultId: string;
  readonly sessionId: string;
  readonly outcome: PanelOutcome | 'deferred';
  /** The combined score in tenths of a point (825 = 82.5), where the stage scores. */
  readonly scoreTenths?: number;
  /** Recommend / not recommend on the members' sheets, where the stage counts them. */
  readonly recommendations?: { readonly recommend: number; readonly notRecommend: number };
  /** The ballot's tally, where the stage votes. */
  readonly ballot?: { readonly present: number; readonly agree: number; readonly disagree: number; readonly abstain: number };
  /** The day the chair signed it off. */
  readonly signedOffOn: IsoDate;
}

/** A panel result as the workflow sees it: signed, and whether a sheet or vote changed since. */
export interface PanelResultFact extends PanelResultFacts {
  /** A sheet or the ballot it was aggregated from changed after the sign-off (a late sync). */
  readonly stale?: boolean;
}

/** One fired transition, as kept on the application. */
export interface WorkflowHistoryEntry {
  readonly transitionId: string;
  readonly from: string;
  readonly to: string;
  readonly at: IsoDate;
  readonly role: WorkflowRole;
  readonly reason?: string;
  readonly opinion?: string;
  readonly scores?: Readonly<Record<string, number>>;
  readonly decision?: string;
  readonly returnTo?: string;
  /** The panel results the transition was fired on (its `panel-result` guards), carried as signed. */
  readonly panel?: readonly PanelResultFacts[];
  /** A discretionary pass over failed guards (definition `overridable`): why, and what was waived. */
  readonly override?: { readonly reason: string; readonly waived: readonly string[] };
}

export interface WorkflowApplication {
  readonly state: string;
  readonly history: readonly WorkflowHistoryEntry[];
}

/** Material names (as the checklist shows them) for each way the checklist can fall short. */
export interface ChecklistFacts {
  /** Required materials not received. */
  readonly missing: readonly string[];
  /** Copies whose originals have not been seen and marked 核对无误 (002 附件4). */
  readonly originalsUnverified: readonly string[];
  /** Materials received in fewer copies than required (e.g. 002 附件4: 综合表15份). */
  readonly copiesShort: readonly string[];
}

export interface RejectedMaterial {
  readonly name: string;
  readonly reason: string;
}

/** A window as validity.ts computes it (windowBeforeExpiry), both ends inclusive. */
export interface WindowFacts extends DateWindow {
  /** What the window is, e.g. '续期办理期'; shown in messages. */
  readonly name?: string;
}

export interface EligibilityFacts {
  readonly met: boolean;
  /** Why not, in Chinese, when `met` is false. */
  readonly reasons?: readonly string[];
}

/**
 * Counts and lists default to "none" when absent (no objection recorded is no objection);
 * judgements — checklist, eligibility, window, routing — default to "not yet made" and block.
 */
export interface WorkflowFacts {
  readonly checklist?: ChecklistFacts;
  readonly rejectedMaterials?: readonly RejectedMaterial[];
  /** Reviews / opinions recorded so far, by stage id (conventionally the state's id). */
  readonly reviewsDone?: Readonly<Record<string, number>>;
  /** When publicity was actually posted; otherwise the day the application entered a publicity state. */
  readonly publicityStartedOn?: IsoDate;
  readonly openObjections?: number;
  readonly eligibility?: EligibilityFacts;
  readonly windows?: Readonly<Record<string, WindowFacts>>;
  readonly routing?: RoutingChainState;
  /** The latest signed panel result per stage (shared/panels `panelResultFacts`). */
  readonly panelResults?: Readonly<Record<string, PanelResultFact>>;
  /**
   * What the certificate still lacks to be printed (labels of the pack's `lifecycle.print`
   * fields); empty when it can be. Absent: not judged, and the `printable` guard blocks.
   */
  readonly printMissing?: readonly string[];
  /** The continuing-education verdict alone (met when the pack asks none of this kind). */
  readonly education?: EligibilityFacts;
}

export interface WorkflowContext {
  readonly role: WorkflowRole;
  readonly today: IsoDate;
  readonly calendar: WorkCalendar;
  readonly facts: WorkflowFacts;
}
