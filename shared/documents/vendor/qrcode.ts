/**
 * The QR encoder core of `qrcode` 1.5.4, imported by its deep path on purpose: the package's main
 * entry pulls in its Node renderers (fs, streams, PNG), and `@types/qrcode` references Node's
 * types, which shared/ must not see (it compiles against ES2023 only). The core is pure: text in,
 * module matrix out. Its shape is declared here, locally and minimally.
 *
 * Mask choice: the standard picks, of the 8 mask patterns, the one with the lowest penalty.
 * qrcode does that by re-masking its matrix 8 times through a per-module accessor, which made
 * mask selection ~80 % of a certificate's QR cost. Here the symbol is built once with mask 0
 * and the other 7 are derived by XOR over the data modules (function patterns are never
 * masked), with the same penalty rules on a flat array. The result is the very symbol qrcode
 * would choose (a test compares them over many inputs).
 */
// @ts-expect-error qrcode's core has no type declarations (typed locally below).
import * as qrCore from 'qrcode/lib/core/qrcode';
// @ts-expect-error as above.
import * as formatInfo from 'qrcode/lib/core/format-info';

export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';

interface QrCoreSymbol {
  readonly version: number;
  readonly maskPattern: number;
  readonly modules: { readonly size: number; readonly data: Uint8Array; readonly reservedBit: Uint8Array };
}

interface QrCore {
  create(data: readonly { data: string; mode: 'byte' | 'alphanumeric' }[], options: { errorCorrectionLevel: QrErrorCorrection; maskPattern?: number }): QrCoreSymbol;
}

interface FormatInfo {
  getEncodedBits(level: { bit: number }, mask: number): number;
}

const unwrap = <T>(m: unknown): T => ((m as { default?: T }).default ?? m) as T;
const core = unwrap<QrCore>(qrCore);
const format = unwrap<FormatInfo>(formatInfo);

/** ISO/IEC 18004 error-correction level indicators. */
const LEVEL_BITS: Readonly<Record<QrErrorCorrection, number>> = { L: 1, M: 0, Q: 3, H: 2 };

/** A QR symbol as a square matrix of dark (true) and light modules, row by row from the top. */
export interface QrMatrix {
  readonly version: number;
  readonly size: number;
  readonly maskPattern: number;
  isDark(row: number, col: number): boolean;
}

