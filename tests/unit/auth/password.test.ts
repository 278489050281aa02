import { describe, expect, it } from 'vitest';
import {
  PBKDF2_ITERATIONS,
  constantTimeEqual,
  fromBase64,
  hashPassword,
  parsePasswordHash,
  passwordProblem,
  storedHashProblem,
  verifyPassword,
} from '../../../renderer/src/auth/password';
import { checkIterations, PBKDF2_BOUNDS } from '../../../shared/access/password-policy';

const FAST = 1_000;
/** Tests hash with few iterations to stay fast, so they widen the accepted bounds. */
const TEST_BOUNDS = { min: FAST, max: PBKDF2_BOUNDS.max };

describe('password hashing (PBKDF2-SHA256, WebCrypto)', () => {
  it('stores the scheme and iteration count with the hash, and a 16-byte salt', async () => {
    const { passwordHash, passwordSalt } = await hashPassword('Desk-2026-admin', FAST, TEST_BOUNDS);
    expect(passwordHash).toMatch(/^pbkdf2-sha256\$1000\$[A-Za-z0-9+/]+=*$/);
    expect(fromBase64(passwordSalt)).toHaveLength(16);
    expect(parsePasswordHash(passwordHash)).toMatchObject({ iterations: 1000 });
    expect(passwordHash).not.toContain('Desk-2026-admin');
  });

  it('uses OWASP’s 600,000 iterations by default, and verifies with them', async () => {
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    const stored = await hashPassword('Desk-2026-admin');
    expect(stored.passwordHash.startsWith('pbkdf2-sha256$600000$')).toBe(true);
    expect(await verifyPassword('Desk-2026-admin', stored, TEST_BOUNDS)).toBe(true);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('正确的密码abc', FAST, TEST_BOUNDS);
    expect(await verifyPassword('正确的密码abc', stored, TEST_BOUNDS)).toBe(true);
    expect(await verifyPassword('正确的密码abd', stored, TEST_BOUNDS)).toBe(false);
    expect(await verifyPassword('', stored, TEST_BOUNDS)).toBe(false);
  });

  it('gives the same password a different salt and hash each time', async () => {
    const one = await hashPassword('same-password', FAST, TEST_BOUNDS);
    const two = await hashPassword('same-password', FAST, TEST_BOUNDS);
    expect(one.passwordSalt).not.toBe(two.passwordSalt);
    expect(one.passwordHash).not.toBe(two.passwordHash);
    expect(await verifyPassword('same-password', two, TEST_BOUNDS)).toBe(true);
  });

  it('never matches a missing or malformed stored hash', async () => {
    const good = await hashPassword('whatever-1', FAST, TEST_BOUNDS);
    expect(await verifyPassword('whatever-1', good, TEST_BOUNDS)).toBe(true);
    expect(await verifyPassword('whatever-1', {})).toBe(false);
    expect(await verifyPassword('whatever-1', { ...good, passwordHash: 'whatever-1' })).toBe(false);
    expect(await verifyPassword('whatever-1', { ...good, passwordHash: 'pbkdf2-sha256$0$AAAA' })).toBe(false);
    expect(await verifyPassword('whatever-1', { ...good, passwordHash: good.passwordHash.replace('sha256', 'sha1') })).toBe(false);
    expect(await verifyPassword('whatever-1', { ...good, passwordSalt: '%%%' })).toBe(false);
  });

  it('refuses, clearly, a stored hash whose iteration count is outside 100,000–5,000,000', async () => {
    const good = await hashPassword('whatever-1', FAST, TEST_BOUNDS);
    const digest = good.passwordHash.split('$')[2]!;
    for (const iterations of [1, 99_999, 5_000_001, 999_999_999]) {
      const stored = { ...good, passwordHash: `pbkdf2-sha256$${iterations}$${digest}` };
      expect(await verifyPassword('whatever-1', stored)).toBe(false);
      expect(storedHashProblem(stored)).toEqual({
        code: 'auth.iterations',
        message: `该账号的密码记录不可用（迭代次数 ${iterations} 不在允许的 100000–5000000 之间），无法登录。请管理员为该账号重置密码。`,
      });
    }
    // The app's own records (600,000) are within the bounds; the test records (1,000) are not.
    expect(storedHashProblem({ passwordHash: `pbkdf2-sha256$600000$${digest}` })).toBeNull();
    expect(storedHashProblem(good)).not.toBeNull();
    expect(storedHashProblem(good, TEST_BOUNDS)).toBeNull();
  });

  it('does not hash with a count outside the bounds either', async () => {
    await expect(hashPassword('whatever-1', 1)).rejects.toThrow(RangeError);
    expect(checkIterations(100_000).ok).toBe(true);
    expect(checkIterations(5_000_000).ok).toBe(true);
    expect(checkIterations(Number.NaN).ok).toBe(false);
    expect(checkIterations(600_000.5).ok).toBe(false);
  });

  it('compares bytes without stopping at the first difference', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
  });

  it('asks for at least 8 characters, in Chinese', () => {
    expect(passwordProblem('1234567')).toBe('密码至少需要 8 个字符。');
    expect(passwordProblem('十二三四五六七')).toMatch(/至少需要 8 个字符/);
    expect(passwordProblem('十二三四五六七八')).toBeNull();
    expect(passwordProblem('        ')).toBe('密码不能全是空格。');
    expect(passwordProblem('x'.repeat(129))).toMatch(/不能超过 128/);
    expect(passwordProblem('Desk-2026-admin')).toBeNull();
  });
});
