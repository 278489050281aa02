/**
 * Discretion where the rulebook leaves it (definition `overridable`, engine `fire` with
 * `override`): 000 第十五条 says when a holder may apply for renewal but not that a late one
 * must be refused, so an administrator may accept one outside the window, with a reason that
 * the history keeps. 003 三 says 逾期…不再有效: there is no such room for P5.
 */
import { describe, expect, it } from 'vitest';
import { getPack } from '../../../shared/programs';
import { parseWorkflowDefinition, type WorkflowDefinition } from '../../../shared/workflow/definition';
import { allowedTransitions, fire } from '../../../shared/workflow/engine';
import type { WorkflowFacts } from '../../../shared/workflow/context';
import { expectFail, expectOk } from '../rules/expect-result';
import { app, cal, completeChecklist, context } from './fixtures';

const definition = (programId: string, kind: 'renewal'): WorkflowDefinition => {
  const d = getPack(programId)?.workflows[kind];
  if (!d) throw new Error(programId);
  return d;
};
const p1Renewal = definition('xj-isi-pm', 'renewal');
const p5Renewal = definition('rk-registration', 'renewal');

// Expired on 2026-11-20; the 6-month window closed that day.
const late: WorkflowFacts = { checklist: completeChecklist, windows: { renewal: { from: '2026-05-20', to: '2026-11-20', name: '延续申请期（证书期满前 6 个月）' } } };
const lateP5: WorkflowFacts = { checklist: completeChecklist, windows: { registration: { from: '2026-08-20', to: '2026-11-20', name: '登记办理期（有效期满前三个月内）' } } };
const refusal = '暂不能“受理”：延续申请期（证书期满前 6 个月）已于2026年11月20日结束。';

describe('000 第十五条: a renewal outside the window', () => {
  it('is refused for the clerk, with the rule\'s reason, and not offered for override', () => {
    expect(expectFail(fire(p1Renewal, app('received'), 'accept', { role: 'clerk', today: '2026-11-23' }, { calendar: cal, facts: late }), 'workflow.guard')).toBe(refusal);
    const offered = allowedTransitions(p1Renewal, app('received'), context('clerk', '2026-11-23', late)).find((o) => o.transition.id === 'accept');
    expect([offered?.allowed, offered?.overridable]).toEqual([false, false]);
  });

  it('is offered to the administrator for override', () => {
    const offered = allowedTransitions(p1Renewal, app('received'), context('admin', '2026-11-23', late)).find((o) => o.transition.id === 'accept');
    expect([offered?.allowed, offered?.overridable]).toEqual([false, true]);
  });

  it('the administrator\'s override needs a reason, and the history keeps it with what was waived', () => {
    const input = { role: 'admin' as const, today: '2026-11-23' };
    expect(expectFail(fire(p1Renewal, app('received'), 'accept', input, { calendar: cal, facts: late }), 'workflow.guard')).toBe(refusal);
    expectFail(fire(p1Renewal, app('received'), 'accept', { ...input, override: { reason: '  ' } }, { calendar: cal, facts: late }), 'workflow.override-reason');
    const fired = expectOk(fire(p1Renewal, app('received'), 'accept', { ...input, override: { reason: '持证人在援疆岗位，逾期三天提交，经协会同意受理' } }, { calendar: cal, facts: late }));
    expect(fired.state).toBe('under-review');
    expect(fired.historyEntry.override).toEqual({
      reason: '持证人在援疆岗位，逾期三天提交，经协会同意受理',
      waived: ['延续申请期（证书期满前 6 个月）已于2026年11月20日结束。'],
    });
  });

  it('a clerk cannot override; nor can the override waive a guard the rulebook does not leave open', () => {
    const clerk = fire(p1Renewal, app('received'), 'accept', { role: 'clerk', today: '2026-11-23', override: { reason: '逾期' } }, { calendar: cal, facts: late });
    expect(expectFail(clerk, 'workflow.override-not-allowed')).toContain('只有管理员可以酌情放行');
    const missing = fire(p1Renewal, app('received'), 'accept', { role: 'admin', today: '2026-11-23', override: { reason: '逾期' } }, { calendar: cal, facts: { ...late, checklist: { missing: ['变更申请'], originalsUnverified: [], copiesShort: [] } } });
    expect(expectFail(missing, 'workflow.override-not-allowed')).toContain('其中有不能酌情放行的条件');
  });

  it('003 三: 逾期未办理登记手续的证书不再有效 — no override for P5, not even the administrator\'s', () => {
    const refused = fire(p5Renewal, app('received'), 'accept', { role: 'admin', today: '2026-11-23', override: { reason: '逾期' } }, { calendar: cal, facts: lateP5 });
    expect(expectFail(refused, 'workflow.override-not-allowed')).toContain('依据未留酌情余地');
  });

  it('a definition may only let roles override that may fire the transition', () => {
    const bad = { ...p1Renewal, transitions: p1Renewal.transitions.map((t) => (t.id === 'accept' ? { ...t, roles: ['clerk'], overridable: { ...t.overridable, roles: ['admin'] } } : t)) };
    expect(expectFail(parseWorkflowDefinition(bad), 'workflow.invalid')).toContain('酌情放行角色须是可执行该流转的角色');
  });
});
