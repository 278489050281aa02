/**
 * 评审会 commands (renderer/src/features/panels) over the desk's database: the office prepares a
 * P2 session (000 第十三条: 专家评审会及现场答辩相结合) and the expert of the applicant's unit is
 * recused automatically, audited; experts score in their own accounts, a clerk types a paper sheet
 * only on behalf of a named member and never over a member's own; a score above an item's maximum
 * is refused naming it; the chair signs; the signed file comes back to the office, twice without
 * change, and an edited one is refused. P4 (人社部令第40号): a vote short of two thirds fails.
 */
import 'fake-indexeddb/auto';
import { generateKeyPairSync } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, repositories } from '../../../renderer/src/db';
import { useSession } from '../../../renderer/src/stores/session';
import {
  recordAttendance,
  recordBallot,
  recordRecusal,
  saveExpert,
  saveSession,
  saveSheet,
  sessionAggregates,
  signOffResults,
} from '../../../renderer/src/features/panels/commands';
import { exportSessionFile, importSessionFile } from '../../../renderer/src/features/panels/batch-file';
import { loadSessionData, PanelError } from '../../../renderer/src/features/panels/context';
import { panelResultFacts } from '../../../shared/panels';

const KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
const OTHER_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');

type Role = 'admin' | 'clerk' | 'reviewer';
const accounts: Record<string, { id: string; role: Role; name: string }> = {};

async function account(username: string, displayName: string, role: Role) {
  useSession.getState().signIn({ id: 'seed', username: 'seed', displayName: 'seed', role: 'admin' });
  const user = await repositories.users.create({ username, displayName, role }, { userId: 'seed', deviceId: 'dev-0001' });
  accounts[username] = { id: user.id, role, name: displayName };
  return user;
}

function as(username: string) {
  const a = accounts[username]!;
  useSession.getState().signIn({ id: a.id, username, displayName: a.name, role: a.role });
}

async function useKey(pkcs8: string) {
  await db.settings.put({ key: 'documents.signing', value: { privateKeyPkcs8: pkcs8 } });
}

const seedCtx = { userId: 'seed', deviceId: 'dev-0001' };

async function p2Application(no: string, name: string, idNumber: string, employer: string) {
  const person = await repositories.people.create({ name, idNumber }, seedCtx);
  return repositories.applications.create(
    { programId: 'xj-isi-spm', kind: 'new', applicationNo: no, personId: person.id, status: 'awaiting-defense', channel: 'individual', receivedDate: '2026-11-02', fields: { employer } },
    seedCtx,
  );
}

const TEN = ['basic-knowledge', 'professional-knowledge', 'management-knowledge', 'related-knowledge', 'basic-skills', 'professional-skills', 'management-skills', 'soft-skills', 'professional-experience', 'project-experience'];

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await useKey(KEY);
  await account('clerk', '李经办', 'clerk');
  await account('zhang', '张评审', 'reviewer');
  await account('wang', '王评审', 'reviewer');
  await account('zhao', '赵评审', 'reviewer');
});

async function p2Session() {
  as('clerk');
  const zhang = await saveExpert({ name: '张评审', unit: '新疆信息工程学院', specialties: ['系统集成'], userId: accounts.zhang!.id });
  const wang = await saveExpert({ name: '王评审', unit: '乌鲁木齐软件园', specialties: ['项目管理'], userId: accounts.wang!.id });
  const zhao = await saveExpert({ name: '赵评审', unit: '新疆天山信息技术有限公司', specialties: ['网络'], userId: accounts.zhao!.id });
  const a1 = await p2Application('P2-2026-0001', '陈静', '11010519800101002X', '新疆天山信息技术有限公司');
  const a2 = await p2Application('P2-2026-0002', '周强', '110105198001010037', '喀什数据服务中心');
  const { session, recusals } = await saveSession({
    programId: 'xj-isi-spm',
    title: '2026年第一次专家评审会',
    stages: ['awaiting-defense', 'expert-review'],
    date: '2026-12-08',
    venue: '协会三楼会议室',
    chairId: zhang.id,
    memberIds: [zhang.id, wang.id, zhao.id],
    applicationIds: [a1.id, a2.id],
  });
  return { zhang, wang, zhao, a1, a2, session, recusals };
}

