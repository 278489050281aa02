/**
 * The review workflow's writes (renderer/src/intake/workflow.ts) over the app's database:
 * a P5 re-registration returned with pre-filled reasons, resubmitted, accepted against the
 * 2026 calendar and approved; a renewal outside its window refused; P4's 002 附件3 routing chain
 * with a return; a 5-working-day publicity across the National Day holiday; an objection that
 * blocks the end of publicity until settled; and the audit trail read back.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, repositories } from '../../../renderer/src/db';
import { shippedCalendar } from '../../../renderer/src/features/calendar/calendar';
import { evaluateFile, loadApplicationFile } from '../../../renderer/src/features/applications/file';
import { fireTransition, WorkflowError } from '../../../renderer/src/features/workflow/fire';
import { recordRoutingOpinion } from '../../../renderer/src/features/workflow/commands';
import { publicityEndsOn, raiseObjection, settleObjection, startPublicity, StartPublicityError } from '../../../renderer/src/features/publicity/commands';
import { describeAudit, loadApplicationAudit, loadUserAudit } from '../../../renderer/src/features/audit/describe';
import { useSession } from '../../../renderer/src/stores/session';
import { greyJpeg } from './jpeg';
import { defaultReturnTo, returnReasons } from '../../../shared/engine/returns';
import { getPack } from '../../../shared/programs';
import type { WorkflowDefinition } from '../../../shared/workflow/definition';

const CLERK = { id: 'u-clerk', username: 'li', displayName: '李经办', role: 'clerk' as const };
const REVIEWER = { id: 'u-reviewer', username: 'wang', displayName: '王评审', role: 'reviewer' as const };

// Node has no sessionStorage: zustand's persist (createJSONStorage) copes — the session lives in
// memory — and only warns on each sign-in, so no stand-in is needed.
let seq = 0;
const ctx = async () => ({ userId: useSession.getState().user!.id, deviceId: 'dev-0001' });

/** 18-digit ID numbers with a valid check digit, distinct per call. */
function idNumber(): string {
  const body = `1101051980010${String(100 + (seq % 900)).padStart(3, '0')}${seq % 10}`.slice(0, 17);
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

async function person(name = '张三') {
  seq += 1;
  return repositories.people.create({ name, idNumber: idNumber() }, await ctx());
}

async function p5Renewal(validUntil: string, receivedDate: string, channel: 'individual' | 'unit' = 'individual') {
  const p = await person();
  seq += 1;
  return repositories.applications.create(
    {
      programId: 'rk-registration',
      kind: 'renewal',
      applicationNo: `P5-2026-TEST-${String(seq).padStart(4, '0')}`,
      personId: p.id,
      status: 'received',
      channel,
      receivedDate,
      // 003 附件: what the registration page prints (the photo is an attachment, added later).
      fields: { specialtyCategory: '计算机软件', qualificationName: '系统分析师（高级）', certificateNo: '04010011230000123' },
      previousCertificate: { issuedOn: '2023-12-21', validUntil },
    },
    await ctx(),
  );
}

async function evaluate(id: string, today: string, role: 'clerk' | 'reviewer' | 'admin' = 'clerk') {
  return evaluateFile((await loadApplicationFile(db, id))!, { today, calendar: shippedCalendar(), role })!.evaluation;
}

/**
 * What a re-registration needs before it can be decided: 60 hours in each year of the cycle
 * from 2023-12-21 (003 48号 四: 180 in all, 40 a year) and the holder's photo (003 附件).
 */
async function completeForDecision(applicationId: string) {
  // Typed in by the clerk at the counter, not by the reviewer who decides.
  const ctx = async () => ({ userId: 'u-clerk-counter', deviceId: 'dev-0001' });
  const app = (await db.applications.get(applicationId))!;
  for (const date of ['2024-06-01', '2025-06-01', '2026-06-01']) {
    await repositories.educationRecords.create({ personId: app.personId!, applicationId, date, mode: '脱产', content: '软件工程培训', hoursTenths: 600 }, await ctx());
  }
  const bytes = greyJpeg(240, 320);
  const sha256 = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
  await db.blobs.put({ sha256, blob: new Blob([bytes], { type: 'image/jpeg' }) });
  await repositories.attachments.create({ applicationId, kind: 'photo', fileName: 'photo.jpg', mimeType: 'image/jpeg', size: bytes.length, sha256 }, await ctx());
}

/** Records every required material as received, in the copies asked, originals checked. */
async function fulfil(id: string, today: string, except: readonly string[] = []) {
  const evaluation = await evaluate(id, today);
  for (const line of evaluation.checklist.lines) {
    if (!line.required || except.includes(line.item.id)) continue;
    await repositories.materials.create(
      {
        applicationId: id,
        itemId: line.item.id,
        status: 'received',
        copiesReceived: line.copiesRequired,
        originalVerifiedBy: '李经办',
        originalVerifiedOn: today,
      },
      await ctx(),
    );
  }
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  // The clerk's user record, and the session signed in as it (as the sign-in screen does).
  useSession.getState().signIn(CLERK);
  const user = await repositories.users.create({ username: CLERK.username, displayName: CLERK.displayName, role: 'clerk' }, await ctx());
  useSession.getState().signIn({ ...CLERK, id: user.id });
});

