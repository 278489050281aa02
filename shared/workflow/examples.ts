/**
 * Example definitions, read straight from the seeds, for tests and as a model for pack authors,
 * written with the packs' own building blocks (programs/workflow-parts). The program packs own the
 * real ones; where a number here is not in the seed it says so.
 */
import { ADMIN, CLERK, REVIEWER, state, transition } from '../programs/workflow-parts';
import { RK_DECISION_WORKING_DAYS } from '../rules/validity';
import { defineWorkflow } from './definition';

/** P1 信息系统集成实施工程经理评价 (000), from intake to certificate. */
export const p1EvaluationWorkflow = defineWorkflow({
  id: 'xj-isi-pm.evaluation',
  name: { zh: '信息系统集成实施工程经理评价', en: 'Implementation engineering manager evaluation' },
  states: [
    state('received', '已收件，待审核', 'Received', 'initial', 'intake-review'),
    state('returned', '已退回，待补正', 'Returned for correction', 'waiting', 'returned'),
    state('awaiting-evaluation', '待评价', 'Awaiting evaluation', 'active', 'panel'),
    state('publicity', '结果公示中', 'Results on publicity', 'waiting', 'publicity'),
    state('decision', '待决定', 'Awaiting decision', 'active', 'decision'),
    state('issue', '待发证', 'Certificate to issue', 'active', 'issue'),
    state('certified', '已发证', 'Certified', 'final'),
    state('refused', '未通过评价', 'Not passed', 'final'),
  ],
  transitions: [
    // 000 第十一条: 完整性、真实性审核，通过后进入待评价环节.
    transition('pass-intake', 'received', 'awaiting-evaluation', ['审核通过，进入待评价', 'Pass intake review'], CLERK, [{ kind: 'checklist-complete' }, { kind: 'no-rejected-materials' }]),
    // 000 第十一条: 若不通过，则退回提交单位或个人 — to whom, and why.
    transition('return', 'received', 'returned', ['退回补正', 'Return for correction'], CLERK, [], ['reason', 'returnTo']),
    transition('resubmit', 'returned', 'received', ['补正后重新提交', 'Resubmitted after correction'], CLERK),
    // 000 第十二条 names no panel size; one recorded evaluation is this example's minimum.
    // Scores follow 第九条's indicators (知识, 技能, 经验).
    transition('evaluate', 'awaiting-evaluation', 'publicity', ['完成评价，公布结果', 'Evaluation done, publish results'], ['reviewer'], [{ kind: 'all-reviews-done', stage: 'awaiting-evaluation', count: 1 }], ['scores', 'opinion']),
    transition('end-publicity', 'publicity', 'decision', ['公示期满，提交决定', 'Publicity over'], CLERK, [{ kind: 'publicity-over' }, { kind: 'no-open-objection' }]),
    transition('approve', 'decision', 'issue', ['决定通过', 'Approve'], ADMIN, [], ['decision']),
    transition('refuse', 'decision', 'refused', ['决定不通过', 'Refuse'], ADMIN, [], ['decision', 'reason']),
    // 000 第十四条: 颁发《信息系统集成实施工程经理评价证书》.
    transition('issue-certificate', 'issue', 'certified', ['发证', 'Issue certificate'], CLERK),
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
    state('received', '已收件，待受理', 'Received', 'initial', 'intake-review'),
    state('returned', '已退回，待补正', 'Returned for correction', 'waiting', 'returned'),
    state('accepted', '已受理，审查中', 'Accepted, under review', 'active', 'decision'),
    state('registered', '已登记', 'Registered', 'final'),
    state('refused', '不予登记', 'Refused', 'final'),
  ],
  transitions: [
    // 003 三: 在有效期满前三个月内办理登记; 六: 证书、身份证明、登记申请表、继续教育证明.
    transition('accept', 'received', 'accepted', ['受理', 'Accept'], CLERK, [{ kind: 'checklist-complete' }, { kind: 'no-rejected-materials' }, { kind: 'within-window', window: 'registration' }]),
    transition('return', 'received', 'returned', ['退回补正', 'Return for correction'], CLERK, [], ['reason']),
    transition('resubmit', 'returned', 'received', ['补正后重新提交', 'Resubmitted after correction'], CLERK),
    // 003 四: 登记条件; 七: 审查意见 and the registration seal and date.
    transition('register', 'accepted', 'registered', ['准予登记', 'Register'], REVIEWER, [{ kind: 'eligibility-met' }], ['opinion']),
    transition('refuse', 'accepted', 'refused', ['不予登记', 'Refuse'], REVIEWER, [], ['opinion', 'reason']),
  ],
  // 003 七: 证书登记实施机构应在受理登记申请后15个工作日内作出审查意见.
  decisionDeadline: { length: RK_DECISION_WORKING_DAYS, unit: 'working-days', from: 'accepted' },
});

