/**
 * The two clocks a workflow definition can carry, read off an application's history:
 * - publicity: a period that starts the day the notice goes up and counts that day
 *   (公示5个工作日 posted Monday ends Friday; 004 第十四条 公示期7天 posted the 1st ends the 7th);
 * - the decision deadline: N units AFTER the day the clock starts, that day not counted
 *   (003 七: 受理登记申请后15个工作日内).
 * Both reuse the working-day rules, so a missing calendar year is an error, never a guess.
 */
import { addDays, daysBetween, formatDateZh, type IsoDate } from '../rules/civil-date';
import { fail, ok, type Result } from '../rules/result';
import { missingCalendarYears, provisionalCalendar, type WorkCalendar } from '../rules/work-calendar';
import { addWorkingDays, endOfWorkingDayPeriod, workingDaysLeft } from '../rules/working-days';
import type { WorkflowApplication, WorkflowFacts, WorkflowHistoryEntry } from './context';
import type { Period, WorkflowDefinition } from './definition';
import { stateOf } from './lookup';

const UNIT_ZH: Readonly<Record<Period['unit'], string>> = {
  'working-days': '个工作日',
  'calendar-days': '天',
};

/** Last day of a period that starts on `start`, `start` counted when it can be. */
export function periodEnds(start: IsoDate, period: Period, cal: WorkCalendar): Result<IsoDate> {
  return period.unit === 'working-days'
    ? endOfWorkingDayPeriod(start, period.length, cal)
    : addDays(start, period.length - 1);
}

/** A date as a screen shows it: exact, or counted with weekends only for the years listed. */
export interface ShownDate {
  readonly date: IsoDate;
  /** Present when the count reached into years the calendar lacks; the date is then 暂定. */
  readonly provisionalYears?: readonly number[];
}

/**
 * periodEnds for display: exact when the calendar holds every year the period touches,
 * otherwise counted with weekends only and marked (see provisionalNote). Never for a decision.
 */
export function periodEndsShown(start: IsoDate, period: Period, cal: WorkCalendar): Result<ShownDate> {
  const exact = periodEnds(start, period, cal);
  if (exact.ok) return ok({ date: exact.value });
  if (exact.error.code !== 'calendar.missing-year' || cal.provisional === true) return exact;
  const rough = periodEnds(start, period, provisionalCalendar(cal));
  if (!rough.ok) return rough;
  const years = missingCalendarYears(Number(start.slice(0, 4)), Number(rough.value.slice(0, 4)), cal);
  return ok({ date: rough.value, provisionalYears: years });
}

/**
 * A posted publicity's last day as shown now: recounted from its start and period with today's
 * calendar (a year entered after posting corrects a provisional end), else as stored.
 */
export function publicityShownEnd(
  publicity: { readonly startedOn: IsoDate; readonly endsOn: IsoDate; readonly period?: Period | undefined },
  cal: WorkCalendar,
): ShownDate {
  if (publicity.period === undefined) return { date: publicity.endsOn };
  const shown = periodEndsShown(publicity.startedOn, publicity.period, cal);
  return shown.ok ? shown.value : { date: publicity.endsOn };
}

/** The day a deadline of `period` after `from` falls on, `from` not counted. */
export function deadlineAfter(from: IsoDate, period: Period, cal: WorkCalendar): Result<IsoDate> {
  return period.unit === 'working-days' ? addWorkingDays(from, period.length, cal) : addDays(from, period.length);
}

function lastEntryInto(history: readonly WorkflowHistoryEntry[], states: ReadonlySet<string>): number {
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const entry = history[i];
    if (entry && states.has(entry.to)) return i;
  }
  return -1;
}

function lastEntryAt(history: readonly WorkflowHistoryEntry[], state: string | undefined): IsoDate | undefined {
  if (state === undefined) return undefined;
  for (let i = history.length - 1; i >= 0; i -= 1) if (history[i]?.to === state) return history[i]!.at;
  return undefined;
}

/** The state sets the clocks look for, read off a definition once: queues ask for every file. */
interface ClockStates {
  readonly states: WorkflowDefinition['states'];
  readonly publicity: ReadonlySet<string>;
  /** Waiting or final: the decision clock stops there. */
  readonly stopping: ReadonlySet<string>;
}

