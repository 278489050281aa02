/**
 * Mainland contact details: mobile numbers, landlines and postal codes, as clerks actually type
 * them (+86 prefixes, dashes, brackets around the area code, full-width digits, extensions).
 * Each parser returns one canonical form so the same number is stored the same way.
 */
import { SPACES, inputText, toHalfWidth } from './input-text';
import { fail, ok, type Result } from './result';

export interface MobilePhone {
  readonly kind: 'mobile';
  /** 11 digits, no prefix or separators, e.g. '13812345678'. */
  readonly number: string;
}

export interface LandlinePhone {
  readonly kind: 'landline';
  /** With the leading 0, e.g. '010', '0571'. */
  readonly areaCode: string;
  /** 7 or 8 digits. */
  readonly localNumber: string;
  /** 1–6 digits, or null when there is none. */
  readonly extension: string | null;
  /** Canonical display form: '0571-87654321' or '010-12345678-8001'. */
  readonly number: string;
}

export type Phone = MobilePhone | LandlinePhone;

/** Trunk prefixes for China as dialled from abroad; people copy them from business cards. */
const COUNTRY_PREFIX = /^(?:\+86|0086)/;

/** Separators people put inside a phone number; removed before the digits are checked. */
const PHONE_SEPARATORS = /[\s\u200B-\u200D\u2060\uFEFF\-()（）.·—]/g;

function phoneText(raw: unknown): string {
  return toHalfWidth(inputText(raw)).trim();
}

export function parseMobile(raw: unknown): Result<MobilePhone> {
  const text = phoneText(raw);
  if (text === '') return fail('mobile.empty', '请填写手机号码（11位）。');

  let digits = text.replace(PHONE_SEPARATORS, '').replace(COUNTRY_PREFIX, '');
  // "86 138…" without the plus: 13 digits starting 861[3-9] cannot be anything else.
  if (/^861[3-9][0-9]{9}$/.test(digits)) digits = digits.slice(2);

  const illegal = /[^0-9]/.exec(digits);
  if (illegal) {
    return fail('mobile.chars', `手机号码中有不允许的字符"${illegal[0]}"，手机号码只能是数字，请核对后重新输入。`);
  }
  if (digits.length !== 11) {
    return fail('mobile.length', `手机号码应为11位，现在是${digits.length}位，请核对是否多输或漏输。`);
  }
  if (!/^1[3-9]/.test(digits)) {
    return fail('mobile.prefix', '手机号码应以13至19开头，请核对前两位；如果是座机号码，请加上区号填写。');
  }
  return ok({ kind: 'mobile', number: digits });
}

