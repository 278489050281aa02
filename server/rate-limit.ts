/**
 * Fixed-window rate limits kept in the database, so every server process behind a load balancer
 * counts the same attempts (an in-memory counter per process would multiply the allowance).
 *
 * Every rate-limited endpoint answers the same way: HTTP 429 with the shared code `rate_limited`
 * and a `Retry-After` header (whole seconds until the window ends; also in the body as
 * `details.retryAfterSeconds`). See `shared/sync/errors.ts` for how the desk treats it.
 */
import { SyncError } from '../shared/sync/errors';
import { type Queryable } from './db';

export interface Attempt {
  /** Attempts in the current window, this one included. */
  readonly hits: number;
  /** Whole seconds until the current window ends (at least 1). */
  readonly retryAfterSeconds: number;
}

/** Counts one attempt under `key`. */
export async function countAttempt(db: Queryable, key: string, windowSeconds: number): Promise<Attempt> {
  const { rows } = await db.query<{ hits: number; remaining: unknown }>(
    `INSERT INTO rate_limits AS r (key, window_start, hits) VALUES ($1, now(), 1)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE r.hits + 1 END,
       window_start = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN now() ELSE r.window_start END
     RETURNING hits, extract(epoch FROM (window_start + make_interval(secs => $2) - now())) AS remaining`,
    [key, windowSeconds],
  );
  const remaining = Number(rows[0]?.remaining ?? windowSeconds);
  return {
    hits: Number(rows[0]?.hits ?? 1),
    retryAfterSeconds: Math.max(1, Math.min(windowSeconds, Math.ceil(Number.isFinite(remaining) ? remaining : windowSeconds))),
  };
}

/** The error a rate-limited endpoint throws (the error handler adds the `Retry-After` header). */
export function rateLimited(retryAfterSeconds: number): SyncError {
  return new SyncError('rate_limited', { retryAfterSeconds }, { retryAfterSeconds });
}

/**
 * Counts one attempt under each key and throws `rate_limited` if any is over its allowance; the
 * wait is the longest of the exceeded windows. Every key is counted even when an earlier one is
 * already over, so a blocked client keeps its windows full.
 */
export async function enforceRateLimits(db: Queryable, checks: readonly { key: string; windowSeconds: number; max: number }[]): Promise<void> {
  let wait = 0;
  for (const check of checks) {
    const attempt = await countAttempt(db, check.key, check.windowSeconds);
    if (attempt.hits > check.max) wait = Math.max(wait, attempt.retryAfterSeconds);
  }
  if (wait > 0) throw rateLimited(wait);
}

/** Forgets windows that ended long ago (keeps the table small). */
export async function pruneRateLimits(db: Queryable, olderThanSeconds: number = 86_400): Promise<void> {
  await db.query('DELETE FROM rate_limits WHERE window_start < now() - make_interval(secs => $1)', [olderThanSeconds]);
}
