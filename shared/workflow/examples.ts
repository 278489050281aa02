/**
 * Example definitions, read straight from the seeds, for tests and as a model for pack authors.
 * The program packs own the real ones; where a number here is not in the seed it says so.
 */
import { RK_DECISION_WORKING_DAYS } from '../rules/validity';
import { defineWorkflow } from './definition';

/** P1 信息系统集成实施工程经理评价 (000), from intake to certificate. */
export const p1EvaluationWorkflow = defineWorkflow({
  id: 'xj-isi-pm.evaluation',
  name: { zh: '信息系统集成实施工程经理评价', en: 'Implementation engineering manager evaluation' },
  states: [
    { id: 'received', name: { zh: '已收件，待审核', en: 'Received' }, kind: 'initial', queue: 'intake-review' },
    { id: 'returned', name: { zh: '已退回，待补正', en: 'Returned for correction' }, kind: 'waiting', queue: 'returned' },
    { id: 'awaiting-evaluation', name: { zh: '待评价', en: 'Awaiting evaluation' }, kind: 'active', queue: 'panel' },
    { id: 'publicity', name: { zh: '结果公示中', en: 'Results on publicity' }, kind: 'waiting', queue: 'publicity' },
    { id: 'decision', name: { zh: '待决定', en: 'Awaiting decision' }, kind: 'active', queue: 'decision' },
    { id: 'issue', name: { zh: '待发证', en: 'Certificate to issue' }, kind: 'active', queue: 'issue' },
    { id: 'certified', name: { zh: '已发证', en: 'Certified' }, kind: 'final' },
    { id: 'refused', name: { zh: '未通过评价', en: 'Not passed' }, kind: 'final' },
  ],
  transitions: [
    {
      // 000 第十一条: 完整性、真实性审核，通过后进入待评价环节.
      id: 'pass-intake',
      from: 'received',
      to: 'awaiting-evaluation',
      label: { zh: '审核通过，进入待评价', en: 'Pass intake review' },
      roles: ['clerk', 'admin'],
      guards: [{ kind: 'checklist-complete' }, { kind: 'no-rejected-materials' }],
      records: [],
    },
    {
      // 000 第十一条: 若不通过，则退回提交单位或个人 — to whom, and why.
      id: 'return',
      from: 'received',
      to: 'returned',
      label: { zh: '退回补正', en: 'Return for correction' },
      roles: ['clerk', 'admin'],
      guards: [],
      records: ['reason', 'returnTo'],
    },
    {
      id: 'resubmit',
      from: 'returned',
      to: 'received',
      label: { zh: '补正后重新提交', en: 'Resubmitted after correction' },
      roles: ['clerk', 'admin'],
      guards: [],
      records: [],
    },
    {
      // 000 第十二条 names no panel size; one recorded evaluation is this example's minimum.
      // Scores follow 第九条's indicators (知识, 技能, 经验).
      id: 'evaluate',
      from: 'awaiting-evaluation',
      to: 'publicity',
      label: { zh: '完成评价，公布结果', en: 'Evaluation done, publish results' },
      roles: ['reviewer'],
      guards: [{ kind: 'all-reviews-done', stage: 'awaiting-evaluation', count: 1 }],
      records: ['scores', 'opinion'],
    },
    {
      id: 'end-publicity',
      from: 'publicity',
      to: 'decision',
      label: { zh: '公示期满，提交决定', en: 'Publicity over' },
      roles: ['clerk', 'admin'],
      guards: [{ kind: 'publicity-over' }, { kind: 'no-open-objection' }],
      records: [],
    },
    {
      id: 'approve',
      from: 'decision',
      to: 'issue',
      label: { zh: '决定通过', en: 'Approve' },
      roles: ['admin'],
      guards: [],
      records: ['decision'],
    },
    {
      id: 'refuse',
      from: 'decision',
      to: 'refused',
      label: { zh: '决定不通过', en: 'Refuse' },
      roles: ['admin'],
      guards: [],
      records: ['decision', 'reason'],
    },
    {
      // 000 第十四条: 颁发《信息系统集成实施工程经理评价证书》.
      id: 'issue-certificate',
      from: 'issue',
      to: 'certified',
      label: { zh: '发证', en: 'Issue certificate' },
      roles: ['clerk', 'admin'],
      guards: [],
      records: [],
    },
  ],
  // Not from 000 (第十二条 only says 评价结束后公布结果): 5 working days is this example's
  // office setting, after 002 正文三（三）公示不少于5个工作日; a pack must confirm its own.
  publicity: { length: 5, unit: 'working-days' },
});

