/**
 * One cell read as what its column holds, through the shared rules: 身份证号 by parseIdNumber
 * (a number cell or 1.10105E+17 is the spreadsheet-precision error, full-width digits and spaces
 * are normalised, the check digit checked), months and dates by parseYearMonth / parseDateInput
 * and Excel day serials by excelSerialDate, options against the pack's, phone numbers and the
 * like by the pack's validator. Values come out in their stored form ('YYYY-MM', 'YYYY-MM-DD',
 * normalised ID, integer fen), exactly what a form typed by hand stores.
 */
import { excelSerialDate, INPUT_YEAR_MAX, INPUT_YEAR_MIN, parseDateInput, parseYearMonth, type IsoDate } from '../rules/civil-date';
import { parseIdNumber } from '../rules/id-number';
import { toHalfWidth } from '../rules/input-text';
import { parseYuan } from '../rules/money';
import { fail, ok, type Result } from '../rules/result';
import { FIELD_VALIDATORS } from '../programs/rule-refs';
import type { Cell } from './grid';
import { normaliseValue, type ImportColumnSpec } from './spec';

export interface CellContext {
  /** 'YYYY-MM-DD' (shared/ reads no clock). */
  readonly today: IsoDate;
}

/** A value read, with a note the clerk should see (a plain number taken as a day serial). */
export interface CellValue {
  readonly value: unknown;
  readonly warning?: { readonly code: 'import.date-serial'; readonly message: string };
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\u{20000}-\u{2FFFF}·•．]/u;

/** Longest text kept per field type; a pasted essay in a name cell is a mistake. */
const MAX_TEXT = 500;
const MAX_TEXTAREA = 4000;
const MAX_NAME = 50;

/** Plain numbers in a date column taken as day serials: 1930-01-01 … 2100-12-31 (smaller is more likely a typo). */
const SERIAL_MIN = 10_959;
const SERIAL_MAX = 73_415;

/** The text of a cell for a text rule: numbers as their digits (or as Excel shows them), dates as 'YYYY-MM-DD'. */
function cellText(cell: Exclude<Cell, null>): string | null {
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  if (cell.kind === 'shown') return cell.text;
  if (cell.kind === 'date') {
    const d = excelSerialDate(cell.serial, cell.date1904);
    return d.ok ? d.value : String(cell.serial);
  }
  return null;
}

/** Spaces as typed become one space; zero-width characters go. */
export function cleanText(text: string, keepLineBreaks = false): string {
  const s = text.replace(ZERO_WIDTH, '').replace(/\u3000/g, ' ');
  if (!keepLineBreaks) return s.replace(/\s+/g, ' ').trim();
  return s
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line, i, lines) => line !== '' || (i > 0 && i < lines.length - 1))
    .join('\n')
    .trim();
}

/** A name: spaces between or beside Chinese characters dropped ("张  三" → 张三), Latin names keep one. */
export function cleanName(text: string): string {
  const s = cleanText(text);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === ' ') {
      const before = s[i - 1] ?? '';
      const after = s[i + 1] ?? '';
      if (CJK.test(before) || CJK.test(after)) continue;
    }
    out += c;
  }
  return out;
}

const tooLong = (label: string, max: number, length: number): Result<never> =>
  fail('import.too-long', `“${label}”过长（${length}个字），最多${max}个字，请核对是否把几项填进了一格。`);

function fromSerial(serial: number, date1904: boolean, month: boolean, plain: boolean): Result<CellValue> {
  const d = excelSerialDate(serial, date1904);
  if (!d.ok) return d;
  const value = month ? d.value.slice(0, 7) : d.value;
  if (!plain) return ok({ value });
  const shown = month ? `${d.value.slice(0, 4)}年${d.value.slice(5, 7)}月` : `${d.value.slice(0, 4)}年${d.value.slice(5, 7)}月${d.value.slice(8, 10)}日`;
  return ok({
    value,
    warning: {
      code: 'import.date-serial',
      message: `单元格里是数字 ${serial}，按表格软件的日期序号读作 ${shown}，请核对。`,
    },
  });
}

const isPlainSerial = (n: number): boolean => Number.isInteger(n) && n >= SERIAL_MIN && n <= SERIAL_MAX;

