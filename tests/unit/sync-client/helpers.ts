/**
 * Desks and servers for the sync client's tests: a desk is a Dexie database over fake-indexeddb
 * with its repositories; a server is either `FakeServer` (in memory, with scripted failures) or
 * the real fastify app reached through `injectFetch`, so the real HTTP transport runs against the
 * real routes without a socket.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { type FastifyInstance } from 'fastify';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { newId } from '../../../renderer/src/db/ids';
import { Repository, type WriteContext } from '../../../renderer/src/db/repository';
import { SYNC_KEYS, type SyncConnection } from '../../../renderer/src/sync/settings';
import { SyncEngine, type EngineDeps, type Timers } from '../../../renderer/src/sync/engine';
import type { PullQuery, SyncTransport } from '../../../renderer/src/sync/transport';
import { SyncError, type SyncErrorCode } from '../../../shared/sync/errors';
import type { BatchFile, Operation, PullResponse, PushRequest, PushResponse } from '../../../shared/sync/protocol';
import { EMPTY_LEDGER, reserveBlock, type NumberLedger } from '../../../shared/documents/numbering';
import type { NumberReserveResponse } from '../../../shared/sync/numbers';
import { checkClockDrift, parsePushBody } from '../../../server/push';

/** Timers the test fires by hand, in order, to see what the engine scheduled. */
export class ManualTimers implements Timers {
  readonly pending: { fn: () => void; ms: number; handle: number }[] = [];
  private next = 1;
  set(fn: () => void, ms: number): unknown {
    const handle = this.next++;
    this.pending.push({ fn, ms, handle });
    return handle;
  }
  clear(handle: unknown): void {
    const i = this.pending.findIndex((p) => p.handle === handle);
    if (i >= 0) this.pending.splice(i, 1);
  }
  fire(): number {
    const t = this.pending.shift();
    if (t === undefined) throw new Error('no timer pending');
    t.fn();
    return t.ms;
  }
}

let counter = 0;

export interface Desk {
  readonly db: DeskDatabase;
  readonly deviceId: string;
  readonly people: Repository<'people'>;
  readonly ctx: WriteContext;
  close(): Promise<void>;
}

export async function makeDesk(deviceId: string = newId()): Promise<Desk> {
  const db = new DeskDatabase(`sync-client-test-${process.pid}-${++counter}`);
  await db.open();
  await db.settings.put({ key: 'deviceId', value: deviceId });
  return {
    db,
    deviceId,
    people: new Repository(db, 'people'),
    ctx: { userId: 'clerk-1', deviceId },
    async close() {
      db.close();
      await db.delete();
    },
  };
}

/** Marks a desk enrolled without a server (for tests that use a fake transport). */
export async function markEnrolled(desk: Desk, officeId = 'office-1'): Promise<void> {
  const connection: SyncConnection = {
    baseUrl: 'https://sync.example.org',
    officeCode: 'TEST',
    officeId,
    officeName: '测试协会',
    deviceName: '收件窗口 1 号机',
    enrolledAt: new Date().toISOString(),
  };
  await desk.db.settings.bulkPut([
    { key: SYNC_KEYS.connection, value: connection },
    { key: SYNC_KEYS.token, value: 'x'.repeat(40) },
  ]);
}

/** Valid 身份证号 with the ISO 7064 check character. */
export function idNumber(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, c, i) => s + Number(c) * weights[i]!, 0);
  return body17 + '10X98765432'[sum % 11]!;
}

export function person(name: string, n: number) {
  return { name, idNumber: idNumber(`1101051949100${String(100 + n).padStart(4, '0')}`) };
}

export async function outboxIds(desk: Desk): Promise<string[]> {
  return (await desk.db.outbox.orderBy('id').primaryKeys()) as string[];
}

// ---------------------------------------------------------------------------------------------

export type Failure =
  /** The server refuses before committing (a 5xx, a 4xx). */
  | { readonly kind: 'refuse'; readonly code: SyncErrorCode; readonly retryAfterSeconds?: number; readonly details?: unknown }
  /** The server commits, then the answer is lost on the way back. */
  | { readonly kind: 'lose-reply' };