describe('P5 re-registration: return, resubmit, accept, decide', () => {
  it('returns with the reasons pre-filled, reopens on resubmission, runs the 15-working-day clock across 中秋 and 国庆', async () => {
    // Valid until 2026-12-20: the registration window (3 months before expiry) is open on 2026-09-21.
    const app = await p5Renewal('2026-12-20', '2026-09-21');
    await fulfil(app.id, '2026-09-21', ['continuing-education-proof', 'identity-proof']);
    await repositories.materials.create(
      { applicationId: app.id, itemId: 'identity-proof', status: 'rejected', copiesReceived: 1, rejectReason: '复印件不清晰' },
      await ctx(),
    );

    const first = await evaluate(app.id, '2026-09-22');
    const accept = first.transitions.find((o) => o.transition.id === 'accept')!;
    expect(accept.allowed).toBe(false);
    expect(accept.blockedBy.map((b) => b.message).join('')).toContain('参加继续教育的有关证明');
    const reasons = returnReasons(first);
    expect(reasons.split('\n')).toEqual(['缺少：参加继续教育的有关证明', '未通过审核：身份证明（复印件不清晰）']);
    expect(defaultReturnTo(app)).toBe('individual');
    expect(defaultReturnTo({ ...app, channel: 'unit' })).toBe('unit');

    const returned = await fireTransition(app.id, 'return', { reason: reasons, returnTo: defaultReturnTo(app) }, { role: 'clerk', today: '2026-09-22' });
    expect(returned.status).toBe('returned');
    const [event] = await db.workflowEvents.where('applicationId').equals(app.id).toArray();
    expect(event).toMatchObject({ transitionId: 'return', returnTo: 'individual', reason: reasons, on: '2026-09-22' });

    // The supplement arrives: the same application is reopened, its history kept.
    const rejected = (await db.materials.where('applicationId').equals(app.id).toArray()).find((m) => m.itemId === 'identity-proof')!;
    await repositories.materials.update(rejected.id, { status: 'received', originalVerifiedBy: '李经办', originalVerifiedOn: '2026-09-24' }, await ctx());
    await repositories.materials.create(
      { applicationId: app.id, itemId: 'continuing-education-proof', status: 'received', copiesReceived: 1 },
      await ctx(),
    );
    expect((await fireTransition(app.id, 'resubmit', {}, { role: 'clerk', today: '2026-09-24' })).status).toBe('received');
    expect(returnReasons(await evaluate(app.id, '2026-09-24'))).toBe('');
    const accepted = await fireTransition(app.id, 'accept', {}, { role: 'clerk', today: '2026-09-24' });
    expect(accepted.status).toBe('under-review');
    expect((await db.workflowEvents.where('applicationId').equals(app.id).toArray()).map((e) => e.transitionId)).toEqual(['return', 'resubmit', 'accept']);

    // 003 47号 七: 15 working days after 2026-09-24, not counting it: 09-25..27 中秋, 10-01..07 国庆,
    // 10-10 (Saturday) an adjusted working day → 2026-10-22.
    const underReview = await evaluate(app.id, '2026-09-24');
    expect(underReview.deadline).toMatchObject({ kind: 'decision', due: '2026-10-22', daysLeft: 15, overdue: false });
    expect(underReview.deadline?.label).toBe('还剩15个工作日（2026年10月22日前决定）');
    expect((await evaluate(app.id, '2026-10-23')).deadline).toMatchObject({ overdue: true });

    // A clerk is not offered the approval; a reviewer is, and must record opinion and decision.
    expect(underReview.transitions.map((o) => o.transition.id)).toEqual([]);
    useSession.getState().signIn(REVIEWER);
    // 003 48号 四 and 附件: no hours in the cycle and no photo yet, so the decision is refused with the rules' reasons.
    await expect(fireTransition(app.id, 'approve', { opinion: '符合登记条件', decision: '准予再次登记' }, { role: 'reviewer', today: '2026-10-09' })).rejects.toThrow(
      /须达到 180 学时以上，差 180 学时。证书无法打印，缺少照片/,
    );
    await completeForDecision(app.id);
    await expect(fireTransition(app.id, 'approve', { opinion: '符合登记条件' }, { role: 'reviewer', today: '2026-10-09' })).rejects.toThrow(/决定/);
    const approved = await fireTransition(app.id, 'approve', { opinion: '符合登记条件', decision: '准予再次登记' }, { role: 'reviewer', today: '2026-10-09' });
    expect(approved.status).toBe('registered');
    expect((await evaluate(app.id, '2026-10-09', 'reviewer')).deadline).toBeUndefined();

    // The audit trail: who, what, old → new, why; the status change carries the return reason.
    const rows = await describeAudit(db, await loadApplicationAudit(db, app.id), 'zh-CN');
    const statusChanges = rows.filter((r) => r.entry.table === 'applications' && r.entry.action === 'update');
    expect(statusChanges.map((r) => r.changes.map((c) => `${c.label}：${c.from} → ${c.to}`).join())).toEqual([
      '状态：已收件，待审核 → 已退回，待补正',
      '状态：已退回，待补正 → 已收件，待审核',
      '状态：已收件，待审核 → 已受理，审核中',
      '状态：已受理，审核中 → 已登记',
    ]);
    expect(statusChanges[0]!.entry.reason).toBe(reasons);
    expect(statusChanges[0]!.user).toBe('李经办');
    expect(statusChanges[3]!.user).toBe('u-reviewer'); // not in `users` on this desk: shown by id
    expect(rows.some((r) => r.target === '材料“身份证明”' && r.changes.some((c) => c.label === '状态' && c.from === '未通过' && c.to === '已收'))).toBe(true);
    expect(rows.some((r) => r.target === '办理“退回补正”')).toBe(true);
    expect(rows.map((r) => r.entry.at)).toEqual([...rows.map((r) => r.entry.at)].sort());

    // Per user: the reviewer's entries only; nothing in the past week for a range before them.
    const reviewerEntries = await loadUserAudit(db, { userId: REVIEWER.id });
    expect(reviewerEntries.length).toBe(2);
    expect(reviewerEntries.every((e) => e.userId === REVIEWER.id)).toBe(true);
    expect(await loadUserAudit(db, { userId: REVIEWER.id, from: '2000-01-01', to: '2000-01-31' })).toEqual([]);
  });

  it('a re-registration outside the window is refused with the rule’s reason, nothing written', async () => {
    const app = await p5Renewal('2027-06-30', '2026-11-23');
    await fulfil(app.id, '2026-11-23');
    const evaluation = await evaluate(app.id, '2026-11-23');
    const accept = evaluation.transitions.find((o) => o.transition.id === 'accept')!;
    expect(accept.allowed).toBe(false);
    expect(accept.blockedBy.map((b) => b.message)).toEqual(['登记办理期（有效期满前三个月内）自2027年03月30日开始，目前尚未开始。']);
    expect(returnReasons(evaluation)).toBe('');
    await expect(fireTransition(app.id, 'accept', {}, { role: 'clerk', today: '2026-11-23' })).rejects.toThrow('目前尚未开始');
    expect((await db.applications.get(app.id))!.status).toBe('received');
    expect(await db.workflowEvents.count()).toBe(0);
  });
});

