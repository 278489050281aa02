/**
 * Bounds on the PBKDF2 iteration count a stored password hash may name. The count travels with
 * the hash (`pbkdf2-sha256$600000$…`) so it can be raised later; taken on trust, a record with 1
 * iteration would make an offline guess of a leaked hash free, and one with 999,999,999 would
 * hang the desk for hours at sign-in. Records outside the bounds are refused, with a message
 * saying what to do.
 */
import { fail, ok, type Result } from '../rules/result';

export interface IterationBounds {
  readonly min: number;
  readonly max: number;
}

/**
 * 100,000 is the floor OWASP gave before raising its advice to 600,000 (the desk's own count);
 * 5,000,000 is under about 5 s in Chromium's WebCrypto on an office PC.
 */
export const PBKDF2_BOUNDS: IterationBounds = { min: 100_000, max: 5_000_000 };

/** Whether `iterations` is a count a stored hash may name; `auth.iterations` otherwise. */
export function checkIterations(iterations: number, bounds: IterationBounds = PBKDF2_BOUNDS): Result<number> {
  if (Number.isSafeInteger(iterations) && iterations >= bounds.min && iterations <= bounds.max) return ok(iterations);
  return fail(
    'auth.iterations',
    `该账号的密码记录不可用（迭代次数 ${Number.isFinite(iterations) ? iterations : '无效'} 不在允许的 ${bounds.min}–${bounds.max} 之间），无法登录。请管理员为该账号重置密码。`,
  );
}
