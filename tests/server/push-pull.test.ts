/**
 * Push and pull through fastify's `inject` (and a real socket where the test needs one): the
 * idempotence the whole outbox design rests on, the merge on the server, pagination, office
 * isolation and two server instances on one database.
 */
import { describe, expect, it } from 'vitest';
import { decodeRecordState } from '../../server/record-state';
import { type Db } from '../../server/db';
import { uuidv7 } from '../../server/ids';
import { type PullResponse, type PushResponse, MAX_OPERATIONS_PER_BATCH } from '../../shared/sync/protocol';
import { visibleValues, type RecordState } from '../../shared/sync/merge';
import { BACKENDS, enrol, makeBatch, makeOffice, makeOp, personFields, pull, push, snapshot, storedRecord, testApp, type TestDb } from './helpers';
import { desksPerSuite, serverPerSuite } from './suite';

describe.each(BACKENDS)('push and pull (%s)', (kind) => {
  const server = serverPerSuite(kind);
  const desks = desksPerSuite(server, { a1: '甲协会', a2: '甲协会', b1: '乙协会' });

  async function recordState(officeId: string, recordId: string): Promise<RecordState | undefined> {
    const { rows } = await server.db.query<{ state: string }>('SELECT state FROM records WHERE office_id = $1 AND record_id = $2', [officeId, recordId]);
    return rows[0] === undefined ? undefined : decodeRecordState(rows[0].state);
  }

  it('applies a batch and answers which operations were applied and the new cursor', async () => {
    const ops = [makeOp(desks.a1.deviceId, personFields('张三丰')), makeOp(desks.a1.deviceId, personFields('李四'))];
    const res = await push(server.app, desks.a1, makeBatch(desks.a1, ops));
    expect(res.statusCode).toBe(200);
    const body = res.json<PushResponse>();
    expect(body.applied).toEqual(ops.map((o) => o.id));
    expect(body.duplicates).toEqual([]);
    expect(Number(body.cursor)).toBeGreaterThanOrEqual(2);
    const state = await recordState(desks.a1.officeId, ops[0]!.recordId);
    expect(visibleValues(state!).name).toBe('张三丰');
  });

  it('the same batch pushed twice is one clean push: same answer, same state', async () => {
    const batch = makeBatch(desks.a1, [makeOp(desks.a1.deviceId, personFields('王五')), makeOp(desks.a1.deviceId, personFields('赵六'))]);
    const first = await push(server.app, desks.a1, batch);
    expect(first.statusCode).toBe(200);
    const before = await snapshot(server.db);
    const second = await push(server.app, desks.a1, batch);
    expect(second.statusCode).toBe(200);
    const { serverTime: _t1, ...firstBody } = first.json<PushResponse>();
    const { serverTime: _t2, ...secondBody } = second.json<PushResponse>();
    expect(secondBody).toEqual(firstBody);
    expect(await snapshot(server.db)).toBe(before);
  });

  it('operations already stored arrive as duplicates when re-sent in a new batch', async () => {
    const op1 = makeOp(desks.a1.deviceId, personFields('钱七'));
    await push(server.app, desks.a1, makeBatch(desks.a1, [op1]));
    const op2 = makeOp(desks.a1.deviceId, personFields('孙八'));
    const res = await push(server.app, desks.a1, makeBatch(desks.a1, [op1, op2]));
    expect(res.json<PushResponse>()).toMatchObject({ applied: [op2.id], duplicates: [op1.id] });
  });

  it('refuses a batch id reused with other content (batch_id_reused) and changes nothing', async () => {
    const batch = makeBatch(desks.a1, [makeOp(desks.a1.deviceId, personFields('周九'))]);
    await push(server.app, desks.a1, batch);
    const before = await snapshot(server.db);
    const res = await push(server.app, desks.a1, { ...batch, operations: [makeOp(desks.a1.deviceId, personFields('吴十'))] });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'batch_id_reused' });
    expect(await snapshot(server.db)).toBe(before);
  });

  it('merges concurrent edits with the shared merge function: a conflict is kept, not dropped', async () => {
    const recordId = uuidv7();
    const create = makeOp(desks.a1.deviceId, personFields('郑一'), { recordId });
    await push(server.app, desks.a1, makeBatch(desks.a1, [create]));
    // Both desks saw the created name and corrected it independently.
    const edit1 = makeOp(desks.a1.deviceId, { name: '郑壹' }, { recordId, prev: { name: [create.hlc] } });
    const edit2 = makeOp(desks.a2.deviceId, { name: '郑一一' }, { recordId, prev: { name: [create.hlc] } });
    await push(server.app, desks.a2, makeBatch(desks.a2, [edit2]));
    await push(server.app, desks.a1, makeBatch(desks.a1, [edit1]));
    const state = (await recordState(desks.a1.officeId, recordId))!;
    const newest = edit1.hlc > edit2.hlc ? edit1 : edit2;
    expect(state.fields.name!.value).toBe(newest.fields.name);
    expect(state.conflicts.name).toHaveLength(1);
    expect((await storedRecord(server.db, desks.a1.officeId, recordId))?.values.name).toBe(newest.fields.name);
  });

  it('a delete writes a tombstone that sticks', async () => {
    const recordId = uuidv7();
    await push(server.app, desks.a1, makeBatch(desks.a1, [makeOp(desks.a1.deviceId, personFields('冯二'), { recordId })]));
    await push(server.app, desks.a2, makeBatch(desks.a2, [makeOp(desks.a2.deviceId, {}, { recordId, kind: 'delete' })]));
    const { rows } = await server.db.query<{ deleted: boolean }>('SELECT deleted FROM records WHERE office_id = $1 AND record_id = $2', [desks.a1.officeId, recordId]);
    expect(rows[0]!.deleted).toBe(true);
  });

  it('pull returns other devices’ operations of the same office, in log order, paginated', async () => {
    const ops = Array.from({ length: 7 }, (_, i) => makeOp(desks.a2.deviceId, personFields(`分页${i}`)));
    await push(server.app, desks.a2, makeBatch(desks.a2, ops.slice(0, 3)));
    await push(server.app, desks.a2, makeBatch(desks.a2, ops.slice(3)));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    for (;;) {
      const res = await pull(server.app, desks.a1, `?limit=3${cursor === undefined ? '' : `&since=${cursor}`}`);
      expect(res.statusCode).toBe(200);
      const body = res.json<PullResponse>();
      expect(body.operations.length).toBeLessThanOrEqual(3);
      for (const op of body.operations) {
        expect(op.deviceId).not.toBe(desks.a1.deviceId);
        seen.push(op.id);
      }
      cursor = body.nextCursor;
      pages += 1;
      if (!body.hasMore) break;
    }
    expect(pages).toBeGreaterThan(1);
    expect(seen.slice(-7)).toEqual(ops.map((o) => o.id));
    expect(new Set(seen).size).toBe(seen.length);
    // Nothing new: the cursor stays and the page is empty.
    const again = (await pull(server.app, desks.a1, `?since=${cursor}`)).json<PullResponse>();
    expect(again).toMatchObject({ operations: [], hasMore: false, nextCursor: cursor });
    // The same page asked twice is the same page (stable order).
    const p1 = (await pull(server.app, desks.a1, '?limit=5')).json<PullResponse>();
    const p2 = (await pull(server.app, desks.a1, '?limit=5')).json<PullResponse>();
    expect(p2.operations).toEqual(p1.operations);
  });

  it('pulled operations are exactly what was pushed', async () => {
    const op = makeOp(desks.a2.deviceId, { ...personFields('原样'), note: '含"引号"与\\反斜杠 😀' });
    const pushed = (await push(server.app, desks.a2, makeBatch(desks.a2, [op]))).json<PushResponse>();
    const body = (await pull(server.app, desks.a1, `?since=${Number(pushed.cursor) - 1}`)).json<PullResponse>();
    expect(body.operations).toEqual([op]);
  });

  it('office isolation: a device of office B pulls nothing of office A and its pushes never touch A', async () => {
    const res = await pull(server.app, desks.b1);
    expect(res.json<PullResponse>().operations.every((o) => o.deviceId === desks.b1.deviceId || o.deviceId !== desks.a1.deviceId)).toBe(true);
    expect(res.json<PullResponse>().operations).toEqual([]);
    // Office B reuses an operation id and a record id from office A: stored separately, A unchanged.
    const aOp = makeOp(desks.a1.deviceId, personFields('甲的记录'));
    await push(server.app, desks.a1, makeBatch(desks.a1, [aOp]));
    const stateA = await recordState(desks.a1.officeId, aOp.recordId);
    const bOp = { ...makeOp(desks.b1.deviceId, personFields('乙的记录'), { recordId: aOp.recordId }), id: aOp.id };
    const bRes = await push(server.app, desks.b1, makeBatch(desks.b1, [bOp]));
    expect(bRes.json<PushResponse>().applied).toEqual([bOp.id]);
    expect(await recordState(desks.a1.officeId, aOp.recordId)).toEqual(stateA);
    const aPull = (await pull(server.app, desks.a2)).json<PullResponse>();
    expect(aPull.operations.some((o) => o.deviceId === desks.b1.deviceId)).toBe(false);
  });

  it('a forged office id in the body is refused (forbidden_office) and changes nothing', async () => {
    const before = await snapshot(server.db);
    const forged = { ...makeBatch(desks.b1, [makeOp(desks.b1.deviceId, personFields('伪造'))]), officeId: desks.a1.officeId };
    const res = await push(server.app, desks.b1, forged);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: 'forbidden_office' });
    const forgedOp = makeBatch(desks.b1, [makeOp(desks.b1.deviceId, personFields('伪造'))]) as unknown as { operations: Record<string, unknown>[] };
    forgedOp.operations[0]!.officeId = desks.a1.officeId;
    expect((await push(server.app, desks.b1, forgedOp)).json()).toMatchObject({ error: 'forbidden_office' });
    expect(await snapshot(server.db)).toBe(before);
    // Naming its own office is harmless.
    const own = { ...makeBatch(desks.b1, [makeOp(desks.b1.deviceId, personFields('自己'))]), officeId: desks.b1.officeId };
    expect((await push(server.app, desks.b1, own)).statusCode).toBe(200);
  });

  it('a batch in another device’s name is refused (invalid_batch)', async () => {
    const before = await snapshot(server.db);
    const res = await push(server.app, desks.a1, makeBatch(desks.a2, [makeOp(desks.a2.deviceId, personFields('冒名'))]));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_batch' });
    expect(await snapshot(server.db)).toBe(before);
  });

  it('refuses unknown tables (unknown_table), too many operations (batch_too_large) and stamps from the future (clock_drift)', async () => {
    const before = await snapshot(server.db);
    const unknown = makeBatch(desks.a1, [{ ...makeOp(desks.a1.deviceId, personFields('x')), table: 'salaries' as never }]);
    expect((await push(server.app, desks.a1, unknown)).json()).toMatchObject({ error: 'unknown_table' });
    expect((await push(server.app, desks.a1, unknown)).statusCode).toBe(422);

    const many = makeBatch(
      desks.a1,
      Array.from({ length: MAX_OPERATIONS_PER_BATCH + 1 }, () => makeOp(desks.a1.deviceId, { name: 'x' })),
    );
    const tooMany = await push(server.app, desks.a1, many);
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json()).toMatchObject({ error: 'batch_too_large' });

    const future = makeBatch(desks.a1, [makeOp(desks.a1.deviceId, personFields('未来'), { millis: Date.now() + 3_600_000 })]);
    const drift = await push(server.app, desks.a1, future);
    expect(drift.statusCode).toBe(422);
    expect(drift.json()).toMatchObject({ error: 'clock_drift' });
    expect(await snapshot(server.db)).toBe(before);
  });

  it('refuses text PostgreSQL cannot store (U+0000, lone surrogates) with invalid_batch', async () => {
    const before = await snapshot(server.db);
    for (const bad of ['a\u0000b', 'x\ud800y']) {
      const res = await push(server.app, desks.a1, makeBatch(desks.a1, [makeOp(desks.a1.deviceId, { ...personFields('字符'), note: bad })]));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalid_batch' });
    }
    expect(await snapshot(server.db)).toBe(before);
  });

  it('concurrent pushes from several desks: a desk pulling meanwhile never skips an operation', async () => {
    const office = await makeOffice(server.db, '并发协会');
    const writers = await Promise.all(Array.from({ length: 4 }, () => enrol(server.app, server.db, office)));
    const reader = await enrol(server.app, server.db, office);
    const pushed: string[] = [];
    const pulled: string[] = [];
    let cursor = '0';
    let writing = true;
    const pullLoop = (async () => {
      for (;;) {
        // PGlite can answer in microtasks only; yield so the writers get their turn.
        await new Promise((resolve) => setImmediate(resolve));
        // Read before asking: a pull sent while the last push was still running may answer
        // from a snapshot without it, so only a pull sent after the writers finished may end.
        const writersDone = !writing;
        const body = (await pull(server.app, reader, `?since=${cursor}&limit=7`)).json<PullResponse>();
        pulled.push(...body.operations.map((o) => o.id));
        const moved = body.nextCursor !== cursor;
        cursor = body.nextCursor;
        if (writersDone && !body.hasMore && !moved) break;
      }
    })();
    await Promise.all(
      writers.map(async (w) => {
        for (let i = 0; i < 5; i++) {
          const ops = [makeOp(w.deviceId, personFields(`并发${i}`)), makeOp(w.deviceId, personFields(`并发${i}b`))];
          const res = await push(server.app, w, makeBatch(w, ops));
          expect(res.statusCode).toBe(200);
          pushed.push(...ops.map((o) => o.id));
        }
      }),
    );
    writing = false;
    await pullLoop;
    expect([...pulled].sort()).toEqual([...pushed].sort());
    expect(new Set(pulled).size).toBe(pulled.length);
  });

  it('a desk behind a long run of its own operations gets the others’ next ones in one pull, and its cursor moves past its own', async () => {
    const office = await makeOffice(server.db, '丙协会');
    const mine = await enrol(server.app, server.db, office);
    const other = await enrol(server.app, server.db, office);
    const start = (await pull(server.app, mine, '?limit=10')).json<PullResponse>().nextCursor;
    expect(start).toBe('0');
    // 2,500 of its own (more than the positions one query reads for a page of 10 or of 1,000),
    // then one from the other desk.
    for (const size of [1000, 1000, 500]) {
      expect((await push(server.app, mine, makeBatch(mine, Array.from({ length: size }, (_, i) => makeOp(mine.deviceId, personFields(`本机${i}`)))))).statusCode).toBe(200);
    }
    const theirs = makeOp(other.deviceId, personFields('他机'));
    expect((await push(server.app, other, makeBatch(other, [theirs]))).statusCode).toBe(200);
    for (const limit of [10, 1000]) {
      const page = (await pull(server.app, mine, `?limit=${limit}`)).json<PullResponse>();
      expect(page.operations.map((op) => op.id)).toEqual([theirs.id]);
      expect(page.hasMore).toBe(false);
      expect(page.nextCursor).toBe('2501');
      // Nothing more after it.
      const after = (await pull(server.app, mine, `?limit=${limit}&since=${page.nextCursor}`)).json<PullResponse>();
      expect(after).toMatchObject({ operations: [], hasMore: false, nextCursor: '2501' });
    }
    // The other desk gets all 2,500 of them, 1,000 a page, in order.
    const seen: string[] = [];
    let cursor = '0';
    for (;;) {
      const page = (await pull(server.app, other, `?limit=1000&since=${cursor}`)).json<PullResponse>();
      seen.push(...page.operations.map((op) => op.fields.name as string));
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    expect(seen).toHaveLength(2500);
    expect(seen.slice(0, 2)).toEqual(['本机0', '本机1']);
    expect(seen.at(-1)).toBe('本机499');
    // Past its own operation too (position 2501), which it holds already.
    expect(cursor).toBe('2501');
  }, 120_000);

  it('pull refuses a malformed cursor or limit (invalid_request)', async () => {
    for (const q of ['?since=abc', '?since=-1', '?limit=0', '?limit=5000', '?since=99999999999999999999']) {
      const res = await pull(server.app, desks.a1, q);
      expect(res.statusCode, q).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalid_request' });
    }
  });

  it('two server instances on one database serve the same offices and log', async () => {
    const other: TestDb = kind === 'postgres' ? await openTestDbSameSchema(server.db) : { db: server.db, dispose: async () => {} };
    const app2 = testApp(other.db);
    try {
      const office = await makeOffice(server.db, '双机协会');
      const d1 = await enrol(server.app, server.db, office);
      const d2 = await enrol(app2, other.db, office);
      const ops1 = [makeOp(d1.deviceId, personFields('一号机'))];
      const ops2 = [makeOp(d2.deviceId, personFields('二号机'))];
      // Concurrent pushes through both instances: both land, positions do not collide.
      const [r1, r2] = await Promise.all([push(server.app, d1, makeBatch(d1, ops1)), push(app2, d2, makeBatch(d2, ops2))]);
      expect(r1.statusCode).toBe(200);
      expect(r2.statusCode).toBe(200);
      expect(r1.json<PushResponse>().cursor).not.toBe(r2.json<PushResponse>().cursor);
      expect((await pull(app2, d1)).json<PullResponse>().operations.map((o) => o.id)).toEqual([ops2[0]!.id]);
      expect((await pull(server.app, d2)).json<PullResponse>().operations.map((o) => o.id)).toEqual([ops1[0]!.id]);
      // A replay through the other instance is still one clean push.
      const batch = makeBatch(d1, [makeOp(d1.deviceId, personFields('重放'))]);
      const first = (await push(server.app, d1, batch)).json<PushResponse>();
      const again = (await push(app2, d1, batch)).json<PushResponse>();
      expect(again.applied).toEqual(first.applied);
    } finally {
      await app2.close();
      if (kind === 'postgres') await other.db.close();
    }
  });

  /** A second pool on the same PostgreSQL schema: a second server process's view. */
  async function openTestDbSameSchema(current: Db): Promise<TestDb> {
    const { rows } = await current.query<{ schema: string }>('SELECT current_schema() AS schema');
    const { openPostgres } = await import('../../server/db-postgres');
    const second = openPostgres(process.env.TEST_DATABASE_URL!, { schema: rows[0]!.schema });
    return { db: second, dispose: () => second.close() };
  }
});