async function p4Application(name: string, routingVariant = 'city') {
  const p = await person(name);
  seq += 1;
  const app = await repositories.applications.create(
    {
      programId: 'zj-it-senior',
      kind: 'new',
      applicationNo: `P4-2026-TEST-${String(seq).padStart(4, '0')}`,
      personId: p.id,
      status: 'received',
      channel: 'unit',
      receivedDate: '2026-09-01',
      fields: { routingVariant },
      selfScore: { items: [], seniority: { meets: true, reason: '大学本科毕业，从事工程师工作满五年' } },
    },
    await ctx(),
  );
  // 002 六(三): 90 hours a year, 60 professional and 18 public; the 2019 round judges 2018.
  for (const year of [2018]) {
    for (const [category, tenths] of [['专业科目', 600], ['行业公需', 300]] as const) {
      await repositories.educationRecords.create(
        { personId: p.id, applicationId: app.id, date: `${year}-05-10`, mode: '面授', category, content: `${year}年${category}`, hoursTenths: tenths },
        await ctx(),
      );
    }
  }
  return app;
}

async function passChain(id: string, levels: readonly string[], on: string) {
  for (const level of levels) await recordRoutingOpinion(id, level as never, 'pass', '', on, { today: on });
}

describe('P4 routing chain (002 附件3)', () => {
  it('opinions climb the city route; a return goes to the level below, which passes it again', async () => {
    const app = await p4Application('李四');
    const today = '2026-09-10';
    await recordRoutingOpinion(app.id, 'applicant', 'pass', '', '2026-09-01', { today });
    await recordRoutingOpinion(app.id, 'unit', 'pass', '同意推荐', '2026-09-02', { today });
    // Not the holder, a return without a reason, a date in the future: refused in Chinese.
    await expect(recordRoutingOpinion(app.id, 'unit', 'pass', '', '2026-09-03', { today })).rejects.toThrow('材料目前在单位主管部门，所在单位暂不能签署意见。');
    await expect(recordRoutingOpinion(app.id, 'city-department', 'return', '  ', '2026-09-03', { today })).rejects.toThrow('退回所在单位时必须写明退回理由。');
    await expect(recordRoutingOpinion(app.id, 'city-department', 'pass', '', '2026-09-11', { today })).rejects.toThrow('晚于今天');
    await recordRoutingOpinion(app.id, 'city-department', 'return', '缺少单位推荐意见', '2026-09-03', { today });
    await recordRoutingOpinion(app.id, 'unit', 'pass', '已补单位推荐意见', '2026-09-04', { today });

    let evaluation = await evaluate(app.id, today);
    expect(evaluation.facts.routing?.holder).toBe('city-department');
    const passCheck = () => evaluation.transitions.find((o) => o.transition.id === 'pass-check')!;
    expect(passCheck().blockedBy.map((b) => b.message)).toContain('尚未完成逐级审核报送（材料目前在单位主管部门）。');

    await passChain(app.id, ['city-department', 'city-eit-or-hrss', 'senior-board-office'], '2026-09-08');
    evaluation = await evaluate(app.id, today);
    expect(evaluation.facts.routing?.holder).toBe('done');
    expect(passCheck().blockedBy.map((b) => b.message).join('')).not.toContain('逐级');
    await expect(recordRoutingOpinion(app.id, 'senior-board-office', 'pass', '', '2026-09-09', { today })).rejects.toThrow('不能再签署意见');
    const opinions = await db.routingOpinions.where('applicationId').equals(app.id).toArray();
    expect(opinions.map((o) => `${o.level}:${o.opinion}`)).toEqual([
      'applicant:pass', 'unit:pass', 'city-department:return', // sent back once
      'unit:pass', 'city-department:pass', 'city-eit-or-hrss:pass', 'senior-board-office:pass',
    ]);
  });

  it('refuses an opinion when no route is chosen', async () => {
    const app = await p4Application('王五', '');
    await expect(recordRoutingOpinion(app.id, 'applicant', 'pass', '', '2026-09-01', { today: '2026-09-01' })).rejects.toThrow('报送途径');
    expect(await db.routingOpinions.count()).toBe(0);
  });
});