function maskAt(p: number, i: number, j: number): boolean {
  switch (p) {
    case 0:
      return (i + j) % 2 === 0;
    case 1:
      return i % 2 === 0;
    case 2:
      return j % 3 === 0;
    case 3:
      return (i + j) % 3 === 0;
    case 4:
      return (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0;
    case 5:
      return ((i * j) % 2) + ((i * j) % 3) === 0;
    case 6:
      return (((i * j) % 2) + ((i * j) % 3)) % 2 === 0;
    default:
      return (((i * j) % 3) + ((i + j) % 2)) % 2 === 0;
  }
}

/** For each mask p, which data modules flip going from mask 0 to mask p (cached per size). */
const flipCache = new Map<number, Uint8Array[]>();

function flips(size: number, reserved: Uint8Array): Uint8Array[] {
  let tables = flipCache.get(size);
  if (!tables) {
    tables = [];
    for (let p = 0; p < 8; p++) {
      const t = new Uint8Array(size * size);
      for (let r = 0; r < size; r++) {
        for (let c = 0; c < size; c++) {
          const i = r * size + c;
          if (!reserved[i]) t[i] = maskAt(0, r, c) !== maskAt(p, r, c) ? 1 : 0;
        }
      }
      tables.push(t);
    }
    flipCache.set(size, tables);
  }
  return tables;
}

/** Writes the 15 format bits for (level, mask) where qrcode's setupFormatInfo puts them. */
function writeFormat(m: Uint8Array, size: number, bits: number): void {
  for (let i = 0; i < 15; i++) {
    const v = (bits >> i) & 1;
    const vr = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    m[vr * size + 8] = v;
    const hc = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 14 - i;
    m[8 * size + hc] = v;
  }
  m[(size - 8) * size + 8] = 1;
}

/** The four penalty rules of ISO/IEC 18004 §7.8.3, as qrcode computes them. */
export function maskPenalty(m: Uint8Array, size: number): number {
  let n1 = 0;
  let n3 = 0;
  for (let a = 0; a < size; a++) {
    let runR = 0;
    let runC = 0;
    let lastR = -1;
    let lastC = -1;
    let bitsR = 0;
    let bitsC = 0;
    const rowStart = a * size;
    for (let b = 0; b < size; b++) {
      const vr = m[rowStart + b] as number;
      const vc = m[b * size + a] as number;
      if (vr === lastR) runR++;
      else {
        if (runR >= 5) n1 += runR - 2;
        lastR = vr;
        runR = 1;
      }
      if (vc === lastC) runC++;
      else {
        if (runC >= 5) n1 += runC - 2;
        lastC = vc;
        runC = 1;
      }
      bitsR = ((bitsR << 1) & 0x7ff) | vr;
      bitsC = ((bitsC << 1) & 0x7ff) | vc;
      if (b >= 10) {
        if (bitsR === 0x5d0 || bitsR === 0x05d) n3++;
        if (bitsC === 0x5d0 || bitsC === 0x05d) n3++;
      }
    }
    if (runR >= 5) n1 += runR - 2;
    if (runC >= 5) n1 += runC - 2;
  }
  let n2 = 0;
  let dark = 0;
  for (let r = 0; r < size; r++) {
    const rowStart = r * size;
    for (let c = 0; c < size; c++) {
      const i = rowStart + c;
      dark += m[i] as number;
      if (r < size - 1 && c < size - 1) {
        const s = (m[i] as number) + (m[i + 1] as number) + (m[i + size] as number) + (m[i + size + 1] as number);
        if (s === 4 || s === 0) n2++;
      }
    }
  }
  const k = Math.abs(Math.ceil((dark * 100) / m.length / 5) - 10);
  // N1: 3 + (run − 5) per run of 5 or more; N2: 3 per 2×2 block; N3: 40 per finder-like pattern; N4: 10 per 5 % off half dark.
  return n1 + n2 * 3 + n3 * 40 + k * 10;
}

/** Characters QR's alphanumeric mode encodes (5.5 bits each instead of 8). */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

/**
 * One segment: alphanumeric when every character allows it (application numbers), else byte
 * mode (UTF-8). qrcode's own optimal segmentation runs a shortest-path search per code, which
 * cost more than the whole page, for no smaller symbol on our verification addresses (their
 * base64url signatures are mixed case).
 */
export function qrSegments(text: string): { data: string; mode: 'byte' | 'alphanumeric' }[] {
  return [{ data: text, mode: ALPHANUMERIC.test(text) ? 'alphanumeric' : 'byte' }];
}

/** Encodes `text` and picks the mask of lowest penalty, as the standard asks. */
export function encodeQr(text: string, errorCorrection: QrErrorCorrection = 'M'): QrMatrix {
  const symbol = core.create(qrSegments(text), { errorCorrectionLevel: errorCorrection, maskPattern: 0 });
  const { size, data, reservedBit } = symbol.modules;
  const tables = flips(size, reservedBit);
  let best = data;
  let bestMask = 0;
  let lowest = Infinity;
  for (let p = 0; p < 8; p++) {
    const t = tables[p] as Uint8Array;
    const candidate = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i++) candidate[i] = (data[i] as number) ^ (t[i] as number);
    writeFormat(candidate, size, format.getEncodedBits({ bit: LEVEL_BITS[errorCorrection] }, p));
    const penalty = maskPenalty(candidate, size);
    if (penalty < lowest) {
      lowest = penalty;
      best = candidate;
      bestMask = p;
    }
  }
  const modules = best;
  return { version: symbol.version, size, maskPattern: bestMask, isDark: (row, col) => modules[row * size + col] === 1 };
}
