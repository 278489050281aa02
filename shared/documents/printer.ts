/**
 * Printing onto pre-printed stock. Every printer feeds paper a little off and some scale pages,
 * so each printer gets a profile: where a point meant for (x, y) mm lands is
 * (offsetXmm + scale·x, offsetYmm + scale·y), about the paper's top-left corner. The calibration
 * page prints crosshairs at known spots; `calibrateProfile` turns what a ruler measures on it
 * into a corrected profile.
 */
import { fail, ok, type Result } from '../rules/result';

export interface PrinterProfile {
  /** Positive moves the print right, in millimetres. */
  readonly offsetXmm: number;
  /** Positive moves the print down, in millimetres. */
  readonly offsetYmm: number;
  /** 1 = true size. */
  readonly scale: number;
}

export const IDENTITY_PROFILE: PrinterProfile = { offsetXmm: 0, offsetYmm: 0, scale: 1 };

/** Offsets beyond this are a wrong measurement (or the wrong paper), not a feed error. */
export const MAX_OFFSET_MM = 20;
export const MIN_SCALE = 0.9;
export const MAX_SCALE = 1.1;

/** 'full': everything; 'values-only': just the values, at calibrated positions, for pre-printed stock. */
export type PrintMode = 'full' | 'values-only';

export function checkProfile(profile: PrinterProfile): Result<PrinterProfile> {
  const { offsetXmm, offsetYmm, scale } = profile;
  if (![offsetXmm, offsetYmm, scale].every(Number.isFinite)) {
    return fail('printer.invalid', '打印机校准值应为数字。');
  }
  if (Math.abs(offsetXmm) > MAX_OFFSET_MM || Math.abs(offsetYmm) > MAX_OFFSET_MM) {
    return fail('printer.offset', `偏移量应在 ±${MAX_OFFSET_MM} 毫米以内，请重新测量校准页。`);
  }
  if (scale < MIN_SCALE || scale > MAX_SCALE) {
    return fail('printer.scale', `缩放比例应在 ${MIN_SCALE}—${MAX_SCALE} 之间，请检查打印设置中是否选了“适合页面”。`);
  }
  return ok(profile);
}

/** A crosshair's intended position and where it was measured on paper, in millimetres. */
export interface CalibrationMark {
  readonly expected: { readonly xMm: number; readonly yMm: number };
  readonly measured: { readonly xMm: number; readonly yMm: number };
}

/**
 * The profile that makes the printer hit its marks, from two crosshairs measured on a calibration
 * page printed with `current`. The printer maps p to a + k·p; with the profile applied, a mark
 * meant for p lands at a + k·(o + s·p). Two marks give k·s (from their distance) and a; the new
 * profile is s' = 1/k, o' = −a/k. Scale comes from the horizontal distance (the longer one on
 * landscape stock would do as well); offsets per axis.
 */
export function calibrateProfile(current: PrinterProfile, a: CalibrationMark, b: CalibrationMark): Result<PrinterProfile> {
  const dx = b.expected.xMm - a.expected.xMm;
  if (Math.abs(dx) < 50) return fail('printer.marks', '两个校准十字应左右相距至少 50 毫米。');
  const ks = (b.measured.xMm - a.measured.xMm) / dx;
  const k = ks / current.scale;
  if (!(k > 0)) return fail('printer.marks', '测量值不合理，请按校准页说明重新测量。');
  const ax = a.measured.xMm - ks * a.expected.xMm - k * current.offsetXmm;
  const ay = a.measured.yMm - ks * a.expected.yMm - k * current.offsetYmm;
  const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
  return checkProfile({ offsetXmm: round(-ax / k, 2), offsetYmm: round(-ay / k, 2), scale: round(1 / k, 4) });
}
