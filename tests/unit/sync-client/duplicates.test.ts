/**
 * The same 身份证号 registered on two desks offline: after sync both desks see one merge conflict
 * (not two silent people); merging keeps every application, certificate, attachment and
 * education record of both under one person, syncs, and both desks end with the same records.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccessDeniedError } from '../../../renderer/src/db/errors';
import { Repository, type WriteContext } from '../../../renderer/src/db/repository';
import { listDuplicates, mergeDuplicates } from '../../../renderer/src/sync/duplicates';
import { SyncEngine } from '../../../renderer/src/sync/engine';
import { FakeServer, makeDesk, markEnrolled, person, type Desk } from './helpers';

const ID = person('张三', 7).idNumber;
const CREDIT = '91350100M000100Y43';

let server: FakeServer;
let a: Desk;
let b: Desk;

const clerk = (desk: Desk): WriteContext => ({ ...desk.ctx, role: 'clerk' });
const sync = (desk: Desk) =>
  new SyncEngine({ db: desk.db, deviceId: async () => desk.deviceId, transportFor: () => server.as(desk.deviceId), random: () => 0.5, timers: { set: () => 0, clear: () => undefined } }).sync('manual');

function application(desk: Desk, no: string, personId: string) {
  return new Repository(desk.db, 'applications').create(
    { programId: 'p5', kind: 'new', applicationNo: no, personId, status: 'received', channel: 'counter', receivedDate: '2026-11-20', fields: {} },
    clerk(desk),
  );
}

/** Every live record of the tables a merge touches, without bookkeeping, sorted: what a clerk would compare. */
async function snapshot(desk: Desk) {
  const strip = <T extends { id: string; deleted?: boolean }>(rows: T[]) => rows.filter((r) => r.deleted !== true).map((r) => r).sort((x, y) => (x.id < y.id ? -1 : 1));
  return {
    people: strip(await desk.db.people.toArray()),
    organisations: strip(await desk.db.organisations.toArray()),
    applications: strip(await desk.db.applications.toArray()),
    certificates: strip(await desk.db.certificates.toArray()),
    attachments: strip(await desk.db.attachments.toArray()),
    educationRecords: strip(await desk.db.educationRecords.toArray()),
  };
}

beforeEach(async () => {
  server = new FakeServer();
  a = await makeDesk();
  b = await makeDesk();
  await markEnrolled(a);
  await markEnrolled(b);
});

afterEach(async () => {
  await a.close();
  await b.close();
});

async function registerTwice() {
  const onA = await a.people.create({ name: '张三', idNumber: ID }, clerk(a));
  const appA = await application(a, 'P5-2026-A-0001', onA.id);
  const onB = await b.people.create({ name: '张三', idNumber: ID, phone: '13900000000' }, clerk(b));
  const appB = await application(b, 'P5-2026-B-0001', onB.id);
  await new Repository(b.db, 'educationRecords').create({ personId: onB.id, date: '2026-11-01', mode: '面授', content: '继续教育', hoursTenths: 80 }, clerk(b));
  await new Repository(b.db, 'attachments').create({ personId: onB.id, applicationId: appB.id, kind: 'photo', fileName: '照片.jpg', mimeType: 'image/jpeg', size: 3, sha256: 'b'.repeat(64) }, clerk(b));
  await new Repository(b.db, 'certificates').create({ certificateNo: 'RK-2026-000001', programId: 'p5', applicationId: appB.id, holderPersonId: onB.id, issuedOn: '2026-11-21', status: 'valid' }, clerk(b));
  return { onA, onB, appA, appB };
}

