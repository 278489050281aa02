import { describe, expect, it } from 'vitest';
import { registrationDecisionDeadline } from '../../../shared/rules/validity';
import type { WorkflowApplication } from '../../../shared/workflow/context';
import {
  decisionDue,
  deadlineAfter,
  periodEnds,
  publicityEnds,
  queueDeadline,
} from '../../../shared/workflow/deadlines';
import type { Period } from '../../../shared/workflow/definition';
import { p1EvaluationWorkflow as p1, p5RegistrationWorkflow as p5, p6IetsWorkflow as p6 } from '../../../shared/workflow/examples';
import { expectFail, expectOk } from '../rules/expect-result';
import { app, cal } from './fixtures';

describe('periodEnds counts the start day; deadlineAfter does not', () => {
  it.each<[string, string, Period, string, string]>([
    ['004 第十四条 公示期7天', '2026-03-02', { length: 7, unit: 'calendar-days' }, '2026-03-08', '2026-03-09'],
    ['002 公示5个工作日 posted Monday', '2026-03-02', { length: 5, unit: 'working-days' }, '2026-03-06', '2026-03-09'],
    ['002 公示5个工作日 posted Saturday starts Monday', '2026-03-07', { length: 5, unit: 'working-days' }, '2026-03-13', '2026-03-13'],
    ['002 公示5个工作日 posted on a 调休 Saturday counts it', '2026-02-28', { length: 5, unit: 'working-days' }, '2026-03-05', '2026-03-06'],
    ['003 七 15个工作日 across 国庆节', '2026-09-28', { length: 15, unit: 'working-days' }, '2026-10-22', '2026-10-23'],
  ])('%s', (_rule, start, period, end, after) => {
    expect(expectOk(periodEnds(start, period, cal))).toBe(end);
    expect(expectOk(deadlineAfter(start, period, cal))).toBe(after);
  });
});

describe('decisionDue (003 七: 受理登记申请后15个工作日内作出审查意见)', () => {
  const accepted: WorkflowApplication = app('accepted', [['received', 'accepted', '2026-09-28']]);

  it('matches registrationDecisionDeadline from shared/rules', () => {
    const due = expectOk(decisionDue(p5, accepted, cal));
    expect(due).toBe('2026-10-23');
    expect(due).toBe(expectOk(registrationDecisionDeadline('2026-09-28', cal)));
  });

  it.each<[string, WorkflowApplication, string | undefined]>([
    ['not yet accepted: no clock', app('received'), undefined],
    [
      'returned for correction: the clock stops',
      app('returned', [['received', 'accepted', '2026-09-28'], ['accepted', 'returned', '2026-09-30']]),
      undefined,
    ],
    [
      'resubmitted but not yet accepted again: still no clock',
      app('received', [['received', 'accepted', '2026-09-28'], ['accepted', 'returned', '2026-09-30'], ['returned', 'received', '2026-10-09']]),
      undefined,
    ],
    [
      'accepted again: a fresh 15 working days',
      app('accepted', [
        ['received', 'accepted', '2026-09-28'],
        ['accepted', 'returned', '2026-09-30'],
        ['returned', 'received', '2026-10-09'],
        ['received', 'accepted', '2026-10-12'],
      ]),
      '2026-11-02',
    ],
    ['decided: nothing due', app('registered', [['received', 'accepted', '2026-09-28'], ['accepted', 'registered', '2026-10-09']]), undefined],
  ])('%s', (_name, application, expected) => {
    expect(expectOk(decisionDue(p5, application, cal))).toBe(expected);
  });

  it('a definition without a decision deadline has none', () => {
    expect(expectOk(decisionDue(p6, app('applied'), cal))).toBeUndefined();
  });
});

describe('publicityEnds', () => {
  it.each<[string, typeof p1, WorkflowApplication, string | undefined]>([
    ['004 第十四条 公示期7天 from entering publicity', p6, app('publicity', [['expert-review', 'publicity', '2026-03-02']]), '2026-03-08'],
    ['P1 example 5 working days', p1, app('publicity', [['awaiting-evaluation', 'publicity', '2026-03-02']]), '2026-03-06'],
    ['never in publicity', p6, app('applied'), undefined],
  ])('%s', (_rule, definition, application, expected) => {
    expect(expectOk(publicityEnds(definition, application, cal))).toBe(expected);
  });

  it('a definition without a publicity period says so when asked', () => {
    const application = app('publicity', [['x', 'publicity', '2026-03-02']]);
    const noPeriod = { ...p6, publicity: undefined };
    expect(expectFail(publicityEnds(noPeriod, application, cal), 'workflow.no-publicity-period')).toMatch(/没有公示期限/);
  });
});

