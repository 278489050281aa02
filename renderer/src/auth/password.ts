/**
 * Password hashing for the desk's local users: PBKDF2-HMAC-SHA256 through WebCrypto
 * (`crypto.subtle`, the same API in Chromium and in Node's webcrypto, so unit tests run the code
 * the app runs). Each user has a random 16-byte salt; the hash is stored with its algorithm and
 * iteration count (`pbkdf2-sha256$600000$<base64 hash>` in `users.passwordHash`, the base64 salt
 * in `users.passwordSalt`), so the count can be raised later without breaking stored passwords.
 * A password is never stored, logged or synced; only the derived hash is.
 */

import { checkIterations, PBKDF2_BOUNDS, type IterationBounds } from '../../../shared/access/password-policy';
import type { RuleError } from '../../../shared/rules/result';

export { PBKDF2_BOUNDS, type IterationBounds };

/**
 * OWASP Password Storage Cheat Sheet (2023+): 600,000 iterations for PBKDF2-HMAC-SHA256. In
 * Chromium's native WebCrypto that is roughly 0.2–0.6 s on an office PC, which keeps sign-in
 * under about one second while making an offline guess of a stolen hash expensive.
 */
export const PBKDF2_ITERATIONS = 600_000;

/** Salt length in bytes (128 bits, per NIST SP 800-132). */
export const SALT_BYTES = 16;

/** Derived key length in bits (the SHA-256 output size). */
const HASH_BITS = 256;

const SCHEME = 'pbkdf2-sha256';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export interface PasswordHash {
  /** `pbkdf2-sha256$<iterations>$<base64 hash>` */
  readonly passwordHash: string;
  /** base64 of the random salt */
  readonly passwordSalt: string;
}

function subtle(): SubtleCrypto {
  const c = globalThis.crypto;
  if (c?.subtle === undefined) throw new Error('此环境不支持 WebCrypto，无法处理密码。');
  return c.subtle;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A fresh random salt, base64. */
export function newSalt(): string {
  const salt = new Uint8Array(SALT_BYTES);
  globalThis.crypto.getRandomValues(salt);
  return toBase64(salt);
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await subtle().importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

/**
 * Hashes a password with a new random salt. `iterations` defaults to `PBKDF2_ITERATIONS`; tests
 * may pass fewer to stay fast, with bounds that allow them (the count is stored with the hash,
 * and verification accepts only counts within the bounds, shared/access/password-policy).
 */
export async function hashPassword(password: string, iterations: number = PBKDF2_ITERATIONS, bounds: IterationBounds = PBKDF2_BOUNDS): Promise<PasswordHash> {
  const checked = checkIterations(iterations, bounds);
  if (!checked.ok) throw new RangeError(`iterations must be within ${bounds.min}–${bounds.max}, got ${iterations}`);
  const passwordSalt = newSalt();
  const hash = await derive(password, fromBase64(passwordSalt), iterations);
  return { passwordHash: `${SCHEME}$${iterations}$${toBase64(hash)}`, passwordSalt };
}

interface ParsedHash {
  readonly iterations: number;
  readonly hash: Uint8Array;
}

export function parsePasswordHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 3 || parts[0] !== SCHEME || !/^[1-9]\d{0,8}$/.test(parts[1]!)) return null;
  try {
    const hash = fromBase64(parts[2]!);
    if (hash.length !== HASH_BITS / 8) return null;
    return { iterations: Number(parts[1]), hash };
  } catch {
    return null;
  }
}

/** Compares two byte strings in time that does not depend on where they differ (lengths are public). */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/**
 * Why a stored hash cannot be used at all (an iteration count outside the bounds: 1 would make a
 * leaked hash free to guess, 999,999,999 would hang the desk), or null. A missing or malformed
 * hash is not reported here: it simply never matches.
 */
export function storedHashProblem(stored: { passwordHash?: string | undefined }, bounds: IterationBounds = PBKDF2_BOUNDS): RuleError | null {
  if (stored.passwordHash === undefined) return null;
  const parsed = parsePasswordHash(stored.passwordHash);
  if (parsed === null) return null;
  const checked = checkIterations(parsed.iterations, bounds);
  return checked.ok ? null : checked.error;
}

/**
 * Whether `password` matches a stored hash and salt. A malformed record never matches, nor does
 * one whose iteration count lies outside `bounds` (it is never run).
 */
export async function verifyPassword(
  password: string,
  stored: { passwordHash?: string | undefined; passwordSalt?: string | undefined },
  bounds: IterationBounds = PBKDF2_BOUNDS,
): Promise<boolean> {
  if (stored.passwordHash === undefined || stored.passwordSalt === undefined) return false;
  const parsed = parsePasswordHash(stored.passwordHash);
  if (parsed === null || !checkIterations(parsed.iterations, bounds).ok) return false;
  let salt: Uint8Array<ArrayBuffer>;
  try {
    salt = fromBase64(stored.passwordSalt);
  } catch {
    return false;
  }
  const candidate = await derive(password, salt, parsed.iterations);
  return constantTimeEqual(candidate, parsed.hash);
}

/**
 * Spends the same time as a real verification, for sign-in attempts with an unknown user name,
 * so the answer's timing does not tell which user names exist.
 */
export async function burnVerification(password: string, iterations: number = PBKDF2_ITERATIONS): Promise<void> {
  await derive(password, new Uint8Array(SALT_BYTES), iterations);
}

/** The password policy. Returns a Chinese message, or null if the password is acceptable. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符。`;
  if (length > PASSWORD_MAX_LENGTH) return `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符。`;
  if (password.trim() === '') return '密码不能全是空格。';
  return null;
}
