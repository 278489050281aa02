/**
 * The certificate QR code's signature. Each printed certificate carries
 * `https://<verify-host>/verify/<certificateNo>?s=<signature>`, where the signature is Ed25519
 * (the office's key pair, WebCrypto) over a canonical payload. Anyone holding the office's public
 * key can check offline that the number, the holder's masked name, the program and the validity
 * dates shown by a lookup (or printed on the paper) are the ones the office signed: change one
 * character and verification fails.
 *
 * Crypto is a parameter (a SubtleCrypto-shaped object), as shared/ must not reach for globals.
 */
import { maskName } from '../sync/mask-name';

/** The facts the office signs for one certificate. */
export interface CertificateFacts {
  readonly certificateNo: string;
  /** Full or already masked: the payload always carries maskName(holderName) (maskName is idempotent). */
  readonly holderName: string;
  readonly programId: string;
  /** 'YYYY-MM-DD'. */
  readonly validFrom: string;
  /** 'YYYY-MM-DD'. */
  readonly validUntil: string;
}

/** Versioned so a future payload cannot be confused with this one. */
export const CERTIFICATE_PAYLOAD_VERSION = 'association-desk-certificate/1';

/**
 * The exact text signed: a JSON array in a fixed order, so no key order or whitespace can give
 * two encodings of the same facts.
 * ["association-desk-certificate/1", certificateNo, maskedName, programId, validFrom, validUntil]
 */
export function certificateSigningPayload(facts: CertificateFacts): string {
  return JSON.stringify([
    CERTIFICATE_PAYLOAD_VERSION,
    facts.certificateNo,
    maskName(facts.holderName),
    facts.programId,
    facts.validFrom,
    facts.validUntil,
  ]);
}

/** An opaque key handle (WebCrypto's CryptoKey). */
export type CryptoKeyLike = object;

/** The part of WebCrypto's SubtleCrypto used here; `globalThis.crypto.subtle` satisfies it. */
export interface SubtleCryptoLike {
  sign(algorithm: { name: string }, key: CryptoKeyLike, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
  verify(algorithm: { name: string }, key: CryptoKeyLike, signature: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Promise<boolean>;
}

const ED25519 = { name: 'Ed25519' } as const;

/** UTF-8 bytes of a string (TextEncoder is a web API, not part of the language). */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return new Uint8Array(out);
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Base64url without padding (RFC 4648 §5): safe in a URL query without escaping. */
export function base64UrlEncode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += B64URL[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Decodes base64url (padding optional); null for anything that is not. */
export function base64UrlDecode(text: string): Uint8Array<ArrayBuffer> | null {
  const s = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (const ch of s) {
    acc = (acc << 6) | B64URL.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** Signs the facts with the office's Ed25519 private key; returns the base64url signature. */
export async function signCertificate(subtle: SubtleCryptoLike, privateKey: CryptoKeyLike, facts: CertificateFacts): Promise<string> {
  const signature = await subtle.sign(ED25519, privateKey, utf8(certificateSigningPayload(facts)));
  return base64UrlEncode(new Uint8Array(signature));
}

/**
 * Whether `signature` (base64url) is the office's signature over these facts. False for a
 * malformed signature or any changed character, never an exception.
 */
export async function verifyCertificateSignature(
  subtle: SubtleCryptoLike,
  publicKey: CryptoKeyLike,
  facts: CertificateFacts,
  signature: string,
): Promise<boolean> {
  const bytes = base64UrlDecode(signature);
  if (!bytes || bytes.length !== 64) return false;
  try {
    return await subtle.verify(ED25519, publicKey, bytes, utf8(certificateSigningPayload(facts)));
  } catch {
    return false;
  }
}

/** A host name as the office configures it: letters, digits, dots, hyphens, an optional port. */
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i;

/** `https://<host>/verify/<certificateNo>?s=<signature>`; throws for a host that is not a bare host name. */
export function verificationUrl(verifyHost: string, certificateNo: string, signature: string): string {
  if (!HOST.test(verifyHost)) throw new Error(`verify host "${verifyHost}" is not a bare host name`);
  return `https://${verifyHost}/verify/${encodeURIComponent(certificateNo)}?s=${signature}`;
}

/** Reads a verification address back (what a scanner or the public page receives). */
export function parseVerificationUrl(url: string): { host: string; certificateNo: string; signature: string } | null {
  const m = /^https:\/\/([^/?#]+)\/verify\/([^/?#]+)\?s=([A-Za-z0-9_-]+)$/.exec(url.trim());
  if (!m || !HOST.test(m[1] ?? '')) return null;
  try {
    return { host: m[1] ?? '', certificateNo: decodeURIComponent(m[2] ?? ''), signature: m[3] ?? '' };
  } catch {
    return null;
  }
}
