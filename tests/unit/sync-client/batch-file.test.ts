/**
 * Offline transfer by file: the export is the outbox in the shared batch-file format and leaves
 * the outbox as it was; importing merges like a pull, so importing twice is importing once.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  batchFileBytes,
  batchFileName,
  BatchFileRefused,
  exportOutbox,
  importBatchFile,
  parseBatchFile,
} from '../../../renderer/src/sync/batch-file';
import { fileNameSchema } from '../../../shared/ipc/contract';
import { batchFileSchema, MAX_OPERATIONS_PER_BATCH } from '../../../shared/sync/protocol';
import { makeDesk, person, type Desk } from './helpers';

/** The 同步 page is office staff's (shared/access `sync.run`). */
const CLERK = { userId: null, role: 'clerk' as const };

let a: Desk;
let b: Desk;

beforeEach(async () => {
  [a, b] = await Promise.all([makeDesk(), makeDesk()]);
});

afterEach(async () => {
  await Promise.all([a.close(), b.close()]);
});

async function contents(desk: Desk) {
  return {
    people: await desk.db.people.toArray(),
    states: await desk.db.mergeStates.toArray(),
    outbox: await desk.db.outbox.toArray(),
    audit: await desk.db.auditLog.count(),
  };
}

describe('exporting the outbox', () => {
  it('writes every operation, in op-id order, in the shared format, and leaves the outbox as it was', async () => {
    for (let i = 0; i < 3; i++) await a.people.create(person(`申请人${i}`, i), a.ctx);
    const before = await a.db.outbox.orderBy('id').toArray();
    const exported = (await exportOutbox(a.db, a.deviceId, 'office-1', new Date('2026-11-22T06:05:00Z'), CLERK))!;
    expect(exported).toMatchObject({ operations: 3, leftOut: 0 });
    const reread = JSON.parse(new TextDecoder().decode(batchFileBytes(exported.file)));
    const parsed = batchFileSchema.parse(reread);
    expect(parsed).toMatchObject({ format: 'association-desk-batch', version: 1, officeId: 'office-1', deviceId: a.deviceId, exportedAt: '2026-11-22T06:05:00.000Z' });
    expect(parsed.batches.flatMap((bt) => bt.operations)).toEqual(before);
    expect(await a.db.outbox.orderBy('id').toArray()).toEqual(before);
  });

  it('splits a long outbox into batches the server accepts', async () => {
    const ops = (await (async () => {
      await a.people.create(person('张三', 1), a.ctx);
      return a.db.outbox.toArray();
    })())[0]!;
    const many = Array.from({ length: MAX_OPERATIONS_PER_BATCH + 5 }, (_, i) => ({ ...ops, id: `0190b1a2-0000-7000-8000-${String(i).padStart(12, '0')}` }));
    await a.db.outbox.clear();
    await a.db.outbox.bulkAdd(many);
    const exported = (await exportOutbox(a.db, a.deviceId, undefined, new Date(), CLERK))!;
    expect(exported.file.batches.map((bt) => bt.operations.length)).toEqual([MAX_OPERATIONS_PER_BATCH, 5]);
    expect(batchFileSchema.safeParse(exported.file).success).toBe(true);
  });

  it('has nothing to export from an empty outbox', async () => {
    expect(await exportOutbox(a.db, a.deviceId, undefined, new Date(), CLERK)).toBeNull();
  });

  it('suggests a file name every platform accepts', () => {
    const name = batchFileName('E2E-1', '0190b1a2-0000-7000-8000-0000abcdef12', new Date(2026, 10, 22, 14, 5));
    expect(name).toBe('待同步数据-E2E-1-20261122-1405-cdef12.json');
    expect(fileNameSchema.safeParse(name).success).toBe(true);
    expect(fileNameSchema.safeParse(batchFileName(undefined, 'x')).success).toBe(true);
  });
});

describe('importing a batch file', () => {
  it('brings the other desk’s records in; importing the same file twice changes nothing', async () => {
    const p1 = await a.people.create(person('张三', 1), a.ctx);
    const p2 = await a.people.create(person('李四', 2), a.ctx);
    await a.people.update(p1.id, { phone: '13912345678' }, a.ctx);
    const text = new TextDecoder().decode(batchFileBytes((await exportOutbox(a.db, a.deviceId, 'office-1', new Date(), CLERK))!.file));

    const parsed = parseBatchFile(text);
    if (!parsed.ok) throw new Error(parsed.message);
    const first = await importBatchFile(b.db, parsed.file, b.deviceId, 'office-1', Date.now(), CLERK);
    expect(first).toEqual({ operations: 3, records: 2 });
    expect(await b.db.people.get(p1.id)).toEqual(await a.db.people.get(p1.id));
    expect(await b.db.people.get(p2.id)).toEqual(p2);
    const once = await contents(b);
    expect(once.outbox).toEqual([]);

    await importBatchFile(b.db, parsed.file, b.deviceId, 'office-1', Date.now() + 1000, CLERK);
    expect(await contents(b)).toEqual(once);
  });

  it('importing a desk’s own file changes nothing there', async () => {
    await a.people.create(person('王五', 3), a.ctx);
    const before = await contents(a);
    const file = (await exportOutbox(a.db, a.deviceId, undefined, new Date(), CLERK))!.file;
    await importBatchFile(a.db, file, a.deviceId, undefined, Date.now(), CLERK);
    expect(await contents(a)).toEqual(before);
  });

  it('refuses a file of another office', async () => {
    await a.people.create(person('赵六', 4), a.ctx);
    const file = (await exportOutbox(a.db, a.deviceId, 'office-1', new Date(), CLERK))!.file;
    await expect(importBatchFile(b.db, file, b.deviceId, 'office-2', Date.now(), CLERK)).rejects.toBeInstanceOf(BatchFileRefused);
    expect(await b.db.people.count()).toBe(0);
  });

  it.each([
    ['not JSON', 'hello'],
    ['a backup file', JSON.stringify({ format: 'association-desk-backup', tables: {} })],
    ['an empty batch list', JSON.stringify({ format: 'association-desk-batch', version: 1, deviceId: 'd1', exportedAt: '2026-11-22T06:05:00.000Z', batches: [] })],
    ['a wrong version', JSON.stringify({ format: 'association-desk-batch', version: 2, deviceId: 'd1', exportedAt: '2026-11-22T06:05:00.000Z', batches: [] })],
    ['null', 'null'],
  ])('refuses %s with a Chinese message', (_what, text) => {
    const parsed = parseBatchFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a reviewer may neither export nor import batch files (the 同步 page is office staff’s)', async () => {
    const reviewer = { userId: null, role: 'reviewer' as const };
    await expect(exportOutbox(a.db, a.deviceId, 'office-1', new Date(), reviewer)).rejects.toThrow('评审人员无权立即同步、导出或导入批次文件：只有管理员或经办人可以操作。');
  });
});
