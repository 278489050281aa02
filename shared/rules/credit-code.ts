/**
 * 统一社会信用代码 (GB 32100-2015): 1 registration-authority character, 1 organisation-type
 * character, 6-digit administrative division code of the registering office, 9-character
 * organisation code body and 1 check character, all from a 31-character alphabet.
 */
import { SPACES, inputText, toHalfWidth } from './input-text';
import { fail, ok, type Result } from './result';

export interface CreditCodeInfo {
  /** Normalised 18-character code. */
  readonly code: string;
  /** 登记管理部门代码, e.g. '5' for 民政 (social organisations), '9' for 市场监管. */
  readonly registrationAuthority: string;
  /** 机构类别代码, e.g. '1' for 社会团体 under 民政. */
  readonly orgType: string;
  /** 登记管理机关行政区划码 (characters 3–8). */
  readonly regionCode: string;
}

/** GB 32100-2015 alphabet in value order; I, O, S, V and Z are left out to avoid confusion with 1, 0, 5, 2. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Trims, removes spaces anywhere, turns full-width characters into half-width and upper-cases. Does not validate. */
export function normalizeCreditCode(raw: string): string {
  return toHalfWidth(raw).replace(SPACES, '').toUpperCase();
}

/** Check character for the first 17 characters; null if any is outside the alphabet or the length is wrong. */
export function computeCreditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET[(31 - (sum % 31)) % 31] ?? null;
}

const NOT_USED = 'IOSVZ';
const LOOKALIKE_DIGIT: Readonly<Record<string, string>> = { I: '1', O: '0', S: '5', Z: '2' };

export function parseCreditCode(raw: unknown): Result<CreditCodeInfo> {
  const code = normalizeCreditCode(inputText(raw));
  if (code === '') return fail('credit.empty', '请填写统一社会信用代码（18位）。');

  const illegal = [...code].find((ch) => !ALPHABET.includes(ch));
  if (illegal !== undefined) {
    if (NOT_USED.includes(illegal)) {
      const digit = LOOKALIKE_DIGIT[illegal];
      const hint = digit === undefined ? '' : `，可能是把数字${digit}错输成了字母${illegal}`;
      return fail(
        'credit.letter_not_used',
        `统一社会信用代码不使用字母I、O、S、V、Z，代码中出现了"${illegal}"${hint}。请对照营业执照或登记证书核对。`,
      );
    }
    return fail(
      'credit.chars',
      `统一社会信用代码中有不允许的字符"${illegal}"，代码只由数字和大写字母组成，请对照证书核对后重新输入。`,
    );
  }

  if (code.length !== 18) {
    return fail('credit.length', `统一社会信用代码应为18位，现在是${code.length}位，请核对是否多输或漏输。`);
  }

  const regionCode = code.slice(2, 8);
  if (!/^[0-9]{6}$/.test(regionCode)) {
    return fail('credit.region', '统一社会信用代码第3至8位是行政区划代码，只能是数字，请对照证书核对。');
  }

  if (computeCreditCodeCheckChar(code.slice(0, 17)) !== code[17]) {
    return fail(
      'credit.checksum',
      '统一社会信用代码校验不通过，说明有字符输错或前后颠倒，请对照营业执照或登记证书逐位核对后重新输入。',
    );
  }

  return ok({
    code,
    registrationAuthority: code.slice(0, 1),
    orgType: code.slice(1, 2),
    regionCode,
  });
}