const defence = (points: number, opinion = '答辩思路清晰。') => ({ scores: { defence: points }, opinion });
const review = (each: number, recommendation: string) => ({ scores: Object.fromEntries(TEN.map((id) => [id, each])), opinion: '知识结构完整。', recommendation });

describe('a P2 session (000 第十三条)', () => {
  it('records the automatic recusal of the expert of the applicant’s unit, with its audit entry', async () => {
    const { zhao, a1, recusals } = await p2Session();
    expect(recusals.map((r) => [r.expertId, r.applicationId, r.kind, r.reason])).toEqual([
      [zhao.id, a1.id, 'automatic', '专家所在单位“新疆天山信息技术有限公司”与申报人单位“新疆天山信息技术有限公司”相同。'],
    ]);
    const audit = await db.auditLog.where('table').equals('panelRecusals').toArray();
    expect(audit.map((a) => [a.action, a.userId])).toEqual([['create', accounts.clerk!.id]]);
  });

  it('experts score in their own accounts; a recused one cannot; the maximum is enforced naming the item', async () => {
    const { session, zhang, wang, zhao, a1, a2 } = await p2Session();
    as('wang');
    await expect(saveSheet({ sessionId: session.id, applicationId: a1.id, stage: 'awaiting-defense', expertId: wang.id, input: defence(101), submit: true })).rejects.toThrow(
      '第1项“现场答辩”得 101 分，超过该项满分 100 分。',
    );
    expect(await db.scoresheets.count()).toBe(0);
    const sheet = await saveSheet({ sessionId: session.id, applicationId: a1.id, stage: 'awaiting-defense', expertId: wang.id, input: defence(82.5), submit: true });
    expect(sheet).toMatchObject({ expertId: wang.id, scoresTenths: { defence: 825 }, status: 'submitted' });
    expect(sheet.enteredBy).toBeUndefined();
    // Not on another member's sheet.
    await expect(saveSheet({ sessionId: session.id, applicationId: a1.id, stage: 'awaiting-defense', expertId: zhang.id, input: defence(90), submit: true })).rejects.toThrow('只能填写本人的评分表。');
    // Submitted: final.
    await expect(saveSheet({ sessionId: session.id, applicationId: a1.id, stage: 'awaiting-defense', expertId: wang.id, input: defence(60), submit: true })).rejects.toThrow('你的评分表已经提交，不能再修改。');
    as('zhao');
    await expect(saveSheet({ sessionId: session.id, applicationId: a1.id, stage: 'awaiting-defense', expertId: zhao.id, input: defence(90), submit: true })).rejects.toThrow(
      '赵评审须回避这份申请：专家所在单位“新疆天山信息技术有限公司”与申报人单位“新疆天山信息技术有限公司”相同。',
    );
    await saveSheet({ sessionId: session.id, applicationId: a2.id, stage: 'awaiting-defense', expertId: zhao.id, input: defence(70), submit: true });
  });

  it('a clerk cannot create or change a sheet attributed to an expert account; a paper sheet is on behalf of a named member', async () => {
    const { session, zhang, wang, a2 } = await p2Session();
    as('wang');
    await saveSheet({ sessionId: session.id, applicationId: a2.id, stage: 'awaiting-defense', expertId: wang.id, input: defence(50, '建议加强实践。'), submit: true });
    as('clerk');
    await expect(saveSheet({ sessionId: session.id, applicationId: a2.id, stage: 'awaiting-defense', expertId: wang.id, input: defence(100), submit: true })).rejects.toThrow(
      '王评审已在本人账号下评分，不能代录或修改其评分表。',
    );
    const stored = await db.scoresheets.toArray();
    expect(stored.map((s) => [s.expertId, s.scoresTenths.defence, s.opinion])).toEqual([[wang.id, 500, '建议加强实践。']]);
    const paper = await saveSheet({ sessionId: session.id, applicationId: a2.id, stage: 'awaiting-defense', expertId: zhang.id, input: defence(75), submit: false });
    expect(paper).toMatchObject({ expertId: zhang.id, enteredBy: accounts.clerk!.id, onBehalfOf: zhang.id, status: 'draft' });
    // The member cannot then fill in another sheet of their own for it.
    as('zhang');
    await expect(saveSheet({ sessionId: session.id, applicationId: a2.id, stage: 'awaiting-defense', expertId: zhang.id, input: defence(80), submit: true })).rejects.toThrow(
      '办公室已代录你的纸质评分表，不能再在本人账号下另填。',
    );
  });

  it('a manual recusal needs a reason and then keeps the expert out', async () => {
    const { session, wang, a2 } = await p2Session();
    as('wang');
    await expect(recordRecusal(session.id, wang.id, a2.id, ' ')).rejects.toThrow('请填写回避理由。');
    const r = await recordRecusal(session.id, wang.id, a2.id, '曾指导申报人的项目。');
    expect(r).toMatchObject({ kind: 'manual', basis: 'declared', reason: '曾指导申报人的项目。' });
    await expect(saveSheet({ sessionId: session.id, applicationId: a2.id, stage: 'awaiting-defense', expertId: wang.id, input: defence(80), submit: true })).rejects.toThrow(
      '王评审须回避这份申请：曾指导申报人的项目。',
    );
  });

  it('the chair signs; the file comes back to the office; twice changes nothing; an edited one is refused', async () => {
    const { session, zhang, wang, zhao, a1, a2 } = await p2Session();
    const score = async (who: string, expertId: string, app: string, d: number, each: number, rec: string) => {
      as(who);
      await saveSheet({ sessionId: session.id, applicationId: app, stage: 'awaiting-defense', expertId, input: defence(d), submit: true });
      await saveSheet({ sessionId: session.id, applicationId: app, stage: 'expert-review', expertId, input: review(each, rec), submit: true });
    };
    await score('zhang', zhang.id, a1.id, 80, 8, 'recommend');
    await score('wang', wang.id, a1.id, 70, 7, 'recommend');
    await score('zhang', zhang.id, a2.id, 90, 9, 'recommend');
    await score('wang', wang.id, a2.id, 60, 5, 'not-recommend');
    await score('zhao', zhao.id, a2.id, 75, 6, 'recommend');

    const data = (await loadSessionData(db, session.id))!;
    const aggregates = sessionAggregates(data);
    const a2review = aggregates.find((a) => a.key === `${a2.id}:expert-review`)!.aggregate!;
    // 90, 50, 60 without the highest and lowest: 60 — the pass mark.
    expect(a2review.score).toMatchObject({ tenths: 600, trimmed: true, passes: true });
    const a1review = aggregates.find((a) => a.key === `${a1.id}:expert-review`)!.aggregate!;
    // Two members (the third recused): averaged whole, 75.
    expect(a1review.score).toMatchObject({ tenths: 750, trimmed: false, passes: true });

    as('wang');
    await expect(signOffResults(session.id, { keys: aggregates.map((a) => a.key) })).rejects.toThrow('评审结果只能由本次评审会的主任委员在本人账号下签署。');
    as('zhang');
    const signed = await signOffResults(session.id, { keys: aggregates.map((a) => a.key) });
    expect(signed.map((r) => [r.applicationId, r.stage, r.outcome])).toEqual([
      [a1.id, 'awaiting-defense', 'pass'],
      [a2.id, 'awaiting-defense', 'pass'],
      [a1.id, 'expert-review', 'pass'],
      [a2.id, 'expert-review', 'pass'],
    ]);

    const file = await exportSessionFile(session.id, new Date('2026-12-08T17:30:00+08:00'));
    expect(file.sheets).toBe(10);
    expect(file.results).toBe(4);

    // The office's desk, which had only the session it prepared.
    const office = [db.scoresheets, db.panelResults, db.panelRecusals];
    await Promise.all(office.map((t) => t.clear()));
    as('clerk');
    const first = await importSessionFile(file.text);
    expect(first).toMatchObject({ created: 15, updated: 0 });
    const facts = panelResultFacts(a2.id, await db.panelResults.toArray(), { sheets: await db.scoresheets.toArray(), ballots: [] });
    expect(facts['expert-review']).toMatchObject({ outcome: 'pass', scoreTenths: 600 });
    expect(facts['expert-review']!.stale).toBeUndefined();

    const outbox = await db.outbox.count();
    const again = await importSessionFile(file.text);
    expect(again).toMatchObject({ created: 0, updated: 0 });
    expect(await db.outbox.count()).toBe(outbox);

    const edited = file.text.replace('"defence": 900', '"defence": 1000');
    expect(edited).not.toBe(file.text);
    await expect(importSessionFile(edited)).rejects.toThrow('文件内容与校验值不符，可能已被修改，已拒绝导入。');

    // Recomputed checksum, but signed by a key that is not the office's: refused too.
    await useKey(OTHER_KEY);
    as('zhang');
    const forged = await exportSessionFile(session.id);
    await useKey(KEY);
    as('clerk');
    await expect(importSessionFile(forged.text)).rejects.toThrow('文件签名无法验证（签名不符或签署者不受信任），已拒绝导入。');
  });
});

