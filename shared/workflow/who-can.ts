/**
 * Who may act on a file now: the roles of the transitions leaving its state. A screen that offers
 * the signed-in user nothing says which role can (issue 12: "当前没有您可以办理的操作" alone leaves a
 * clerk guessing whom to ask).
 */
import { WORKFLOW_ROLES, type WorkflowDefinition, type WorkflowRole } from './definition';

export function rolesThatCanAct(definition: WorkflowDefinition, state: string): WorkflowRole[] {
  const roles = new Set<WorkflowRole>();
  for (const t of definition.transitions) {
    const from: readonly string[] = Array.isArray(t.from) ? t.from : [t.from];
    if (from.includes(state)) for (const r of t.roles) roles.add(r);
  }
  // In the table's own order (admin, clerk, reviewer), so the sentence reads the same every time.
  return WORKFLOW_ROLES.filter((r) => roles.has(r));
}
