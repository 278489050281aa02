/**
 * 公民身份号码 (GB 11643-1999): six-digit address code, eight-digit birth date, three-digit
 * sequence code (odd = male) and one ISO 7064 MOD 11-2 check character.
 *
 * Besides typing mistakes, the commonest bad values come from spreadsheets: Excel stores an
 * 18-digit number as a double, shows it as `1.10105E+17` and keeps only 15 significant digits,
 * so the last three digits turn into `000`. Those get their own codes so the screen can tell the
 * clerk to format the column as text instead of blaming the person who wrote the number down.
 */
import { daysInMonth, isCanonicalDate } from './civil-date';
import { SPACES, inputText, toHalfWidth } from './input-text';
import { fail, ok, type Result } from './result';

export type Sex = 'male' | 'female';

export interface IdNumberInfo {
  /** Normalised 18-character number (upper-case X). */
  readonly idNumber: string;
  /** 'YYYY-MM-DD'. */
  readonly birthDate: string;
  readonly sex: Sex;
  /** First two digits, e.g. '11'. */
  readonly provinceCode: string;
  /** Short name of the province-level division, e.g. '北京'. */
  readonly provinceName: string;
}

export interface ParseIdNumberOptions {
  /** Today's date as 'YYYY-MM-DD', passed in so the rule stays pure and testable. */
  readonly today: string;
  /**
   * Accept a 15-digit first-generation number by upgrading it to 18 digits (for importing old
   * records). Off by default: new registrations must carry the 18-digit number.
   */
  readonly allow15?: boolean;
}

/**
 * Province-level codes of GB/T 2260 that appear in the first two digits. 71/81/82 are listed in
 * GB/T 2260; 83 is not a GB/T 2260 code but is used by 台湾居民居住证 (830000), while Hong Kong
 * and Macau residence permits use 810000/820000 — all three are valid numbers a clerk will meet.
 */
