import { describe, expect, it } from 'vitest';
import { windowBeforeExpiry } from '../../../shared/rules/validity';
import type { WorkflowFacts } from '../../../shared/workflow/context';
import { defineWorkflow, type WorkflowDefinition, type WorkflowRole } from '../../../shared/workflow/definition';
import { allowedTransitions, applyFire, fire, type FireInput } from '../../../shared/workflow/engine';
import { p1EvaluationWorkflow as p1, p5RegistrationWorkflow as p5, p6IetsWorkflow as p6 } from '../../../shared/workflow/examples';
import { recordOpinion, startRouting, type RoutingChainState } from '../../../shared/workflow/routing';
import { expectFail, expectOk } from '../rules/expect-result';
import { app, cal, completeChecklist, context } from './fixtures';

const ready: WorkflowFacts = { checklist: completeChecklist };

describe('allowedTransitions offers exactly the transitions the role may fire from the current state', () => {
  it.each<[string, string, WorkflowRole, string[]]>([
    ['000 第十一条 收件后经办人审查：通过或退回', 'received', 'clerk', ['pass-intake', 'return']],
    ['000 第十一条 评审人员不做收件审查', 'received', 'reviewer', []],
    ['000 第十二条 评价由评审人员完成', 'awaiting-evaluation', 'reviewer', ['evaluate']],
    ['000 第十二条 经办人不能评价', 'awaiting-evaluation', 'clerk', []],
    ['000 第十二条 管理员也不能代替评审人员评价', 'awaiting-evaluation', 'admin', []],
    ['000 第十二条 公示期满由经办人提交决定', 'publicity', 'clerk', ['end-publicity']],
    ['决定由管理员作出', 'decision', 'admin', ['approve', 'refuse']],
    ['经办人不能作决定', 'decision', 'clerk', []],
    ['000 第十四条 待发证由经办人发证', 'issue', 'clerk', ['issue-certificate']],
    ['已发证为终止状态', 'certified', 'admin', []],
  ])('%s (%s, %s)', (_rule, state, role, expected) => {
    const options = allowedTransitions(p1, app(state), context(role, '2026-03-02', ready));
    expect(options.map((o) => o.transition.id)).toEqual(expected);
  });
});

describe('allowedTransitions shows why a transition is disabled', () => {
  it.each<[string, WorkflowFacts, boolean, RegExp | undefined]>([
    ['000 第十一条 材料齐全、无退件 → 可通过', ready, true, undefined],
    ['000 第十条 材料未登记 → 不能通过', {}, false, /尚未登记材料收件情况/],
    [
      '000 第十条 缺少必备材料 → 列出缺什么',
      { checklist: { missing: ['社保缴纳证明'], originalsUnverified: ['学历证书'], copiesShort: [] } },
      false,
      /材料不齐全：缺少社保缴纳证明；学历证书尚未核对原件/,
    ],
    [
      '000 第十一条 真实性审核不通过的材料 → 列出理由',
      { ...ready, rejectedMaterials: [{ name: '培训合格证', reason: '证书编号无法查验' }] },
      false,
      /培训合格证（证书编号无法查验）/,
    ],
  ])('%s', (_rule, facts, allowed, message) => {
    const options = allowedTransitions(p1, app('received'), context('clerk', '2026-03-02', facts));
    const pass = options.find((o) => o.transition.id === 'pass-intake');
    expect(pass?.allowed).toBe(allowed);
    if (message) expect(pass?.blockedBy.map((b) => b.message).join('')).toMatch(message);
    else expect(pass?.blockedBy).toEqual([]);
    // Returning is always possible: it is how an incomplete file goes back (000 第十一条).
    expect(options.find((o) => o.transition.id === 'return')?.allowed).toBe(true);
  });
});

