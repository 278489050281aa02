/**
 * Bytes to text. `TextDecoder` is a web API (Workers, Chromium and Node all have it, with
 * GB18030) but not part of the language, so shared/ (compiled against ES2023 only) declares the
 * little it uses here.
 */

interface TextDecoderLike {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

declare const TextDecoder: new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => TextDecoderLike;

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** A decoder for a stream of chunks (a character split between chunks is kept for the next). */
export function streamDecoder(encoding: TextEncoding): (chunk: Uint8Array, last: boolean) => string {
  const decoder = new TextDecoder(encoding);
  return (chunk, last) => decoder.decode(chunk, { stream: !last });
}

/** Whether the bytes are valid UTF-8 (the test a GBK file fails on its first Chinese character). */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-8 bytes as text (malformed sequences become U+FFFD). */
export function utf8Text(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
  readonly bom: boolean;
}

/**
 * Decodes a text file as an office receives it: a byte-order mark decides; otherwise UTF-8 when
 * the bytes are valid UTF-8, else GB18030 (the superset of GBK that Chinese Excel and WPS write
 * their CSV in, which decodes any byte sequence).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  if (isUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', bom: false };
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', bom: false };
}
