/**
 * Who may write a sheet (shared/panels/permissions). Issue 14: a clerk typed an expert's name and
 * silently replaced that expert's 建议不通过 / 50 分. Now: an expert scores under their own account
 * only; the office types a paper sheet only on behalf of a named member with no sheet of their
 * own, recorded as such; nobody overwrites another member's sheet; a recused expert has none.
 */
import { describe, expect, it } from 'vitest';
import { maySaveSheet, mayEditSession, mayOpenAs, mayRecordBallot, mayRecordRecusal, planSheetSave, type SheetSaveInput } from '../../../shared/panels';
import { expectFail, expectOk } from '../rules/expect-result';
import { actorOf, APP, at, CLERK, context, id, P4, QIAN, reviewSheet, SESSION, SUN, ZHAO, ballot } from './fixtures';
import { programId as pid } from '../typed-ids';

const ten = (v: number) =>
  Object.fromEntries(
    ['basic-knowledge', 'professional-knowledge', 'management-knowledge', 'related-knowledge', 'basic-skills', 'professional-skills', 'management-skills', 'soft-skills', 'professional-experience', 'project-experience'].map((k) => [k, v]),
  );
const save = (expertId: string, extra: Partial<SheetSaveInput> = {}): SheetSaveInput => ({
  application: { id: APP[0]! },
  stage: 'expert-review',
  expertId,
  input: { scores: ten(8), opinion: '基础扎实。', recommendation: 'recommend' },
  submit: true,
  at: at(30),
  ...extra,
});

describe('an expert, in their own account', () => {
  it('creates their own sheet, attributed to their expert record — never a typed name', () => {
    const plan = expectOk(planSheetSave(context(), actorOf('u-qian'), save(QIAN)));
    expect(plan).toEqual({
      kind: 'create',
      record: {
        sessionId: SESSION.id,
        applicationId: APP[0],
        stage: 'expert-review',
        expertId: QIAN,
        scoresTenths: ten(80),
        opinion: '基础扎实。',
        recommendation: 'recommend',
        status: 'submitted',
        submittedAt: at(30),
      },
    });
  });

  it('keeps a draft and changes it; once submitted the sheet is final', () => {
    const draft = reviewSheet(APP[0]!, QIAN, 60, 'recommend', { status: 'draft', submittedAt: undefined });
    const plan = expectOk(planSheetSave(context({ sheets: [draft] }), actorOf('u-qian'), save(QIAN)));
    expect(plan).toMatchObject({ kind: 'update', id: draft.id, changes: { status: 'submitted', submittedAt: at(30) } });
    const submitted = reviewSheet(APP[0]!, QIAN, 60, 'recommend');
    expect(expectFail(planSheetSave(context({ sheets: [submitted] }), actorOf('u-qian'), save(QIAN)), 'panel.sheet-submitted')).toBe('你的评分表已经提交，不能再修改。');
  });

  it('cannot write another member’s sheet, even one not yet begun', () => {
    expect(expectFail(maySaveSheet(context(), actorOf('u-qian'), APP[0]!, 'expert-review', ZHAO), 'panel.not-own-sheet')).toBe('只能填写本人的评分表。');
  });

  it('a recused expert has no sheet for that application', () => {
    expect(expectFail(planSheetSave(context(), actorOf('u-sun'), save(SUN, { application: { id: APP[3]! } })), 'panel.recused')).toContain('孙专家须回避这份申请');
  });

  it('an account with no expert record cannot score', () => {
    expect(expectFail(maySaveSheet(context(), actorOf('u-nobody'), APP[0]!, 'expert-review', QIAN), 'panel.no-expert')).toBe('你的账号没有关联评审专家，不能评分。');
  });

  it('a score above an item’s maximum is refused naming the item, and nothing is planned', () => {
    const bad = save(QIAN, { input: { scores: { ...ten(8), 'soft-skills': 12 }, opinion: '好', recommendation: 'recommend' } });
    expect(expectFail(planSheetSave(context(), actorOf('u-qian'), bad), 'panel.score-above-max')).toBe('第8项“软技能”得 12 分，超过该项满分 10 分。');
  });
});

