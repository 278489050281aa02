/**
 * Sync server benchmarks (`npm run bench sync`), on PostgreSQL when `TEST_DATABASE_URL` or
 * `DATABASE_URL` is set (in a fresh schema, dropped afterwards), else on in-process PGlite.
 *
 * - sync-push: 100,000 operations pushed in batches of 1,000 through the app (validation, one
 *   transaction per batch, insert-or-ignore, merge into record state), against a plain multi-row
 *   INSERT of the same rows into a table shaped like the log, same database, same run, the two
 *   taking turns batch by batch.
 * - sync-first-pull: a new desk of the same office pulls all 100,000 (pages of 1,000).
 * - sync-concurrent: 50 desks (5 offices × 10) over loopback HTTP, each pushing 10 operations and
 *   pulling in a loop for 60 s; p95 of request latency, and errors (non-2xx or failed requests).
 *
 * - sync-push-batch: push throughput at the client's candidate batch sizes (50/100/200/500/1000),
 *   BENCH_BATCH_OPS operations per size (default 20,000), split over BENCH_BATCH_ROUNDS interleaved
 *   rounds (default 3; the median round is reported), a fresh device each time, through the app
 *   (inject: no socket, so the figure is the server's cost per batch). `ops_per_s_rtt30` adds a
 *   30 ms round trip per batch (an office server over the city's network), the cost a real desk
 *   pays on top; the client's PUSH_BATCH_SIZE (renderer/src/sync/push.ts) is chosen from these.
 *
 * BENCH_OPS, BENCH_SECONDS and BENCH_DEVICES shrink (or grow: BENCH_OPS=1000000 for the first pull
 * of a million) the run; BENCH_SYNC_ONLY=batch runs only the batch-size line (on PGlite, and on
 * PostgreSQL too when a URL is set), BENCH_SYNC_ONLY=main everything but it.
 */
import { type AddressInfo } from 'node:net';
import { type FastifyInstance } from 'fastify';
import { type Db } from '../../server/db';
import { type Operation, type PullResponse, type PushResponse } from '../../shared/sync/protocol';
import { enrol, makeBatch, makeOffice, makeOp, openTestDb, personFields, testApp, type TestDevice } from '../server/helpers';

