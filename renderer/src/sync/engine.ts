/**
 * The sync loop: decides when a pass runs and what a failure means.
 *
 * When: on 立即同步 (`manual`), when the network comes back (`online`), on a periodic timer
 * (`timer`), soon after the outbox grows (`change`) and at start-up (`start`). Only one pass
 * runs at a time (and, through the Web Locks API, one per device across windows); a trigger that
 * arrives during a pass is answered by that pass, with one more pass after it if the outbox
 * changed meanwhile.
 *
 * Failures, by the shared catalogue's `retry` flag (the OpenCRVS rule):
 * - retryable (5xx, network, a local hiccup): retried on its own after `backoffDelay(attempt)`,
 *   with jitter, so a hundred desks that lost the server together do not return together. The
 *   network coming back retries at once.
 * - rate limited (429, `rate_limited`, the one retryable 4xx): retried like the above, but not
 *   before the server's `Retry-After`, even when the network comes back; only 立即同步 asks sooner.
 * - not retryable (other 4xx): the engine stops ("blocked") and shows the message, which says what a
 *   person must do; only that person (立即同步, or enrolling again) starts it again. The block
 *   survives a restart, because it is read back from the stored last error.
 * - `clock_drift` is the exception among the 4xx: the person's fix (setting the computer's clock)
 *   happens outside the app, so the engine keeps trying on its own, no more often than every
 *   `CLOCK_RETRY_MS`: once the clock is right, the next pass stamps the waiting work again
 *   (./restamp) and pushes it, and the clerk is told.
 * - an operation the server refuses for good does not stop the engine: it is set aside
 *   (./quarantine) and the pass goes on; the 同步 page shows it with what to do.
 *
 * Nothing here touches the DOM: timers, clock, randomness, the online flag and the lock are
 * parameters, so the tests drive every branch deterministically. `./index` wires the real ones.
 */
import type { DeskDatabase } from '../db/database';
import { backoffDelay, SyncError, type BackoffOptions } from '../../../shared/sync/errors';
import { syncPass, type PassResult, type SyncProgress } from './run';
import { readConnection, readLastError, readToken, recordFailure, recordSuccess, type SyncConnection, type SyncFailure } from './settings';
import type { SyncTransport } from './transport';
import { errorMessage } from '../../../shared/rules/error-message';

export type SyncTrigger = 'manual' | 'online' | 'timer' | 'change' | 'start' | 'retry';

export type SyncPhase =
  /** Not enrolled: nothing to sync with. */
  | 'unenrolled'
  | 'idle'
  | 'syncing'
  /** A retryable failure; the next attempt is scheduled (`nextRetryAt`). */
  | 'waiting'
  /** A failure only a person can fix (4xx); no automatic attempts. */
  | 'blocked'
  | 'offline';

export interface SyncStatus {
  readonly phase: SyncPhase;
  readonly progress: SyncProgress | null;
  readonly failure: SyncFailure | null;
  readonly nextRetryAt: number | null;
}

export type SyncResult =
  | ({ readonly ok: true } & PassResult)
  | { readonly ok: false; readonly failure: SyncFailure }
  | { readonly ok: 'skipped'; readonly reason: 'unenrolled' | 'offline' | 'blocked' | 'waiting' };

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface EngineDeps {
  readonly db: DeskDatabase;
  readonly deviceId: () => Promise<string>;
  readonly transportFor: (connection: SyncConnection, token: string) => SyncTransport;
  readonly now?: () => number;
  /** In [0, 1); `Math.random` in the app. */
  readonly random?: () => number;
  readonly timers?: Timers;
  readonly isOnline?: () => boolean;
  /** Runs `fn` exclusively for this device (Web Locks in the app). */
  readonly withLock?: <T>(fn: () => Promise<T>) => Promise<T>;
  readonly backoff?: BackoffOptions;
  readonly batchSize?: number;
  readonly pageSize?: number;
  readonly onStatus?: (status: SyncStatus) => void;
}

const defaultTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Retry interval while waiting for the computer's clock to be set right. */
export const CLOCK_RETRY_MS = 60_000;