describe('the same 身份证号 on two desks offline', () => {
  it('is one merge conflict on both desks; merged, both converge with every application kept', async () => {
    const { onA, onB, appA, appB } = await registerTwice();
    expect(await sync(a)).toMatchObject({ ok: true, duplicates: 0 });
    expect(await sync(b)).toMatchObject({ ok: true, duplicates: 1 });
    expect(await sync(a)).toMatchObject({ ok: true, duplicates: 1 });

    const keep = onA.id < onB.id ? onA : onB;
    const drop = keep === onA ? onB : onA;
    for (const desk of [a, b]) {
      const groups = await listDuplicates(desk.db);
      expect(groups).toHaveLength(1);
      expect(groups[0]).toMatchObject({ table: 'people', key: ID, keepId: keep.id });
      expect(groups[0]!.records.map((r) => [r.id, r.applications])).toEqual([
        [keep.id, 1],
        [drop.id, 1],
      ]);
      expect(groups[0]!.message).toBe(
        `身份证号 ${ID} 登记了 2 次（张三），应为同一人。合并后保留最早登记的一条，其余记录的申请、证书、附件和学时都归到保留的记录下，不会丢失。`,
      );
    }

    const merged = await mergeDuplicates(b.db, 'people', ID, clerk(b));
    expect(merged).toMatchObject({ kept: keep.id, removed: [drop.id] });
    await sync(b);
    await sync(a);

    for (const desk of [a, b]) {
      expect(await listDuplicates(desk.db)).toEqual([]);
      const live = (await desk.db.people.where('idNumber').equals(ID).toArray()).filter((p) => !p.deleted);
      expect(live.map((p) => p.id)).toEqual([keep.id]);
      // The phone only the other registration had is kept too.
      expect(live[0]!.phone).toBe('13900000000');
      const applications = await desk.db.applications.toArray();
      expect(applications.map((x) => [x.applicationNo, x.personId]).sort()).toEqual([
        ['P5-2026-A-0001', keep.id],
        ['P5-2026-B-0001', keep.id],
      ]);
      expect((await desk.db.certificates.toArray()).map((c) => c.holderPersonId)).toEqual([keep.id]);
      expect((await desk.db.attachments.toArray()).map((x) => x.personId)).toEqual([keep.id]);
      expect((await desk.db.educationRecords.toArray()).map((x) => x.personId)).toEqual([keep.id]);
      expect((await desk.db.people.get(drop.id))?.deleted).toBe(true);
    }
    expect(await snapshot(a)).toEqual(await snapshot(b));
    expect([appA.id, appB.id].sort()).toEqual((await a.db.applications.toArray()).map((x) => x.id).sort());
  });

  it('merged on both desks at once, offline: they keep the same record and still converge', async () => {
    await registerTwice();
    await sync(a);
    await sync(b);
    await sync(a);
    await mergeDuplicates(a.db, 'people', ID, clerk(a));
    await mergeDuplicates(b.db, 'people', ID, clerk(b));
    await sync(a);
    await sync(b);
    await sync(a);
    expect(await snapshot(a)).toEqual(await snapshot(b));
    expect((await snapshot(a)).people).toHaveLength(1);
    expect((await snapshot(a)).applications).toHaveLength(2);
  });

  it('organisations with the same credit code are one conflict too; their people follow the kept one', async () => {
    const orgA = await new Repository(a.db, 'organisations').create({ name: '某某科技有限公司', creditCode: CREDIT }, clerk(a));
    const orgB = await new Repository(b.db, 'organisations').create({ name: '某某科技公司', creditCode: CREDIT, address: '福州市' }, clerk(b));
    const staff = await b.people.create({ name: '李四', idNumber: person('李四', 8).idNumber, organisationId: orgB.id }, clerk(b));
    await sync(a);
    await sync(b);
    await sync(a);
    const [group] = await listDuplicates(a.db);
    expect(group).toMatchObject({ table: 'organisations', key: CREDIT });
    await mergeDuplicates(a.db, 'organisations', CREDIT, clerk(a));
    await sync(a);
    await sync(b);
    const keep = orgA.id < orgB.id ? orgA.id : orgB.id;
    expect((await b.db.people.get(staff.id))?.organisationId).toBe(keep);
    expect(await snapshot(a)).toEqual(await snapshot(b));
  });

  it('a reviewer may not merge: refused in Chinese, nothing written', async () => {
    await registerTwice();
    await sync(a);
    await sync(b);
    const before = await b.db.outbox.count();
    const error = await mergeDuplicates(b.db, 'people', ID, { ...b.ctx, role: 'reviewer' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessDeniedError);
    expect((error as Error).message).toBe('评审人员无权合并重复的人员或单位：只有管理员或经办人可以操作。');
    expect(await b.db.outbox.count()).toBe(before);
  });
});