/** P5 计算机技术与软件专业技术资格（水平）证书登记 (003). */
export const p5RegistrationWorkflow = defineWorkflow({
  id: 'rk-registration.registration',
  name: { zh: '计算机技术与软件专业技术资格（水平）证书登记', en: 'Certificate registration' },
  states: [
    { id: 'received', name: { zh: '已收件，待受理', en: 'Received' }, kind: 'initial', queue: 'intake-review' },
    { id: 'returned', name: { zh: '已退回，待补正', en: 'Returned for correction' }, kind: 'waiting', queue: 'returned' },
    { id: 'accepted', name: { zh: '已受理，审查中', en: 'Accepted, under review' }, kind: 'active', queue: 'decision' },
    { id: 'registered', name: { zh: '已登记', en: 'Registered' }, kind: 'final' },
    { id: 'refused', name: { zh: '不予登记', en: 'Refused' }, kind: 'final' },
  ],
  transitions: [
    {
      // 003 三: 在有效期满前三个月内办理登记; 六: 证书、身份证明、登记申请表、继续教育证明.
      id: 'accept',
      from: 'received',
      to: 'accepted',
      label: { zh: '受理', en: 'Accept' },
      roles: ['clerk', 'admin'],
      guards: [
        { kind: 'checklist-complete' },
        { kind: 'no-rejected-materials' },
        { kind: 'within-window', window: 'registration' },
      ],
      records: [],
    },
    {
      id: 'return',
      from: 'received',
      to: 'returned',
      label: { zh: '退回补正', en: 'Return for correction' },
      roles: ['clerk', 'admin'],
      guards: [],
      records: ['reason'],
    },
    {
      id: 'resubmit',
      from: 'returned',
      to: 'received',
      label: { zh: '补正后重新提交', en: 'Resubmitted after correction' },
      roles: ['clerk', 'admin'],
      guards: [],
      records: [],
    },
    {
      // 003 四: 登记条件; 七: 审查意见 and the registration seal and date.
      id: 'register',
      from: 'accepted',
      to: 'registered',
      label: { zh: '准予登记', en: 'Register' },
      roles: ['reviewer', 'admin'],
      guards: [{ kind: 'eligibility-met' }],
      records: ['opinion'],
    },
    {
      id: 'refuse',
      from: 'accepted',
      to: 'refused',
      label: { zh: '不予登记', en: 'Refuse' },
      roles: ['reviewer', 'admin'],
      guards: [],
      records: ['opinion', 'reason'],
    },
  ],
  // 003 七: 证书登记实施机构应在受理登记申请后15个工作日内作出审查意见.
  decisionDeadline: { length: RK_DECISION_WORKING_DAYS, unit: 'working-days', from: 'accepted' },
});