describe('the office, typing a paper sheet', () => {
  it('only on behalf of a named member, recorded with who typed it', () => {
    const plan = expectOk(planSheetSave(context(), CLERK, save(ZHAO)));
    expect(plan.kind === 'create' && plan.record).toMatchObject({ expertId: ZHAO, enteredBy: 'u-clerk', onBehalfOf: ZHAO, status: 'submitted' });
  });

  it('issue 14: cannot create or change a sheet of a member who scored in their own account', () => {
    const own = reviewSheet(APP[0]!, QIAN, 50, 'not-recommend');
    expect(expectFail(planSheetSave(context({ sheets: [own] }), CLERK, save(QIAN)), 'panel.member-has-own-sheet')).toBe('钱专家已在本人账号下评分，不能代录或修改其评分表。');
    const draft = { ...own, status: 'draft' as const, submittedAt: undefined };
    expectFail(maySaveSheet(context({ sheets: [draft] }), CLERK, APP[0]!, 'expert-review', QIAN), 'panel.member-has-own-sheet');
  });

  it('a member’s own sheet is refused as theirs even once the result is signed (whose sheet comes first); a new paper sheet then is refused as signed', () => {
    const own = reviewSheet(APP[0]!, QIAN, 50, 'not-recommend');
    const results = [
      {
        id: id('9999', 1), sessionId: SESSION.id, applicationId: APP[0]!, stage: 'expert-review', outcome: 'pass' as const, computed: 'pass' as const, totals: [], flags: [], basis: [],
        signedOffBy: ZHAO, signedOffByUser: 'u-zhao', signedOffAt: at(50), signedOffOn: '2026-11-25',
        createdAt: at(50), createdBy: 'u-zhao', updatedAt: at(50), updatedBy: 'u-zhao',
      },
    ];
    expect(expectFail(maySaveSheet(context({ sheets: [own], results }), CLERK, APP[0]!, 'expert-review', QIAN), 'panel.member-has-own-sheet')).toBe('钱专家已在本人账号下评分，不能代录或修改其评分表。');
    expectFail(maySaveSheet(context({ sheets: [own], results }), CLERK, APP[0]!, 'expert-review', ZHAO), 'panel.signed-off');
  });

  it('the clerk who typed a paper sheet corrects it; another clerk cannot; nor can the member themself add one', () => {
    const paper = reviewSheet(APP[0]!, ZHAO, 70, 'recommend', { enteredBy: 'u-clerk', onBehalfOf: ZHAO });
    expect(expectOk(maySaveSheet(context({ sheets: [paper] }), CLERK, APP[0]!, 'expert-review', ZHAO))).toEqual({ mode: 'paper', existing: paper });
    expect(expectFail(maySaveSheet(context({ sheets: [paper] }), { userId: 'u-clerk-2', role: 'clerk' }, APP[0]!, 'expert-review', ZHAO), 'panel.not-entered-by-you')).toContain('只能由录入人更正');
    expectFail(maySaveSheet(context({ sheets: [paper] }), actorOf('u-zhao'), APP[0]!, 'expert-review', ZHAO), 'panel.paper-entered');
  });

  it('not for a recused member', () => {
    expectFail(maySaveSheet(context(), CLERK, APP[3]!, 'expert-review', SUN), 'panel.recused');
  });
});

describe('recusals, ballots, sessions, opening a file', () => {
  it('a manual recusal: by the expert themself, the chair or the office', () => {
    expectOk(mayRecordRecusal(context(), actorOf('u-qian'), QIAN, APP[1]!));
    expectOk(mayRecordRecusal(context(), actorOf('u-zhao'), QIAN, APP[1]!));
    expectOk(mayRecordRecusal(context(), CLERK, QIAN, APP[1]!));
    expect(expectFail(mayRecordRecusal(context(), actorOf('u-sun'), QIAN, APP[1]!), 'panel.not-allowed')).toContain('回避只能由专家本人申请');
  });

  it('a ballot only where the stage votes (P4), by the chair or the office', () => {
    expectFail(mayRecordBallot(context(), CLERK, APP[0]!, 'expert-review'), 'panel.no-ballot-rule');
    const p4 = context({ pack: P4, session: { ...SESSION, programId: pid('zj-it-senior'), stages: ['panel'] }, ballots: [ballot(APP[0]!, { issued: 3, agree: 3, disagree: 0, abstain: 0 }, SESSION.id)] });
    expectOk(mayRecordBallot(p4, CLERK, APP[0]!, 'panel'));
    expectOk(mayRecordBallot(p4, actorOf('u-zhao'), APP[0]!, 'panel'));
    expect(expectFail(mayRecordBallot(p4, actorOf('u-qian'), APP[0]!, 'panel'), 'panel.not-allowed')).toBe('计票结果只能由主任委员或办公室登记。');
  });

  it('sessions are the office’s; a recused expert cannot open the file, the office can', () => {
    expectOk(mayEditSession(CLERK));
    expectFail(mayEditSession(actorOf('u-zhao')), 'panel.not-allowed');
    expectFail(mayOpenAs(context(), actorOf('u-sun'), APP[3]!), 'panel.recused');
    expectOk(mayOpenAs(context(), CLERK, APP[3]!));
    expectFail(mayOpenAs(context(), actorOf('u-nobody'), APP[0]!), 'panel.not-member');
  });
});
