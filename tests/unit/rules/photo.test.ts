import { describe, expect, it } from 'vitest';
import { checkPhoto, P4_PHOTO_REQUIREMENT } from '../../../shared/rules/photo';
import { expectFail } from './expect-result';

const u16 = (value: number): number[] => [(value >> 8) & 0xff, value & 0xff];
const segment = (marker: number, payload: number[]): number[] => [0xff, marker, ...u16(payload.length + 2), ...payload];

const SOI = [0xff, 0xd8];
const EOI = [0xff, 0xd9];
const APP0 = segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
const sof = (width: number, height: number, marker = 0xc0): number[] =>
  segment(marker, [8, ...u16(height), ...u16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
const DQT = segment(0xdb, [0, ...Array.from({ length: 64 }, () => 1)]);
const DHT = segment(0xc4, [0, ...Array.from({ length: 16 }, () => 0)]);
const SOS = segment(0xda, [3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0]);
/** Entropy-coded bytes with a stuffed 0xFF00 and a restart marker, as real scans have. */
const SCAN = [0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd0, 0x78, 0x9a];
/** An EXIF APP1 holding a thumbnail whose own SOF says 160×120: must be skipped by length. */
const EXIF = segment(0xe1, [0x45, 0x78, 0x69, 0x66, 0, 0, 0xff, 0xd8, ...sof(160, 120), 0xff, 0xd9]);
const comment = (size: number): number[] => segment(0xfe, Array.from({ length: size }, () => 0x20));

const jpeg = (...parts: number[][]): Uint8Array => new Uint8Array(parts.flat());
const simple = (width: number, height: number): Uint8Array => jpeg(SOI, APP0, sof(width, height), EOI);

/** A valid photo of exactly `total` bytes, padded with a comment segment. */
const sized = (total: number, width = 250, height = 350): Uint8Array => {
  const base = simple(width, height).length;
  return jpeg(SOI, APP0, comment(total - base - 4), sof(width, height), EOI);
};

const KB = 1024;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const GIF = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0]);