/** Explicit extension markers; a trailing dash group is handled separately because it is ambiguous. */
const EXTENSION_MARKER = /^(.*?)\s*(?:转|分机|ext\.?|x|#)\s*([0-9]+)$/i;

/**
 * Splits area code from local number by the numbering plan rather than by where the clerk put a
 * dash: 010 and 020–029 are three-digit area codes, every other one is 0 + three digits.
 */
function splitLandline(digits: string): { areaCode: string; localNumber: string } | null {
  const areaLength = /^0(?:10|2[0-9])/.test(digits) ? 3 : /^0[3-9][0-9]{2}/.test(digits) ? 4 : 0;
  if (areaLength === 0) return null;
  const localNumber = digits.slice(areaLength);
  // A local number starting with 0 means the area code was typed twice or is wrong.
  if (!/^[1-9][0-9]{6,7}$/.test(localNumber)) return null;
  return { areaCode: digits.slice(0, areaLength), localNumber };
}

function landline(areaCode: string, localNumber: string, extension: string | null): LandlinePhone {
  const number = `${areaCode}-${localNumber}${extension === null ? '' : `-${extension}`}`;
  return { kind: 'landline', areaCode, localNumber, extension, number };
}

const LANDLINE_FORMAT_MESSAGE =
  '座机号码格式不正确。请按"区号-号码"填写，区号以0开头（如010、0571），号码为7到8位，分机号可写在最后，如 010-12345678-8001。';

export function parseLandline(raw: unknown): Result<LandlinePhone> {
  let text = phoneText(raw);
  if (text === '') return fail('landline.empty', '请填写座机号码（含区号）。');

  let extension: string | null = null;
  const marked = EXTENSION_MARKER.exec(text);
  if (marked) {
    text = marked[1] ?? '';
    extension = marked[2] ?? '';
  }

  // From abroad the area code drops its 0: +86 571 87654321 is 0571-87654321.
  if (COUNTRY_PREFIX.test(text)) text = `0${text.replace(COUNTRY_PREFIX, '').replace(/^[\s\-()（）]+/, '')}`;

  const groups = text.split(PHONE_SEPARATORS).filter((g) => g !== '');
  const illegal = /[^0-9]/.exec(groups.join(''));
  if (illegal) {
    return fail('landline.chars', `座机号码中有不允许的字符"${illegal[0]}"，请只填写数字和"-"，核对后重新输入。`);
  }
  if (extension !== null && extension.length > 6) {
    return fail('landline.extension', '分机号最多6位，请核对分机号。');
  }

  const digits = groups.join('');
  if (/^[1-9][0-9]{6,7}$/.test(digits)) {
    return fail('landline.area_code_missing', '座机号码缺少区号，请在号码前加上区号，如 0571-87654321。');
  }

  const whole = splitLandline(digits);
  if (whole) return ok(landline(whole.areaCode, whole.localNumber, extension));

  // 010-12345678-8001: a last dash group of up to 6 digits is an extension, but only if the rest
  // is a complete number on its own.
  const last = groups.at(-1);
  if (extension === null && groups.length >= 3 && last !== undefined && last.length <= 6) {
    const rest = splitLandline(groups.slice(0, -1).join(''));
    if (rest) return ok(landline(rest.areaCode, rest.localNumber, last));
  }
  return fail('landline.format', LANDLINE_FORMAT_MESSAGE);
}

/**
 * Accepts either kind and says which it is. Digits starting with 1 are taken as a mobile number,
 * anything else as a landline, so a rejected value gets the message for what the clerk was
 * trying to enter.
 */
export function parsePhone(raw: unknown): Result<Phone> {
  const text = phoneText(raw);
  if (text === '') return fail('phone.empty', '请填写联系电话（手机号码或带区号的座机号码）。');

  const digits = text.replace(PHONE_SEPARATORS, '');
  // After +86 a landline drops its 0, so "+86 10 …" is Beijing, not a short mobile number.
  const looksMobile = COUNTRY_PREFIX.test(digits)
    ? /^1[3-9]/.test(digits.replace(COUNTRY_PREFIX, ''))
    : digits.startsWith('1') || /^861[3-9][0-9]{9}$/.test(digits);
  return looksMobile ? parseMobile(text) : parseLandline(text);
}

/**
 * 邮政编码: exactly six digits after normalisation. No range check on the leading digits on
 * purpose: mainland forms use 999077 (香港) and 999078 (澳门) as placeholders, and a range check
 * would catch almost no real typos while rejecting those.
 */
export function parsePostalCode(raw: unknown): Result<string> {
  const text = toHalfWidth(inputText(raw)).replace(SPACES, '');
  if (text === '') return fail('postal.empty', '请填写邮政编码（6位数字）。');
  const illegal = /[^0-9]/.exec(text);
  if (illegal) {
    return fail('postal.chars', `邮政编码中有不允许的字符"${illegal[0]}"，邮政编码只能是数字，请核对后重新输入。`);
  }
  if (text.length !== 6) {
    return fail('postal.length', `邮政编码应为6位数字，现在是${text.length}位，请核对后重新输入。`);
  }
  return ok(text);
}