const N = Number(process.env.BENCH_OPS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const DEVICES = Number(process.env.BENCH_DEVICES ?? 50);
const BATCH = 1000;
const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
if (url !== undefined) process.env.TEST_DATABASE_URL = url;
const kind = url === undefined ? 'pglite' : 'postgres';

function p95(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

/**
 * The baseline: a plain multi-row INSERT of a batch's rows into a table shaped like the log. Its
 * batches alternate with the app's (one each, in turn), so a burst of load from elsewhere on the
 * machine falls on both alike and the ratio stays meaningful on a busy machine.
 */
function baselineInserter(db: Db, officeId: string): (ops: Operation[]) => Promise<number> {
  let seq = 0;
  return async (ops) => {
    const started = performance.now();
    const params: unknown[] = [];
    const rows = ops.map((op) => {
      const base = params.length;
      params.push(officeId, ++seq, op.id, 'bench-batch', op.deviceId, op.table, op.recordId, op.hlc, JSON.stringify(op));
      return `(${Array.from({ length: 9 }, (_, i) => `$${base + i + 1}`).join(', ')})`;
    });
    await db.query(
      `INSERT INTO bench_plain_operations (office_id, seq, op_id, batch_id, device_id, table_name, record_id, hlc, op) VALUES ${rows.join(', ')}`,
      params,
    );
    return performance.now() - started;
  };
}

async function benchPushAndFirstPull(db: Db, app: FastifyInstance): Promise<void> {
  const office = await makeOffice(db, '基准协会');
  const writer = await enrol(app, db, office);
  const batches: Operation[][] = [];
  for (let i = 0; i < N; i += BATCH) {
    batches.push(Array.from({ length: Math.min(BATCH, N - i) }, (_, j) => makeOp(writer.deviceId, personFields(`申报人${i + j}`))));
  }

  await db.exec('CREATE TABLE bench_plain_operations (LIKE operations INCLUDING ALL)');
  const baseline = baselineInserter(db, office.id);
  let baselineMs = 0;
  let pushMs = 0;
  for (const ops of batches) {
    // Each side's clock covers building its statement or request and the database's answer.
    baselineMs += await baseline(ops);
    const started = performance.now();
    const res = await app.inject({ method: 'POST', url: '/sync/push', headers: writer.headers, payload: makeBatch(writer, ops) });
    pushMs += performance.now() - started;
    if (res.statusCode !== 200 || res.json<PushResponse>().applied.length !== ops.length) throw new Error(`push failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  await db.exec('DROP TABLE bench_plain_operations');
  const opsPerS = Math.round(N / (pushMs / 1000));
  const baselineOpsPerS = Math.round(N / (baselineMs / 1000));
  console.log(
    JSON.stringify({ bench: 'sync-push', ops: N, ops_per_s: opsPerS, baseline_ops_per_s: baselineOpsPerS, db: kind, ratio: +(opsPerS / baselineOpsPerS).toFixed(3) }),
  );

  const reader = await enrol(app, db, office);
  const pullStarted = performance.now();
  let cursor: string | undefined;
  let records = 0;
  for (;;) {
    const res = await app.inject({ method: 'GET', url: `/sync/pull?limit=1000${cursor === undefined ? '' : `&since=${cursor}`}`, headers: reader.headers });
    if (res.statusCode !== 200) throw new Error(`pull failed: ${res.statusCode}`);
    const body = res.json<PullResponse>();
    records += body.operations.length;
    cursor = body.nextCursor;
    if (!body.hasMore) break;
  }
  const pullMs = Math.round(performance.now() - pullStarted);
  if (records !== N) throw new Error(`first pull got ${records} of ${N}`);
  console.log(JSON.stringify({ bench: 'sync-first-pull', records, ms: pullMs, db: kind }));
}

const BATCH_SIZES = [50, 100, 200, 500, 1000] as const;
const BATCH_OPS = Number(process.env.BENCH_BATCH_OPS ?? 20_000);
const BATCH_ROUNDS = Math.max(1, Number(process.env.BENCH_BATCH_ROUNDS ?? 3));
const RTT_MS = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Rounds interleave the sizes (50, 100, …, 1000, 50, 100, …), so a burst of load from elsewhere
 * on the machine spreads over all sizes instead of sinking one; each line gives the median round.
 */
async function benchPushBatchSizes(db: Db, app: FastifyInstance, dbKind: string): Promise<void> {
  const office = await makeOffice(db, '批量协会');
  // Warm-up: the first pushes pay for JIT, prepared plans and the office row.
  const warm = await enrol(app, db, office);
  for (let i = 0; i < 5; i++) {
    await app.inject({ method: 'POST', url: '/sync/push', headers: warm.headers, payload: makeBatch(warm, Array.from({ length: 200 }, () => makeOp(warm.deviceId, personFields('预热')))) });
  }
  const perRound = Math.max(1, Math.round(BATCH_OPS / BATCH_ROUNDS));
  const timings = new Map<number, { ms: number; batches: number }[]>(BATCH_SIZES.map((size) => [size, []]));
  for (let round = 0; round < BATCH_ROUNDS; round++) {
    for (const size of BATCH_SIZES) {
      const writer = await enrol(app, db, office);
      const batches: Operation[][] = [];
      for (let i = 0; i < perRound; i += size) {
        batches.push(Array.from({ length: Math.min(size, perRound - i) }, (_, j) => makeOp(writer.deviceId, personFields(`申报人${i + j}`))));
      }
      const started = performance.now();
      for (const ops of batches) {
        const res = await app.inject({ method: 'POST', url: '/sync/push', headers: writer.headers, payload: makeBatch(writer, ops) });
        if (res.statusCode !== 200 || res.json<PushResponse>().applied.length !== ops.length) throw new Error(`push failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
      }
      timings.get(size)!.push({ ms: performance.now() - started, batches: batches.length });
    }
  }
  for (const size of BATCH_SIZES) {
    const rounds = timings.get(size)!;
    const opsPerS = rounds.map((r) => perRound / (r.ms / 1000));
    const withRtt = rounds.map((r) => perRound / ((r.ms + r.batches * RTT_MS) / 1000));
    console.log(
      JSON.stringify({
        bench: 'sync-push-batch',
        db: dbKind,
        batch: size,
        ops: perRound,
        rounds: rounds.length,
        ops_per_s: Math.round(median(opsPerS)),
        ops_per_s_rounds: opsPerS.map(Math.round),
        ms_per_batch: +median(rounds.map((r) => r.ms / r.batches)).toFixed(1),
        ops_per_s_rtt30: Math.round(median(withRtt)),
      }),
    );
  }
}

async function benchConcurrent(db: Db): Promise<void> {
  const app = testApp(db);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const offices = await Promise.all(Array.from({ length: Math.max(1, Math.ceil(DEVICES / 10)) }, () => makeOffice(db, '并发协会')));
  const devices: TestDevice[] = [];
  for (let i = 0; i < DEVICES; i++) devices.push(await enrol(app, db, offices[i % offices.length]!));

  const latencies: number[] = [];
  let errors = 0;
  let requests = 0;
  const deadline = performance.now() + SECONDS * 1000;

  async function timed(run: () => Promise<Response>): Promise<Response | undefined> {
    const started = performance.now();
    requests += 1;
    try {
      const res = await run();
      const body = await res.text();
      latencies.push(performance.now() - started);
      if (!res.ok) {
        errors += 1;
        return undefined;
      }
      return new Response(body, { status: res.status });
    } catch {
      errors += 1;
      return undefined;
    }
  }

  async function desk(device: TestDevice): Promise<void> {
    let cursor = '0';
    while (performance.now() < deadline) {
      const batch = makeBatch(device, Array.from({ length: 10 }, () => makeOp(device.deviceId, personFields('并发'))));
      await timed(() =>
        fetch(`${base}/sync/push`, { method: 'POST', headers: { ...device.headers, 'content-type': 'application/json' }, body: JSON.stringify(batch) }),
      );
      for (;;) {
        const res = await timed(() => fetch(`${base}/sync/pull?since=${cursor}&limit=1000`, { headers: device.headers }));
        if (res === undefined) break;
        const body = (await res.json()) as PullResponse;
        cursor = body.nextCursor;
        if (!body.hasMore) break;
      }
    }
  }

  await Promise.all(devices.map(desk));
  await app.close();
  console.log(JSON.stringify({ bench: 'sync-concurrent', devices: DEVICES, p95_ms: Math.round(p95(latencies) * 10) / 10, errors, db: kind, requests, seconds: SECONDS }));
}

async function batchSizesOn(dbKind: 'pglite' | 'postgres'): Promise<void> {
  const t = await openTestDb(dbKind);
  try {
    const app = testApp(t.db);
    await benchPushBatchSizes(t.db, app, dbKind);
    await app.close();
  } finally {
    await t.dispose();
  }
}

async function main(): Promise<void> {
  // The batch-size line runs on PGlite always, and on PostgreSQL too when there is one.
  const only = process.env.BENCH_SYNC_ONLY;
  if (only !== 'main') {
    await batchSizesOn('pglite');
    if (kind === 'postgres') await batchSizesOn('postgres');
  }
  if (only === 'batch') return;
  const t = await openTestDb(kind);
  try {
    const app = testApp(t.db);
    await benchPushAndFirstPull(t.db, app);
    await app.close();
    await benchConcurrent(t.db);
  } finally {
    await t.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
