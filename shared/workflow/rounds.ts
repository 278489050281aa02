/**
 * Review rounds read off an application's history: each entry into the state the decision clock
 * runs from (001 （二）7–8: 提交审核, then a decision a working day later) opens a round; the
 * next transition out of it closes it — returned for correction with its reason (驳回), or
 * passed on. Every round stays: a rejected, corrected and resubmitted filing shows them all.
 */
import type { IsoDate } from '../rules/civil-date';
import { ok, type Result } from '../rules/result';
import type { WorkCalendar } from '../rules/work-calendar';
import type { WorkflowHistoryEntry } from './context';
import { deadlineAfter } from './deadlines';
import type { WorkflowDefinition } from './definition';

export type RoundOutcome = 'open' | 'returned' | 'passed' | 'closed';

export interface ReviewRound {
  /** 1, 2, … in order of submission. */
  readonly number: number;
  readonly submittedOn: IsoDate;
  /** The last day to decide (the definition's decision deadline). */
  readonly due: IsoDate;
  readonly decidedOn: IsoDate | undefined;
  /** returned: sent back to the applicant (驳回); passed: moved on; closed: ended otherwise (a final refusal). */
  readonly outcome: RoundOutcome;
  readonly transitionId: string | undefined;
  readonly reason: string | undefined;
  readonly opinion: string | undefined;
  /** Decided after `due`, or still open after it on `today`. */
  readonly late: boolean;
}

/**
 * The rounds of a definition with a decision deadline, oldest first (none without one). A
 * missing calendar year is an error, never a guess.
 */
export function reviewRounds(
  definition: WorkflowDefinition,
  history: readonly WorkflowHistoryEntry[],
  today: IsoDate,
  calendar: WorkCalendar,
): Result<ReviewRound[]> {
  const deadline = definition.decisionDeadline;
  if (deadline === undefined) return ok([]);
  const stateOf = (id: string) => definition.states.find((s) => s.id === id);
  const rounds: ReviewRound[] = [];
  for (let i = 0; i < history.length; i++) {
    const entry = history[i];
    if (entry === undefined || entry.to !== deadline.from) continue;
    const due = deadlineAfter(entry.at, deadline, calendar);
    if (!due.ok) return due;
    let close: WorkflowHistoryEntry | undefined;
    for (let j = i + 1; j < history.length; j++) {
      if (history[j]?.from === deadline.from) {
        close = history[j];
        break;
      }
    }
    const target = close === undefined ? undefined : stateOf(close.to);
    const outcome: RoundOutcome =
      close === undefined ? 'open' : target?.queue === 'returned' ? 'returned' : target?.kind === 'final' && !target.grantsCertificate ? 'closed' : 'passed';
    const decidedOn = close?.at;
    rounds.push({
      number: rounds.length + 1,
      submittedOn: entry.at,
      due: due.value,
      decidedOn,
      outcome,
      transitionId: close?.transitionId,
      reason: close?.reason,
      opinion: close?.opinion,
      late: (decidedOn ?? today) > due.value,
    });
  }
  return ok(rounds);
}
