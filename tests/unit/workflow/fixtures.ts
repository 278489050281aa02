import { CN_OFFICIAL_CALENDAR_YEARS } from '../../../shared/rules/calendars';
import { createWorkCalendar } from '../../../shared/rules/work-calendar';
import type {
  WorkflowApplication,
  WorkflowContext,
  WorkflowFacts,
  WorkflowHistoryEntry,
} from '../../../shared/workflow/context';
import type { WorkflowRole } from '../../../shared/workflow/definition';
import { expectOk } from '../rules/expect-result';

export const cal = expectOk(createWorkCalendar(CN_OFFICIAL_CALENDAR_YEARS));

/** A checklist with nothing outstanding. */
export const completeChecklist = { missing: [], originalsUnverified: [], copiesShort: [] } as const;

export function context(role: WorkflowRole, today: string, facts: WorkflowFacts = {}): WorkflowContext {
  return { role, today, calendar: cal, facts };
}

/** An application that reached `state` by the given (from, to, at) steps. */
export function app(state: string, steps: readonly [string, string, string][] = []): WorkflowApplication {
  const history: WorkflowHistoryEntry[] = steps.map(([from, to, at]) => ({
    transitionId: `${from}->${to}`,
    from,
    to,
    at,
    role: 'clerk',
  }));
  return { state, history };
}