describe('checkPhoto: 002 附件2 二 — JPG, 200×280 to 300×420 像素, ≤ 50KB', () => {
  it('the P4 requirement holds the seed numbers', () => {
    expect(P4_PHOTO_REQUIREMENT).toEqual({ minWidth: 200, maxWidth: 300, minHeight: 280, maxHeight: 420, maxBytes: 51_200 });
  });

  it.each<[string, Uint8Array, number, number]>([
    ['200×280, the smallest allowed', simple(200, 280), 200, 280],
    ['300×420, the largest allowed', simple(300, 420), 300, 420],
    ['250×350 in the middle', simple(250, 350), 250, 350],
    ['EXIF APP1 (with a thumbnail) before SOF', jpeg(SOI, EXIF, DQT, sof(240, 320), DHT, SOS, SCAN, EOI), 240, 320],
    ['progressive SOF2 with two scans', jpeg(SOI, APP0, sof(260, 360, 0xc2), DHT, SOS, SCAN, DHT, SOS, SCAN, EOI), 260, 360],
    ['baseline SOF0 with a scan', jpeg(SOI, APP0, DQT, sof(220, 300), DHT, SOS, SCAN, EOI), 220, 300],
    ['0xFF fill bytes before markers', jpeg(SOI, [0xff, 0xff], APP0, [0xff, 0xff], sof(210, 290), [0xff], EOI), 210, 290],
    ['bytes after EOI are ignored', jpeg(SOI, APP0, sof(250, 350), EOI, [0, 0, 0]), 250, 350],
  ])('accepts %s', (_name, bytes, width, height) => {
    expect(checkPhoto(bytes, P4_PHOTO_REQUIREMENT)).toEqual({ ok: true, value: { width, height, bytes: bytes.length } });
  });

  it.each<[string, Uint8Array, string]>([
    ['300×421 (one pixel too tall)', simple(300, 421), 'photo.dimensions'],
    ['301×420 (one pixel too wide)', simple(301, 420), 'photo.dimensions'],
    ['199×280 (too narrow)', simple(199, 280), 'photo.dimensions'],
    ['200×279 (too short)', simple(200, 279), 'photo.dimensions'],
    ['420×300 (turned sideways)', simple(420, 300), 'photo.dimensions'],
    ['4000×3000 from a phone camera', simple(4000, 3000), 'photo.dimensions'],
    ['51 KB', sized(51 * KB), 'photo.size'],
    ['50 KB + 1 byte', sized(50 * KB + 1), 'photo.size'],
    ['PNG bytes', PNG, 'photo.format'],
    ['GIF bytes', GIF, 'photo.format'],
    ['text', new TextEncoder().encode('not a photo'), 'photo.format'],
    ['an empty file', new Uint8Array(), 'photo.empty'],
    ['a lone 0xFF', new Uint8Array([0xff]), 'photo.format'],
    ['cut inside the SOF header', simple(250, 350).slice(0, 2 + APP0.length + 6), 'photo.truncated'],
    ['cut after SOI', new Uint8Array(SOI), 'photo.truncated'],
    ['cut inside the scan data (no EOI)', jpeg(SOI, APP0, sof(250, 350), DHT, SOS, SCAN), 'photo.truncated'],
    ['cut in the middle of an APP segment', jpeg(SOI, EXIF).slice(0, 10), 'photo.truncated'],
    ['no SOF at all', jpeg(SOI, APP0, EOI), 'photo.corrupt'],
    ['a scan before any SOF', jpeg(SOI, APP0, SOS, SCAN, EOI), 'photo.corrupt'],
    ['garbage where a marker should be', jpeg(SOI, APP0, [0x12, 0x34], sof(250, 350), EOI), 'photo.corrupt'],
    ['height 0 (DNL)', simple(250, 0), 'photo.corrupt'],
  ])('rejects %s', (_name, bytes, code) => {
    expectFail(checkPhoto(bytes, P4_PHOTO_REQUIREMENT), code);
  });

  it('exactly 50 KB (51 200 bytes) is accepted', () => {
    const bytes = sized(50 * KB);
    expect(bytes.length).toBe(51_200);
    expect(checkPhoto(bytes)).toMatchObject({ ok: true, value: { bytes: 51_200 } });
  });

  it('DHT (C4), JPG (C8) and DAC (CC) are not mistaken for a frame header', () => {
    const fake = (marker: number): number[] => segment(marker, [8, ...u16(999), ...u16(999), 1, 1, 0x11, 0]);
    const bytes = jpeg(SOI, fake(0xc4), fake(0xc8), fake(0xcc), sof(250, 350), EOI);
    expect(checkPhoto(bytes)).toMatchObject({ ok: true, value: { width: 250, height: 350 } });
  });

  it.each([
    ['PNG', PNG, '照片必须是JPG格式。请用图片软件另存为 JPG 后重新选择。（所选文件是 PNG 格式）'],
    ['GIF', GIF, '照片必须是JPG格式。请用图片软件另存为 JPG 后重新选择。（所选文件是 GIF 格式）'],
  ])('%s is refused with 照片必须是JPG格式', (_name, bytes, message) => {
    expect(checkPhoto(bytes)).toEqual({ ok: false, error: { code: 'photo.format', message } });
  });

  it('reports the measured size against the limits, in Chinese', () => {
    expect(checkPhoto(simple(300, 421))).toEqual({
      ok: false,
      error: {
        code: 'photo.dimensions',
        message: '照片尺寸为 300×421 像素，要求宽 200–300、高 280–420 像素（不小于 200×280，不大于 300×420）：高 421 像素，超过上限 420（过高）。',
      },
    });
  });

  it.each([
    [199, 300, '宽 199 像素，低于下限 200（过窄）'],
    [250, 279, '高 279 像素，低于下限 280（过矮）'],
    [301, 400, '宽 301 像素，超过上限 300（过宽）'],
  ])('names the side that is off: %i×%i', (w, h, side) => {
    const result = checkPhoto(simple(w, h));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(side);
  });

  it('a photo both too large and too big in bytes gets both problems in one message', () => {
    const result = checkPhoto(sized(51 * KB, 600, 800));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'photo.dimensions',
        message:
          '照片尺寸为 600×800 像素，要求宽 200–300、高 280–420 像素（不小于 200×280，不大于 300×420）：宽 600 像素，超过上限 300（过宽），高 800 像素，超过上限 420（过高）；照片文件 51 KB，不能超过 50 KB。',
      },
    });
  });

  it('one byte over 50 KB is shown as over, not rounded down to 50 KB', () => {
    const result = checkPhoto(sized(50 * KB + 1));
    expect(!result.ok && result.error.message).toBe('照片文件 50.01 KB，不能超过 50 KB。');
  });
});
