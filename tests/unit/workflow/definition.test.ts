import { describe, expect, it } from 'vitest';
import {
  defineWorkflow,
  parseWorkflowDefinition,
  transitionSources,
  workflowDefinitionSchema,
  type WorkflowDefinition,
} from '../../../shared/workflow/definition';
import { p1EvaluationWorkflow, p5RegistrationWorkflow, p6IetsWorkflow } from '../../../shared/workflow/examples';
import { expectFail, expectOk } from '../rules/expect-result';

/** A tiny valid definition that each case below breaks in one way. */
function base(): WorkflowDefinition {
  return defineWorkflow({
    id: 'demo',
    name: { zh: '示例', en: 'Demo' },
    states: [
      { id: 'received', name: { zh: '已收件', en: 'Received' }, kind: 'initial', queue: 'intake-review' },
      { id: 'returned', name: { zh: '已退回', en: 'Returned' }, kind: 'waiting', queue: 'returned' },
      { id: 'done', name: { zh: '已办结', en: 'Done' }, kind: 'final' },
    ],
    transitions: [
      {
        id: 'return',
        from: 'received',
        to: 'returned',
        label: { zh: '退回', en: 'Return' },
        roles: ['clerk'],
        guards: [],
        records: ['reason'],
      },
      {
        id: 'finish',
        from: ['received', 'returned'],
        to: 'done',
        label: { zh: '办结', en: 'Finish' },
        roles: ['admin'],
        guards: [],
        records: [],
      },
    ],
  });
}

describe('examples are valid definitions', () => {
  it.each([
    ['P1 000 第十一条—第十四条', p1EvaluationWorkflow],
    ['P5 003 七', p5RegistrationWorkflow],
    ['P6 004 第十四条', p6IetsWorkflow],
  ])('%s', (_name, definition) => {
    expect(expectOk(parseWorkflowDefinition(definition))).toEqual(definition);
  });

  it('the schema itself accepts the base definition', () => {
    expect(workflowDefinitionSchema.safeParse(base()).success).toBe(true);
  });
});

describe('parseWorkflowDefinition rejects broken definitions with a Chinese message', () => {
  const cases: [string, (d: WorkflowDefinition) => unknown, RegExp][] = [
    [
      'a transition to an unknown state',
      (d) => ({ ...d, transitions: [{ ...d.transitions[0], to: 'nowhere' }] }),
      /流转第1条的目标状态.*流转“return”的目标状态“nowhere”不存在/,
    ],
    [
      'a transition from an unknown state (list form)',
      (d) => ({ ...d, transitions: [{ ...d.transitions[1], from: ['received', 'ghost'] }] }),
      /起始状态“ghost”不存在/,
    ],
    [
      'no initial state',
      (d) => ({ ...d, states: d.states.map((s) => ({ ...s, kind: s.kind === 'initial' ? 'active' : s.kind })) }),
      /没有初始状态/,
    ],
    [
      'two initial states',
      (d) => ({ ...d, states: d.states.map((s) => ({ ...s, kind: s.kind === 'waiting' ? 'initial' : s.kind })) }),
      /有2个初始状态（received、returned），只能有一个/,
    ],
    [
      'a transition out of a final state',
      (d) => ({ ...d, transitions: [...d.transitions, { ...d.transitions[0], id: 'reopen', from: 'done' }] }),
      /从终止状态“done”（已办结）出发/,
    ],
    [
      'a duplicate state id',
      (d) => ({ ...d, states: [...d.states, { id: 'done', name: { zh: '又一个', en: 'Again' }, kind: 'final' }] }),
      /状态编号“done”重复/,
    ],
    [
      'a duplicate transition id',
      (d) => ({ ...d, transitions: [...d.transitions, { ...d.transitions[1] }] }),
      /流转编号“finish”重复/,
    ],
    [
      'a publicity guard with no period anywhere',
      (d) => ({ ...d, transitions: [{ ...d.transitions[1], guards: [{ kind: 'all-of', guards: [{ kind: 'publicity-over' }] }] }] }),
      /要求公示期满，但没有给出公示期限/,
    ],
    [
      'a decision deadline counted from an unknown state',
      (d) => ({ ...d, decisionDeadline: { length: 15, unit: 'working-days', from: 'accepted' } }),
      /决定期限的起算状态“accepted”不存在/,
    ],
    [
      'an unknown role',
      (d) => ({ ...d, transitions: [{ ...d.transitions[0], roles: ['applicant'] }] }),
      /角色应为 admin、clerk 或 reviewer/,
    ],
    [
      'an unknown guard kind',
      (d) => ({ ...d, transitions: [{ ...d.transitions[0], guards: [{ kind: 'moon-phase' }] }] }),
      /条件/,
    ],
    [
      'a zero-length publicity',
      (d) => ({ ...d, publicity: { length: 0, unit: 'working-days' } }),
      /公示期限的长度.*期限长度至少为1/,
    ],
    ['not an object at all', () => 'workflow', /流程定义应包含/],
  ];

  it.each(cases)('%s', (_name, breakIt, message) => {
    const error = expectFail(parseWorkflowDefinition(breakIt(base())), 'workflow.invalid');
    expect(error).toMatch(message);
  });

  it('counts further problems so the author looks on', () => {
    const d = base();
    const broken = { ...d, transitions: d.transitions.map((t) => ({ ...t, to: 'nowhere' })) };
    expect(expectFail(parseWorkflowDefinition(broken), 'workflow.invalid')).toMatch(/另有1处问题/);
  });
});

describe('transitionSources', () => {
  it.each([
    ['a single state id', 'received', ['received']],
    ['a list of state ids', ['received', 'returned'], ['received', 'returned']],
  ])('%s', (_name, from, expected) => {
    expect(transitionSources({ from })).toEqual(expected);
  });
});
