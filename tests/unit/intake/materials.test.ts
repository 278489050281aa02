/**
 * intake/materials: the clerk's marks on the checklist, one `materials` record per item, and the
 * engine (through the application file) seeing every change.
 */
import './env';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db';
import { ValidationError } from '../../../renderer/src/db/errors';
import { markMaterial, parseCopies, setVolume2Parts, toggleReceivedMark } from '../../../renderer/src/features/applications/materials';
import { CLERK, emptyDatabase, evaluated, newApplication, P4_FIELDS, signIn } from './file-fixtures';

beforeEach(async () => {
  signIn();
  await emptyDatabase();
});

const ids = (items: readonly { id: string }[]): string[] => items.map((i) => i.id);

describe('markMaterial', () => {
  it('creates the item record once, then changes it; each write is audited and queued for sync', async () => {
    const app = await newApplication('rk-registration', 'new', {});
    const first = await markMaterial(app.id, 'certificate', { status: 'received', copiesReceived: 1 });
    const second = await markMaterial(app.id, 'certificate', { copiesReceived: 2 });
    expect(second.id).toBe(first.id);
    const rows = await db.materials.where('[applicationId+itemId]').equals([app.id, 'certificate']).toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'received', copiesReceived: 2 });
    const ops = await db.outbox.where('[table+recordId]').equals(['materials', first.id]).toArray();
    expect(ops).toHaveLength(2);
    expect(await db.auditLog.where('[table+recordId]').equals(['materials', first.id]).count()).toBe(2);
  });

  it('refuses a rejection without a reason, in Chinese, and writes nothing', async () => {
    const app = await newApplication('rk-registration', 'new', {});
    const before = await db.outbox.count();
    await expect(markMaterial(app.id, 'certificate', { status: 'rejected', rejectReason: '  ' })).rejects.toThrow('退回材料须写明原因');
    expect(await db.materials.count()).toBe(0);
    expect(await db.outbox.count()).toBe(before);
  });

  it('a rejection with its reason reaches the engine', async () => {
    const app = await newApplication('rk-registration', 'new', {});
    await markMaterial(app.id, 'identity-proof', { status: 'rejected', rejectReason: '身份证复印件模糊' });
    const { evaluation } = await evaluated(app.id);
    expect(evaluation.checklist.rejected).toEqual([expect.objectContaining({ reason: '身份证复印件模糊' })]);
    const line = evaluation.checklist.lines.find((l) => l.item.id === 'identity-proof');
    expect(line?.problems).toEqual(['已退回：身份证复印件模糊']);
  });

  it('original verified: the signed-in user and today are recorded; withdrawing it makes the line unverified again', async () => {
    const app = await newApplication('rk-registration', 'new', {});
    const verified = await markMaterial(app.id, 'identity-proof', { status: 'received', copiesReceived: 1, originalVerified: true }, { today: '2026-03-23' });
    expect(verified).toMatchObject({ originalVerifiedBy: CLERK.displayName, originalVerifiedOn: '2026-03-23' });
    expect(ids((await evaluated(app.id)).evaluation.checklist.unverified)).toEqual([]);
    await markMaterial(app.id, 'identity-proof', { originalVerified: false });
    expect(ids((await evaluated(app.id)).evaluation.checklist.unverified)).toEqual(['identity-proof']);
  });

  it('P5: marking every required material received (copies, original verified) makes the checklist complete', async () => {
    const app = await newApplication('rk-registration', 'renewal', {});
    let { evaluation } = await evaluated(app.id);
    expect(evaluation.checklist.complete).toBe(false);
    for (const line of evaluation.checklist.lines.filter((l) => l.required)) {
      await markMaterial(app.id, line.item.id, { ...toggleReceivedMark(line), ...(line.originalRequired ? { originalVerified: true } : {}) });
    }
    ({ evaluation } = await evaluated(app.id));
    expect(evaluation.checklist).toMatchObject({ complete: true, missing: [], rejected: [], unverified: [], copiesShort: [] });
  });

  it('copies short are reported by the engine after a count is corrected down', async () => {
    const app = await newApplication('zj-it-senior', 'new', P4_FIELDS);
    await markMaterial(app.id, 'review-form', { status: 'received', copiesReceived: 2 });
    const { evaluation } = await evaluated(app.id);
    expect(evaluation.checklist.copiesShort).toEqual([expect.objectContaining({ required: 3, received: 2 })]);
  });

  it('refuses an item the program does not list and a bad copy count', async () => {
    const app = await newApplication('rk-registration', 'new', {});
    await expect(markMaterial(app.id, 'no-such-item', { status: 'received' })).rejects.toBeInstanceOf(ValidationError);
    await expect(markMaterial(app.id, 'certificate', { copiesReceived: 2.5 })).rejects.toThrow('0–999 的整数');
    await expect(markMaterial(app.id, 'certificate', { copiesReceived: 1000 })).rejects.toThrow('不能超过');
    expect(await db.materials.count()).toBe(0);
  });
});