/** What the clerk sees for an error that is not a server answer: a bug or a local database failure. */
export function failureOf(error: unknown, at: string): SyncFailure {
  if (error instanceof SyncError && error.code === 'clock_drift') {
    // Fixed outside the app: keep trying, and say that it will go on by itself.
    return { code: error.code, message: `${error.message}校正后会自动继续同步，待同步的修改不会丢失。`, retry: true, at };
  }
  if (error instanceof SyncError) return { code: error.code, message: error.message, retry: error.retry, at };
  const detail = errorMessage(error);
  return {
    code: 'local',
    message: `本机处理同步数据时出错（${detail.slice(0, 200)}）。稍后会自动重试；如反复出现，请导出数据备份并联系管理员。`,
    retry: true,
    at,
  };
}

/**
 * How long to wait before retrying after `error`: the backoff, but never less than a 429's
 * `Retry-After` (the server said when it will listen again; asking sooner only earns another 429).
 */
export function retryDelay(error: unknown, attempt: number, random: number, backoff?: BackoffOptions): number {
  const base = backoffDelay(attempt, random, backoff);
  // Nobody sets a clock in a second; asking sooner only earns the same refusal.
  const delay = error instanceof SyncError && error.code === 'clock_drift' ? Math.max(base, CLOCK_RETRY_MS) : base;
  const after = error instanceof SyncError ? error.retryAfterSeconds : undefined;
  return after === undefined ? delay : Math.max(delay, after * 1000);
}

export class SyncEngine {
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly timers: Timers;
  private readonly isOnline: () => boolean;
  private readonly withLock: <T>(fn: () => Promise<T>) => Promise<T>;

  private status: SyncStatus = { phase: 'idle', progress: null, failure: null, nextRetryAt: null };
  private running: Promise<SyncResult> | null = null;
  private again = false;
  private retryHandle: unknown = null;
  /** Consecutive retryable failures; the backoff grows with it. */
  private attempt = 0;
  private loaded: Promise<void> | null = null;
  /** Passes started by the engine itself (a retry timer, the network coming back). */
  private readonly started = new Set<Promise<SyncResult>>();

  constructor(private readonly deps: EngineDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.timers = deps.timers ?? defaultTimers;
    this.isOnline = deps.isOnline ?? (() => true);
    this.withLock = deps.withLock ?? ((fn) => fn());
  }

  get current(): SyncStatus {
    return this.status;
  }

  private set(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    this.deps.onStatus?.(this.status);
  }

  /** Reads the stored state once: an unresolved 4xx keeps the engine blocked across restarts. */
  load(): Promise<void> {
    this.loaded ??= (async () => {
      const [connection, failure] = await Promise.all([readConnection(this.deps.db), readLastError(this.deps.db)]);
      const waitUntil = failure?.notBefore === undefined ? NaN : Date.parse(failure.notBefore);
      if (connection === undefined) this.set({ phase: 'unenrolled' });
      else if (failure !== undefined && !failure.retry) this.set({ phase: 'blocked', failure });
      else if (failure !== undefined && waitUntil > this.now()) {
        // The server's Retry-After outlives a restart: wait out the rest, then try once.
        this.retryHandle = this.timers.set(() => {
          this.retryHandle = null;
          this.start('retry');
        }, waitUntil - this.now());
        this.set({ phase: 'waiting', failure, nextRetryAt: waitUntil });
      } else this.set({ phase: this.isOnline() ? 'idle' : 'offline', failure: failure ?? null });
    })();
    return this.loaded;
  }

  /** Enrolment changed the connection: forget any block and backoff, and start afresh. */
  async reset(): Promise<void> {
    this.cancelRetry();
    this.attempt = 0;
    this.loaded = null;
    this.set({ failure: null, progress: null });
    await this.load();
  }

  private cancelRetry(): void {
    if (this.retryHandle !== null) this.timers.clear(this.retryHandle);
    this.retryHandle = null;
    if (this.status.nextRetryAt !== null) this.set({ nextRetryAt: null });
  }

  /** The network state changed (window `online` / `offline`). */
  networkChanged(online: boolean): void {
    if (!online) {
      if (this.status.phase === 'idle') this.set({ phase: 'offline' });
      return;
    }
    if (this.status.phase === 'offline') this.set({ phase: 'idle' });
    this.start('online');
  }