const CITY = ['applicant', 'unit', 'city-department', 'city-eit-or-hrss', 'senior-board-office'];

describe('publicity (公示) and objections', () => {
  it('5 working days from 2026-09-30 end on 2026-10-12 across 国庆 and the adjusted Saturday', () => {
    const definition = getPack('zj-it-senior')!.workflows.new as WorkflowDefinition;
    // 09-30 (1), 10-01..07 holiday, 10-08 (2), 10-09 (3), 10-10 Saturday worked (4), 10-11 Sunday, 10-12 (5).
    expect(publicityEndsOn(definition, '2026-09-30', shippedCalendar())).toEqual({ date: '2026-10-12' });
    // Posted on a Friday: Sat and Sun are skipped.
    expect(publicityEndsOn(definition, '2026-11-20', shippedCalendar())).toEqual({ date: '2026-11-26' });
    expect(() => publicityEndsOn(definition, '2026-13-01', shippedCalendar())).toThrow(WorkflowError);
  });

  it('starts for a list, all or nothing; an open objection blocks its end until settled', async () => {
    const today = '2026-09-29';
    const a = await p4Application('赵六');
    const b = await p4Application('钱七');
    const notReady = await p4Application('孙八');
    for (const app of [a, b, notReady]) await fulfil(app.id, today);
    await passChain(a.id, CITY, '2026-09-20');
    await passChain(b.id, CITY, '2026-09-20');
    await passChain(notReady.id, CITY.slice(0, 2), '2026-09-20');
    expect((await evaluate(a.id, today)).transitions.find((o) => o.transition.id === 'pass-check')).toMatchObject({ allowed: true });

    const input = { programId: 'zj-it-senior', title: '2026年度高级工程师评审前公示', startedOn: '2026-09-30', transitionId: 'pass-check' };
    const refused = await startPublicity({ ...input, applicationIds: [a.id, notReady.id, b.id] }, { role: 'clerk', today }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StartPublicityError);
    expect((refused as StartPublicityError).refusals.map((r) => r.applicationNo)).toEqual([notReady.applicationNo]);
    expect((refused as StartPublicityError).message).toContain('尚未完成逐级审核报送（材料目前在单位主管部门）');
    expect(await db.publicities.count()).toBe(0);
    expect((await db.applications.get(a.id))!.status).toBe('received');

    // One path into 公示中 (issue 12): firing the pass alone is refused, nothing written.
    await expect(fireTransition(a.id, 'pass-check', {}, { role: 'clerk', today })).rejects.toThrow('进入公示须同时建立公示记录：请填写公示标题和开始日期后开始公示。');
    expect((await db.applications.get(a.id))!.status).toBe('received');
    expect(await db.publicities.count()).toBe(0);

    const { publicity, applications } = await startPublicity({ ...input, applicationIds: [a.id, b.id] }, { role: 'clerk', today });
    expect(publicity).toMatchObject({ startedOn: '2026-09-30', endsOn: '2026-10-12', applicationIds: [a.id, b.id] });
    expect(applications.map((x) => x.status)).toEqual(['board-publicity', 'board-publicity']);
    expect((await evaluate(a.id, '2026-10-09')).deadline).toMatchObject({ kind: 'publicity', due: '2026-10-12', daysLeft: 2, overdue: false });

    const objection = await raiseObjection({ applicationId: a.id, raisedOn: '2026-10-09', raisedBy: '匿名来信', content: '论文涉嫌抄袭' }, { today: '2026-10-09' });
    await expect(raiseObjection({ applicationId: a.id, raisedOn: '2026-10-09', content: '  ' }, { today: '2026-10-09' })).rejects.toThrow('请填写异议内容');

    // The last day still belongs to the publicity.
    const endOn = (id: string, day: string) => evaluate(id, day).then((e) => e.transitions.find((o) => o.transition.id === 'end-publicity')!);
    expect((await endOn(b.id, '2026-10-12')).blockedBy.map((x) => x.message)).toEqual(['公示期至2026年10月12日止，期满后才能办理。']);
    expect((await endOn(b.id, '2026-10-13')).allowed).toBe(true);
    expect((await endOn(a.id, '2026-10-13')).blockedBy.map((x) => x.message)).toEqual(['有1件异议尚未处理完毕。']);
    await expect(fireTransition(a.id, 'end-publicity', {}, { role: 'clerk', today: '2026-10-13' })).rejects.toThrow('异议尚未处理完毕');

    await expect(settleObjection(objection.id, { upheld: false, settlement: '', settledOn: '2026-10-13' }, { today: '2026-10-13' })).rejects.toThrow('处理结果');
    await expect(settleObjection(objection.id, { upheld: false, settlement: '经核查', settledOn: '2026-10-08' }, { today: '2026-10-13' })).rejects.toThrow('早于异议提出日期');
    const settled = await settleObjection(objection.id, { upheld: false, settlement: '经核查，论文系本人原创，异议不成立', settledOn: '2026-10-13' }, { today: '2026-10-13' });
    expect(settled).toMatchObject({ status: 'settled', upheld: false, settledOn: '2026-10-13' });
    await expect(settleObjection(objection.id, { upheld: true, settlement: '再次处理', settledOn: '2026-10-13' }, { today: '2026-10-13' })).rejects.toThrow('已经处理过');

    expect((await endOn(a.id, '2026-10-13')).allowed).toBe(true);
    expect((await fireTransition(a.id, 'end-publicity', {}, { role: 'clerk', today: '2026-10-13' })).status).toBe('panel');

    // The history of the application shows the publicity and the objection with their reasons.
    const rows = await describeAudit(db, await loadApplicationAudit(db, a.id), 'zh-CN');
    expect(rows.some((r) => r.entry.table === 'publicities' && r.target === '公示“2026年度高级工程师评审前公示”')).toBe(true);
    const settledRow = rows.find((r) => r.entry.table === 'objections' && r.entry.action === 'update')!;
    expect(settledRow.entry.reason).toBe('经核查，论文系本人原创，异议不成立');
    expect(settledRow.changes.find((c) => c.label === '状态')).toMatchObject({ from: '待处理', to: '已处理' });
  });
});
