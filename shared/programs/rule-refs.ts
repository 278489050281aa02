/**
 * The shared rules a program pack may name. A pack is data, so it cannot hold a function; it
 * holds a NAME from one of these registries, and the engine looks the rule up here. Each name
 * points at an existing rule in shared/rules — nothing is re-implemented.
 *
 * Field validators take the raw value a clerk typed (or the bytes of a file) and return the
 * rule's Result; the few that need "today" get it from the context so they stay pure.
 */
import { parseCreditCode } from '../rules/credit-code';
import { parseDateInput, parseYearMonth, type IsoDate } from '../rules/civil-date';
import { parseLandline, parseMobile, parsePhone, parsePostalCode } from '../rules/contact';
import { P4_EDUCATION_REQUIREMENT, P5_EDUCATION_REQUIREMENT, type EducationRequirement } from '../rules/education';
import { parseIdNumber } from '../rules/id-number';
import { checkStoredFen, parseYuan } from '../rules/money';
import { checkPhoto, P4_PHOTO_REQUIREMENT, type PhotoRequirement } from '../rules/photo';
import { fail, type Result } from '../rules/result';
import { P4_SELF_SCORE_REQUIREMENT, type SelfScoreRequirement } from '../rules/self-score';

// ---------------------------------------------------------------------------------------------
// Field validators
// ---------------------------------------------------------------------------------------------

export interface ValidationContext {
  /** 'YYYY-MM-DD', passed in (shared/ never reads the clock). */
  readonly today: IsoDate;
}

export type FieldValidator = (raw: unknown, context: ValidationContext) => Result<unknown>;

export const VALIDATOR_NAMES = [
  'id-number',
  'credit-code',
  'phone',
  'mobile',
  'landline',
  'postal-code',
  'date',
  'year-month',
  'money',
  'photo-p4',
] as const;
export type ValidatorName = (typeof VALIDATOR_NAMES)[number];

function asText<T>(raw: unknown, parse: (text: string) => Result<T>): Result<T> {
  if (typeof raw === 'string') return parse(raw);
  if (raw === undefined || raw === null) return parse('');
  return fail('field.type', '此处应填写文字。');
}

export const FIELD_VALIDATORS: Readonly<Record<ValidatorName, FieldValidator>> = {
  /** rules/id-number parseIdNumber (GB 11643-1999). */
  'id-number': (raw, context) => parseIdNumber(raw, { today: context.today }),
  /** rules/credit-code parseCreditCode (GB 32100-2015). */
  'credit-code': (raw) => parseCreditCode(raw),
  /** rules/contact parsePhone: mobile or landline. */
  phone: (raw) => parsePhone(raw),
  mobile: (raw) => parseMobile(raw),
  landline: (raw) => parseLandline(raw),
  'postal-code': (raw) => parsePostalCode(raw),
  /** rules/civil-date parseDateInput. */
  date: (raw) => asText(raw, parseDateInput),
  /** rules/civil-date parseYearMonth (002 附件4 四 7: ××××年××月). */
  'year-month': (raw) => asText(raw, parseYearMonth),
  /**
   * A stored amount is integer 分 (rules/money toFen, never negative); text is what the form could
   * not read as an amount, checked by parseYuan for its message.
   */
  money: (raw) => (typeof raw === 'number' ? checkStoredFen(raw) : parseYuan(raw)),
  /** rules/photo checkPhoto with P4_PHOTO_REQUIREMENT (002 附件2 二). */
  'photo-p4': (raw) =>
    raw instanceof Uint8Array ? checkPhoto(raw, P4_PHOTO_REQUIREMENT) : fail('photo.empty', '没有读到照片文件，请重新选择。'),
};

/** Which validators fit which field type; a type listed here must name one of them. */
export const VALIDATORS_BY_FIELD_TYPE: Readonly<Partial<Record<string, readonly ValidatorName[]>>> = {
  'id-number': ['id-number'],
  'credit-code': ['credit-code'],
  phone: ['phone', 'mobile', 'landline'],
  'postal-code': ['postal-code'],
  date: ['date'],
  'year-month': ['year-month'],
  money: ['money'],
  photo: ['photo-p4'],
};

/**
 * Types whose validator may be left out: a photo pasted on a paper form (003 登记申请表) has no
 * seed requirement to check, unlike the uploaded photo of 002 附件2.
 */
export const OPTIONAL_VALIDATOR_TYPES: readonly string[] = ['photo'];

// ---------------------------------------------------------------------------------------------
// Requirement objects (numbers with their rule)
// ---------------------------------------------------------------------------------------------

export const EDUCATION_RULES = { P4_EDUCATION_REQUIREMENT, P5_EDUCATION_REQUIREMENT } as const satisfies Readonly<
  Record<string, EducationRequirement>
>;
export type EducationRuleName = keyof typeof EDUCATION_RULES;
export const EDUCATION_RULE_NAMES = Object.keys(EDUCATION_RULES) as [EducationRuleName, ...EducationRuleName[]];

export const SELF_SCORE_RULES = { P4_SELF_SCORE_REQUIREMENT } as const satisfies Readonly<
  Record<string, SelfScoreRequirement>
>;
export type SelfScoreRuleName = keyof typeof SELF_SCORE_RULES;
export const SELF_SCORE_RULE_NAMES = Object.keys(SELF_SCORE_RULES) as [SelfScoreRuleName, ...SelfScoreRuleName[]];

export const PHOTO_RULES = { P4_PHOTO_REQUIREMENT } as const satisfies Readonly<Record<string, PhotoRequirement>>;
export type PhotoRuleName = keyof typeof PHOTO_RULES;
export const PHOTO_RULE_NAMES = Object.keys(PHOTO_RULES) as [PhotoRuleName, ...PhotoRuleName[]];

/**
 * Computations a read-only field or column may name (001 （二）: "灰色不能输入部分均为自动运算"),
 * worked out by shared/engine/tables, exactly (money in 分, never a float).
 */
export const COMPUTATIONS = {
  /** In a table row: the columns named in `inputs` added up; on the form: the fields named. */
  sum: 'the values named in `inputs` added up (a blank counts as 0)',
  /** inputs [table, column]: that column over the table's rows (those `rows` selects). */
  'column-sum': 'a column of a table added up over its rows',
  /** inputs [table]: how many rows (those `rows` selects). */
  'count-rows': 'number of rows of the table named in `inputs`',
  /** inputs [table, column]: one person, several certificates (001 （二）1 2)). */
  'count-distinct': 'number of distinct non-blank values of column inputs[1] in table inputs[0]',
} as const;
export type ComputationName = keyof typeof COMPUTATIONS;
export const COMPUTATION_NAMES = Object.keys(COMPUTATIONS) as [ComputationName, ...ComputationName[]];
