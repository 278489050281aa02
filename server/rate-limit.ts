/**
 * Fixed-window rate limits kept in the database, so every server process behind a load balancer
 * counts the same attempts (an in-memory counter per process would multiply the allowance).
 */
import { type Queryable } from './db';

/** Counts one attempt under `key`; returns the attempts in the current window, this one included. */
export async function countAttempt(db: Queryable, key: string, windowSeconds: number): Promise<number> {
  const { rows } = await db.query<{ hits: number }>(
    `INSERT INTO rate_limits AS r (key, window_start, hits) VALUES ($1, now(), 1)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE r.hits + 1 END,
       window_start = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN now() ELSE r.window_start END
     RETURNING hits`,
    [key, windowSeconds],
  );
  return Number(rows[0]?.hits ?? 1);
}

/** Forgets windows that ended long ago (keeps the table small). */
export async function pruneRateLimits(db: Queryable, olderThanSeconds: number = 86_400): Promise<void> {
  await db.query('DELETE FROM rate_limits WHERE window_start < now() - make_interval(secs => $1)', [olderThanSeconds]);
}