function refusal(failure: Extract<Failure, { kind: 'refuse' }>): SyncError {
  return new SyncError(failure.code, failure.details, failure.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: failure.retryAfterSeconds });
}

/**
 * An in-memory server with the protocol's idempotency: operations insert-or-ignore on id, a
 * batch id answers the same again, a batch id reused with other content is refused. `as(deviceId)`
 * is one desk's connection to it (a pull leaves out that desk's own operations, as the server does).
 */
export class FakeServer {
  readonly log: Operation[] = [];
  readonly batches = new Map<string, { content: string; answer: PushResponse }>();
  readonly pushes: PushRequest[] = [];
  readonly pulls: PullQuery[] = [];
  private readonly failures: { route: 'push' | 'pull'; failure: Failure }[] = [];
  /** The number ledger, and the answers given per device and request id (idempotent, like the server). */
  numberLedger: NumberLedger = EMPTY_LEDGER;
  readonly reservations = new Map<string, NumberReserveResponse>();
  /** Runs while a push is "on the wire", before the server handles it. */
  onPush: ((batch: PushRequest) => Promise<void>) | null = null;
  /**
   * With a clock, every push is checked as the real server checks it (server/push.ts: the wire
   * schema, storable text, stamps at most 5 minutes ahead of this clock) and refused the same way.
   */
  constructor(private readonly strict?: { readonly now: () => number }) {}
  /** Operations this server refuses for good, as a newer or older server might (`invalid_batch` naming the operation). */
  readonly poison = new Set<string>();

  failNext(route: 'push' | 'pull', failure: Failure): this {
    this.failures.push({ route, failure });
    return this;
  }

  private takeFailure(route: 'push' | 'pull'): Failure | undefined {
    const i = this.failures.findIndex((f) => f.route === route);
    return i < 0 ? undefined : this.failures.splice(i, 1)[0]!.failure;
  }

  as(deviceId: string): SyncTransport {
    return {
      enrol: async () => {
        throw new SyncError('not_found');
      },
      push: (batch) => this.push(batch),
      pull: (query) => this.pull(deviceId, query),
      uploadBlob: async (sha256, bytes) => ({ sha256, size: bytes.size, created: true }),
      downloadBlob: async () => {
        throw new SyncError('blob_not_found');
      },
      importBatchFile: async (file: BatchFile) => file.batches.map((b) => this.apply(b)),
      reserveNumbers: async (request) => {
        const key = `${deviceId}:${request.requestId}`;
        const known = this.reservations.get(key);
        if (known !== undefined) return known;
        const reserved = reserveBlock(this.numberLedger, { ...request.series, deviceId, ...(request.size === undefined ? {} : { size: request.size }) });
        if (!reserved.ok) throw new SyncError('numbers_exhausted');
        this.numberLedger = reserved.value.ledger;
        const answer: NumberReserveResponse = { block: reserved.value.block, requestId: request.requestId, reservedAt: new Date().toISOString() };
        this.reservations.set(key, answer);
        return answer;
      },
      officeKey: async () => {
        throw new SyncError('not_found');
      },
    };
  }

  private async push(batch: PushRequest): Promise<PushResponse> {
    this.pushes.push(structuredClone(batch));
    await this.onPush?.(batch);
    const failure = this.takeFailure('push');
    if (failure?.kind === 'refuse') throw refusal(failure);
    const poisoned = batch.operations.findIndex((op) => this.poison.has(op.id));
    if (poisoned >= 0) throw new SyncError('invalid_batch', [{ path: `operations.${poisoned}.fields.name`, message: '字段含有无法保存的字符' }]);
    if (this.strict !== undefined) {
      parsePushBody(structuredClone(batch), 'office-1');
      checkClockDrift(batch, this.strict.now());
    }
    const answer = this.apply(batch);
    if (failure?.kind === 'lose-reply') throw new SyncError('network', { reason: 'reply lost after commit' });
    return answer;
  }

