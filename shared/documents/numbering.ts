/**
 * Certificate numbers: one sequence per program prefix and year (XJPM-2026-000123), shared by
 * every device of the office, issued OFFLINE without two devices ever printing the same number.
 *
 * Scheme: numbers are reserved in BLOCKS per device. The ledger (kept where there is one truth:
 * the sync server, or the office's main machine) hands out consecutive, disjoint blocks
 * [start, end]; a device issues from the blocks it has received, in order, with no network. A
 * device tops up while online (needsTopUp) so it rarely runs dry offline. Gaps are allowed (a
 * block a device never finishes); duplicates are impossible because two blocks never overlap
 * and each device issues each of its numbers once.
 *
 * Everything here is a pure function over plain data: the caller stores the ledger and each
 * device's state (and applies reserveBlock inside a transaction on the ledger's side).
 */
import { fail, ok, type Result } from '../rules/result';

/** Six digits per series and year. */
export const MAX_SEQUENCE = 999_999;
export const DEFAULT_BLOCK_SIZE = 100;

const PREFIX = /^[A-Z]{2,6}$/;

/** One number sequence: a prefix (per program) and a year. */
export interface Series {
  readonly prefix: string;
  readonly year: number;
}

/** A block of numbers [start, end] (inclusive) reserved for one device in one series. */
export interface NumberBlock {
  /** seriesKey(): 'XJPM-2026'. */
  readonly series: string;
  readonly deviceId: string;
  readonly start: number;
  readonly end: number;
}

/** The authoritative record of every block handed out. */
export interface NumberLedger {
  readonly blocks: readonly NumberBlock[];
}

export const EMPTY_LEDGER: NumberLedger = { blocks: [] };

/** A device's own view: the blocks it received and the next unused number in each. */
export interface DeviceNumbers {
  readonly deviceId: string;
  readonly blocks: readonly (NumberBlock & { readonly next: number })[];
}

export function emptyDeviceNumbers(deviceId: string): DeviceNumbers {
  return { deviceId, blocks: [] };
}

function checkSeries(series: Series): Result<string> {
  if (!PREFIX.test(series.prefix)) return fail('numbering.prefix', `证书编号前缀“${series.prefix}”应为2—6个大写字母。`);
  if (!Number.isInteger(series.year) || series.year < 2000 || series.year > 2099) {
    return fail('numbering.year', `证书编号年份“${series.year}”应在2000—2099之间。`);
  }
  return ok(`${series.prefix}-${series.year}`);
}

export function seriesKey(series: Series): string {
  return `${series.prefix}-${series.year}`;
}

/** XJPM, 2026, 123 → 'XJPM-2026-000123'. */
export function formatCertificateNo(series: Series, sequence: number): string {
  return `${series.prefix}-${series.year}-${String(sequence).padStart(6, '0')}`;
}

/** 'XJPM-2026-000123' → { prefix, year, sequence }; null if it is not one of ours. */
export function parseCertificateNo(text: string): (Series & { sequence: number }) | null {
  const m = /^([A-Z]{2,6})-(\d{4})-(\d{6})$/.exec(text);
  if (!m) return null;
  const sequence = Number(m[3]);
  if (sequence < 1) return null;
  return { prefix: m[1] ?? '', year: Number(m[2]), sequence };
}

/**
 * Reserves the next `size` numbers of the series for `deviceId`: the block starts right after the
 * highest number ever reserved in that series. Fails when the series would pass 999999.
 */
export function reserveBlock(
  ledger: NumberLedger,
  request: Series & { readonly deviceId: string; readonly size?: number },
): Result<{ ledger: NumberLedger; block: NumberBlock }> {
  const key = checkSeries(request);
  if (!key.ok) return key;
  const size = request.size ?? DEFAULT_BLOCK_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > 10_000) {
    return fail('numbering.size', `编号段大小应为1—10000的整数，收到“${size}”。`);
  }
  if (request.deviceId.trim() === '') return fail('numbering.device', '缺少设备编号。');
  let highest = 0;
  for (const b of ledger.blocks) if (b.series === key.value && b.end > highest) highest = b.end;
  const start = highest + 1;
  const end = start + size - 1;
  if (end > MAX_SEQUENCE) {
    return fail('numbering.exhausted', `${key.value} 年度的证书编号只剩 ${Math.max(0, MAX_SEQUENCE - highest)} 个，不够分配 ${size} 个。`);
  }
  const block: NumberBlock = { series: key.value, deviceId: request.deviceId, start, end };
  return ok({ ledger: { blocks: [...ledger.blocks, block] }, block });
}

/**
 * Adds a block the ledger reserved for this device. Idempotent (a block delivered twice by sync
 * is kept once, its progress untouched); a block for another device is refused.
 */
export function receiveBlock(state: DeviceNumbers, block: NumberBlock): Result<DeviceNumbers> {
  if (block.deviceId !== state.deviceId) {
    return fail('numbering.wrong-device', `编号段 ${block.series} ${block.start}—${block.end} 属于另一台设备，不能在本机使用。`);
  }
  const known = state.blocks.find((b) => b.series === block.series && b.start === block.start);
  if (known) {
    if (known.end !== block.end) return fail('numbering.conflict', `编号段 ${block.series} 自 ${block.start} 起的记录不一致，请联系管理员。`);
    return ok(state);
  }
  const overlapping = state.blocks.find((b) => b.series === block.series && b.start <= block.end && block.start <= b.end);
  if (overlapping) return fail('numbering.conflict', `编号段 ${block.series} ${block.start}—${block.end} 与本机已有编号段重叠，请联系管理员。`);
  const blocks = [...state.blocks, { ...block, next: block.start }].sort((a, b) => (a.series === b.series ? a.start - b.start : a.series < b.series ? -1 : 1));
  return ok({ deviceId: state.deviceId, blocks });
}

/** Issues the next number of the series from this device's blocks (lowest block first). */
export function issueNext(state: DeviceNumbers, series: Series): Result<{ state: DeviceNumbers; sequence: number; certificateNo: string }> {
  const key = checkSeries(series);
  if (!key.ok) return key;
  const index = state.blocks.findIndex((b) => b.series === key.value && b.next <= b.end);
  const block = state.blocks[index];
  if (!block) {
    return fail('numbering.no-block', `本机没有可用的 ${key.value} 证书编号。请联网后领取编号段再打印。`);
  }
  const blocks = state.blocks.map((b, i) => (i === index ? { ...b, next: b.next + 1 } : b));
  return ok({ state: { deviceId: state.deviceId, blocks }, sequence: block.next, certificateNo: formatCertificateNo(series, block.next) });
}

/** Numbers this device can still issue in the series without going online. */
export function remainingNumbers(state: DeviceNumbers, series: Series): number {
  const key = seriesKey(series);
  return state.blocks.reduce((n, b) => (b.series === key ? n + Math.max(0, b.end - b.next + 1) : n), 0);
}

/** Whether the device should reserve another block while it is online. */
export function needsTopUp(state: DeviceNumbers, series: Series, lowWater = DEFAULT_BLOCK_SIZE / 5): boolean {
  return remainingNumbers(state, series) < lowWater;
}