describe('conditional items follow the fields (the engine decides)', () => {
  it('P4: 事业单位岗位信息表 only for the four 事业 natures; 外省社保 only under 3 years in Zhejiang', async () => {
    const publicInstitution = await newApplication('zj-it-senior', 'new', P4_FIELDS);
    let lines = ids((await evaluated(publicInstitution.id)).evaluation.checklist.lines.map((l) => l.item));
    expect(lines).toContain('post-information-form');
    expect(lines).not.toContain('out-of-province-pension');

    await emptyDatabase();
    const enterprise = await newApplication('zj-it-senior', 'new', { ...P4_FIELDS, unitNature: '私营企业和个体工商户', socialInsuranceYearsInZhejiang: 2 });
    lines = ids((await evaluated(enterprise.id)).evaluation.checklist.lines.map((l) => l.item));
    expect(lines).not.toContain('post-information-form');
    expect(lines).toContain('out-of-province-pension');
  });
});

describe('binding (P4)', () => {
  it('volume 2 split into parts when marked thick; received items leave the volume\'s missing list', async () => {
    const app = await newApplication('zj-it-senior', 'new', P4_FIELDS);
    let binding = (await evaluated(app.id)).evaluation.binding!;
    expect(binding.volumes.map((v) => v.title.zh)).toEqual(['第一册', '第二册']);
    await setVolume2Parts(app.id, 2);
    expect((await db.applications.get(app.id))?.volume2Parts).toBe(2);
    binding = (await evaluated(app.id)).evaluation.binding!;
    expect(binding.volumes.map((v) => v.title.zh)).toEqual(['第一册', '第二册（一）', '第二册（二）']);

    const volume1 = binding.volumes[0]!;
    expect(ids(volume1.missing)).toContain('id-card');
    await markMaterial(app.id, 'id-card', { status: 'received', copiesReceived: 1 });
    binding = (await evaluated(app.id)).evaluation.binding!;
    expect(ids(binding.volumes[0]!.missing)).not.toContain('id-card');
    expect(binding.volumes[0]!.entries.find((e) => e.item.id === 'id-card')?.present).toBe(true);
    expect(binding.neverBound.map((n) => n.item.id)).toContain('review-form');
  });

  it('refuses a split outside 1–9', async () => {
    const app = await newApplication('zj-it-senior', 'new', P4_FIELDS);
    await expect(setVolume2Parts(app.id, 0)).rejects.toThrow('1–9');
    await expect(setVolume2Parts(app.id, 10)).rejects.toThrow('1–9');
    await expect(setVolume2Parts(app.id, 1.5)).rejects.toThrow('1–9');
    expect((await db.applications.get(app.id))?.volume2Parts).toBeUndefined();
  });
});

describe('helpers', () => {
  it('toggleReceivedMark: received ↔ missing, counting the required copies the first time', () => {
    expect(toggleReceivedMark({ status: 'pending', copiesRequired: 3, copiesReceived: 0 })).toEqual({ status: 'received', copiesReceived: 3 });
    expect(toggleReceivedMark({ status: 'missing', copiesRequired: 3, copiesReceived: 2 })).toEqual({ status: 'received' });
    expect(toggleReceivedMark({ status: 'received', copiesRequired: 3, copiesReceived: 3 })).toEqual({ status: 'missing' });
  });

  it('parseCopies accepts whole numbers (full-width too) and refuses the rest in Chinese', () => {
    expect(parseCopies('3')).toBe(3);
    expect(parseCopies('１５')).toBe(15);
    expect(parseCopies(0)).toBe(0);
    expect(() => parseCopies('')).toThrow('请填写实收份数');
    expect(() => parseCopies('-1')).toThrow('整数');
    expect(() => parseCopies('两份')).toThrow('整数');
  });
});
