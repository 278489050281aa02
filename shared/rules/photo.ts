/**
 * The applicant photo check (P4): format, pixel size and file size, read from the bytes alone.
 *
 * The file's name and the browser's MIME type are not trusted: a PNG renamed to .jpg is still
 * refused by the online system. The dimensions come from the JPEG frame header (SOF), found by
 * walking the marker segments; the walk continues to the end-of-image marker, so a photo that
 * was cut short while copying is caught here and not at the provincial office.
 */
import { fail, ok, type Result } from './result';

export interface PhotoRequirement {
  readonly minWidth: number;
  readonly maxWidth: number;
  readonly minHeight: number;
  readonly maxHeight: number;
  readonly maxBytes: number;
}

/**
 * 002 附件2 二: "上传个人免冠照片(jpg 格式，不大于 300×420 像素，不小于 200×280 像素，照片文件大小
 * 不超过 50KB)". The size bounds apply to width and height separately, both ends inclusive.
 * KB is read as 1024 bytes, as Windows' file properties show it to the applicant.
 */
export const P4_PHOTO_REQUIREMENT: PhotoRequirement = {
  minWidth: 200,
  maxWidth: 300,
  minHeight: 280,
  maxHeight: 420,
  maxBytes: 50 * 1024,
};

export interface PhotoInfo {
  readonly width: number;
  readonly height: number;
  /** File size in bytes. */
  readonly bytes: number;
}

const NOT_JPEG = '照片必须是JPG格式。请用图片软件另存为 JPG 后重新选择。';
const TRUNCATED = '照片文件不完整（可能复制或下载时中断），请重新导出照片。';
const CORRUPT = '照片文件已损坏，无法读取尺寸，请重新导出 JPG 照片。';

// JPEG markers (ITU-T T.81 Table B.1).
const MARKER_PREFIX = 0xff;
const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const TEM = 0x01;
const RST0 = 0xd0;
const RST7 = 0xd7;
// C4 (DHT), C8 (JPG extension) and CC (DAC) sit in the SOF range but are not frame headers.
const NOT_SOF = new Set([0xc4, 0xc8, 0xcc]);

function isSof(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && !NOT_SOF.has(marker);
}

/** Markers that stand alone, without a length field. */
function isStandalone(marker: number): boolean {
  return marker === TEM || (marker >= RST0 && marker <= RST7);
}

function describeFormat(bytes: Uint8Array): string {
  const startsWith = (...magic: number[]): boolean => magic.every((byte, index) => bytes[index] === byte);
  if (startsWith(0x89, 0x50, 0x4e, 0x47)) return 'PNG';
  if (startsWith(0x47, 0x49, 0x46, 0x38)) return 'GIF';
  if (startsWith(0x42, 0x4d)) return 'BMP';
  if (startsWith(0x52, 0x49, 0x46, 0x46)) return 'WEBP';
  return '';
}

/**
 * Entropy-coded data after SOS: a real marker is 0xFF followed by anything but 0x00 (a stuffed
 * data byte) or a restart marker. Returns the index of that 0xFF, or -1 when the data runs out.
 */
function skipScan(bytes: Uint8Array, start: number): number {
  for (let index = start; index + 1 < bytes.length; index += 1) {
    if (bytes[index] !== MARKER_PREFIX) continue;
    const next = bytes[index + 1] ?? 0;
    if (next === 0x00 || next === MARKER_PREFIX || (next >= RST0 && next <= RST7)) continue;
    return index;
  }
  return -1;
}

type Frame = { readonly width: number; readonly height: number };

