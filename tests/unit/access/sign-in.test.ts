/** Sign-in failures slow down after 5: 30 s, doubling, at most 15 minutes. */
import { describe, expect, it } from 'vitest';
import { checkSignInAllowed, recordSignInFailure, signInDelayMs, signInWaitMs, waitText } from '../../../shared/access/sign-in';
import { fingerprintOf, decodeBase64 } from '../../../shared/access/fingerprint';
import { sha256Hex } from '../../../shared/security/sha256';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';

describe('the wait after consecutive failures', () => {
  it.each([
    [0, 0],
    [1, 0],
    [4, 0],
    [5, 30_000],
    [6, 60_000],
    [7, 120_000],
    [8, 240_000],
    [9, 480_000],
    [10, 900_000],
    [11, 900_000],
    [1000, 900_000],
  ])('%i failures → %i ms', (failures, ms) => {
    expect(signInDelayMs(failures)).toBe(ms);
  });

  it('counts from the last failure; a clock set back does not lengthen it', () => {
    const t = Date.parse('2026-11-22T02:00:00.000Z');
    let state = undefined as ReturnType<typeof recordSignInFailure> | undefined;
    for (let i = 0; i < 5; i++) state = recordSignInFailure(state, t);
    expect(signInWaitMs(state, t)).toBe(30_000);
    expect(signInWaitMs(state, t + 10_000)).toBe(20_000);
    expect(signInWaitMs(state, t + 30_000)).toBe(0);
    expect(signInWaitMs(state, t - 3_600_000)).toBe(30_000);
    expect(checkSignInAllowed(state, t + 1_000)).toEqual({ ok: false, error: { code: 'auth.throttled', message: '登录失败次数过多（已连续 5 次），请在 29 秒后再试。' } });
    expect(checkSignInAllowed(state, t + 30_000).ok).toBe(true);
    expect(waitText(125_000)).toBe('3 分钟');
  });
});

describe('the public key fingerprint', () => {
  it('is SHA-256 of the SPKI bytes, the first 16 bytes in groups of four hex digits', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const spki = publicKey.export({ type: 'spki', format: 'der' });
    const hex = createHash('sha256').update(spki).digest('hex').slice(0, 32);
    const expected = `SHA256:${hex.match(/.{4}/g)!.join('-')}`;
    expect(fingerprintOf(spki.toString('base64'))).toEqual({ ok: true, value: expected });
  });

  it('refuses what is not an Ed25519 public key (a private key pasted by mistake, say)', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    expect(fingerprintOf(pkcs8)).toEqual({ ok: false, error: { code: 'key.fingerprint', message: '公钥格式不正确：应为 Ed25519 公钥（SPKI，Base64）。' } });
    expect(fingerprintOf('not base64!').ok).toBe(false);
  });

  it('base64 decodes as Node does', () => {
    for (const n of [1, 2, 3, 44, 100]) {
      const bytes = randomBytes(n);
      expect(decodeBase64(bytes.toString('base64'))).toEqual(new Uint8Array(bytes));
    }
  });
});

describe('SHA-256 in shared/', () => {
  it.each([0, 1, 55, 56, 63, 64, 65, 1000, 100_000])('matches Node on %i bytes', (n) => {
    const bytes = randomBytes(n);
    expect(sha256Hex(new Uint8Array(bytes))).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
  it('the FIPS 180-4 example "abc"', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
