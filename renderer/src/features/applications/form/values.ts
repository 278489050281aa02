/**
 * How a field's stored value and the text in its box relate, per field type. Plain functions (no
 * React): what a clerk types becomes the value the engine checks; a value the shared parser
 * cannot read is kept as the typed text, so the engine reports it (with its Chinese message) and
 * nothing typed is lost. Validation itself is never done here.
 *
 *   date        stored 'YYYY-MM-DD'  typed 20261122, 2026-11-22, 2026年11月22日  shown 2026年11月22日
 *   year-month  stored 'YYYY-MM'     typed 201909, 2019-09, 2019年9月           shown 2019年09月
 *   year        stored 2019 (number)
 *   number      stored a number
 *   money       stored integer 分 (shared/rules/money)  typed 12,345.67 / 1.2万     shown 12,345.67
 *               in a 万元 field (moneyUnit 'wan-yuan', 001 （二）3) a bare 1200 is 1200 万元, shown 1,200
 *   id-number   stored normalised (half-width, upper-case X, no spaces)
 */
import { formatDateZh, formatYearMonthZh, parseDateInput, parseYearMonth } from '../../../../../shared/rules/civil-date';
import { useUi } from '../../../stores/ui';
import { normalizeIdNumber } from '../../../../../shared/rules/id-number';
import { toHalfWidth } from '../../../../../shared/rules/input-text';
import { formatMoney, parseYuan, type Fen, type MoneyUnit } from '../../../../../shared/rules/money';
import type { FieldType } from '../../../../../shared/programs/schema';

/** Types typed into one text box. */
const TEXT_BOX_TYPES: ReadonlySet<FieldType> = new Set<FieldType>([
  'text',
  'date',
  'year-month',
  'year',
  'number',
  'money',
  'id-number',
  'credit-code',
  'phone',
  'postal-code',
  'catalogue-ref',
]);

export function isTextBox(type: FieldType): boolean {
  return TEXT_BOX_TYPES.has(type);
}

const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** The value to keep for the text in a box (undefined when blank). */
export function parseTyped(type: FieldType, text: string, unit: MoneyUnit = 'yuan'): unknown {
  if (text.trim() === '') return undefined;
  switch (type) {
    case 'date': {
      const r = parseDateInput(text);
      return r.ok ? r.value : text;
    }
    case 'year-month': {
      const r = parseYearMonth(text);
      return r.ok ? r.value : text;
    }
    case 'year':
    case 'number': {
      const t = toHalfWidth(text).trim();
      return NUMBER.test(t) ? Number(t) : text;
    }
    case 'money': {
      const r = parseYuan(text, { unit });
      return r.ok ? r.value : text;
    }
    case 'id-number':
      return normalizeIdNumber(text);
    case 'credit-code':
      return toHalfWidth(text).trim().toUpperCase();
    default:
      return text;
  }
}

/** The text shown for a stored value when the box is not being typed in. */
export function displayText(type: FieldType, value: unknown, unit: MoneyUnit = 'yuan'): string {
  if (value === undefined || value === null) return '';
  switch (type) {
    // In English the ISO form, which reads back the same (2026年11月22日 is for the Chinese UI).
    case 'date':
      return typeof value === 'string' ? (useUi.getState().locale === 'zh-CN' ? formatDateZh(value) : value) : String(value);
    case 'year-month':
      return typeof value === 'string' ? (useUi.getState().locale === 'zh-CN' ? formatYearMonthZh(value) : value) : String(value);
    case 'money':
      return typeof value === 'number' && Number.isSafeInteger(value) ? formatMoney(value as Fen, unit) : String(value);
    default:
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }
}