function readFrame(bytes: Uint8Array): Result<Frame> {
  const byteAt = (index: number): number => bytes[index] ?? 0;
  const uint16At = (index: number): number => (byteAt(index) << 8) | byteAt(index + 1);

  let frame: Frame | null = null;
  let pos = 2;
  for (;;) {
    if (pos >= bytes.length) return fail('photo.truncated', TRUNCATED);
    if (byteAt(pos) !== MARKER_PREFIX) return fail('photo.corrupt', CORRUPT);
    // Any number of 0xFF fill bytes may precede a marker (T.81 B.1.1.2).
    while (pos < bytes.length && byteAt(pos) === MARKER_PREFIX) pos += 1;
    if (pos >= bytes.length) return fail('photo.truncated', TRUNCATED);
    const marker = byteAt(pos);
    pos += 1;

    if (marker === EOI) {
      return frame === null ? fail('photo.corrupt', CORRUPT) : ok(frame);
    }
    if (marker === SOI || marker === 0x00) return fail('photo.corrupt', CORRUPT);
    if (isStandalone(marker)) continue;

    if (pos + 2 > bytes.length) return fail('photo.truncated', TRUNCATED);
    const length = uint16At(pos);
    if (length < 2) return fail('photo.corrupt', CORRUPT);
    const end = pos + length;
    if (end > bytes.length) return fail('photo.truncated', TRUNCATED);

    if (isSof(marker)) {
      // Length, precision, height, width, component count: 8 bytes at least.
      if (length < 8) return fail('photo.corrupt', CORRUPT);
      const height = uint16At(pos + 3);
      const width = uint16At(pos + 5);
      // Height 0 means "given later by a DNL marker", which photo tools never write.
      if (width === 0 || height === 0) return fail('photo.corrupt', CORRUPT);
      frame ??= { width, height };
    }

    if (marker === SOS) {
      if (frame === null) return fail('photo.corrupt', CORRUPT);
      const next = skipScan(bytes, end);
      if (next < 0) return fail('photo.truncated', TRUNCATED);
      pos = next;
      continue;
    }
    pos = end;
  }
}

/** Checks a photo file's bytes against the requirement; on success returns what was measured. */
export function checkPhoto(bytes: Uint8Array, requirement: PhotoRequirement = P4_PHOTO_REQUIREMENT): Result<PhotoInfo> {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) {
    return fail('photo.empty', '没有读到照片文件，请重新选择。');
  }
  if (bytes.length < 2 || bytes[0] !== MARKER_PREFIX || bytes[1] !== SOI) {
    const format = describeFormat(bytes);
    return fail('photo.format', format === '' ? NOT_JPEG : `${NOT_JPEG}（所选文件是 ${format} 格式）`);
  }

  const frame = readFrame(bytes);
  if (!frame.ok) return frame;
  const { width, height } = frame.value;

  // Both problems are reported at once so the applicant re-exports the photo only once.
  const problems: { code: string; text: string }[] = [];
  const r = requirement;
  if (width < r.minWidth || width > r.maxWidth || height < r.minHeight || height > r.maxHeight) {
    // Which side is off, and by how much, so the applicant knows what to crop or enlarge.
    const sides: string[] = [];
    if (width > r.maxWidth) sides.push(`宽 ${width} 像素，超过上限 ${r.maxWidth}（过宽）`);
    if (width < r.minWidth) sides.push(`宽 ${width} 像素，低于下限 ${r.minWidth}（过窄）`);
    if (height > r.maxHeight) sides.push(`高 ${height} 像素，超过上限 ${r.maxHeight}（过高）`);
    if (height < r.minHeight) sides.push(`高 ${height} 像素，低于下限 ${r.minHeight}（过矮）`);
    problems.push({
      code: 'photo.dimensions',
      text: `照片尺寸为 ${width}×${height} 像素，要求宽 ${r.minWidth}–${r.maxWidth}、高 ${r.minHeight}–${r.maxHeight} 像素（不小于 ${r.minWidth}×${r.minHeight}，不大于 ${r.maxWidth}×${r.maxHeight}）：${sides.join('，')}`,
    });
  }
  if (bytes.length > r.maxBytes) {
    problems.push({
      code: 'photo.size',
      text: `照片文件 ${formatKb(bytes.length)}，不能超过 ${formatKb(r.maxBytes)}`,
    });
  }
  const [first] = problems;
  if (first !== undefined) {
    return fail(first.code, `${problems.map((problem) => problem.text).join('；')}。`);
  }
  return ok({ width, height, bytes: bytes.length });
}

/** 51 200 → '50 KB', 51 201 → '50.01 KB': never rounds an oversize file down to the limit. */
function formatKb(size: number): string {
  const hundredths = Math.ceil((size * 100) / 1024);
  const whole = Math.floor(hundredths / 100);
  const rest = hundredths % 100;
  return rest === 0 ? `${whole} KB` : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')} KB`;
}
