/**
 * Money as integer 分 (fen). Fees, contract amounts and thresholds are added up and compared
 * many times; with floats 0.1 + 0.2 元 is not 0.3 元 and a 3000 万元 threshold could fail by a
 * rounding error. So amounts are parsed from the clerk's text digit by digit, never multiplied
 * as floats, and every sum is checked to stay within Number.MAX_SAFE_INTEGER
 * (about 90 万亿元 in fen, far above any contract an association office sees).
 */
import { SPACES, inputText, toHalfWidth } from './input-text';
import { fail, ok, type Result } from './result';

declare const fenBrand: unique symbol;
/** An amount in 分: a safe integer. Only `toFen`, `parseYuan` and `sumFen` hand these out. */
export type Fen = number & { readonly [fenBrand]: true };

export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN_YUAN = 1_000_000;
export const ZERO_FEN = 0 as Fen;

/** Decimal places that still land on a whole 分: 0.01 元, or 0.000001 万元. */
const YUAN_DECIMALS = 2;
const WAN_YUAN_DECIMALS = 6;

export function toFen(value: number): Result<Fen> {
  if (!Number.isSafeInteger(value)) {
    return fail('money.notFen', '金额无效：金额必须是以“分”为单位的整数。');
  }
  return ok(value as Fen);
}

/**
 * The unit a form shows an amount in, as its rulebook writes amounts (001 （二）3: 万元). Only
 * typing and display use it; what is stored and added up is always 分.
 */
export const MONEY_UNITS = ['yuan', 'wan-yuan'] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];

export const MONEY_UNIT_ZH: Readonly<Record<MoneyUnit, string>> = { yuan: '元', 'wan-yuan': '万元' };

export interface ParseYuanOptions {
  /** Refunds or corrections may be negative; fees and contract amounts may not (the default). */
  readonly allowNegative?: boolean;
  /**
   * The unit of a number typed without one: a 万元 column reads "1200" as 1200 万元. A unit
   * typed with the number (`500元`, `1.2万`) always wins. Default 'yuan'.
   */
  readonly unit?: MoneyUnit;
}

/**
 * Optional sign, optional ¥, an integer part either plain or grouped by commas in threes, an
 * optional fraction, an optional unit. Spaces were already removed.
 */
const AMOUNT = /^([+-])?¥?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万元|万|元)?$/;

/**
 * Reads an amount the way clerks type it from paper forms:
 * `0.1`, `0.10`, `12,345.67`, `１２３.４` (full-width, from a Chinese IME), `¥1,000`, `500元`,
 * and — because contract values and the 001 thresholds are written in 万元 — `1.2万`, `3000万元`.
 * In 元 at most 2 decimals (a third decimal is a typo or a sub-分 amount, never rounded away);
 * in 万元 at most 6 decimals, which is still an exact 分.
 * Accepts `unknown` because spreadsheet imports hand over numbers and blanks.
 */
export function parseYuan(raw: unknown, options: ParseYuanOptions = {}): Result<Fen> {
  const text = toHalfWidth(inputText(raw))
    .replace(SPACES, '')
    .replace(/[￥]/g, '¥')
    // U+2212 (minus sign) comes from Word and web pages.
    .replace(/\u2212/g, '-');
  if (text === '') return fail('money.empty', '请填写金额。');

  const match = AMOUNT.exec(text);
  if (match === null) {
    return fail(
      'money.invalid',
      `“${text}”不是有效金额。请填写数字，如 12345.67、12,345.67 或 1.2万。`,
    );
  }
  const [, sign, grouped = '', fraction = '', unit] = match;
  const inWan = unit === '万' || unit === '万元' || (unit === undefined && options.unit === 'wan-yuan');
  const maxDecimals = inWan ? WAN_YUAN_DECIMALS : YUAN_DECIMALS;
  if (fraction.length > maxDecimals) {
    return fail(
      'money.decimals',
      inWan
        ? `“${text}”小数位过多：以万元为单位时最多 ${WAN_YUAN_DECIMALS} 位小数（精确到分）。`
        : `“${text}”小数位过多：金额最多两位小数（精确到分）。`,
    );
  }

  // Shifting the decimal point in the string keeps the value exact.
  const digits = (grouped.replace(/,/g, '') + fraction.padEnd(maxDecimals, '0')).replace(/^0+(?=\d)/, '');
  const magnitude = Number(digits);
  if (!Number.isSafeInteger(magnitude)) {
    return fail('money.tooLarge', `“${text}”金额过大，无法计算，请核对。`);
  }
  if (sign === '-' && magnitude !== 0 && options.allowNegative !== true) {
    return fail('money.negative', `“${text}”：此处金额不能为负数。`);
  }
  return ok((sign === '-' && magnitude !== 0 ? -magnitude : magnitude) as Fen);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A display function cannot hand back a Result, and an invalid amount must not look like a real
 * one (a blank reads as "nothing" and 0 as "free"), so it is shown as a dash.
 */
const INVALID_DISPLAY = '—';

/** `1234567` 分 → `12,345.67` (元, no unit; the screen adds 元 where it wants it). */
export function formatYuan(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) return INVALID_DISPLAY;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / FEN_PER_YUAN);
  const cents = abs % FEN_PER_YUAN;
  return `${fen < 0 ? '-' : ''}${groupThousands(String(yuan))}.${String(cents).padStart(2, '0')}`;
}

