/**
 * The two organisation programs from paper to certificate, through the generic engine and the
 * packs' workflows: P3 年检 (001 （二）6–9, 温馨提示 11) and P6 IETS (004 办法 第十一至十五条).
 */
import { describe, expect, it } from 'vitest';
import { certificateGrading, filingOutcome } from '../../../shared/documents/org-rosters';
import { certificateValidity } from '../../../shared/documents/certificate-dates';
import { certificateTemplate } from '../../../shared/documents/templates';
import { reviewsDoneOf } from '../../../shared/engine/agencies';
import type { MaterialInput } from '../../../shared/engine/checklist';
import { evaluateApplication, type ApplicationInput } from '../../../shared/engine/evaluate';
import { validateFields } from '../../../shared/engine/fields';
import { keyDateDeadlines } from '../../../shared/engine/key-dates';
import { materialsFromUploads } from '../../../shared/engine/uploads';
import type { ProgramPack } from '../../../shared/programs/schema';
import type { WorkflowHistoryEntry } from '../../../shared/workflow/context';
import { grantsCertificate, type WorkflowRole } from '../../../shared/workflow/definition';
import { applyFire, fire } from '../../../shared/workflow/engine';
import { reviewRounds } from '../../../shared/workflow/rounds';
import { expectFail, expectOk } from '../rules/expect-result';
import { p3, p3Fields, p6 } from '../engine/org-fixtures';
import { cal } from './fixtures';

type App = Omit<ApplicationInput, 'kind'> & { readonly kind: ApplicationInput['kind'] };

function evaluate(pack: ProgramPack, app: App, role: WorkflowRole, today: string) {
  return evaluateApplication(pack, app, { today, calendar: cal, role });
}

/** Fires a transition as the screen would: the engine's facts from evaluateApplication, then fire. */
function step(pack: ProgramPack, app: App, id: string, role: WorkflowRole, today: string, records: { reason?: string; opinion?: string; scores?: Record<string, number> } = {}): App {
  const e = evaluate(pack, app, role, today);
  const definition = pack.workflows[app.kind]!;
  const result = expectOk(fire(definition, app, id, { role, today, ...records }, { calendar: cal, facts: e.facts }));
  const next = applyFire(app, result);
  return { ...app, state: next.state, history: next.history };
}

function blocked(pack: ProgramPack, app: App, id: string, role: WorkflowRole, today: string): string[] {
  const option = evaluate(pack, app, role, today).transitions.find((t) => t.transition.id === id);
  return option?.blockedBy.map((b) => b.message) ?? ['(not offered)'];
}

