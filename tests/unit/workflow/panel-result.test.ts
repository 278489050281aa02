/**
 * The panel's workflow step fires only on the session's signed result, and carries it (guard
 * `panel-result`): P1 完成专业评价 (000 第十二条), P2 现场答辩 and 专家评审结论 (000 第七条、第十三条),
 * P4 高评委评审通过/未通过 (002 四(二), 人社部令第40号), P6 专家评审确认 (004 第十四条(三)).
 * Nobody retypes scores: a step carrying a result refuses typed ones (issue 14: a free 总分 of 80
 * passed a file two of three experts recommended 不通过).
 */
import { describe, expect, it } from 'vitest';
import { getPack } from '../../../shared/programs';
import type { PanelResultFact, WorkflowFacts } from '../../../shared/workflow/context';
import { parseWorkflowDefinition, type WorkflowDefinition } from '../../../shared/workflow/definition';
import { allowedTransitions, fire, panelResultStages } from '../../../shared/workflow/engine';
import { expectFail, expectOk } from '../rules/expect-result';
import { app, cal, context } from './fixtures';

const workflow = (programId: string): WorkflowDefinition => getPack(programId)!.workflows.new!;
const p1 = workflow('xj-isi-pm');
const p2 = workflow('xj-isi-spm');
const p4 = workflow('zj-it-senior');
const p6 = workflow('iets');

const result = (stage: string, outcome: PanelResultFact['outcome'], extra: Partial<PanelResultFact> = {}): PanelResultFact => ({
  stage,
  resultId: '01937b2c-9999-7000-8000-000000000001',
  sessionId: '01937b2c-cccc-7000-8000-000000000001',
  outcome,
  signedOffOn: '2026-11-25',
  ...extra,
});
// The certificate can be printed (its guard is another issue's): only the panel results vary here.
const facts = (...results: PanelResultFact[]): WorkflowFacts => ({ printMissing: [], panelResults: Object.fromEntries(results.map((r) => [r.stage, r])) });

function options(definition: WorkflowDefinition, state: string, f: WorkflowFacts, role: 'reviewer' | 'admin' = 'reviewer') {
  return Object.fromEntries(
    allowedTransitions(definition, app(state), context(role, '2026-11-26', f)).map((o) => [o.transition.id, o.allowed ? 'allowed' : o.blockedBy.map((b) => b.message).join('')]),
  );
}

describe('P4 高评委 (002 四(二); 人社部令第40号)', () => {
  it('no signed result: neither step, and why', () => {
    expect(options(p4, 'panel', {})).toEqual({
      'panel-pass': '“高评委评审”阶段尚无经主任委员签署的评审会结果。',
      'panel-fail': '“高评委评审”阶段尚无经主任委员签署的评审会结果。',
    });
  });

  it('a signed pass allows only 评审通过; a signed fail (a vote short of two thirds) only 评审未通过', () => {
    expect(options(p4, 'panel', facts(result('panel', 'pass')))).toEqual({ 'panel-pass': 'allowed', 'panel-fail': '“高评委评审”阶段的评审会结果为“通过”。' });
    expect(options(p4, 'panel', facts(result('panel', 'fail')))).toEqual({ 'panel-pass': '“高评委评审”阶段的评审会结果为“未通过”。', 'panel-fail': 'allowed' });
  });

  it('deferred (quorum not reached) or stale (a sheet changed after signing): nothing fires', () => {
    expect(options(p4, 'panel', facts(result('panel', 'deferred')))['panel-pass']).toBe('评审会对“高评委评审”阶段暂缓作出结论（2026年11月25日），须在下次评审会重新评审。');
    expect(options(p4, 'panel', facts(result('panel', 'pass', { stale: true })))['panel-pass']).toBe('“高评委评审”阶段的评审会结果签署后评分或投票有变动，须由主任委员重新签署。');
  });

  it('firing carries the signed result (without the workflow’s own staleness check) and asks nothing to be typed', () => {
    const signed = result('panel', 'pass', { scoreTenths: 853, ballot: { present: 7, agree: 6, disagree: 1, abstain: 0 } });
    const fired = expectOk(fire(p4, app('panel'), 'panel-pass', { role: 'reviewer', today: '2026-11-26' }, { calendar: cal, facts: facts(signed) }));
    expect(fired).toEqual({
      state: 'qualified',
      historyEntry: { transitionId: 'panel-pass', from: 'panel', to: 'qualified', at: '2026-11-26', role: 'reviewer', panel: [signed] },
    });
  });

  it('typed scores on a step that carries a result are refused', () => {
    const typed = fire(p4, app('panel'), 'panel-pass', { role: 'reviewer', today: '2026-11-26', scores: { 总分: 80 } }, { calendar: cal, facts: facts(result('panel', 'pass')) });
    expect(expectFail(typed, 'workflow.panel-scores')).toBe('“高评委评审通过”以评审会签署的结果为准，评分不能另行填写。');
  });
});

