/**
 * Reading entries out of a zip (an .xlsx is one) with bounded memory and time.
 *
 * The central directory is read first: it names each entry with its method and declared sizes,
 * so an entry declared bigger than the limits, or compressed more than any real worksheet is, is
 * refused before a byte is inflated. Inflating then streams the compressed bytes through fflate
 * in 64 KB pieces (DEFLATE expands at most 1032×, so one piece yields at most ~66 MB) and counts
 * what comes out: more than declared means the archive lies about its sizes, and inflating stops
 * there. Nothing ever holds an entry whole unless the caller asks for a small one as text.
 */
import { Inflate } from 'fflate';
import { ok, type Result } from '../rules/result';
import { importFail } from './errors';
import type { ImportLimits } from './grid';
import { utf8Text } from './text';

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressedSize: number;
  /** As declared by the central directory; checked against what inflating produces. */
  readonly size: number;
  readonly localHeaderOffset: number;
}

export type ZipDirectory = ReadonlyMap<string, ZipEntry>;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const CHUNK = 64 * 1024;

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

const CORRUPT = '文件已损坏，无法读取（压缩包结构不完整）。请在 Excel 或 WPS 中打开后重新另存为 .xlsx 再导入。';

/** Whether the bytes start like a zip archive. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/** Entry names as paths inside the package: forward slashes, no leading slash. */
function normaliseName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '');
}

/** The archive's entries by name, from its central directory. */
export function readZipDirectory(bytes: Uint8Array): Result<ZipDirectory> {
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (u32(bytes, i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return importFail('import.corrupt', CORRUPT);
  const count = u16(bytes, eocd + 10);
  const size = u32(bytes, eocd + 12);
  const offset = u32(bytes, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // ZIP64: only archives far beyond any spreadsheet an office sends need it.
    return importFail('import.too-large', '文件过大（超过 4 GB 的压缩包），无法导入。');
  }
  if (offset + size > bytes.length) return importFail('import.corrupt', CORRUPT);
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL_SIGNATURE) return importFail('import.corrupt', CORRUPT);
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const declared = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const localHeaderOffset = u32(bytes, at + 42);
    if (compressedSize === 0xffffffff || declared === 0xffffffff || localHeaderOffset === 0xffffffff) {
      return importFail('import.zip-bomb', ZIP_BOMB);
    }
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    // Flag 11 marks UTF-8 names; the names looked for are ASCII either way.
    const name = normaliseName((flags & 0x800) !== 0 ? utf8Text(rawName) : String.fromCharCode(...rawName));
    entries.set(name, { name, method, encrypted: (flags & 1) !== 0, compressedSize, size: declared, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return ok(entries);
}

const ZIP_BOMB =
  '文件解压后的大小异常（远超正常表格，可能是恶意构造的压缩包），已停止读取，没有导入任何内容。请确认文件来源，或在 Excel 中打开后另存为新文件再导入。';

/** The entry named (case-insensitively when the exact name is absent: some tools upper-case paths). */
export function findEntry(directory: ZipDirectory, name: string): ZipEntry | undefined {
  const exact = directory.get(name);
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  for (const [key, entry] of directory) if (key.toLowerCase() === lower) return entry;
  return undefined;
}

/** Checks an entry's declared sizes before inflating it. */
function checkDeclared(entry: ZipEntry, limit: number, limits: ImportLimits): Result<true> {
  if (entry.encrypted) {
    return importFail('import.encrypted', '文件设置了密码保护，无法读取。请在 Excel 或 WPS 中取消密码（文件 → 信息 → 保护工作簿）后另存，再导入。');
  }
  if (entry.method !== 0 && entry.method !== 8) return importFail('import.corrupt', CORRUPT);
  if (entry.size > limit) return importFail('import.zip-bomb', ZIP_BOMB);
  if (entry.size > 16 * 1024 * 1024 && entry.size > entry.compressedSize * limits.maxCompressionRatio) {
    return importFail('import.zip-bomb', ZIP_BOMB);
  }
  return ok(true);
}

/**
 * Inflates one entry, handing the output to `onData` piece by piece. Stops with `import.zip-bomb`
 * the moment the output passes the declared size or `limit`; `onProgress` gets compressed bytes
 * read of the entry's compressed size.
 */
export function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  limit: number,
  limits: ImportLimits,
  onData: (chunk: Uint8Array, last: boolean) => void,
  onProgress?: (done: number, total: number) => void,
): Result<number> {
  const declared = checkDeclared(entry, limit, limits);
  if (!declared.ok) return declared;
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_SIGNATURE) return importFail('import.corrupt', CORRUPT);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return importFail('import.corrupt', CORRUPT);
  const data = bytes.subarray(start, end);
  const bound = Math.min(entry.size, limit);

  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) return importFail('import.corrupt', CORRUPT);
    for (let i = 0; i < data.length; i += CHUNK) {
      onData(data.subarray(i, Math.min(data.length, i + CHUNK)), i + CHUNK >= data.length);
      onProgress?.(Math.min(data.length, i + CHUNK), data.length);
    }
    if (data.length === 0) onData(data, true);
    return ok(data.length);
  }

  let produced = 0;
  let exceeded = false;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    if (exceeded) return;
    produced += chunk.length;
    if (produced > bound) {
      exceeded = true;
      return;
    }
    if (final) finished = true;
    onData(chunk, final);
  });
  try {
    for (let i = 0; i < data.length && !exceeded; i += CHUNK) {
      const last = i + CHUNK >= data.length;
      inflater.push(data.subarray(i, Math.min(data.length, i + CHUNK)), last);
      onProgress?.(Math.min(data.length, i + CHUNK), data.length);
    }
    if (data.length === 0) inflater.push(data, true);
  } catch (error) {
    // A caller's handler may stop reading by throwing an ImportStop; anything else is bad data.
    if (error instanceof ImportStop) throw error;
    return importFail('import.corrupt', CORRUPT);
  }
  if (exceeded) return importFail('import.zip-bomb', ZIP_BOMB);
  if (produced !== entry.size || !finished) return importFail('import.corrupt', CORRUPT);
  return ok(produced);
}

/** Thrown by a data handler to stop reading early (a sheet read for its first rows only). */
export class ImportStop extends Error {
  constructor() {
    super('stop');
  }
}

/** A small entry as UTF-8 text (workbook, relationships, styles), within `limit` inflated bytes. */
export function readEntryText(bytes: Uint8Array, entry: ZipEntry, limit: number, limits: ImportLimits, decode: (chunk: Uint8Array, last: boolean) => string): Result<string> {
  const parts: string[] = [];
  const inflated = inflateEntry(bytes, entry, limit, limits, (chunk, last) => {
    parts.push(decode(chunk, last));
  });
  if (!inflated.ok) return inflated;
  return ok(parts.join(''));
}
