/**
 * The evaluation agency's reviews of a P6 application (004 办法 第十四条（二）): 文件资料审核 and
 * 现场审核 recorded at the application's stage, refused with a Chinese reason when the date is
 * ahead of today, no evaluator is named or an evaluator is another agency's; and the
 * `all-reviews-done` guard (two passed kinds) read from them through the application's file.
 */
import './env';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, repositories } from '../../../renderer/src/db';
import { engineInput } from '../../../renderer/src/features/applications/file';
import { recordAgencyAudit } from '../../../renderer/src/features/workflow/audits';
import { writeContext } from '../../../renderer/src/session';
import { getPack } from '../../../shared/programs';
import { emptyDatabase, loadFile, newApplication, signIn } from './file-fixtures';
import { stateId as sid } from '../typed-ids';

beforeEach(async () => {
  signIn();
  await emptyDatabase();
});

async function setUp() {
  const ctx = await writeContext();
  const app = await newApplication('iets', 'new', { evaluationCategory: 'iets', level: 'IETS-3' }, { status: sid('agency-review') });
  const agency = await repositories.evaluationAgencies.create(
    { programId: 'iets', name: '新疆信息化评价中心', scope: 'local', registeredOn: '2024-01-10', standing: 'active' },
    ctx,
  );
  const other = await repositories.evaluationAgencies.create(
    { programId: 'iets', name: '另一评价机构', scope: 'national', registeredOn: '2020-01-10', standing: 'active' },
    ctx,
  );
  const zhao = await repositories.evaluators.create({ agencyId: agency.id, name: '赵评', idNumber: '650102198501010115', fullTime: true, contract: 'labour', standing: 'active' }, ctx);
  const qian = await repositories.evaluators.create({ agencyId: other.id, name: '钱审', idNumber: '650102198501010123', fullTime: true, contract: 'labour', standing: 'active' }, ctx);
  return { app, agency, zhao, qian };
}

describe('agency reviews', () => {
  it('records each review at the current stage; two passed kinds count as the stage’s two reviews', async () => {
    const { app, agency, zhao } = await setUp();
    const base = { applicationId: app.id, agencyId: agency.id, evaluatorIds: [zhao.id], findings: '材料齐全', passed: true };
    const first = await recordAgencyAudit({ ...base, kind: 'documents', on: '2026-11-18' }, { today: '2026-11-23' });
    expect(first).toMatchObject({ stage: 'agency-review', kind: 'documents', on: '2026-11-18', passed: true });
    // A failed on-site review does not count; a second, passed one does.
    await recordAgencyAudit({ ...base, kind: 'on-site', on: '2026-11-19', passed: false, findings: '现场不符' }, { today: '2026-11-23' });
    expect(engineInput(getPack('iets')!, await loadFile(app.id)).reviewsDone).toEqual({ 'agency-review': 1 });
    await recordAgencyAudit({ ...base, kind: 'on-site', on: '2026-11-20' }, { today: '2026-11-23' });
    expect(engineInput(getPack('iets')!, await loadFile(app.id)).reviewsDone).toEqual({ 'agency-review': 2 });
    expect(await db.agencyAudits.count()).toBe(3);
  });

  it.each([
    [{ on: '2026-11-24' }, '审核日期2026年11月24日晚于今天'],
    [{ evaluatorIds: [] as string[] }, '请选择参加审核的评价人员。'],
    [{ findings: '  ' }, '请填写审核发现。'],
  ])('refuses %o, nothing written', async (patch, message) => {
    const { app, agency, zhao } = await setUp();
    const input = { applicationId: app.id, agencyId: agency.id, kind: 'documents' as const, on: '2026-11-18', evaluatorIds: [zhao.id], findings: '材料齐全', passed: true, ...patch };
    await expect(recordAgencyAudit(input, { today: '2026-11-23' })).rejects.toThrow(message);
    expect(await db.agencyAudits.count()).toBe(0);
  });

  it('refuses an evaluator of another agency', async () => {
    const { app, agency, qian } = await setUp();
    await expect(
      recordAgencyAudit({ applicationId: app.id, agencyId: agency.id, kind: 'documents', on: '2026-11-18', evaluatorIds: [qian.id], findings: '材料齐全', passed: true }, { today: '2026-11-23' }),
    ).rejects.toThrow('所选评价人员不属于该评价机构');
    expect(await db.agencyAudits.count()).toBe(0);
  });
});