  private start(trigger: SyncTrigger): void {
    const pass = this.sync(trigger);
    this.started.add(pass);
    const done = () => this.started.delete(pass);
    pass.then(done, done);
  }

  /** Resolves once no pass is running or about to run (for whoever must wait for quiet, e.g. tests). */
  async settled(): Promise<void> {
    while (this.running !== null || this.started.size > 0) {
      await Promise.allSettled([...this.started, ...(this.running ? [this.running] : [])]);
    }
  }

  /** Runs a pass if the trigger allows one now; concurrent callers share the running pass. */
  async sync(trigger: SyncTrigger): Promise<SyncResult> {
    await this.load();
    if (this.running !== null) {
      if (trigger === 'change' || trigger === 'manual') this.again = true;
      return this.running;
    }
    const phase = this.status.phase;
    if (trigger === 'manual' || trigger === 'online') {
      // A person asked, or the network is back: try now, whatever the backoff said. A block
      // lifts only when a person asks.
      if (trigger === 'online' && phase === 'blocked') return { ok: 'skipped', reason: 'blocked' };
      // The network coming back changes nothing about a server that asked to be left alone.
      if (trigger === 'online' && phase === 'waiting' && this.status.failure?.code === 'rate_limited') return { ok: 'skipped', reason: 'waiting' };
      this.cancelRetry();
      this.attempt = 0;
    } else {
      if (trigger !== 'retry') {
        if (phase === 'blocked') return { ok: 'skipped', reason: 'blocked' };
        if (phase === 'waiting') return { ok: 'skipped', reason: 'waiting' };
      }
      if (!this.isOnline()) {
        // No point knocking while the computer knows it has no network; `online` resumes.
        if (phase !== 'unenrolled') this.set({ phase: 'offline', nextRetryAt: null });
        return { ok: 'skipped', reason: 'offline' };
      }
    }
    this.running = this.run().finally(() => {
      this.running = null;
    });
    const result = await this.running;
    if (this.again && result.ok === true) {
      this.again = false;
      return this.sync('change');
    }
    this.again = false;
    return result;
  }

  private async run(): Promise<SyncResult> {
    const { db } = this.deps;
    const [connection, token] = await Promise.all([readConnection(db), readToken(db)]);
    if (connection === undefined || token === undefined) {
      this.set({ phase: 'unenrolled', progress: null });
      return { ok: 'skipped', reason: 'unenrolled' };
    }
    this.set({ phase: 'syncing', progress: null, nextRetryAt: null });
    try {
      const deviceId = await this.deps.deviceId();
      const transport = this.deps.transportFor(connection, token);
      const result = await this.withLock(() =>
        syncPass(db, transport, deviceId, {
          ...(this.deps.batchSize === undefined ? {} : { batchSize: this.deps.batchSize }),
          ...(this.deps.pageSize === undefined ? {} : { pageSize: this.deps.pageSize }),
          now: this.now,
          onProgress: (progress) => this.set({ progress }),
        }),
      );
      this.attempt = 0;
      await recordSuccess(db, new Date(this.now()).toISOString());
      this.set({ phase: 'idle', progress: null, failure: null, nextRetryAt: null });
      return { ok: true, ...result };
    } catch (error) {
      const found = failureOf(error, new Date(this.now()).toISOString());
      const delay = retryDelay(error, this.attempt, this.random(), this.deps.backoff);
      const nextRetryAt = this.now() + delay;
      const serverAsked = error instanceof SyncError && error.retryAfterSeconds !== undefined;
      const failure: SyncFailure = found.retry && serverAsked ? { ...found, notBefore: new Date(nextRetryAt).toISOString() } : found;
      await recordFailure(db, failure).catch(() => undefined);
      if (!failure.retry) {
        this.set({ phase: 'blocked', progress: null, failure, nextRetryAt: null });
        return { ok: false, failure };
      }
      this.attempt += 1;
      this.retryHandle = this.timers.set(() => {
        this.retryHandle = null;
        this.start('retry');
      }, delay);
      this.set({ phase: 'waiting', progress: null, failure, nextRetryAt });
      return { ok: false, failure };
    }
  }

  /** Stops scheduled retries (the app is closing, or a test is done). */
  dispose(): void {
    this.cancelRetry();
  }
}