function readYearMonth(cell: Exclude<Cell, null>): Result<CellValue> {
  if (typeof cell === 'object' && cell.kind === 'date') return fromSerial(cell.serial, cell.date1904, true, false);
  if (typeof cell === 'number') {
    if (isPlainSerial(cell)) return fromSerial(cell, false, true, true);
    // 1979.10 typed into a number cell is stored as 1979.1: the month cannot be told from January.
    if (/^\d{4}\.1$/.test(String(cell))) {
      return fail(
        'import.year-month-ambiguous',
        `单元格里是数字 ${cell}：表格软件会把“${Math.trunc(cell)}.10”存成“${cell}”，无法判断是${Math.trunc(cell)}年1月还是10月。请改成“${Math.trunc(cell)}年1月”或“${Math.trunc(cell)}年10月”。`,
      );
    }
  }
  const text = cellText(cell);
  if (text === null) return fail('import.year-month-ambiguous', '无法读取这个单元格。');
  const month = parseYearMonth(text);
  if (month.ok) return ok({ value: month.value });
  // A full date where a month is asked for: the month is what the field keeps.
  const date = parseDateInput(text);
  if (date.ok) return ok({ value: date.value.slice(0, 7) });
  return month;
}

function readDate(cell: Exclude<Cell, null>): Result<CellValue> {
  if (typeof cell === 'object' && cell.kind === 'date') return fromSerial(cell.serial, cell.date1904, false, false);
  if (typeof cell === 'number' && isPlainSerial(cell)) return fromSerial(cell, false, false, true);
  const text = cellText(cell);
  if (text === null) return fail('date.format', '无法读取这个单元格。');
  const date = parseDateInput(text);
  return date.ok ? ok({ value: date.value }) : date;
}

function readNumber(column: ImportColumnSpec, cell: Exclude<Cell, null>): Result<number> {
  let n: number;
  if (typeof cell === 'number') n = cell;
  else if (typeof cell === 'object' && cell.kind === 'shown') n = cell.value;
  else {
    const text = toHalfWidth(cellText(cell) ?? '')
      .replace(/\s+/g, '')
      .replace(/(年|分|学时|小时|人|个)$/, '');
    if (!/^[+-]?\d+(\.\d+)?$/.test(text)) return fail('import.number', `“${column.label.zh}”应为数字，现在是“${cellText(cell) ?? ''}”。`);
    n = Number(text);
  }
  if (column.min !== undefined && n < column.min) return fail('import.number', `“${column.label.zh}”不能小于 ${column.min}，现在是 ${n}。`);
  if (column.max !== undefined && n > column.max) return fail('import.number', `“${column.label.zh}”不能大于 ${column.max}，现在是 ${n}。`);
  return ok(n);
}

function readYear(column: ImportColumnSpec, cell: Exclude<Cell, null>): Result<number> {
  const text = toHalfWidth(cellText(cell) ?? '').replace(/\s+/g, '');
  const m = /^(\d{4})(年度?|年)?$/.exec(text);
  const year = m ? Number(m[1]) : NaN;
  if (!(year >= INPUT_YEAR_MIN && year <= INPUT_YEAR_MAX)) return fail('import.year', `“${column.label.zh}”应为四位年份，如 2019，现在是“${text}”。`);
  return ok(year);
}

/** An option by its exact value, the pack's spelling of it, or the same text with spaces and brackets ignored. */
export function matchOption(column: ImportColumnSpec, text: string): string | undefined {
  const options = column.options ?? [];
  const cleaned = cleanText(text);
  if (options.includes(cleaned)) return cleaned;
  const key = normaliseValue(cleaned);
  const spelled = column.values?.[key];
  if (spelled !== undefined) return spelled;
  return options.find((o) => normaliseValue(o) === key);
}

/** A catalogue row by its name, ignoring spaces, full-width forms and the bracketed issuer ("CCNA网络支持工程师"). */
export function matchCatalogue(names: readonly string[], text: string): string | undefined {
  const key = normaliseValue(text);
  if (key === '') return undefined;
  return names.find((n) => normaliseValue(n) === key) ?? names.find((n) => normaliseValue(n.replace(/[（(][^）)]*[）)]$/, '')) === key);
}

const YES = new Set(['是', '有', 'y', 'yes', 'true', '√', '✓', '1']);
const NO = new Set(['否', '无', '没有', 'n', 'no', 'false', '×', '✗', '0']);

/**
 * Reads a cell for a column. `ok(undefined)` for a blank cell (the caller decides whether blank is
 * allowed); an error carries the rule's code and a message that names the problem, not the place
 * (the caller adds row and column).
 */
