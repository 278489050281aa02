/**
 * Points are kept as integer tenths (82.5 → 825): sums and means never drift (0.1 + 0.2), and a
 * stored sheet holds only integers. Typed values are read with one decimal at most.
 */

/**
 * A typed score in tenths, or null when it is not a number ≥ 0 with at most one decimal. The
 * tolerance absorbs binary fractions (1.1 × 10 = 11.000000000000002), never a second decimal.
 */
export function toTenths(points: number): number | null {
  if (!Number.isFinite(points) || points < 0) return null;
  const scaled = points * 10;
  const whole = Math.round(scaled);
  return Math.abs(scaled - whole) < 1e-6 ? whole : null;
}

/** 825 → '82.5', 800 → '80': as a result list prints points. */
export function formatTenths(tenths: number): string {
  const sign = tenths < 0 ? '-' : '';
  const abs = Math.abs(tenths);
  const whole = Math.floor(abs / 10);
  const rest = abs % 10;
  return rest === 0 ? `${sign}${whole}` : `${sign}${whole}.${rest}`;
}

/** sum / count rounded half up to a whole tenth (sum, count ≥ 0): 1651 / 2 → 826. */
export function meanTenths(sum: number, count: number): number {
  return Math.floor((2 * sum + count) / (2 * count));
}
