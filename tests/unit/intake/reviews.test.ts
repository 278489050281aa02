/**
 * 评审 (renderer/src/intake/reviews.ts) over the app's database: a P1 application waiting for its
 * evaluation (000 第十二条: 评价工作小组 evaluates the materials) is on the panel list; an expert's
 * review is checked (Chinese refusals change nothing), saved with its outbox operation and audit
 * entry, corrected by a second save of the same expert. The workflow's 完成专业评价 no longer
 * counts these reviews: it waits for the panel session's result signed by the chair (issue 14,
 * shared/panels). A P4 review is held to the 自评分表 items' points.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, repositories } from '../../../renderer/src/db';
import { shippedCalendar } from '../../../renderer/src/features/calendar/calendar';
import { evaluateFile, loadApplicationFile } from '../../../renderer/src/features/applications/file';
import { fireTransition } from '../../../renderer/src/features/workflow/fire';
import { loadPanel, ReviewError, saveReview } from '../../../renderer/src/features/panels/reviews';
import { sheetTotal } from '../../../shared/engine/review';
import { useSession } from '../../../renderer/src/stores/session';

const REVIEWER = { id: 'u-reviewer', username: 'wang', displayName: '王评审', role: 'reviewer' as const };
const ctx = async () => ({ userId: useSession.getState().user!.id, deviceId: 'dev-0001' });

async function application(programId: string, status: string, extra: Record<string, unknown> = {}) {
  const person = await repositories.people.create({ name: '张三丰', idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'female' } as never, await ctx());
  return repositories.applications.create(
    { programId, kind: 'new', applicationNo: `${programId}-0001`, personId: person.id, status, channel: 'individual', receivedDate: '2026-11-02', fields: {}, ...extra } as never,
    await ctx(),
  );
}

const review = (scores: Record<string, number | undefined>, reviewer = '王专家', outcome = '建议通过') => ({ reviewer, opinion: '专业知识扎实，项目经验丰富。', outcome, scores });

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  useSession.getState().signIn(REVIEWER);
  const user = await repositories.users.create({ username: REVIEWER.username, displayName: REVIEWER.displayName, role: 'reviewer' }, await ctx());
  useSession.getState().signIn({ ...REVIEWER, id: user.id });
});

describe('a P1 panel', () => {
  it('lists the application, saves and corrects a review; the evaluation waits for the signed panel result', async () => {
    const app = await application('xj-isi-pm', 'awaiting-evaluation');
    await application('xj-isi-pm', 'received');
    const [row, ...others] = await loadPanel(db);
    expect(others).toHaveLength(0);
    // The step counts no free reviews now: it waits for the panel session's signed result (issue 14).
    expect(row).toMatchObject({ applicant: '张三丰', stage: 'awaiting-evaluation', needed: undefined, reviews: [] });
    expect(row!.stageName?.zh).toBe('待评价');
    expect(row!.sheet.rows).toHaveLength(10);

    const evaluate = async () => evaluateFile((await loadApplicationFile(db, app.id))!, { today: '2026-11-22', calendar: shippedCalendar(), role: 'reviewer' })!.evaluation;
    const blocked = (await evaluate()).transitions.find((o) => o.transition.id === 'evaluate')!;
    expect(blocked.allowed).toBe(false);
    expect(blocked.blockedBy.map((b) => b.message).join('')).toBe('“待评价”阶段尚无经主任委员签署的评审会结果。');

    // A bad review: refused in Chinese, nothing written.
    const outboxBefore = await db.outbox.count();
    await expect(saveReview(app.id, { ...review({ 'basic-knowledge': -2 }), opinion: ' ' })).rejects.toThrow(ReviewError);
    await expect(saveReview(app.id, { ...review({ 'basic-knowledge': -2 }), opinion: ' ' })).rejects.toThrow(/请填写评审意见[\s\S]*第1项“基础知识”的得分应为不小于 0 的数/);
    expect(await db.reviews.count()).toBe(0);
    expect(await db.outbox.count()).toBe(outboxBefore);

    const saved = await saveReview(app.id, review({ 'basic-knowledge': 8, 'project-experience': 9.5 }));
    expect(saved).toMatchObject({ applicationId: app.id, stage: 'awaiting-evaluation', reviewer: '王专家', outcome: '建议通过' });
    expect(sheetTotal(row!.sheet, saved.scores).total).toBe(17.5);
    expect(await db.outbox.where('table').equals('reviews').count()).toBe(1);
    const audit = await db.auditLog.where('[table+recordId]').equals(['reviews', saved.id]).toArray();
    expect(audit[0]).toMatchObject({ userId: useSession.getState().user!.id, reason: '评审' });

    // The same expert saves again: the review is corrected, not doubled.
    const corrected = await saveReview(app.id, review({ 'basic-knowledge': 9 }, ' 王专家 '));
    expect(corrected.id).toBe(saved.id);
    expect(corrected.scores).toEqual({ 'basic-knowledge': 9 });
    expect(await db.reviews.count()).toBe(1);

    // A review on its own does not move the file (issue 14: a free 总分 passed it): the step
    // fires only on the session's result signed by the chair (shared/panels), which it carries.
    const still = (await evaluate()).transitions.find((o) => o.transition.id === 'evaluate')!;
    expect(still.allowed).toBe(false);
    await expect(fireTransition(app.id, 'evaluate', { opinion: '评价完成', scores: { 总分: 9 } }, { role: 'reviewer', today: '2026-11-22' })).rejects.toThrow(
      '尚无经主任委员签署的评审会结果',
    );
    // Off the panel (moved on by its result), a late review is refused.
    await repositories.applications.update(app.id, { status: 'decision' }, await ctx());
    expect(await loadPanel(db)).toHaveLength(0);
    await expect(saveReview(app.id, review({}, '李专家'))).rejects.toThrow('这份申请当前不在评审阶段');
  });
});

describe('a P4 panel (002 二, 四(二))', () => {
  it('scores within each item’s points; an item without proof only 0; the total against 80', async () => {
    const app = await application('zj-it-senior', 'panel', {
      selfScore: {
        items: [
          { id: 'edu', name: '学历', maxScore: 20, claimed: 20, hasEvidence: true },
          { id: 'work', name: '业绩', maxScore: 70, claimed: 65, hasEvidence: true },
          { id: 'paper', name: '论文', maxScore: 10, claimed: 10, hasEvidence: false },
        ],
      },
    });
    const [row] = await loadPanel(db);
    expect(row!.sheet.passScore).toBe(80);
    await expect(saveReview(app.id, review({ edu: 25, work: 60 }))).rejects.toThrow('第1项“学历”得 25 分，超过该项满分 20 分');
    await expect(saveReview(app.id, review({ edu: 20, work: 60, paper: 10 }))).rejects.toThrow('第3项“论文”没有证明材料，不予评分');
    const saved = await saveReview(app.id, review({ edu: 20, work: 60 }, '赵专家', '建议通过'));
    expect(saved.scores).toEqual({ edu: 20, work: 60, paper: 0 });
    expect(sheetTotal(row!.sheet, saved.scores).total).toBe(80);
  });
});