describe('fire refuses with a Chinese message', () => {
  const returnInput: FireInput = { role: 'clerk', today: '2026-03-02', returnTo: '提交单位' };
  it.each<[string, WorkflowDefinition, string, string, FireInput, WorkflowFacts, string, RegExp]>([
    [
      '000 第十二条 经办人不能执行评审人员的“完成评价”',
      p1, 'awaiting-evaluation', 'evaluate',
      { role: 'clerk', today: '2026-03-02', opinion: '通过', scores: { 知识: 30 } },
      { reviewsDone: { 'awaiting-evaluation': 1 } },
      'workflow.role', /只能由评审人员办理，经办人无权执行/,
    ],
    ['000 第十一条 退回必须写明理由', p1, 'received', 'return', returnInput, {}, 'workflow.record-missing', /“退回补正”必须填写理由/],
    [
      '000 第十一条 只写空格不算理由',
      p1, 'received', 'return', { ...returnInput, reason: '  　' }, {},
      'workflow.record-missing', /必须填写理由/,
    ],
    [
      '000 第十一条 退回还须写明退回单位或个人',
      p1, 'received', 'return', { role: 'clerk', today: '2026-03-02', reason: '缺社保证明' }, {},
      'workflow.record-missing', /必须填写退回对象/,
    ],
    [
      '000 第十一条 材料不齐不能审核通过',
      p1, 'received', 'pass-intake', { role: 'clerk', today: '2026-03-02' },
      { checklist: { ...completeChecklist, missing: ['项目参与履历'] } },
      'workflow.guard', /暂不能“审核通过，进入待评价”：材料不齐全：缺少项目参与履历/,
    ],
    ['不在起始状态的操作', p1, 'publicity', 'approve', { role: 'admin', today: '2026-03-02', decision: '通过' }, {}, 'workflow.wrong-state', /申请当前为“结果公示中”，不能执行“决定通过”/],
    ['未知的操作', p1, 'received', 'teleport', { role: 'admin', today: '2026-03-02' }, {}, 'workflow.unknown-transition', /没有“teleport”这一操作/],
    ['日期格式错误', p1, 'received', 'resubmit', { role: 'clerk', today: '2026/03/02' }, {}, 'date.format', /格式不对/],
    [
      '000 第九条 评价须记录评分',
      p1, 'awaiting-evaluation', 'evaluate', { role: 'reviewer', today: '2026-03-02', opinion: '合格' },
      { reviewsDone: { 'awaiting-evaluation': 1 } },
      'workflow.record-missing', /必须填写评分/,
    ],
    [
      '004 第十四条（二）文件审核和现场审核两份意见齐全才能出具评价报告',
      p6, 'agency-review', 'submit-report', { role: 'reviewer', today: '2026-03-02', opinion: '推荐' },
      { reviewsDone: { 'agency-review': 1 } },
      'workflow.guard', /文件资料审核和现场审核需要2份评审意见，目前已有1份/,
    ],
  ])('%s', (_rule, definition, state, transitionId, input, facts, code, message) => {
    const result = fire(definition, app(state), transitionId, input, { calendar: cal, facts });
    expect(expectFail(result, code)).toMatch(message);
  });
});

describe('fire records what was done', () => {
  it('000 第十一条 退回 keeps the reason and to whom, trimmed', () => {
    const result = expectOk(
      fire(
        p1,
        app('received'),
        'return',
        { role: 'clerk', today: '2026-03-02', reason: ' 缺少社保缴纳证明 ', returnTo: '提交单位' },
        { calendar: cal, facts: {} },
      ),
    );
    expect(result).toEqual({
      state: 'returned',
      historyEntry: {
        transitionId: 'return',
        from: 'received',
        to: 'returned',
        at: '2026-03-02',
        role: 'clerk',
        reason: '缺少社保缴纳证明',
        returnTo: '提交单位',
      },
    });
  });

  it('004 第十四条 walks from application to certificate, each step in the history', () => {
    const steps: [string, FireInput, WorkflowFacts][] = [
      ['return', { role: 'clerk', today: '2026-03-02', reason: '营业执照复印件不清晰' }, {}],
      ['resubmit', { role: 'clerk', today: '2026-03-05' }, {}],
      ['accept', { role: 'clerk', today: '2026-03-06' }, { ...ready, eligibility: { met: true } }],
      ['submit-report', { role: 'reviewer', today: '2026-03-20', opinion: '建议评为IETS-3' }, { reviewsDone: { 'agency-review': 2 } }],
      ['confirm', { role: 'reviewer', today: '2026-04-01', opinion: '确认', scores: { 基本能力: 80 } }, { reviewsDone: { 'expert-review': 1 } }],
      // 004 第十四条（四）公示期7天: posted 04-01, the 7th day is 04-07, so 04-08 is the first free day.
      ['end-publicity', { role: 'clerk', today: '2026-04-08' }, {}],
      ['issue-certificate', { role: 'clerk', today: '2026-04-09' }, {}],
    ];
    let current = app('applied');
    for (const [id, input, facts] of steps) {
      current = applyFire(current, expectOk(fire(p6, current, id, input, { calendar: cal, facts })));
    }
    expect(current.state).toBe('certified');
    expect(current.history.map((h) => `${h.from}→${h.to}`)).toEqual([
      'applied→returned',
      'returned→applied',
      'applied→agency-review',
      'agency-review→expert-review',
      'expert-review→publicity',
      'publicity→issue',
      'issue→certified',
    ]);
  });
});