/** P6 信息化工程与技术服务能力评价 (004 第十四条 评价程序). */
export const p6IetsWorkflow = defineWorkflow({
  id: 'iets.evaluation',
  name: { zh: '信息化工程与技术服务能力评价', en: 'IETS capability evaluation' },
  states: [
    state('applied', '已申请，待受理', 'Applied', 'initial', 'intake-review'),
    state('returned', '已退回，待补正', 'Returned for correction', 'waiting', 'returned'),
    state('agency-review', '文件资料审核和现场审核', 'Document and on-site review', 'active', 'panel'),
    state('expert-review', '专家评审', 'Expert review', 'active', 'panel'),
    state('publicity', '评审结果公示中', 'Results on publicity', 'waiting', 'publicity'),
    state('issue', '待发证', 'Certificate to issue', 'active', 'issue'),
    state('certified', '已发证', 'Certified', 'final'),
    state('not-passed', '未通过评价', 'Not passed', 'final'),
  ],
  transitions: [
    // 004 第十三条: 申请条件; 第十四条（二）: 评价机构受理申请.
    transition('accept', 'applied', 'agency-review', ['受理', 'Accept'], CLERK, [{ kind: 'checklist-complete' }, { kind: 'no-rejected-materials' }, { kind: 'eligibility-met' }]),
    transition('return', 'applied', 'returned', ['退回补正', 'Return for correction'], CLERK, [], ['reason']),
    transition('resubmit', 'returned', 'applied', ['补正后重新提交', 'Resubmitted after correction'], CLERK),
    // 004 第十四条（二）: 文件资料审核和现场审核 — two reviews — then 评价报告和推荐意见.
    transition('submit-report', 'agency-review', 'expert-review', ['出具评价报告和推荐意见', 'Submit evaluation report'], ['reviewer'], [{ kind: 'all-reviews-done', stage: 'agency-review', count: 2 }], ['opinion']),
    // 004 第十四条（三）: 评价中心组织专家评审确认评价结果; the panel size is not in 004.
    transition('confirm', 'expert-review', 'publicity', ['专家评审确认，进入公示', 'Experts confirm, publish'], ['reviewer'], [{ kind: 'all-reviews-done', stage: 'expert-review', count: 1 }], ['scores', 'opinion']),
    transition('fail', ['agency-review', 'expert-review'], 'not-passed', ['评价不通过', 'Not passed'], ['reviewer'], [], ['reason']),
    // 004 第十四条（四）: 对公示无异议的颁发证书.
    transition('end-publicity', 'publicity', 'issue', ['公示无异议，准予发证', 'Publicity over, no objection'], CLERK, [{ kind: 'publicity-over' }, { kind: 'no-open-objection' }]),
    transition('objection-upheld', 'publicity', 'not-passed', ['异议成立，不予发证', 'Objection upheld'], ADMIN, [], ['reason']),
    transition('issue-certificate', 'issue', 'certified', ['发证', 'Issue certificate'], CLERK),
  ],
  // 004 第十四条（四）: 公示期7天 — 天, not 工作日, so calendar days.
  publicity: { length: 7, unit: 'calendar-days' },
});
