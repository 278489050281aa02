/**
 * The server process killed (SIGKILL, no shutdown) in the middle of a stream of pushes,
 * restarted, and the same batches retried by the desk until each is answered: every operation is
 * in the log exactly once, and a second desk pulls each exactly once. A batch committed before the
 * kill answers the retry with its stored answer; one rolled back is applied by the retry.
 *
 * A real child process (`node --import tsx server/main.ts`) on PGlite in a temporary data folder, and on
 * PostgreSQL (a fresh schema) when `TEST_DATABASE_URL` is set.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../server/db-postgres';
import { uuidv7 } from '../../server/ids';
import type { PullResponse, PushRequest } from '../../shared/sync/protocol';
import { BACKENDS, makeBatch, makeOp, personFields, TEST_DATABASE_URL } from './helpers';

const PORT = Number(process.env.CRASH_TEST_PORT ?? 4401);
const BASE = `http://127.0.0.1:${PORT}`;
// `node --import tsx`, not the tsx wrapper: SIGKILL to the wrapper would leave its child serving.
const NODE_ARGS = ['--import', 'tsx', 'server/main.ts'];

describe.each(BACKENDS)('kill -9 mid-stream (%s)', (kind) => {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  let dataDir: string | undefined;
  let schema: string | undefined;
  let child: ChildProcess | undefined;

  afterAll(async () => {
    child?.kill('SIGKILL');
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
    if (schema !== undefined && TEST_DATABASE_URL !== undefined) {
      const admin = openPostgres(TEST_DATABASE_URL, { max: 1 });
      await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.close();
    }
  });

  async function prepare(): Promise<void> {
    if (kind === 'postgres') {
      schema = `t_${randomBytes(6).toString('hex')}`;
      const admin = openPostgres(TEST_DATABASE_URL!, { max: 1 });
      await admin.exec(`CREATE SCHEMA ${schema}`);
      await admin.close();
      const url = new URL(TEST_DATABASE_URL!);
      url.searchParams.set('options', `-c search_path=${schema}`);
      env.DATABASE_URL = url.toString();
    } else {
      dataDir = mkdtempSync(path.join(tmpdir(), 'desk-crash-'));
      env.DATA_DIR = dataDir;
      delete env.DATABASE_URL;
    }
  }

  /** Runs an administrator's command against the same database (the server is not running). */
  function cli(...args: string[]): string {
    const run = spawnSync(process.execPath, [...NODE_ARGS, ...args], { env, encoding: 'utf8', timeout: 120_000 });
    if (run.status !== 0) throw new Error(`cli ${args.join(' ')}: ${run.status} ${run.stderr}`);
    return run.stdout;
  }

  async function start(): Promise<void> {
    child = spawn(process.execPath, NODE_ARGS, { env, stdio: ['ignore', 'ignore', 'ignore'] });
    for (let i = 0; i < 600; i++) {
      try {
        const res = await fetch(`${BASE}/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('server did not start');
  }

  function kill(): Promise<void> {
    const dying = child!;
    return new Promise((resolve) => {
      dying.once('exit', () => resolve());
      dying.kill('SIGKILL');
    });
  }

  async function enrol(code: string, officeCode: string): Promise<{ deviceId: string; headers: Record<string, string> }> {
    const deviceId = uuidv7();
    const res = await fetch(`${BASE}/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ officeCode, enrolmentCode: code, deviceId, deviceName: '收件窗口', appVersion: '1' }),
    });
    expect(res.status).toBe(201);
    const { deviceToken } = (await res.json()) as { deviceToken: string };
    return { deviceId, headers: { authorization: `Bearer ${deviceToken}`, 'content-type': 'application/json' } };
  }

  /** One attempt; resolves to the HTTP status, or 0 when the connection failed (the server died). */
  async function pushOnce(headers: Record<string, string>, batch: PushRequest): Promise<number> {
    try {
      const res = await fetch(`${BASE}/sync/push`, { method: 'POST', headers, body: JSON.stringify(batch) });
      await res.arrayBuffer();
      return res.status;
    } catch {
      return 0;
    }
  }

  it(
    'three kills during pushes, restarts and retries: every operation exactly once',
    async () => {
      await prepare();
      cli('office', 'create', '崩溃测试协会', '--code', 'CRASH');
      const codes = [1, 2].map(() => /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(cli('enrol-code', 'CRASH'))![1]!);
      await start();
      const writer = await enrol(codes[0]!, 'CRASH');
      const reader = await enrol(codes[1]!, 'CRASH');

      const batches = Array.from({ length: 48 }, () => makeBatch(writer, Array.from({ length: 100 }, () => makeOp(writer.deviceId, personFields('崩溃')))));
      const acknowledged = new Set<string>();
      let retried = 0;
      const pending = [...batches];
      for (let round = 0; round < 3; round++) {
        // Sixteen batches sent in a stream; the process is killed while they are on their way.
        const inFlight = pending.splice(0, 16);
        const sends = inFlight.map(async (batch, i) => {
          await new Promise((r) => setTimeout(r, (i % 4) * 15));
          if ((await pushOnce(writer.headers, batch)) === 200) acknowledged.add(batch.batchId);
        });
        await new Promise((r) => setTimeout(r, 40 + round * 30));
        await kill();
        await Promise.all(sends);
        await start();
        // The desk retries every batch not acknowledged, until it is.
        for (const batch of inFlight) {
          if (acknowledged.has(batch.batchId)) continue;
          retried += 1;
          const status = await pushOnce(writer.headers, batch);
          expect(status).toBe(200);
          acknowledged.add(batch.batchId);
        }
      }
      // Acknowledged batches retried once more (a lost answer) change nothing.
      for (const batch of batches.slice(0, 5)) expect(await pushOnce(writer.headers, batch)).toBe(200);
      expect(acknowledged.size).toBe(batches.length);
      // The kills did cut streams: some batches had to be sent again.
      expect(retried).toBeGreaterThan(0);

      const pulled: string[] = [];
      let cursor = '0';
      for (;;) {
        const res = await fetch(`${BASE}/sync/pull?since=${cursor}&limit=1000`, { headers: reader.headers });
        const page = (await res.json()) as PullResponse;
        pulled.push(...page.operations.map((o) => o.id));
        cursor = page.nextCursor;
        if (!page.hasMore) break;
      }
      const expected = batches.flatMap((b) => b.operations.map((o) => o.id));
      expect(pulled.length).toBe(expected.length);
      expect(new Set(pulled).size).toBe(expected.length);
      expect([...pulled].sort()).toEqual([...expected].sort());
      await kill();
      child = undefined;
    },
    600_000,
  );
});