export function readCell(column: ImportColumnSpec, cell: Cell, context: CellContext): Result<CellValue | undefined> {
  if (cell === null) return ok(undefined);
  if (typeof cell === 'string' && cleanText(cell) === '') return ok(undefined);
  if (typeof cell === 'object' && cell.kind === 'formula-no-value') {
    return fail(
      'import.formula-no-value',
      `这一格是公式${cell.formula === '' ? '' : `（=${cell.formula}）`}，但文件里没有保存计算结果（由程序生成、未在表格软件中打开保存过的文件常见）。请在 Excel 或 WPS 中打开、保存后再导入，或直接填写数值。`,
    );
  }
  if (typeof cell === 'object' && cell.kind === 'error') {
    return fail('import.formula-error', `这一格的值是错误“${cell.text}”（通常是公式引用出错），请在表格中改正后再导入。`);
  }
  const label = column.label.zh;
  switch (column.type) {
    case 'ignored':
      return ok(undefined);
    case 'text':
    case 'textarea': {
      if (typeof cell === 'number' && Math.abs(cell) >= 1e15) {
        return fail('import.number-as-text', `“${label}”被表格软件存成了数字（${cell}），超过15位的数字末尾已经丢失。请把该列设为“文本”格式后重新填写。`);
      }
      const text = cleanText(cellText(cell) ?? '', column.type === 'textarea');
      const max = column.type === 'textarea' ? MAX_TEXTAREA : MAX_TEXT;
      return text.length > max ? tooLong(label, max, text.length) : ok({ value: text });
    }
    case 'name': {
      const name = cleanName(cellText(cell) ?? '');
      return name.length > MAX_NAME ? tooLong(label, MAX_NAME, name.length) : ok({ value: name });
    }
    case 'id-number': {
      const raw = typeof cell === 'number' ? cell : typeof cell === 'object' && cell.kind === 'shown' ? cell.value : (cellText(cell) ?? '').replace(/^'/, '');
      const parsed = parseIdNumber(raw, { today: context.today });
      return parsed.ok ? ok({ value: parsed.value.idNumber }) : parsed;
    }
    case 'sex': {
      const text = normaliseValue(cellText(cell) ?? '');
      const sex = text === '男' || text === '男性' || text === 'm' ? '男' : text === '女' || text === '女性' || text === 'f' ? '女' : undefined;
      return sex === undefined ? fail('import.sex', `“${label}”应为“男”或“女”，现在是“${cleanText(cellText(cell) ?? '')}”。`) : ok({ value: sex });
    }
    case 'year-month':
      return readYearMonth(cell);
    case 'date':
      return readDate(cell);
    case 'date-or-month': {
      const date = readDate(cell);
      if (date.ok) return date;
      const month = readYearMonth(cell);
      return month.ok ? month : date;
    }
    case 'year': {
      const year = readYear(column, cell);
      return year.ok ? ok({ value: year.value }) : year;
    }
    case 'number': {
      const n = readNumber(column, cell);
      return n.ok ? ok({ value: n.value }) : n;
    }
    case 'money': {
      const fen = parseYuan(typeof cell === 'object' && cell.kind === 'shown' ? cell.value : typeof cell === 'number' ? cell : (cellText(cell) ?? ''));
      return fen.ok ? ok({ value: fen.value }) : fen;
    }
    case 'enum': {
      const text = cellText(cell) ?? '';
      const option = matchOption(column, text);
      if (option !== undefined) return ok({ value: option });
      return fail('import.enum', `“${label}”只能填写：${(column.options ?? []).join('、')}；现在是“${cleanText(text)}”。`);
    }
    case 'boolean': {
      if (typeof cell === 'boolean') return ok({ value: cell });
      const text = normaliseValue(cellText(cell) ?? '');
      if (YES.has(text)) return ok({ value: true });
      if (NO.has(text)) return ok({ value: false });
      return fail('import.boolean', `“${label}”应填“是”或“否”，现在是“${cleanText(cellText(cell) ?? '')}”。`);
    }
    case 'validated': {
      const text = toHalfWidth(cleanText(cellText(cell) ?? ''));
      const validator = column.validator === undefined ? undefined : FIELD_VALIDATORS[column.validator];
      if (validator === undefined) return ok({ value: text });
      const checked = validator(text, context);
      if (!checked.ok) return checked;
      // Codes are kept as the rule reads them; a phone number as written (with its separators).
      if (column.validator === 'credit-code') return ok({ value: text.replace(/\s+/g, '').toUpperCase() });
      if (column.validator === 'postal-code') return ok({ value: text.replace(/\s+/g, '') });
      return ok({ value: text });
    }
    case 'catalogue': {
      const text = cellText(cell) ?? '';
      const name = matchCatalogue(column.catalogue ?? [], text);
      if (name !== undefined) return ok({ value: name });
      return fail('import.catalogue', `“${cleanText(text)}”不在有效证书目录中，请按目录中的证书名称填写（如“系统集成项目管理工程师”）。`);
    }
    case 'per-year':
      // Read per sub-column by the row reader (rows.ts), each as text.
      return ok({ value: cleanText(cellText(cell) ?? '') });
  }
}
