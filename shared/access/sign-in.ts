/**
 * Sign-in failures slow down guessing: the first few mistakes cost nothing (a clerk mistypes),
 * then each further failure doubles the wait before the next attempt, up to a ceiling that still
 * lets the rightful user in the same morning. Counted per user name on the desk; a success
 * clears the count. Pure: the caller stores the count and the time of the last failure.
 */
import { fail, ok, type Result } from '../rules/result';

/** Failures allowed without any wait. */
export const FREE_SIGN_IN_FAILURES = 5;
/** The wait after the first failure beyond the free ones; doubles with each further failure. */
export const FIRST_SIGN_IN_DELAY_MS = 30_000;
/** The longest wait. */
export const MAX_SIGN_IN_DELAY_MS = 15 * 60_000;

export interface SignInFailures {
  /** Consecutive failures since the last success. */
  readonly count: number;
  /** Epoch milliseconds of the last failure. */
  readonly lastFailureAt: number;
}

/**
 * How long after the last of `failures` consecutive failures the next attempt must wait:
 * 0 for up to 5, then 30 s, 1 min, 2 min, 4 min, 8 min, and 15 min from the 10th on.
 */
export function signInDelayMs(failures: number): number {
  if (!Number.isFinite(failures) || failures < FREE_SIGN_IN_FAILURES) return 0;
  const doublings = Math.min(Math.floor(failures) - FREE_SIGN_IN_FAILURES, 20);
  return Math.min(MAX_SIGN_IN_DELAY_MS, FIRST_SIGN_IN_DELAY_MS * 2 ** doublings);
}

/** Milliseconds still to wait at `nowMs` (0: an attempt may be made now). */
export function signInWaitMs(state: SignInFailures | undefined, nowMs: number): number {
  if (state === undefined) return 0;
  const until = state.lastFailureAt + signInDelayMs(state.count);
  // A clock set back must not lock a user out for longer than the delay itself.
  return Math.max(0, Math.min(until - nowMs, signInDelayMs(state.count)));
}

/** The state after one more failure at `nowMs`. */
export function recordSignInFailure(state: SignInFailures | undefined, nowMs: number): SignInFailures {
  return { count: (state?.count ?? 0) + 1, lastFailureAt: nowMs };
}

/** `请在 30 秒后再试` / `请在 2 分钟后再试`, rounded up. */
export function waitText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} 秒`;
  return `${Math.ceil(seconds / 60)} 分钟`;
}

/** Whether an attempt may be made now; `auth.throttled` with the wait in Chinese when not. */
export function checkSignInAllowed(state: SignInFailures | undefined, nowMs: number): Result<void> {
  const wait = signInWaitMs(state, nowMs);
  if (wait === 0) return ok(undefined);
  return fail('auth.throttled', `登录失败次数过多（已连续 ${state!.count} 次），请在 ${waitText(wait)}后再试。`);
}