describe('P2 专家评审会及现场答辩 (000 第七条、第十三条)', () => {
  it('each panel step fires on its own stage’s signed result, whatever its outcome', () => {
    expect(options(p2, 'awaiting-defense', facts(result('awaiting-defense', 'fail')))).toEqual({ 'record-defense': 'allowed' });
    expect(options(p2, 'expert-review', facts(result('awaiting-defense', 'pass')))).toEqual({ 'expert-conclusion': '“专家评审会”阶段尚无经主任委员签署的评审会结果。' });
  });

  it('issue 14: two of three experts recommended 不通过 → the result is 未通过 and 公布结果：通过 is blocked', () => {
    const f = facts(result('awaiting-defense', 'pass'), result('expert-review', 'fail'));
    expect(options(p2, 'decision', f, 'admin')).toEqual({ pass: '“专家评审会”阶段的评审会结果为“未通过”。', fail: 'allowed' });
  });

  it('passed only when the defence and the meeting both passed; a failed defence alone allows 未通过', () => {
    expect(options(p2, 'decision', facts(result('awaiting-defense', 'pass'), result('expert-review', 'pass')), 'admin')).toEqual({
      pass: 'allowed',
      fail: '以下条件至少需满足一项：“待现场答辩”阶段的评审会结果为“通过”。 / “专家评审会”阶段的评审会结果为“通过”。',
    });
    expect(options(p2, 'decision', facts(result('awaiting-defense', 'fail'), result('expert-review', 'pass')), 'admin')).toEqual({
      pass: '“待现场答辩”阶段的评审会结果为“未通过”。',
      fail: 'allowed',
    });
  });

  it('公布结果 carries both results it was fired on', () => {
    const f = facts(result('awaiting-defense', 'pass'), result('expert-review', 'pass'));
    const fired = expectOk(fire(p2, app('decision'), 'pass', { role: 'admin', today: '2026-11-27', decision: '通过' }, { calendar: cal, facts: f }));
    expect(fired.historyEntry.panel?.map((r) => r.stage)).toEqual(['awaiting-defense', 'expert-review']);
  });
});

describe('P1 (000 第十二条) and P6 (004 第十四条(三))', () => {
  it('P1: 完成专业评价 on the signed result; 公布结果 agrees with it', () => {
    expect(options(p1, 'awaiting-evaluation', facts(result('awaiting-evaluation', 'fail')))).toEqual({ evaluate: 'allowed' });
    expect(options(p1, 'decision', facts(result('awaiting-evaluation', 'pass')), 'admin')).toEqual({ pass: 'allowed', fail: '“待评价”阶段的评审会结果为“通过”。' });
  });

  it('P6: the experts confirm only on a pass, 未通过 only on a fail; the agency’s own refusal is unchanged', () => {
    expect(options(p6, 'expert-review', facts(result('expert-review', 'pass')))).toEqual({ confirm: 'allowed', 'panel-fail': '“评价中心专家评审”阶段的评审会结果为“通过”。' });
    expect(options(p6, 'agency-review', {})).toMatchObject({ fail: 'allowed' });
  });
});

describe('the guard as data', () => {
  it('panelResultStages lists the stages a transition reads, nested ones included, once each', () => {
    expect(panelResultStages(p2.transitions.find((t) => t.id === 'fail')!.guards)).toEqual(['awaiting-defense', 'expert-review']);
    expect(panelResultStages([{ kind: 'checklist-complete' }])).toEqual([]);
  });

  it('an unknown outcome is refused in Chinese when the definition is parsed', () => {
    const bad = structuredClone(p4) as unknown as { transitions: { guards: { outcome?: string }[] }[] };
    bad.transitions.find((t) => t.guards[0]?.outcome === 'pass')!.guards[0]!.outcome = 'maybe';
    const parsed = parseWorkflowDefinition(bad);
    expect(!parsed.ok && parsed.error.message).toContain('评审结果（outcome）应为 pass（通过）或 fail（未通过）');
  });
});