export const PROVINCE_NAMES: Readonly<Record<string, string>> = {
  '11': '北京',
  '12': '天津',
  '13': '河北',
  '14': '山西',
  '15': '内蒙古',
  '21': '辽宁',
  '22': '吉林',
  '23': '黑龙江',
  '31': '上海',
  '32': '江苏',
  '33': '浙江',
  '34': '安徽',
  '35': '福建',
  '36': '江西',
  '37': '山东',
  '41': '河南',
  '42': '湖北',
  '43': '湖南',
  '44': '广东',
  '45': '广西',
  '46': '海南',
  '50': '重庆',
  '51': '四川',
  '52': '贵州',
  '53': '云南',
  '54': '西藏',
  '61': '陕西',
  '62': '甘肃',
  '63': '青海',
  '64': '宁夏',
  '65': '新疆',
  '71': '台湾',
  '81': '香港',
  '82': '澳门',
  '83': '台湾（居住证）',
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_YEAR = 1900;

/**
 * Trims, drops spaces anywhere (people type the number in groups), turns full-width digits and
 * Ｘ/ｘ into ASCII and upper-cases x. Does not validate.
 */
export function normalizeIdNumber(raw: string): string {
  // A number typed cleanly needs none of the three rewrites, and most are typed cleanly.
  if (CLEAN_ID.test(raw)) return raw;
  return toHalfWidth(raw).replace(SPACES, '').replace(/x/g, 'X');
}

/** Digits and an upper-case X only: nothing normalizeIdNumber would change. */
const CLEAN_ID = /^[0-9X]*$/;

/** Check character (ISO 7064 MOD 11-2) for the first 17 digits; null if they are not 17 digits. */
export function computeIdCheckChar(first17: string): string | null {
  if (!/^[0-9]{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? null;
}

const SPREADSHEET_SCIENTIFIC_MESSAGE =
  '身份证号码变成了科学计数法（如 1.10105E+17），这是表格软件把号码当成数字造成的，后几位已经丢失，无法还原。' +
  '请在表格中把该列设置为"文本"格式后重新输入完整的18位号码，或照证件直接录入。';

const SPREADSHEET_PRECISION_MESSAGE =
  '身份证号码最后三位是"000"且校验不通过，很可能是表格软件把号码当成数字后只保留了前15位，后三位已经丢失。' +
  '请在表格中把该列设置为"文本"格式后重新输入完整号码再导入，或照证件直接录入。';

/** Excel's display of a large number, e.g. 1.10105E+17 or 1,10105199003078E+17 in a comma-decimal locale. */
const SCIENTIFIC = /^[0-9]+(?:[.,][0-9]*)?E\+?[0-9]+$/i;

/**
 * Upgrades a 15-digit first-generation number to 18 digits: inserts '19' before the two-digit
 * year and appends the check character. Only for old data; the result still needs
 * `parseIdNumber` for the date and province checks. (The rare 15-digit numbers of people born
 * before 1900 cannot be told apart and are upgraded as 19xx too.)
 */
export function upgradeIdNumber15(raw: unknown): Result<string> {
  const text = normalizeIdNumber(inputText(raw));
  if (!/^[0-9]{15}$/.test(text)) {
    return fail('id.upgrade_format', '只有15位全数字的旧身份证号码才能升级为18位，请核对号码。');
  }
  const first17 = `${text.slice(0, 6)}19${text.slice(6)}`;
  const check = computeIdCheckChar(first17);
  return check === null ? fail('id.upgrade_format', '旧身份证号码无法升级，请核对号码。') : ok(first17 + check);
}


/**
 * Validates a resident ID number and reads the birth date, sex and province out of it.
 * Checks run from the most specific explanation to the least, so a clerk sees "spreadsheet
 * damaged this" or "the date is impossible" rather than a bare checksum failure.
 */
export function parseIdNumber(raw: unknown, options: ParseIdNumberOptions): Result<IdNumberInfo> {
  // Read as text the way a regular expression reads its input (ToString, which throws for a
  // Symbol where String() would not); canonical dates order as text, so no parsing is needed.
  const today = `${options.today}`;
  if (!isCanonicalDate(today)) {
    return fail('id.today_invalid', '系统日期无效，无法核对出生日期，请检查电脑的日期设置后重试。');
  }

  // A number cell with more than 15 digits has already lost its tail before we see it.
  if (typeof raw === 'number' && Number.isFinite(raw) && Math.abs(raw) >= 1e15) {
    return fail('id.spreadsheet_precision', SPREADSHEET_PRECISION_MESSAGE);
  }

  const text = normalizeIdNumber(inputText(raw));
  // Seventeen digits and a digit or X pass every check up to the province; most numbers are that.
  if (isWellFormed18(text)) return checkIdNumber18(text, today);
  if (text === '') return fail('id.empty', '请填写身份证号码（18位）。');

  if (SCIENTIFIC.test(text)) return fail('id.spreadsheet_scientific', SPREADSHEET_SCIENTIFIC_MESSAGE);

  const illegal = /[^0-9X]/.exec(text);
  if (illegal) {
    return fail(
      'id.chars',
      `身份证号码中有不允许的字符"${illegal[0]}"。号码只能由数字组成，最后一位可以是字母X，请核对后重新输入。`,
    );
  }
  if (text.slice(0, -1).includes('X')) {
    return fail('id.x_position', '字母X只能出现在身份证号码的最后一位，请核对后重新输入。');
  }

  if (text.length === 15) {
    if (text.includes('X')) {
      return fail('id.x_position', '15位旧身份证号码不含字母X，请核对后重新输入。');
    }
    if (!options.allow15) {
      return fail('id.legacy_15', '15位旧身份证号码不能用于新登记，请向办事人索取18位身份证号码后重新录入。');
    }
    const upgraded = upgradeIdNumber15(text);
    return upgraded.ok ? parseIdNumber(upgraded.value, { today: options.today }) : upgraded;
  }
  if (text.length !== 18) {
    return fail('id.length', `身份证号码应为18位，现在是${text.length}位，请核对是否多输或漏输了数字。`);
  }
  return checkIdNumber18(text, today);
}

const digitAt = (text: string, i: number): number => text.charCodeAt(i) - 48;

/** Seventeen ASCII digits, then a digit or an upper-case X. */
function isWellFormed18(text: string): boolean {
  if (text.length !== 18) return false;
  for (let i = 0; i < 17; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const last = text.charCodeAt(17);
  return (last >= 48 && last <= 57) || last === 88;
}

/** The checks of an 18-character number of digits (X last at most): province, birth date, check character. */
function checkIdNumber18(text: string, today: string): Result<IdNumberInfo> {
  const provinceCode = text.slice(0, 2);
  const provinceName = PROVINCE_NAMES[provinceCode];
  if (provinceName === undefined) {
    return fail('id.province', `身份证号码前两位"${provinceCode}"不是有效的省份代码，请核对前两位数字。`);
  }

  // Read off the character codes: the text is known to be 18 ASCII digits (X last at most).
  const year = digitAt(text, 6) * 1000 + digitAt(text, 7) * 100 + digitAt(text, 8) * 10 + digitAt(text, 9);
  const month = digitAt(text, 10) * 10 + digitAt(text, 11);
  const day = digitAt(text, 12) * 10 + digitAt(text, 13);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) {
    return fail(
      'id.birth_date',
      `身份证号码第7至14位"${text.slice(6, 14)}"不是真实存在的出生日期，请核对这几位数字。`,
    );
  }
  if (year < EARLIEST_BIRTH_YEAR) {
    return fail('id.birth_too_early', `身份证号码中的出生年份${year}年早于1900年，请核对第7至10位。`);
  }
  // Digits 7–14 name a real date here, so its canonical form is a slice of them.
  const birth = `${text.slice(6, 10)}-${text.slice(10, 12)}-${text.slice(12, 14)}`;
  if (birth > today) {
    return fail('id.birth_future', `身份证号码中的出生日期${birth}晚于今天，请核对第7至14位。`);
  }

  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (text.charCodeAt(i) - 48) * WEIGHTS[i]!;
  // computeIdCheckChar(text.slice(0, 17)), the digits being known good here.
  const expected = CHECK_CHARS[sum % 11];
  if (expected !== text[17]) {
    if (text.endsWith('000')) return fail('id.spreadsheet_precision', SPREADSHEET_PRECISION_MESSAGE);
    // The expected character is deliberately not shown: the mistake is usually in another digit,
    // and showing it invites "fixing" the last digit to make the check pass.
    return fail('id.checksum', '身份证号码校验不通过，说明有数字输错或前后颠倒，请对照证件逐位核对后重新输入。');
  }

  const sequenceLast = Number(text[16]);
  return ok({
    idNumber: text,
    birthDate: birth,
    sex: sequenceLast % 2 === 1 ? 'male' : 'female',
    provinceCode,
    provinceName,
  });
}