const clockStatesCache = new WeakMap<WorkflowDefinition, ClockStates>();

function clockStates(definition: WorkflowDefinition): ClockStates {
  const cached = clockStatesCache.get(definition);
  // Rebuilt if the definition's state list was replaced; definitions are data and never edited in place.
  if (cached !== undefined && cached.states === definition.states) return cached;
  const built: ClockStates = {
    states: definition.states,
    publicity: new Set(definition.states.filter((s) => s.queue === 'publicity').map((s) => s.id)),
    stopping: new Set(definition.states.filter((s) => s.kind === 'waiting' || s.kind === 'final').map((s) => s.id)),
  };
  clockStatesCache.set(definition, built);
  return built;
}

/**
 * When the current publicity began: the posting date the clerk recorded, else the day the
 * application last entered a publicity state. Undefined when it never did.
 */
export function publicityStartedOn(
  definition: WorkflowDefinition,
  application: WorkflowApplication,
  facts: Pick<WorkflowFacts, 'publicityStartedOn'> = {},
): IsoDate | undefined {
  if (facts.publicityStartedOn !== undefined) return facts.publicityStartedOn;
  const i = lastEntryInto(application.history, clockStates(definition).publicity);
  return application.history[i]?.at;
}

/**
 * Last day of the current publicity, or undefined when there is none to compute (never in
 * publicity). `period` overrides the definition's, as a guard may.
 */
export function publicityEnds(
  definition: WorkflowDefinition,
  application: WorkflowApplication,
  cal: WorkCalendar,
  facts: Pick<WorkflowFacts, 'publicityStartedOn'> = {},
  period: Period | undefined = definition.publicity,
): Result<IsoDate | undefined> {
  const start = publicityStartedOn(definition, application, facts);
  if (start === undefined) return ok(undefined);
  if (period === undefined) return fail('workflow.no-publicity-period', '流程定义中没有公示期限，无法计算公示截止日期。');
  return periodEnds(start, period, cal);
}

/**
 * When the decision is due, or undefined when the clock is not running. It starts on the last
 * entry into `decisionDeadline.from` and stops at the first waiting or final state after that:
 * a file returned for correction (补正) gets a fresh clock when it is accepted again, and a
 * closed file has nothing due.
 */
export function decisionDue(
  definition: WorkflowDefinition,
  application: WorkflowApplication,
  cal: WorkCalendar,
): Result<IsoDate | undefined> {
  const deadline = definition.decisionDeadline;
  if (!deadline) return ok(undefined);
  const history = application.history;
  let start = -1;
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const entry = history[i];
    if (entry && entry.to === deadline.from) {
      start = i;
      break;
    }
  }
  const startEntry = history[start];
  if (!startEntry) return ok(undefined);
  const { stopping } = clockStates(definition);
  for (let i = start + 1; i < history.length; i += 1) {
    // Holes skipped, as some() skips them.
    if (i in history && stopping.has(history[i]!.to)) return ok(undefined);
  }
  if (stopping.has(application.state)) return ok(undefined);
  return deadlineAfter(startEntry.at, deadline, cal);
}

/**
 * How a deadline is shown, decided once: `late` — a decision deadline missed (the office broke
 * its own time limit: red); `done` — a publicity period over (the file may move on: green);
 * `running` — still within its time (gold).
 */
export type DeadlineSeverity = 'late' | 'done' | 'running';

export function deadlineSeverity(deadline: Pick<QueueDeadline, 'kind' | 'overdue'>): DeadlineSeverity {
  if (!deadline.overdue) return 'running';
  return deadline.kind === 'decision' ? 'late' : 'done';
}

