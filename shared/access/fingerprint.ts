/**
 * What a screen shows of the office's signing key once it is set: never the private key, only a
 * fingerprint of the public key — enough for an administrator to compare with what the
 * verification server publishes, useless for signing.
 */
import { fail, ok, type Result } from '../rules/result';
import { sha256 } from '../security/sha256';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes standard base64 (whitespace ignored); null when it is not base64. */
export function decodeBase64(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '');
  if (clean.length === 0 || clean.length % 4 !== 0 || !BASE64.test(clean)) return null;
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((clean.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const n = [0, 1, 2, 3].map((j) => (clean[i + j] === '=' ? 0 : BASE64_ALPHABET.indexOf(clean[i + j]!)));
    const v = (n[0]! << 18) | (n[1]! << 12) | (n[2]! << 6) | n[3]!;
    if (o < out.length) out[o++] = (v >> 16) & 0xff;
    if (o < out.length) out[o++] = (v >> 8) & 0xff;
    if (o < out.length) out[o++] = v & 0xff;
  }
  return out;
}

/** An Ed25519 public key as SPKI DER: this fixed 12-byte prefix, then the 32-byte key. */
const ED25519_SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

/**
 * The fingerprint of an Ed25519 public key (SPKI, base64): `SHA256:` and the first 16 bytes of
 * the SHA-256 of the SPKI bytes in 8 groups of 4 hex digits, e.g.
 * `SHA256:1f3a-09bc-…`. `key.fingerprint` when the text is not such a key.
 */
export function fingerprintOf(publicKeySpki: string): Result<string> {
  const bytes = decodeBase64(publicKeySpki);
  if (bytes === null || bytes.length !== 44 || ED25519_SPKI_PREFIX.some((b, i) => bytes[i] !== b)) {
    return fail('key.fingerprint', '公钥格式不正确：应为 Ed25519 公钥（SPKI，Base64）。');
  }
  const digest = sha256(bytes).slice(0, 16);
  const groups: string[] = [];
  for (let i = 0; i < digest.length; i += 2) groups.push(((digest[i]! << 8) | digest[i + 1]!).toString(16).padStart(4, '0'));
  return ok(`SHA256:${groups.join('-')}`);
}