describe('P3 年检 (001): 提交审核 → 驳回 → 修改后重新提交 → 通过 → 盖章版 → 换证', () => {
  const uploads = [
    { itemId: 'business-licence' },
    { itemId: 'financial-statements' },
    { itemId: 'financial-statements' },
    { itemId: 'financial-statements' },
    ...Array.from({ length: 10 }, (_, i) => ({ itemId: 'project-contracts', rowKey: `project-${i + 3}` })),
    { itemId: 'innovation-certificates', rowKey: 'inno-1' },
    { itemId: 'innovation-certificates', rowKey: 'inno-2' },
  ];
  const start: App = { kind: 'annual-review', state: 'filling', history: [], fields: p3Fields, materials: [] };

  it('（二）6 3) 4): the evaluation names each asked row still without its file (one certificate per innovation, the ten largest contracts)', () => {
    // Without attachments given, nothing is judged.
    expect(evaluate(p3, start, 'clerk', '2026-01-12').missingRowUploads).toEqual([]);
    // The first innovation's certificate missing, and the contract of project 3 (one of the ten largest).
    const some = uploads.filter((u) => !('rowKey' in u) || (u.rowKey !== 'inno-1' && u.rowKey !== 'project-3'));
    expect(evaluate(p3, { ...start, attachments: some }, 'clerk', '2026-01-12').missingRowUploads).toEqual([
      '“计算机信息系统集成项目汇总（2025 年度已完成项目）”第3行（项目3）尚未上传“系统集成项目合同（合同关键页+验收报告或部分汇款发票）”。',
      '“企业技术创新”第1行（数据中台软件著作权）尚未上传“技术创新对应证书（本年度新增）”。',
    ]);
    // Every asked row has its file: nothing missing (projects 1 and 2 are not among the ten largest).
    expect(evaluate(p3, { ...start, attachments: uploads }, 'clerk', '2026-01-12').missingRowUploads).toEqual([]);
  });

  it('（二）6–7: 提交审核 waits for the attachments', () => {
    expect(blocked(p3, start, 'submit', 'clerk', '2026-01-12')).toEqual([
      '材料不齐全：缺少营业执照、财务报表、系统集成项目合同（合同关键页+验收报告或部分汇款发票）、技术创新对应证书（本年度新增）。',
    ]);
    const twoStatements = materialsFromUploads(p3, 'annual-review', p3Fields, uploads.filter((_, i) => i !== 3));
    expect(blocked(p3, { ...start, materials: twoStatements }, 'submit', 'clerk', '2026-01-12')).toEqual(['材料不齐全：财务报表份数不足。']);
  });

  it('walks the whole round, keeping every review round', () => {
    const materials: MaterialInput[] = materialsFromUploads(p3, 'annual-review', p3Fields, uploads);
    let app: App = step(p3, { ...start, materials }, 'submit', 'clerk', '2026-01-12');
    expect(app.state).toBe('submitted');

    // （二）8: the office decides a working day later.
    expect(evaluate(p3, app, 'reviewer', '2026-01-12').deadline).toMatchObject({ kind: 'decision', due: '2026-01-13', label: '还剩1个工作日（2026年01月13日前决定）' });

    // 29 technical staff: a 乙 enterprise needs 30 (（二）1 1)), so 通过 is refused with the rule's reason.
    expect(blocked(p3, app, 'pass', 'reviewer', '2026-01-13')).toEqual(['不符合申报条件：技术人员总数 29 人，乙级要求不少于 30 人，差 1 人。']);
    expectFail(fire(p3.workflows['annual-review']!, app, 'reject', { role: 'reviewer', today: '2026-01-13' }, { calendar: cal, facts: {} }), 'workflow.record-missing');
    app = step(p3, app, 'reject', 'reviewer', '2026-01-13', { reason: '技术人员总数不足 30 人，请核对人员情况' });
    expect(app.state).toBe('rejected');
    expect(filingOutcome(p3.workflows['annual-review']!, app.state)).toBe('rejected');

    // Corrected and resubmitted: a fresh one-working-day clock.
    app = { ...app, fields: { ...p3Fields, technicalStaffTotal: 31 } };
    app = step(p3, app, 'resubmit', 'clerk', '2026-01-15');
    expect(evaluate(p3, app, 'reviewer', '2026-01-15').deadline?.due).toBe('2026-01-16');
    expect(filingOutcome(p3.workflows['annual-review']!, app.state)).toBe('pending');
    app = step(p3, app, 'pass', 'reviewer', '2026-01-19', { opinion: '符合乙级年检要求' });
    expect(app.state).toBe('awaiting-stamped');
    expect(filingOutcome(p3.workflows['annual-review']!, app.state)).toBe('passed');

    const rounds = expectOk(reviewRounds(p3.workflows['annual-review']!, app.history as WorkflowHistoryEntry[], '2026-01-19', cal));
    expect(rounds.map((r) => [r.number, r.submittedOn, r.due, r.decidedOn, r.outcome, r.reason ?? r.opinion, r.late])).toEqual([
      [1, '2026-01-12', '2026-01-13', '2026-01-13', 'returned', '技术人员总数不足 30 人，请核对人员情况', false],
      [2, '2026-01-15', '2026-01-16', '2026-01-19', 'passed', '符合乙级年检要求', true],
    ]);

    // 温馨提示 11: 换证 by 2026-04-30, counted while the stamped copy is awaited and after.
    expect(expectOk(keyDateDeadlines(p3, 'annual-review', 'awaiting-stamped', '2026-03-20')).map((d) => d.label)).toEqual(['换证截止 2026年04月30日，还剩41天']);
    expect(expectOk(keyDateDeadlines(p3, 'annual-review', 'submitted', '2026-03-20'))).toEqual([]);

    // （二）8 2): the stamped e-copy received and dated (the step's date).
    app = step(p3, app, 'stamped-received', 'clerk', '2026-03-20');
    expect(app.history.at(-1)).toMatchObject({ transitionId: 'stamped-received', at: '2026-03-20' });
    expect(app.state).toBe('to-exchange');
    expect(grantsCertificate(p3.workflows['annual-review']!, app.state)).toBe(true);
    expect(expectOk(keyDateDeadlines(p3, 'annual-review', 'to-exchange', '2026-05-02'))[0]).toMatchObject({ overdue: true, label: '换证截止 2026年04月30日，已逾期2天' });

    app = step(p3, app, 'exchange', 'clerk', '2026-04-20');
    expect(app.state).toBe('completed');
    expect(app.history.map((h) => h.transitionId)).toEqual(['submit', 'reject', 'resubmit', 'pass', 'stamped-received', 'exchange']);
  });

  it('the exchanged certificate carries the grade', () => {
    expect(certificateGrading(p3, p3Fields)).toEqual({ category: 'grade', level: '乙' });
  });
});