describe('publicity-over guard: false through the last day, true after it', () => {
  // P1's example period is 5 working days; posted Tuesday 2026-09-29 the days are 09-29, 09-30,
  // (国庆节 10-01…10-07), 10-08, 10-09 and the 调休 Saturday 10-10.
  const p1InPublicity = app('publicity', [['awaiting-evaluation', 'publicity', '2026-09-29']]);
  // 004 第十四条（四）公示期7天, calendar days: posted 2026-03-02 → ends 2026-03-08.
  const p6InPublicity = app('publicity', [['expert-review', 'publicity', '2026-03-02']]);

  it.each<[string, WorkflowDefinition, typeof p1InPublicity, string, boolean]>([
    ['5个工作日 跨国庆 前一天 10-09', p1, p1InPublicity, '2026-10-09', false],
    ['5个工作日 跨国庆 最后一天 10-10（调休上班）', p1, p1InPublicity, '2026-10-10', false],
    ['5个工作日 跨国庆 期满次日 10-11', p1, p1InPublicity, '2026-10-11', true],
    ['004 第十四条 公示期7天 前一天 03-07', p6, p6InPublicity, '2026-03-07', false],
    ['004 第十四条 公示期7天 最后一天 03-08', p6, p6InPublicity, '2026-03-08', false],
    ['004 第十四条 公示期7天 期满次日 03-09', p6, p6InPublicity, '2026-03-09', true],
  ])('%s', (_rule, definition, application, today, allowed) => {
    const [end] = allowedTransitions(definition, application, context('clerk', today)).filter(
      (o) => o.transition.id === 'end-publicity',
    );
    expect(end?.allowed).toBe(allowed);
    if (!allowed) expect(end?.blockedBy[0]?.message).toMatch(/公示期至\d{4}年\d{2}月\d{2}日止，期满后才能办理/);
  });

  it('004 第十四条 对公示无异议的颁发证书: an open objection blocks even after the period', () => {
    const [end] = allowedTransitions(p6, p6InPublicity, context('clerk', '2026-03-09', { openObjections: 1 }));
    expect(end?.blockedBy.map((b) => b.message)).toEqual(['有1件异议尚未处理完毕。']);
  });

  it('the recorded posting date wins over the day the state was entered', () => {
    const facts = { publicityStartedOn: '2026-03-03' };
    const [end] = allowedTransitions(p6, p6InPublicity, context('clerk', '2026-03-09', facts));
    expect(end?.blockedBy[0]?.message).toMatch(/2026年03月09日止/);
  });

  it('a year missing from the calendar blocks with the calendar message, never a guess', () => {
    const late = app('publicity', [['awaiting-evaluation', 'publicity', '2030-03-01']]);
    const [end] = allowedTransitions(p1, late, context('clerk', '2030-04-01'));
    expect(end?.blockedBy[0]?.message).toMatch(/缺少2030年工作日历/);
  });
});