export interface QueueDeadline {
  readonly kind: 'publicity' | 'decision';
  /** Publicity: its last day. Decision: the last day to decide. */
  readonly due: IsoDate;
  readonly unit: Period['unit'];
  /** Units after today up to and including `due`; negative once past (working days per workingDaysLeft). */
  readonly daysLeft: number;
  /** Publicity: the period is over (the file may move on). Decision: the deadline is missed. */
  readonly overdue: boolean;
  /** What the queue column shows, e.g. '还剩3个工作日（2026年03月13日）'. */
  readonly label: string;
  /**
   * Years the count reached into that the calendar does not hold yet: the dates were counted with
   * weekends only and are shown as 暂定 until an administrator enters those years. Absent when exact.
   */
  readonly provisionalYears?: readonly number[];
}

/** What a provisional deadline says after its label, e.g. '（暂定：缺少2027年工作日历，仅按周末计算）'. */
export function provisionalNote(years: readonly number[]): string {
  return `（暂定：缺少${years.map((y) => `${y}年`).join('、')}工作日历，仅按周末计算）`;
}

function remaining(today: IsoDate, due: IsoDate, unit: Period['unit'], cal: WorkCalendar): Result<number> {
  if (unit === 'working-days') {
    const left = workingDaysLeft(today, due, cal);
    return left.ok ? ok(left.value.workingDays) : left;
  }
  return daysBetween(today, due);
}

function labelFor(kind: QueueDeadline['kind'], due: IsoDate, daysLeft: number, over: boolean, unit: Period['unit']): string {
  const date = formatDateZh(due);
  if (kind === 'publicity') return over ? `公示期已满（${date}止）` : `公示中，还剩${daysLeft}${UNIT_ZH[unit]}（${date}止）`;
  if (over) return `已逾期${Math.abs(daysLeft)}${UNIT_ZH[unit]}（应于${date}前决定）`;
  return `还剩${daysLeft}${UNIT_ZH[unit]}（${date}前决定）`;
}

/**
 * The clock a queue shows next to an application: publicity while in a publicity state,
 * otherwise the decision deadline while it runs; undefined when neither applies.
 */
export function queueDeadline(
  definition: WorkflowDefinition,
  application: WorkflowApplication,
  today: IsoDate,
  cal: WorkCalendar,
  facts: Pick<WorkflowFacts, 'publicityStartedOn'> = {},
): Result<QueueDeadline | undefined> {
  const exact = exactQueueDeadline(definition, application, today, cal, facts);
  if (exact.ok || exact.error.code !== 'calendar.missing-year' || cal.provisional === true) return exact;
  // A year not published yet: show the deadline counted with weekends only, marked as such,
  // rather than nothing (the State Council publishes next year's arrangement in late autumn).
  const rough = exactQueueDeadline(definition, application, today, provisionalCalendar(cal), facts);
  if (!rough.ok || rough.value === undefined) return rough;
  const start =
    rough.value.kind === 'publicity'
      ? publicityStartedOn(definition, application, facts)
      : lastEntryAt(application.history, definition.decisionDeadline?.from);
  const span = [today, rough.value.due, ...(start === undefined ? [] : [start])].sort();
  const years = missingCalendarYears(Number(span[0]!.slice(0, 4)), Number(span[span.length - 1]!.slice(0, 4)), cal);
  return ok({ ...rough.value, label: rough.value.label + provisionalNote(years), provisionalYears: years });
}

function exactQueueDeadline(
  definition: WorkflowDefinition,
  application: WorkflowApplication,
  today: IsoDate,
  cal: WorkCalendar,
  facts: Pick<WorkflowFacts, 'publicityStartedOn'>,
): Result<QueueDeadline | undefined> {
  const state = stateOf(definition, application.state);
  const inPublicity = state?.queue === 'publicity';
  const kind: QueueDeadline['kind'] = inPublicity ? 'publicity' : 'decision';
  const unit = inPublicity ? definition.publicity?.unit : definition.decisionDeadline?.unit;
  const due = inPublicity ? publicityEnds(definition, application, cal, facts) : decisionDue(definition, application, cal);
  if (!due.ok) return due;
  if (due.value === undefined || unit === undefined) return ok(undefined);
  const left = remaining(today, due.value, unit, cal);
  if (!left.ok) return left;
  const over = today > due.value;
  return ok({ kind, due: due.value, unit, daysLeft: left.value, overdue: over, label: labelFor(kind, due.value, left.value, over, unit) });
}
