/**
 * The import screen's commands on the desk's database (fake IndexedDB): the messy P4 roster
 * imported by a clerk in one transaction (钱七, on the desk before, linked), refused for a
 * reviewer with nothing written, undone as a whole; an undo refused (nothing changed) once one of
 * its applications has moved on. Expected counts written down by hand.
 */
import '../intake/env';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, repositories } from '../../../renderer/src/db';
import { commitImport, ImportError, undoImport } from '../../../renderer/src/features/import/commands';
import { applicationById, deskForFile } from '../../../renderer/src/features/import/queries';
import { writeContext } from '../../../renderer/src/session';
import { useSession } from '../../../renderer/src/stores/session';
import { planImport, readImport, reviewRows, rowsAlreadyOnDesk, type ImportPlan } from '../../../shared/import';
import { fixture, MESSY, specOf, TODAY } from './helpers';

const roster = specOf('zj-it-senior', 'roster');
const clerk = { id: 'clerk-1', username: 'li', displayName: '李经办', role: 'clerk' } as const;

async function messyPlan(): Promise<ImportPlan> {
  const read = readImport({ bytes: fixture('roster-messy.xlsx'), spec: roster, today: TODAY });
  if (!read.ok || !read.value.parsed.ok) throw new Error('unreadable');
  const parsed = read.value.parsed.value;
  const desk = await deskForFile(parsed.rows, roster);
  const report = reviewRows(parsed, roster, { today: TODAY }, { fixes: { 7: { 4: MESSY.WANG }, 8: { 3: '1979年10月', 6: '私营企业和个体工商户' } }, excluded: [9] }, desk.lookup);
  const plan = planImport(report, roster, { fileName: '花名册.xlsx', today: TODAY, receivedDate: '2019-09-25', channel: 'unit' });
  if (!plan.ok) throw new Error(plan.error.message);
  return plan.value;
}

const live = async () => ({
  people: (await db.people.toArray()).filter((p) => p.deleted !== true).length,
  applications: (await db.applications.toArray()).filter((a) => a.deleted !== true).length,
  outbox: await db.outbox.count(),
});

beforeEach(async () => {
  useSession.getState().signIn(clerk);
  if (!db.isOpen()) await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
  await db.settings.put({ key: 'deviceId', value: '0190a1b2-c3d4-7e5f-8a9b-00000000beef' });
  await repositories.people.create({ name: '钱七', idNumber: MESSY.QIAN }, await writeContext());
});

describe('import commands', () => {
  it('a clerk imports the roster in one go (钱七 linked), and undoes it as a whole', async () => {
    const before = await live();
    expect(before).toEqual({ people: 1, applications: 0, outbox: 1 });
    const plan = await messyPlan();
    expect(plan.links.length).toBe(1);
    const { batchId, rows } = await commitImport(plan);
    expect(rows).toBe(5);
    expect(await live()).toEqual({ people: 5, applications: 5, outbox: 1 + 1 + 4 + 5 });
    expect(await db.people.where('idNumber').equals(MESSY.QIAN).count()).toBe(1);

    const undone = await undoImport(batchId, roster);
    expect(undone).toEqual({ removed: 4 + 5, keptPeople: [] });
    expect(await live()).toEqual({ people: 1, applications: 0, outbox: 1 + 1 + 4 + 5 + 4 + 5 + 1 });
    expect((await db.importBatches.get(batchId))?.status).toBe('undone');
    await expect(undoImport(batchId, roster)).rejects.toThrow('这次导入已经撤销过了。');
  });

  it('a reviewer may not import: refused in Chinese, nothing written', async () => {
    const plan = await messyPlan();
    useSession.getState().signIn({ id: 'rev-1', username: 'zhao', displayName: '赵评审', role: 'reviewer' });
    const before = await live();
    await expect(commitImport(plan)).rejects.toThrow(ImportError);
    await expect(commitImport(plan)).rejects.toThrow('评审人员无权从 Excel 或 CSV 文件导入名单，或撤销一次导入：只有管理员或经办人可以操作。');
    expect(await live()).toEqual(before);
    expect(await db.importBatches.count()).toBe(0);
  });

  it('an import whose application has moved on is not undone, and nothing changes', async () => {
    const { batchId } = await commitImport(await messyPlan());
    const first = (await db.applications.where('importBatchId').equals(batchId).toArray())[0]!;
    await repositories.applications.update(first.id, { status: 'accepted' }, await writeContext());
    const before = await live();
    await expect(undoImport(batchId, roster)).rejects.toThrow(/有 1 份导入的申请已经开始办理（P4-2019-[0-9A-Z]+-\d{4}），不能整体撤销。/);
    expect(await live()).toEqual(before);
    expect((await db.importBatches.get(batchId))?.status).toBe('imported');
  });
});

describe('import commands: certificates added to an application\'s table (P3 管理人员证书)', () => {
  it('the rows go after the table\'s own, in one go; the same rows again are on the desk already; undo leaves the table as it was', async () => {
    const spec = specOf('xj-si-annual', 'certificate-holders');
    const own = { personName: '王建国', idNumber: '650103198001010019', certificateKind: '系统集成实施工程经理', certificateNo: 'XJPM-2024-0001' };
    const application = await repositories.applications.create(
      { programId: 'xj-si-annual', kind: 'annual-review', status: 'draft', channel: 'unit', receivedDate: '2026-11-20', applicationNo: 'P3-2026-TEST-0001', fields: { managementCertificates: [own] } },
      await writeContext(),
    );
    const read = readImport({ bytes: fixture('certificates-p3.xlsx'), spec, today: TODAY });
    if (!read.ok || !read.value.parsed.ok) throw new Error('unreadable');
    const parsed = read.value.parsed.value;
    const desk = await deskForFile(parsed.rows, spec, application.id);
    expect(rowsAlreadyOnDesk(parsed.rows, spec, desk.records)).toEqual([]);
    const report = reviewRows(parsed, spec, { today: TODAY }, { excluded: [5, 6] }, desk.lookup);
    const plan = planImport(report, spec, { fileName: '证书名单.xlsx', today: TODAY, targetApplication: (await applicationById(application.id))! });
    if (!plan.ok) throw new Error(plan.error.message);
    const { batchId } = await commitImport(plan.value);
    const table = (await db.applications.get(application.id))!.fields['managementCertificates'] as Record<string, unknown>[];
    expect(table).toHaveLength(1 + 3);
    expect(table[0]).toEqual(own);
    expect(table.slice(1).every((r) => r['importBatchId'] === batchId)).toBe(true);

    // The same file again: its three rows are in the table already.
    const again = await deskForFile(parsed.rows, spec, application.id);
    // (Row 6 repeats row 2's certificate number for another person: not the same row.)
    expect(rowsAlreadyOnDesk(parsed.rows, spec, again.records)).toEqual([2, 3, 4]);

    const undone = await undoImport(batchId, spec);
    expect(undone.removed).toBe(3);
    expect((await db.applications.get(application.id))!.fields['managementCertificates']).toEqual([own]);
  });
});