describe('within-window guard (003 三: 有效期满前三个月内办理登记)', () => {
  // Certificate expiring 2026-06-30: the window is 2026-03-30 … 2026-06-30.
  const window = { ...expectOk(windowBeforeExpiry('2026-06-30', 3)), name: '登记办理期' };
  it.each<[string, string, boolean, RegExp | undefined]>([
    ['窗口开始前一天', '2026-03-29', false, /登记办理期自2026年03月30日开始，目前尚未开始/],
    ['窗口第一天', '2026-03-30', true, undefined],
    ['有效期最后一天', '2026-06-30', true, undefined],
    ['期满后（逾期未办理登记的证书不再有效）', '2026-07-01', false, /登记办理期已于2026年06月30日结束/],
  ])('%s %s', (_rule, today, allowed, message) => {
    const facts = { ...ready, windows: { registration: window } };
    const [accept] = allowedTransitions(p5, app('received'), context('clerk', today, facts));
    expect(accept?.allowed).toBe(allowed);
    if (message) expect(accept?.blockedBy[0]?.message).toMatch(message);
  });

  it('an unknown window blocks: the expiry has not been checked', () => {
    const [accept] = allowedTransitions(p5, app('received'), context('clerk', '2026-04-01', ready));
    expect(accept?.blockedBy[0]?.message).toMatch(/无法确定办理期/);
  });
});

describe('eligibility-met guard (003 四: 申请证书登记的人员应具备的条件)', () => {
  it.each<[string, WorkflowFacts, RegExp | undefined]>([
    ['符合条件', { eligibility: { met: true } }, undefined],
    ['尚未审查', {}, /尚未审查申报条件/],
    ['单位考核不合格', { eligibility: { met: false, reasons: ['所在单位考核不合格'] } }, /不符合申报条件：所在单位考核不合格/],
  ])('%s', (_rule, facts, message) => {
    const [register] = allowedTransitions(p5, app('accepted'), context('reviewer', '2026-04-01', facts));
    expect(register?.transition.id).toBe('register');
    expect(register?.blockedBy[0]?.message).toEqual(message ? expect.stringMatching(message) : undefined);
  });
});

describe('routing-level-opinion guard and combinators (002 附件3)', () => {
  // The 高评委办公室 receives a file once the city level has passed it; any-of lets an office
  // also accept a file whose whole chain is complete.
  const p4 = defineWorkflow({
    id: 'zj-it-senior.review',
    name: { zh: '高级工程师任职资格评审', en: 'Senior engineer review' },
    states: [
      { id: 'routing', name: { zh: '逐级报送中', en: 'Being routed' }, kind: 'initial', queue: 'intake-review' },
      { id: 'received', name: { zh: '高评委办公室已收件', en: 'Received' }, kind: 'active', queue: 'panel' },
    ],
    transitions: [
      {
        id: 'receive',
        from: 'routing',
        to: 'received',
        label: { zh: '收件', en: 'Receive' },
        roles: ['clerk'],
        guards: [
          {
            kind: 'all-of',
            guards: [
              { kind: 'checklist-complete' },
              {
                kind: 'any-of',
                guards: [{ kind: 'routing-level-opinion', level: 'city-eit-or-hrss' }, { kind: 'routing-level-opinion' }],
              },
            ],
          },
        ],
        records: [],
      },
    ],
  });

  function routed(levels: number): RoutingChainState {
    const order = ['applicant', 'unit', 'county-eit', 'county-hrss', 'city-eit-or-hrss'] as const;
    let chain = startRouting('county');
    for (const level of order.slice(0, levels)) chain = expectOk(recordOpinion(chain, level, 'pass', '', '2026-09-01'));
    return chain;
  }

  it.each<[string, WorkflowFacts, RegExp | undefined]>([
    ['尚未开始报送', ready, /尚未开始逐级报送/],
    ['材料在县人力社保部门', { ...ready, routing: routed(3) }, /以下条件至少需满足一项：尚待市经信部门或人力社保部门签署审核通过意见（材料目前在县（市、区）人力社保部门）/],
    ['市级已审核通过', { ...ready, routing: routed(5) }, undefined],
    ['市级通过但材料不齐', { routing: routed(5) }, /尚未登记材料收件情况/],
  ])('%s', (_rule, facts, message) => {
    const [receive] = allowedTransitions(p4, app('routing'), context('clerk', '2026-09-10', facts));
    expect(receive?.allowed).toBe(message === undefined);
    if (message) expect(receive?.blockedBy.map((b) => b.message).join('')).toMatch(message);
  });
});
