/**
 * Finding an application's workflow and state in its pack: one place instead of a cast and a
 * `states.find` in every screen. A kind or state id the pack does not know gives `undefined`
 * (an application from a newer pack version, or a typo in a query), never a throw.
 */
import { isApplicationKindId } from '../programs/ids';
import type { ProgramPack } from '../programs/schema';
import type { WorkflowDefinition, WorkflowState } from './definition';

/** The workflow the pack runs for this kind of application. */
export function workflowOf(pack: ProgramPack | undefined, kind: string | undefined): WorkflowDefinition | undefined {
  return pack !== undefined && isApplicationKindId(kind) ? pack.workflows[kind] : undefined;
}

/** The state of a workflow with this id. */
export function stateOf(definition: WorkflowDefinition | undefined, stateId: string | undefined): WorkflowState | undefined {
  return stateId === undefined ? undefined : definition?.states.find((s) => s.id === stateId);
}

/** The state an application stands in, from its pack: `stateOf(workflowOf(pack, kind), status)`. */
export function applicationStateOf(
  pack: ProgramPack | undefined,
  application: { readonly kind: string; readonly status: string },
): WorkflowState | undefined {
  return stateOf(workflowOf(pack, application.kind), application.status);
}

/** The state every application of this workflow starts in. */
export function initialStateIn(definition: WorkflowDefinition | undefined): WorkflowState | undefined {
  return definition?.states.find((s) => s.kind === 'initial');
}