  apply(batch: PushRequest): PushResponse {
    const content = JSON.stringify(batch.operations);
    const seen = this.batches.get(batch.batchId);
    if (seen !== undefined) {
      if (seen.content !== content) throw new SyncError('batch_id_reused');
      return seen.answer;
    }
    const known = new Set(this.log.map((op) => op.id));
    const applied: string[] = [];
    const duplicates: string[] = [];
    for (const op of batch.operations) {
      if (known.has(op.id)) duplicates.push(op.id);
      else {
        this.log.push(structuredClone(op));
        known.add(op.id);
        applied.push(op.id);
      }
    }
    const answer: PushResponse = { applied, duplicates, cursor: String(this.log.length), serverTime: new Date().toISOString() };
    this.batches.set(batch.batchId, { content, answer });
    return answer;
  }

  private async pull(deviceId: string, query: PullQuery): Promise<PullResponse> {
    this.pulls.push(query);
    const failure = this.takeFailure('pull');
    if (failure?.kind === 'refuse') throw refusal(failure);
    const since = query.since === undefined ? 0 : Number(query.since);
    const rest = this.log.map((op, i) => ({ op, seq: i + 1 })).filter(({ op, seq }) => seq > since && op.deviceId !== deviceId);
    const page = rest.slice(0, query.limit);
    const nextCursor = page.length > 0 ? String(page[page.length - 1]!.seq) : String(since);
    return { operations: page.map((p) => structuredClone(p.op)), nextCursor, hasMore: rest.length > query.limit, serverTime: new Date().toISOString() };
  }
}

// ---------------------------------------------------------------------------------------------

/** One enrolled desk against a FakeServer, with timers fired by hand: what the engine tests run on. */
export interface FakeRig {
  readonly desk: Desk;
  readonly server: FakeServer;
  readonly timers: ManualTimers;
}

/**
 * Before each test, a fresh enrolled desk, the server `server()` makes and manual timers, handed
 * to `opened`; the desk is closed after the test.
 */
export function useFakeRig(opened: (rig: FakeRig) => void, server: () => FakeServer = () => new FakeServer()): void {
  let desk: Desk | undefined;
  beforeEach(async () => {
    desk = await makeDesk();
    await markEnrolled(desk);
    opened({ desk, server: server(), timers: new ManualTimers() });
  });
  afterEach(async () => {
    await desk?.close();
  });
}

/** The rig desk's engine against its server, with its timers and a fixed jitter; `deps` adds to or overrides that. */
export function rigEngine(rig: FakeRig, deps: Partial<EngineDeps> = {}): SyncEngine {
  const { desk, server, timers } = rig;
  return new SyncEngine({ db: desk.db, deviceId: async () => desk.deviceId, transportFor: () => server.as(desk.deviceId), random: () => 0.5, timers, ...deps });
}

/** Registers applicants 申请人{from}… on the desk: `n` creates waiting in its outbox. */
export async function registerPeople(desk: Desk, n: number, from = 0): Promise<void> {
  for (let i = from; i < from + n; i++) await desk.people.create(person(`申请人${i}`, i), desk.ctx);
}

/**
 * `fetch` over fastify's `inject`: the real transport against the real routes, no socket.
 * `loseReplies` drops the answer of that many requests to a path after the server handled them.
 */
export function injectFetch(app: FastifyInstance, options: { loseReplies?: { path: string; count: number } } = {}): typeof fetch {
  let toLose = options.loseReplies?.count ?? 0;
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>));
    const body = init?.body;
    const payload = body === undefined || body === null ? undefined : body instanceof Blob ? Buffer.from(await body.arrayBuffer()) : (body as string);
    const res = await app.inject({ method: (init?.method ?? 'GET') as 'GET', url: `${url.pathname}${url.search}`, headers, ...(payload === undefined ? {} : { payload }) });
    if (toLose > 0 && url.pathname === options.loseReplies?.path) {
      toLose -= 1;
      throw new TypeError('Failed to fetch');
    }
    return new Response(res.rawPayload.length === 0 ? null : new Uint8Array(res.rawPayload), {
      status: res.statusCode,
      headers: Object.entries(res.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)] as [string, string]])),
    });
  }) as typeof fetch;
}