/** P6 信息化工程与技术服务能力评价 (004 第十四条 评价程序). */
export const p6IetsWorkflow = defineWorkflow({
  id: 'iets.evaluation',
  name: { zh: '信息化工程与技术服务能力评价', en: 'IETS capability evaluation' },
  states: [
    { id: 'applied', name: { zh: '已申请，待受理', en: 'Applied' }, kind: 'initial', queue: 'intake-review' },
    { id: 'returned', name: { zh: '已退回，待补正', en: 'Returned for correction' }, kind: 'waiting', queue: 'returned' },
    { id: 'agency-review', name: { zh: '文件资料审核和现场审核', en: 'Document and on-site review' }, kind: 'active', queue: 'panel' },
    { id: 'expert-review', name: { zh: '专家评审', en: 'Expert review' }, kind: 'active', queue: 'panel' },
    { id: 'publicity', name: { zh: '评审结果公示中', en: 'Results on publicity' }, kind: 'waiting', queue: 'publicity' },
    { id: 'issue', name: { zh: '待发证', en: 'Certificate to issue' }, kind: 'active', queue: 'issue' },
    { id: 'certified', name: { zh: '已发证', en: 'Certified' }, kind: 'final' },
    { id: 'not-passed', name: { zh: '未通过评价', en: 'Not passed' }, kind: 'final' },
  ],
  transitions: [
    {
      // 004 第十三条: 申请条件; 第十四条（二）: 评价机构受理申请.
      id: 'accept',
      from: 'applied',
      to: 'agency-review',
      label: { zh: '受理', en: 'Accept' },
      roles: ['clerk', 'admin'],
      guards: [{ kind: 'checklist-complete' }, { kind: 'no-rejected-materials' }, { kind: 'eligibility-met' }],
      records: [],
    },
    {
      id: 'return',
      from: 'applied',
      to: 'returned',
      label: { zh: '退回补正', en: 'Return for correction' },
      roles: ['clerk', 'admin'],
      guards: [],
      records: ['reason'],
    },
    {
      id: 'resubmit',
      from: 'returned',
      to: 'applied',
      label: { zh: '补正后重新提交', en: 'Resubmitted after correction' },
      roles: ['clerk', 'admin'],
      guards: [],
      records: [],
    },
    {
      // 004 第十四条（二）: 文件资料审核和现场审核 — two reviews — then 评价报告和推荐意见.
      id: 'submit-report',
      from: 'agency-review',
      to: 'expert-review',
      label: { zh: '出具评价报告和推荐意见', en: 'Submit evaluation report' },
      roles: ['reviewer'],
      guards: [{ kind: 'all-reviews-done', stage: 'agency-review', count: 2 }],
      records: ['opinion'],
    },
    {
      // 004 第十四条（三）: 评价中心组织专家评审确认评价结果; the panel size is not in 004.
      id: 'confirm',
      from: 'expert-review',
      to: 'publicity',
      label: { zh: '专家评审确认，进入公示', en: 'Experts confirm, publish' },
      roles: ['reviewer'],
      guards: [{ kind: 'all-reviews-done', stage: 'expert-review', count: 1 }],
      records: ['scores', 'opinion'],
    },
    {
      id: 'fail',
      from: ['agency-review', 'expert-review'],
      to: 'not-passed',
      label: { zh: '评价不通过', en: 'Not passed' },
      roles: ['reviewer'],
      guards: [],
      records: ['reason'],
    },
    {
      // 004 第十四条（四）: 对公示无异议的颁发证书.
      id: 'end-publicity',
      from: 'publicity',
      to: 'issue',
      label: { zh: '公示无异议，准予发证', en: 'Publicity over, no objection' },
      roles: ['clerk', 'admin'],
      guards: [{ kind: 'publicity-over' }, { kind: 'no-open-objection' }],
      records: [],
    },
    {
      id: 'objection-upheld',
      from: 'publicity',
      to: 'not-passed',
      label: { zh: '异议成立，不予发证', en: 'Objection upheld' },
      roles: ['admin'],
      guards: [],
      records: ['reason'],
    },
    {
      id: 'issue-certificate',
      from: 'issue',
      to: 'certified',
      label: { zh: '发证', en: 'Issue certificate' },
      roles: ['clerk', 'admin'],
      guards: [],
      records: [],
    },
  ],
  // 004 第十四条（四）: 公示期7天 — 天, not 工作日, so calendar days.
  publicity: { length: 7, unit: 'calendar-days' },
});
