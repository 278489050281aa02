/**
 * The 评价机构 page's writes (features/agencies/commands): an agency and its evaluators checked
 * before anything is written — the credit code and dates by the shared rules, the 身份证号 by its
 * check digit — and 004 细则 第十条 (不得同时在 2 个（含）以上的评价机构工作) refused at save,
 * naming the other agency; each write goes through the repository (outbox and audit).
 */
import './env';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db';
import { addEvaluator, createAgency, updateAgency, updateEvaluator } from '../../../renderer/src/features/agencies/commands';
import { writeContext } from '../../../renderer/src/session';
import { emptyDatabase, signIn } from './file-fixtures';

beforeEach(async () => {
  signIn();
  await emptyDatabase();
});

const ZHAO = '650102198501010115';
const QIAN = '650102198501010123';
const agencyInput = { programId: 'iets', name: '新疆信息化评价中心', scope: 'local' as const, registeredOn: '2024-01-10', region: '新疆' };

describe('evaluation agencies', () => {
  it('registers an agency with its dates parsed as typed and the credit code checked; the outbox has it', async () => {
    const agency = await createAgency({ ...agencyInput, registeredOn: '20240110', creditCode: '91650100MA7XKQ2B3F' }, await writeContext());
    expect(agency).toMatchObject({ name: '新疆信息化评价中心', scope: 'local', registeredOn: '2024-01-10', creditCode: '91650100MA7XKQ2B3F', region: '新疆', standing: 'active' });
    expect((await db.outbox.toArray()).some((o) => o.table === 'evaluationAgencies' && o.recordId === agency.id)).toBe(true);
    const edited = await updateAgency(agency.id, { ...agencyInput, scope: 'national', creditCode: '' }, await writeContext());
    expect(edited.scope).toBe('national');
    expect(edited.creditCode).toBeUndefined();
  });

  it.each([
    [{ name: '  ' }, '请填写评价机构名称。'],
    [{ registeredOn: '2024-02-30' }, '成立日期'],
    [{ registeredOn: '2099-01-01' }, '成立日期不能晚于今天。'],
    [{ creditCode: '91650100MA7XKQ2B3A' }, '统一社会信用代码'],
    [{ programId: 'xj-si-annual' }, '请选择通过评价机构开展评价的业务。'],
  ])('refuses %o in Chinese, nothing written', async (patch, message) => {
    await expect(createAgency({ ...agencyInput, ...patch }, await writeContext())).rejects.toThrow(message);
    expect(await db.evaluationAgencies.count()).toBe(0);
  });

  it('the same name twice in one program is refused', async () => {
    await createAgency(agencyInput, await writeContext());
    await expect(createAgency(agencyInput, await writeContext())).rejects.toThrow('评价机构“新疆信息化评价中心”已登记，不能重复登记。');
  });
});

describe('evaluators (细则 第十条)', () => {
  async function twoAgencies() {
    const ctx = await writeContext();
    const local = await createAgency(agencyInput, ctx);
    const national = await createAgency({ ...agencyInput, name: '中技评（北京）评价有限公司', scope: 'national', region: '' }, ctx);
    return { local, national };
  }

  it('adds an evaluator with the 身份证号 checked; a wrong check digit is refused, nothing written', async () => {
    const { local } = await twoAgencies();
    await expect(addEvaluator({ agencyId: local.id, name: '赵评', idNumber: '650102198501010116', fullTime: true, contract: 'labour' }, await writeContext())).rejects.toThrow(/校验|身份证/);
    expect(await db.evaluators.count()).toBe(0);
    const zhao = await addEvaluator({ agencyId: local.id, name: '赵评', idNumber: ZHAO, fullTime: true, contract: 'labour', since: '2024年3月1日' }, await writeContext());
    expect(zhao).toMatchObject({ idNumber: ZHAO, since: '2024-03-01', standing: 'active' });
  });

  it('the same 身份证号 in a second agency is refused naming the first; once the first has an end date before, it is allowed', async () => {
    const { local, national } = await twoAgencies();
    const zhao = await addEvaluator({ agencyId: local.id, name: '赵评', idNumber: ZHAO, fullTime: true, contract: 'labour', since: '2024-03-01' }, await writeContext());
    const again = { agencyId: national.id, name: '赵评', idNumber: ZHAO, fullTime: true, contract: 'labour' as const, since: '2026-01-01' };
    await expect(addEvaluator(again, await writeContext())).rejects.toThrow(
      '已是“新疆信息化评价中心”的评价人员；评价人员不得同时在 2 个（含）以上的评价机构工作（004 细则 第十条）',
    );
    expect(await db.evaluators.count()).toBe(1);
    // In one agency the same person twice is refused too.
    await expect(addEvaluator({ ...again, agencyId: local.id }, await writeContext())).rejects.toThrow('已是本机构的评价人员“赵评”');
    // 赵 left the local agency on 2025-12-31: the national agency may take him on from 2026-01-01.
    await updateEvaluator(zhao.id, { agencyId: local.id, name: '赵评', idNumber: ZHAO, fullTime: true, contract: 'labour', since: '2024-03-01', until: '2025-12-31' }, await writeContext());
    await addEvaluator(again, await writeContext());
    expect(await db.evaluators.where('idNumber').equals(ZHAO).count()).toBe(2);
    // Another person is no concern of 第十条.
    await addEvaluator({ ...again, name: '钱审', idNumber: QIAN }, await writeContext());
  });

  it('an end date before the start is refused', async () => {
    const { local } = await twoAgencies();
    await expect(addEvaluator({ agencyId: local.id, name: '赵评', idNumber: ZHAO, fullTime: false, contract: 'service', since: '2026-01-01', until: '2025-01-01' }, await writeContext())).rejects.toThrow(
      '截止日期不能早于起始日期。',
    );
  });
});
