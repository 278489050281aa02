import { describe, expect, it } from 'vitest';
import {
  PBKDF2_ITERATIONS,
  constantTimeEqual,
  fromBase64,
  hashPassword,
  parsePasswordHash,
  passwordProblem,
  verifyPassword,
} from '../../../renderer/src/auth/password';

const FAST = 1_000;

describe('password hashing (PBKDF2-SHA256, WebCrypto)', () => {
  it('stores the scheme and iteration count with the hash, and a 16-byte salt', async () => {
    const { passwordHash, passwordSalt } = await hashPassword('Desk-2026-admin', FAST);
    expect(passwordHash).toMatch(/^pbkdf2-sha256\$1000\$[A-Za-z0-9+/]+=*$/);
    expect(fromBase64(passwordSalt)).toHaveLength(16);
    expect(parsePasswordHash(passwordHash)).toMatchObject({ iterations: 1000 });
    expect(passwordHash).not.toContain('Desk-2026-admin');
  });

  it('uses OWASP’s 600,000 iterations by default, and verifies with them', async () => {
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    const stored = await hashPassword('Desk-2026-admin');
    expect(stored.passwordHash.startsWith('pbkdf2-sha256$600000$')).toBe(true);
    expect(await verifyPassword('Desk-2026-admin', stored)).toBe(true);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('正确的密码abc', FAST);
    expect(await verifyPassword('正确的密码abc', stored)).toBe(true);
    expect(await verifyPassword('正确的密码abd', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('gives the same password a different salt and hash each time', async () => {
    const one = await hashPassword('same-password', FAST);
    const two = await hashPassword('same-password', FAST);
    expect(one.passwordSalt).not.toBe(two.passwordSalt);
    expect(one.passwordHash).not.toBe(two.passwordHash);
    expect(await verifyPassword('same-password', two)).toBe(true);
  });

  it('never matches a missing or malformed stored hash', async () => {
    const good = await hashPassword('whatever-1', FAST);
    expect(await verifyPassword('whatever-1', {})).toBe(false);
    expect(await verifyPassword('whatever-1', { ...good, passwordHash: 'whatever-1' })).toBe(false);
    expect(await verifyPassword('whatever-1', { ...good, passwordHash: 'pbkdf2-sha256$0$AAAA' })).toBe(false);
    expect(await verifyPassword('whatever-1', { ...good, passwordHash: good.passwordHash.replace('sha256', 'sha1') })).toBe(false);
    expect(await verifyPassword('whatever-1', { ...good, passwordSalt: '%%%' })).toBe(false);
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
