/**
 * UTF-8 in plain TypeScript: TextEncoder and TextDecoder are web APIs, not part of the language
 * `shared/` is limited to. Decoding is strict (a malformed byte sequence throws), as a backup's
 * manifest and table parts must be exactly what was written.
 */

export function encodeUtf8(text: string): Uint8Array {
  // Two passes (size, then bytes): a large table's JSON never becomes an array of numbers.
  const codePoint = (i: number): [number, number] => {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) return [0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00), 2];
    }
    // A lone surrogate becomes U+FFFD, as TextEncoder does.
    return [c >= 0xd800 && c <= 0xdfff ? 0xfffd : c, 1];
  };
  let size = 0;
  for (let i = 0; i < text.length; ) {
    const [c, units] = codePoint(i);
    size += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    i += units;
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (let i = 0; i < text.length; ) {
    const [c, units] = codePoint(i);
    i += units;
    if (c < 0x80) out[o++] = c;
    else if (c < 0x800) {
      out[o++] = 0xc0 | (c >> 6);
      out[o++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      out[o++] = 0xe0 | (c >> 12);
      out[o++] = 0x80 | ((c >> 6) & 63);
      out[o++] = 0x80 | (c & 63);
    } else {
      out[o++] = 0xf0 | (c >> 18);
      out[o++] = 0x80 | ((c >> 12) & 63);
      out[o++] = 0x80 | ((c >> 6) & 63);
      out[o++] = 0x80 | (c & 63);
    }
  }
  return out;
}

export class Utf8Error extends Error {
  constructor(at: number) {
    super(`invalid UTF-8 at byte ${at}`);
    this.name = 'Utf8Error';
  }
}

export function decodeUtf8(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk: number[] = [];
  const flush = () => {
    parts.push(String.fromCharCode(...chunk));
    chunk = [];
  };
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    let cp: number;
    let need: number;
    let min: number;
    if (b < 0x80) [cp, need, min] = [b, 0, 0];
    else if (b >= 0xc2 && b <= 0xdf) [cp, need, min] = [b & 0x1f, 1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [cp, need, min] = [b & 0x0f, 2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [cp, need, min] = [b & 0x07, 3, 0x10000];
    else throw new Utf8Error(i);
    for (let k = 1; k <= need; k++) {
      const n = bytes[i + k];
      if (n === undefined || (n & 0xc0) !== 0x80) throw new Utf8Error(i);
      cp = (cp << 6) | (n & 63);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new Utf8Error(i);
    i += need + 1;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else chunk.push(cp);
    if (chunk.length >= 8192) flush();
  }
  flush();
  return parts.join('');
}