export interface FormatWanYuanOptions {
  /**
   * Fixed decimals (0–6), rounded half away from zero. Without it (or with a value outside 0–6)
   * the value is exact with trailing zeros dropped.
   */
  readonly decimals?: number;
}

/**
 * `3_000_000_000` 分 → `3,000` (万元, no unit). Exact by default (`1,234.5678`) because the 001
 * thresholds are compared in 万元 and a rounded figure could make a shortfall look met.
 */
export function formatWanYuan(fen: Fen, options: FormatWanYuanOptions = {}): string {
  if (!Number.isSafeInteger(fen)) return INVALID_DISPLAY;
  const abs = Math.abs(fen);
  const { decimals } = options;
  let body: string;
  if (decimals === undefined || !Number.isInteger(decimals) || decimals < 0 || decimals >= WAN_YUAN_DECIMALS) {
    const whole = Math.floor(abs / FEN_PER_WAN_YUAN);
    const rest = String(abs % FEN_PER_WAN_YUAN).padStart(WAN_YUAN_DECIMALS, '0');
    const shown = decimals === WAN_YUAN_DECIMALS ? rest : rest.replace(/0+$/, '');
    body = groupThousands(String(whole)) + (shown === '' ? '' : `.${shown}`);
  } else {
    const step = 10 ** (WAN_YUAN_DECIMALS - decimals);
    let units = Math.floor(abs / step);
    if ((abs % step) * 2 >= step) units += 1;
    const scale = 10 ** decimals;
    const whole = Math.floor(units / scale);
    const rest = decimals === 0 ? '' : `.${String(units % scale).padStart(decimals, '0')}`;
    body = groupThousands(String(whole)) + rest;
  }
  return fen < 0 && /[1-9]/.test(body) ? `-${body}` : body;
}

/** Adds amounts exactly; fails instead of returning a silently rounded total. */
export function sumFen(...amounts: readonly Fen[]): Result<Fen> {
  let total = 0;
  for (const amount of amounts) {
    if (!Number.isSafeInteger(amount)) {
      return fail('money.notFen', '金额无效：金额必须是以“分”为单位的整数。');
    }
    total += amount;
    if (!Number.isSafeInteger(total)) {
      return fail('money.overflow', '金额合计过大，无法准确计算，请核对各项金额。');
    }
  }
  return ok(total as Fen);
}

/**
 * A stored amount: integer 分, not negative (fees, contract amounts, totals). The message names
 * no field; the caller puts the field's name in front.
 */
export function checkStoredFen(value: unknown): Result<Fen> {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    return fail('money.notFen', '金额无效：金额必须是以“分”为单位的整数。');
  }
  if (value < 0) return fail('money.negative', '此处金额不能为负数。');
  return ok(value as Fen);
}

/** An amount shown in the form's unit, without the unit: `12,345.67` (元) or `1,234.5678` (万元, exact). */
export function formatMoney(fen: Fen, unit: MoneyUnit): string {
  return unit === 'wan-yuan' ? formatWanYuan(fen) : formatYuan(fen);
}

/**
 * The amount as a number in the unit (for a spreadsheet cell, which holds floating point).
 * Exact in 分 up to 2^53 分 in 元; a 万元 figure is the nearest double of an exact decimal, and
 * totals are always computed in 分 first, never by adding these.
 */
export function fenToUnitNumber(fen: Fen, unit: MoneyUnit): number {
  return unit === 'wan-yuan' ? fen / FEN_PER_WAN_YUAN : fen / FEN_PER_YUAN;
}

/** A whole number of the unit in 分 (pack thresholds are written as 3000 万元): fails unless exact. */
export function unitAmountToFen(amount: number, unit: MoneyUnit): Result<Fen> {
  return parseYuan(String(amount), { unit });
}