describe('P6 IETS (004): 受理 → 文件资料审核和现场审核 → 评价报告 → 专家评审 → 公示 7 天 → 证书 3 年', () => {
  const fields = {
    organisationName: '乌鲁木齐丝路信息工程有限公司',
    creditCode: '91350100M000100Y43',
    organisationType: '企业',
    evaluationCategory: 'iets',
    level: 'IETS-3',
    agencyName: '中技评（北京）评价有限公司',
    agencyScope: 'national',
    conditionRegistered: true,
    conditionGoodStanding: true,
    conditionEvidence: true,
  };
  const materials: MaterialInput[] = ['application', 'registration-proof', 'standard-evidence'].map((itemId) => ({ itemId, status: 'received', copiesReceived: 1 }));
  const start: App = { kind: 'new', state: 'received', history: [], fields, materials };

  it('第十一条、第十二条: a level for the graded evaluation, none for the next-generation one', () => {
    expect(validateFields(p6, 'new', { ...fields, level: undefined }, '2026-02-02').map((e) => e.message)).toEqual(['请填写“申请等级”。']);
    expect(validateFields(p6, 'new', { ...fields, evaluationCategory: 'nextgen', level: undefined }, '2026-02-02')).toEqual([]);
    expect(validateFields(p6, 'new', { ...fields, level: 'IETS-6' }, '2026-02-02').map((e) => e.message)).toEqual([
      '“申请等级”应为以下之一：IETS-4、IETS-3、IETS-2、IETS-1、IETS-E。',
    ]);
  });

  it('第十三条: 受理 waits until the office has checked the three basic conditions; 第十一条: only enterprises are graded', () => {
    const unchecked = { ...start, fields: { ...fields, conditionGoodStanding: false } };
    expect(blocked(p6, unchecked, 'accept', 'clerk', '2026-02-02')).toEqual([
      '不符合申报条件：尚未核实申请条件：社会信誉良好，近三年无违反国家法律法规的行为或严重失信行为。',
    ]);
    const association = { ...start, fields: { ...fields, organisationType: '社团' } };
    expect(evaluate(p6, association, 'clerk', '2026-02-02').eligibility.findings.find((f) => !f.met)?.message).toBe(
      '不符合申请条件：分级的能力评价（IETS-4 至 IETS-E）仅由企业申请；新一代信息技术应用与创新能力评价不划分等级。',
    );
    const nextgen = { ...association, fields: { ...association.fields, evaluationCategory: 'nextgen', level: undefined } };
    expect(blocked(p6, nextgen, 'accept', 'clerk', '2026-02-02')).toEqual([]);
  });

  it('walks the whole evaluation', () => {
    let app = step(p6, start, 'accept', 'clerk', '2026-02-02');
    expect(app.state).toBe('agency-review');

    // 第十四条（二）: both reviews, then the report and recommendation.
    const audits = [{ stage: 'agency-review', kind: 'documents' as const, passed: true }];
    expect(blocked(p6, { ...app, reviewsDone: reviewsDoneOf([], audits) }, 'submit-report', 'reviewer', '2026-02-10')).toEqual([
      '评价机构文件资料审核和现场审核需要2份评审意见，目前已有1份。',
    ]);
    app = { ...app, reviewsDone: reviewsDoneOf([], [...audits, { stage: 'agency-review', kind: 'on-site', passed: true }]) };
    app = step(p6, app, 'submit-report', 'reviewer', '2026-02-20', { opinion: '推荐评定为 IETS-3' });
    expect(app.state).toBe('expert-review');

    // 第十四条（三）: the centre's experts review; the step fires on their signed panel result.
    app = {
      ...app,
      panelResults: {
        'expert-review': {
          stage: 'expert-review',
          resultId: '01937b2c-9999-7000-8000-000000000006',
          sessionId: '01937b2c-cccc-7000-8000-000000000006',
          outcome: 'pass',
          recommendations: { recommend: 3, notRecommend: 0 },
          signedOffOn: '2026-03-02',
        },
      },
    };
    app = step(p6, app, 'confirm', 'reviewer', '2026-03-02');
    expect(app.state).toBe('publicity');

    // 第十四条（四）: 公示期 7 天 from 2026-03-02 ends on 2026-03-08.
    expect(evaluate(p6, app, 'clerk', '2026-03-05').deadline).toMatchObject({ kind: 'publicity', due: '2026-03-08' });
    expect(blocked(p6, app, 'end-publicity', 'clerk', '2026-03-08')).toEqual(['公示期至2026年03月08日止，期满后才能办理。']);
    expect(blocked(p6, { ...app, openObjections: 1 }, 'end-publicity', 'clerk', '2026-03-09')).toEqual(['有1件异议尚未处理完毕。']);
    app = step(p6, app, 'end-publicity', 'clerk', '2026-03-09');
    app = step(p6, app, 'issue-certificate', 'clerk', '2026-03-10');
    expect(app.state).toBe('certified');

    // 第十五条: valid 3 years, carrying the level.
    const template = certificateTemplate('iets-certificate')!;
    expect(expectOk(certificateValidity(template, { issuedOn: '2026-03-10' }))).toEqual({ validFrom: '2026-03-10', validUntil: '2029-03-09' });
    expect(certificateGrading(p6, fields)).toEqual({ category: 'iets', level: 'IETS-3' });
    expect(certificateGrading(p6, { ...fields, evaluationCategory: 'nextgen', level: undefined })).toEqual({ category: 'nextgen' });
  });

  it('第十四条（四）: an upheld objection ends it without a certificate', () => {
    const inPublicity: App = { ...start, state: 'publicity', history: [{ transitionId: 'confirm', from: 'expert-review', to: 'publicity', at: '2026-03-02', role: 'reviewer' }] };
    const after = step(p6, inPublicity, 'objection-upheld', 'admin', '2026-03-04', { reason: '近三年有严重失信行为' });
    expect(after.state).toBe('not-passed');
  });
});
