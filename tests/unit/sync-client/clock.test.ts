/**
 * A desk whose clock ran 7 days ahead is refused (`clock_drift`), clearly; once its clock is set
 * right, the work waiting in its outbox — and what was typed after the fix, which the device
 * clock would otherwise still stamp in the future — is stamped again, in its order, and pushed.
 * Nothing is lost, the clerk is told, and another desk sees exactly what was typed.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CLOCK_KEY } from '../../../renderer/src/db/clock';
import { Repository, type WriteContext } from '../../../renderer/src/db/repository';
import { CLOCK_RETRY_MS, SyncEngine } from '../../../renderer/src/sync/engine';
import { planRestamp, restampMessage, type RestampNotice } from '../../../renderer/src/sync/restamp';
import { SYNC_KEYS } from '../../../renderer/src/sync/settings';
import { createHttpTransport } from '../../../renderer/src/sync/transport';
import { parseHlc, type Hlc } from '../../../shared/sync/hlc';
import { operationSchema } from '../../../shared/sync/protocol';
import { SETUP_TIMEOUT } from '../../server/helpers';
import { FakeServer, outboxIds, person, rigEngine, useFakeRig, type Desk, type ManualTimers } from './helpers';
import { enrol, injectFetch, useDesks, useRealServer } from './real-server';

const DAY = 24 * 60 * 60 * 1000;
const REAL = Date.parse('2026-11-22T02:00:00.000Z');

const newDesk = useDesks();

describe('a clock 7 days ahead, then set right (fake server with the real checks)', () => {
  let desk: Desk;
  let server: FakeServer;
  let deskNow: number;
  let timers: ManualTimers;
  const at = (): WriteContext => ({ ...desk.ctx, now: () => new Date(deskNow) });

  useFakeRig(
    (rig) => ({ desk, server, timers } = rig),
    // The server's clock is right all along.
    () => new FakeServer({ now: () => REAL + 60_000 }),
  );

  const engine = () => rigEngine({ desk, server, timers }, { now: () => deskNow });

  it('is refused clearly; after the fix everything is pushed in order and nothing is lost', async () => {
    deskNow = REAL + 7 * DAY;
    const zhang = await desk.people.create(person('张三', 1), at());
    await desk.people.update(zhang.id, { name: '张三丰' }, at());
    await desk.people.create(person('李四', 2), at());

    const e = engine();
    const refused = await e.sync('manual');
    expect(refused).toMatchObject({
      ok: false,
      failure: { code: 'clock_drift', retry: true, message: '本机时间与服务器相差过大。请校正电脑的日期和时间后再同步。校正后会自动继续同步，待同步的修改不会丢失。' },
    });
    expect(e.current.phase).toBe('waiting');
    expect(timers.pending.map((p) => p.ms)).toEqual([CLOCK_RETRY_MS]);
    expect(await desk.db.outbox.count()).toBe(3);
    expect(server.log).toHaveLength(0);

    // While the clock is still wrong the retry is refused again, and waits again.
    timers.fire();
    await e.settled();
    expect(e.current).toMatchObject({ phase: 'waiting', failure: { code: 'clock_drift' } });

    // The clerk sets the clock right, and keeps working before the retry comes.
    deskNow = REAL + 60_000;
    await desk.people.update(zhang.id, { note: '校正时间后录入' }, at());
    const before = await outboxIds(desk);
    expect(before).toHaveLength(4);
    // The device clock never goes back: that edit too is stamped 7 days ahead.
    expect(parseHlc((await desk.db.outbox.get(before[3]!))!.hlc).millis).toBeGreaterThanOrEqual(REAL + 7 * DAY);

    timers.fire();
    await e.settled();
    expect(e.current).toMatchObject({ phase: 'idle', failure: null });
    // All four reached the server, in the order they were made, stamped at the corrected time.
    expect(server.log.map((op) => op.id)).toEqual(before);
    const stamps = server.log.map((op) => op.hlc);
    expect([...stamps].sort()).toEqual(stamps);
    for (const op of server.log) {
      expect(operationSchema.safeParse(op).success).toBe(true);
      expect(parseHlc(op.hlc).millis).toBeGreaterThanOrEqual(REAL + 60_000);
      expect(parseHlc(op.hlc).millis).toBeLessThan(REAL + 120_000);
    }
    // The name edit still names the create it replaced, under the create's new stamp.
    expect(server.log[1]!.prev).toEqual({ name: [server.log[0]!.hlc] });
    expect(server.log[3]!.prev).toEqual({});
    expect(await desk.db.outbox.count()).toBe(0);

    // The clerk is told; the device clock is back to real time, and the next edit is stamped there.
    const notice = (await desk.db.settings.get(SYNC_KEYS.restamped))?.value as RestampNotice;
    expect(notice.count).toBe(4);
    expect(restampMessage(notice)).toBe('本机时间曾快了约 7 天。时间校正后，4 条待同步的修改已按正确时间重新标记（先后顺序不变）并继续同步，没有丢失任何内容。');
    expect(parseHlc(String((await desk.db.settings.get(CLOCK_KEY))?.value)).millis).toBeLessThan(REAL + 120_000);
    const state = (await desk.people.mergeState(zhang.id))!;
    expect(state.fields.name!.hlc).toBe(server.log[1]!.hlc);
    expect(state.superseded.name).toEqual([server.log[0]!.hlc]);
    expect(state.fields.note!.hlc).toBe(server.log[3]!.hlc);

    // Another desk sees exactly what was typed.
    const other = await newDesk();
    const otherServer = server.as(other.deviceId);
    const page = await otherServer.pull({ limit: 100 });
    expect(page.operations).toHaveLength(4);
  });

  it('a clock that is right from the start moves nothing', async () => {
    deskNow = REAL;
    await desk.people.create(person('王五', 3), at());
    const [op] = await desk.db.outbox.toArray();
    expect(await engine().sync('manual')).toMatchObject({ ok: true, pushed: 1, restamped: 0 });
    expect(server.log[0]!.hlc).toBe(op!.hlc);
    expect(await desk.db.settings.get(SYNC_KEYS.restamped)).toBeUndefined();
  });
});

describe('new stamps', () => {
  it('keep the order, come after the newest stamp kept, and are never before now', () => {
    const kept = `${new Date(REAL + 3 * 60_000).toISOString()}-0004-other-desk` as Hlc;
    const future = [
      { hlc: `${new Date(REAL + 7 * DAY + 2).toISOString()}-0000-desk-a` as Hlc },
      { hlc: `${new Date(REAL + 7 * DAY).toISOString()}-0000-desk-a` as Hlc },
      { hlc: `${new Date(REAL + 7 * DAY).toISOString()}-0001-desk-a` as Hlc },
    ];
    const { map, clock } = planRestamp(future, kept, 'desk-a', REAL);
    expect([...map.entries()]).toEqual([
      [future[1]!.hlc, `${new Date(REAL + 3 * 60_000).toISOString()}-0006-desk-a`],
      [future[2]!.hlc, `${new Date(REAL + 3 * 60_000).toISOString()}-0007-desk-a`],
      [future[0]!.hlc, `${new Date(REAL + 3 * 60_000).toISOString()}-0008-desk-a`],
    ]);
    expect(clock).toEqual({ millis: REAL + 3 * 60_000, counter: 8, node: 'desk-a' });
    expect(planRestamp(future.slice(0, 1), undefined, 'desk-a', REAL).map.get(future[0]!.hlc)).toBe(`${new Date(REAL).toISOString()}-0000-desk-a`);
  });
});

describe('against the real server', () => {
  const real = useRealServer();

  it('clock ahead → refused → clock fixed → pushed, nothing lost; a second desk receives it all', async () => {
    const fetchImpl = injectFetch(real.app);
    const enrolled = async () => {
      const desk = await newDesk();
      await enrol(desk, { db: real.t.db, office: real.office, fetch: fetchImpl, deviceName: '收件窗口' });
      return desk;
    };
    const engineAt = (desk: Desk, now: () => number) =>
      new SyncEngine({
        db: desk.db,
        deviceId: async () => desk.deviceId,
        transportFor: (c, token) => createHttpTransport({ baseUrl: c.baseUrl, token, fetch: fetchImpl }),
        timers: { set: () => 0, clear: () => undefined },
        random: () => 0.5,
        now,
      });
    const a = await enrolled();
    const ahead = () => Date.now() + 7 * DAY;
    const ctx: WriteContext = { ...a.ctx, now: () => new Date(ahead()) };
    const people = new Repository(a.db, 'people');
    for (let i = 0; i < 5; i++) await people.create(person(`提前${i}`, 10 + i), ctx);

    expect(await engineAt(a, ahead).sync('manual')).toMatchObject({ ok: false, failure: { code: 'clock_drift' } });
    expect(await a.db.outbox.count()).toBe(5);

    const fixed = await engineAt(a, () => Date.now()).sync('manual');
    expect(fixed).toMatchObject({ ok: true, pushed: 5, restamped: 5 });

    const b = await enrolled();
    expect(await engineAt(b, () => Date.now()).sync('manual')).toMatchObject({ ok: true, pulled: 5 });
    expect((await b.db.people.toArray()).map((p) => p.name).sort()).toEqual(['提前0', '提前1', '提前2', '提前3', '提前4']);
  }, SETUP_TIMEOUT);
});