describe('queueDeadline: what the queue column shows', () => {
  const accepted = app('accepted', [['received', 'accepted', '2026-09-28']]);
  const inPublicity = app('publicity', [['expert-review', 'publicity', '2026-03-02']]);

  it.each<[string, typeof p5, WorkflowApplication, string, object | undefined]>([
    [
      '003 七 受理当天：还剩15个工作日',
      p5, accepted, '2026-09-28',
      { kind: 'decision', due: '2026-10-23', daysLeft: 15, overdue: false, label: '还剩15个工作日（2026年10月23日前决定）' },
    ],
    [
      '003 七 国庆假期中不计',
      p5, accepted, '2026-10-05',
      { kind: 'decision', daysLeft: 13, overdue: false },
    ],
    ['003 七 最后一天：还剩0个工作日', p5, accepted, '2026-10-23', { daysLeft: 0, overdue: false }],
    [
      '003 七 逾期2个工作日',
      p5, accepted, '2026-10-27',
      { daysLeft: -2, overdue: true, label: '已逾期2个工作日（应于2026年10月23日前决定）' },
    ],
    [
      '004 第十四条 公示中',
      p6, inPublicity, '2026-03-05',
      { kind: 'publicity', due: '2026-03-08', unit: 'calendar-days', daysLeft: 3, overdue: false, label: '公示中，还剩3天（2026年03月08日止）' },
    ],
    ['004 第十四条 公示期满', p6, inPublicity, '2026-03-09', { overdue: true, label: '公示期已满（2026年03月08日止）' }],
    ['no clock in this state', p6, app('applied'), '2026-03-09', undefined],
  ])('%s', (_rule, definition, application, today, expected) => {
    const shown = expectOk(queueDeadline(definition, application, today, cal));
    if (expected === undefined) expect(shown).toBeUndefined();
    else expect(shown).toMatchObject(expected);
  });

  it('a deadline reaching into a year not entered is shown provisional (weekends only), never hidden', () => {
    // 003 七: accepted Friday 2026-12-18; 15 working days with 2027 unknown: 12-21..25, 12-28..31,
    // 2027-01-01 (元旦 not yet entered, counted), 01-04..08 → 2027-01-08.
    const late = app('accepted', [['received', 'accepted', '2026-12-18']]);
    expect(expectOk(queueDeadline(p5, late, '2026-12-21', cal))).toMatchObject({
      kind: 'decision',
      due: '2027-01-08',
      daysLeft: 14,
      provisionalYears: [2027],
      label: '还剩14个工作日（2027年01月08日前决定）（暂定：缺少2027年工作日历，仅按周末计算）',
    });
  });

  it('the publicity guard still refuses on a missing year: no decision is taken on a provisional date', () => {
    const onPublicity = app('publicity', [['awaiting-evaluation', 'publicity', '2030-03-01']]);
    expect(expectFail(publicityEnds(p1, onPublicity, cal), 'calendar.missing-year')).toMatch(/缺少2030年工作日历/);
  });
});

describe('state sets read off a definition once', () => {
  it('a definition copy with different states is read afresh', () => {
    const onPublicity = app('publicity', [['awaiting-evaluation', 'publicity', '2026-03-02']]);
    expect(expectOk(publicityEnds(p1, onPublicity, cal))).toBeDefined();
    // The same definition with the publicity state renamed: its sets must not come from p1's.
    const renamed = { ...p1, states: p1.states.map((s) => (s.id === 'publicity' ? { ...s, queue: 'decision' as const } : s)) };
    expect(expectOk(publicityEnds(renamed, onPublicity, cal))).toBeUndefined();
    expect(expectOk(publicityEnds(p1, onPublicity, cal))).toBeDefined();
  });

  it('a waiting state after the clock started stops it, wherever it is in the history', () => {
    const steps: [string, string, string][] = [
      ['received', 'accepted', '2026-09-28'],
      ['accepted', 'returned', '2026-09-30'],
      ['returned', 'accepted', '2026-10-09'],
    ];
    expect(expectOk(decisionDue(p5, app('accepted', steps), cal))).toBe(expectOk(registrationDecisionDeadline('2026-10-09', cal)));
    expect(expectOk(decisionDue(p5, app('accepted', [...steps, ['accepted', 'returned', '2026-10-10']]), cal))).toBeUndefined();
  });
});
