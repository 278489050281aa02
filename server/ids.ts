/** Server-generated identifiers and secrets, and the hashes stored in their place. */
import { createHash, randomBytes } from 'node:crypto';

/** UUIDv7 (RFC 9562): 48-bit millisecond time, then random bits; sorts by creation time. */
export function uuidv7(nowMs: number = Date.now()): string {
  const bytes = randomBytes(16);
  let ms = nowMs;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A device token: 32 random bytes, base64url, prefixed so a leaked one is recognisable. */
export function newDeviceToken(): string {
  return `adt_${randomBytes(32).toString('base64url')}`;
}

// No 0/O, 1/I/L: an enrolment code is read from paper and typed by hand.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

function randomFromAlphabet(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // Rejection sampling keeps every character equally likely.
      if (byte < 256 - (256 % CODE_ALPHABET.length)) out += CODE_ALPHABET[byte % CODE_ALPHABET.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/** A one-time enrolment code: 12 characters (≈59 bits), printed in groups of four. */
export function newEnrolmentCode(): { code: string; printed: string } {
  const code = randomFromAlphabet(12);
  return { code, printed: `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}` };
}

/** A short office code for enrolment forms when the administrator gives none. */
export function newOfficeCode(): string {
  return `OF-${randomFromAlphabet(6)}`;
}
