import { describe, expect, it } from 'vitest';
import {
  base64UrlDecode,
  base64UrlEncode,
  certificateSigningPayload,
  parseVerificationUrl,
  signCertificate,
  utf8,
  verificationUrl,
  verifyCertificateSignature,
  type CertificateFacts,
} from '../../../shared/documents/signature';
import { officeKeys } from './helpers';

const facts: CertificateFacts = {
  certificateNo: 'XJPM-2026-000123',
  holderName: '阿依古丽·买买提',
  programId: 'xj-isi-pm',
  validFrom: '2026-11-22',
  validUntil: '2030-11-21',
};

describe('certificate signature payload', () => {
  it('is a fixed-order JSON array carrying the masked name, never the full one', () => {
    const payload = certificateSigningPayload(facts);
    expect(payload).toBe('["association-desk-certificate/1","XJPM-2026-000123","阿***·**提","xj-isi-pm","2026-11-22","2030-11-21"]');
    expect(payload).not.toContain('买买提');
  });

  it('is the same whether given the full or the already masked name (what the lookup shows)', () => {
    expect(certificateSigningPayload({ ...facts, holderName: '阿***·**提' })).toBe(certificateSigningPayload(facts));
    expect(certificateSigningPayload({ ...facts, holderName: '王五' })).toBe(certificateSigningPayload({ ...facts, holderName: '王*' }));
  });
});

describe('Ed25519 signature (WebCrypto)', () => {
  it('verifies with the office public key and fails when any one character changes', async () => {
    const keys = await officeKeys();
    const sig = await signCertificate(crypto.subtle, keys.privateKey, facts);
    expect(sig).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(await verifyCertificateSignature(crypto.subtle, keys.publicKey, facts, sig)).toBe(true);
    const changed: CertificateFacts[] = [
      { ...facts, certificateNo: 'XJPM-2026-000124' },
      { ...facts, holderName: '阿依古丽·买买江' },
      { ...facts, programId: 'xj-isi-spm' },
      { ...facts, validFrom: '2026-11-23' },
      { ...facts, validUntil: '2031-11-21' },
    ];
    for (const f of changed) expect(await verifyCertificateSignature(crypto.subtle, keys.publicKey, f, sig)).toBe(false);
    // A changed character of the signature itself.
    const flipped = (sig[10] === 'A' ? 'B' : 'A') + '';
    expect(await verifyCertificateSignature(crypto.subtle, keys.publicKey, facts, sig.slice(0, 10) + flipped + sig.slice(11))).toBe(false);
  });

  it('rejects another office’s key, malformed and truncated signatures without throwing', async () => {
    const keys = await officeKeys();
    const other = await officeKeys();
    const sig = await signCertificate(crypto.subtle, keys.privateKey, facts);
    expect(await verifyCertificateSignature(crypto.subtle, other.publicKey, facts, sig)).toBe(false);
    for (const bad of ['', 'not base64!', sig.slice(0, 40), `${sig}AA`]) {
      expect(await verifyCertificateSignature(crypto.subtle, keys.publicKey, facts, bad)).toBe(false);
    }
  });
});

describe('base64url and UTF-8', () => {
  it('round-trips every length and matches Node’s encoder', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = new Uint8Array(Array.from({ length: n }, (_, i) => (i * 37 + n) & 255));
      const enc = base64UrlEncode(bytes);
      expect(enc).toBe(Buffer.from(bytes).toString('base64url'));
      expect(base64UrlDecode(enc)).toEqual(bytes);
    }
    expect(base64UrlDecode('a')).toBeNull();
    expect(base64UrlDecode('ab+/')).toBeNull();
  });

  it('encodes UTF-8 like TextEncoder, astral characters included', () => {
    for (const s of ['', 'abc', '证书编号', '𠀀𪚥', 'é·€']) expect(utf8(s)).toEqual(new TextEncoder().encode(s));
  });
});

describe('verification address', () => {
  it('is https://<host>/verify/<no>?s=<sig> and parses back', () => {
    const url = verificationUrl('verify.xjsia.org.cn', 'XJPM-2026-000123', 'abc_-0');
    expect(url).toBe('https://verify.xjsia.org.cn/verify/XJPM-2026-000123?s=abc_-0');
    expect(parseVerificationUrl(url)).toEqual({ host: 'verify.xjsia.org.cn', certificateNo: 'XJPM-2026-000123', signature: 'abc_-0' });
    expect(parseVerificationUrl('http://verify.xjsia.org.cn/verify/X?s=a')).toBeNull();
    expect(parseVerificationUrl('https://evil.example/verify/X?s=a&x=1')).toBeNull();
  });

  it('refuses a host that is not a bare host name', () => {
    for (const host of ['https://a.cn', 'a.cn/path', 'a.cn?x', '', 'a..cn']) expect(() => verificationUrl(host, 'X', 's')).toThrow();
    expect(verificationUrl('localhost:8443', 'X', 's')).toBe('https://localhost:8443/verify/X?s=s');
  });
});