describe('a P4 board (人社部令第40号)', () => {
  it('a vote short of two thirds of those present does not pass', async () => {
    as('clerk');
    const members = [];
    for (const [u, unit] of [['zhang', '浙江大学'], ['wang', '之江实验室'], ['zhao', '杭州电子科技大学']] as const) {
      members.push(await saveExpert({ name: accounts[u]!.name, unit, specialties: [], userId: accounts[u]!.id }));
    }
    const person = await repositories.people.create({ name: '钱明', idNumber: '11010519800101002X' }, seedCtx);
    const app = await repositories.applications.create(
      {
        programId: 'zj-it-senior',
        kind: 'new',
        applicationNo: 'P4-2026-0001',
        personId: person.id,
        status: 'panel',
        channel: 'unit',
        receivedDate: '2026-11-02',
        fields: {},
        selfScore: { items: [{ id: 'work', name: '业绩', maxScore: 70, claimed: 65, hasEvidence: true }] },
      },
      seedCtx,
    );
    const { session } = await saveSession({
      programId: 'zj-it-senior',
      title: '2026年高评委会议',
      stages: ['panel'],
      date: '2026-12-09',
      venue: '杭州',
      chairId: members[0]!.id,
      memberIds: members.map((m) => m.id),
      applicationIds: [app.id],
    });
    await recordAttendance(session.id, members.map((m) => m.id));
    for (const [i, u] of (['zhang', 'wang', 'zhao'] as const).entries()) {
      as(u);
      await saveSheet({ sessionId: session.id, applicationId: app.id, stage: 'panel', expertId: members[i]!.id, input: { scores: { work: 60 }, opinion: '业绩属实。' }, submit: true });
    }
    as('clerk');
    await expect(recordBallot(session.id, app.id, 'panel', { issued: 3, agree: 1, disagree: 2, abstain: 0 })).resolves.toMatchObject({ agree: 1 });
    as('zhang');
    // The chair corrects the tally in the room: 1 agree of 3 present is short of two thirds.
    const data = (await loadSessionData(db, session.id))!;
    const [agg] = sessionAggregates(data);
    expect(agg!.aggregate).toMatchObject({ computed: 'fail', ballot: { present: 3, eligible: 3, agree: 1, passes: false }, score: { tenths: 600 } });
    await recordBallot(session.id, app.id, 'panel', { issued: 3, agree: 2, disagree: 1, abstain: 0 });
    const [exact] = sessionAggregates((await loadSessionData(db, session.id))!);
    expect(exact!.aggregate).toMatchObject({ computed: 'pass', ballot: { agree: 2, passes: true } });
    as('wang');
    await expect(recordBallot(session.id, app.id, 'panel', { issued: 3, agree: 3, disagree: 0, abstain: 0 })).rejects.toThrow(PanelError);
  });
});
