/**
 * Repeatable tables as pack fields (a field of type 'table' with `columns`): the stored value, the
 * row operations a form performs on it, the grey computed columns and the 合计 line, the form's
 * computed fields, the rows of a year table, and which rows' files are asked for.
 *
 * The stored value of a table is an array of rows, each an object of its input columns (money in
 * integer 分, an absent amount 0 — 001 （二）3 3): 合同内未包含的项目填 0) and an optional
 * `rowKey` that stays with the row when rows are reordered (attachments name it). Computed columns
 * are never stored: they are worked out here every time they are shown, checked or exported, so a
 * merge of two desks' edits can never leave a stale total (001 （二）: 灰色不能输入部分均为自动运算).
 *
 * Everything here is pure and allocation-light: a table of hundreds of rows is recomputed on
 * every keystroke.
 */
import { plainValues, ValueSource, type FieldValues } from '../programs/condition';
import {
  ROW_KEY,
  type ApplicationKindId,
  type FieldDef,
  type MaterialItem,
  type ProgramPack,
  type TableColumn,
} from '../programs/schema';
import { formatMoney, MONEY_UNIT_ZH, type Fen } from '../rules/money';
import { fail, ok, type Result } from '../rules/result';
import type { FieldError } from './fields';
import { appliesToKind, kindPlan } from './plan';

export type TableRow = Readonly<Record<string, unknown>>;

const isRow = (v: unknown): v is TableRow => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The rows of a stored table value: an array of objects; anything else is no rows. */
export function tableRows(value: unknown): readonly TableRow[] {
  if (!Array.isArray(value)) return [];
  const rows: TableRow[] = [];
  for (let i = 0; i < value.length; i++) rows.push(isRow(value[i]) ? (value[i] as TableRow) : {});
  return rows;
}

function isBlankCell(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The input columns (computed ones are never typed or stored). */
function inputColumns(field: FieldDef): readonly TableColumn[] {
  return (field.columns ?? []).filter((c) => c.computed === undefined);
}

/**
 * A row as stored: blank inputs that the pack says mean something (`blankMeans`, 0 for amounts)
 * hold that value, computed columns are dropped, everything else is kept as typed (text the form
 * could not read stays, so the check can say what is wrong with it).
 */
export function normaliseRow(field: FieldDef, row: TableRow): TableRow {
  const out: Record<string, unknown> = {};
  const computed = new Set((field.columns ?? []).filter((c) => c.computed !== undefined).map((c) => c.id));
  for (const [k, v] of Object.entries(row)) if (!computed.has(k) && !isBlankCell(v)) out[k] = v;
  for (const c of inputColumns(field)) {
    if (c.blankMeans !== undefined && isBlankCell(out[c.id])) out[c.id] = c.blankMeans;
  }
  return out;
}

/** A table value as stored (see normaliseRow); not an array → no rows. */
export function normaliseTable(field: FieldDef, value: unknown): TableRow[] {
  return tableRows(value).map((row) => normaliseRow(field, row));
}

/**
 * The form's values as stored: each field of the kind that is blank and has `blankMeans` holds it
 * (001 （二）1 1): 不包含的人员分类…填“0”), tables normalised row by row, computed fields left out.
 */
export function normaliseFields(pack: ProgramPack, kind: ApplicationKindId, values: FieldValues): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const f of pack.fields) {
    if (!appliesToKind(f.kinds, kind)) continue;
    if (f.computed !== undefined) {
      delete out[f.id];
      continue;
    }
    if (f.type === 'table') {
      if (out[f.id] !== undefined) out[f.id] = normaliseTable(f, out[f.id]);
    } else if (f.blankMeans !== undefined && isBlankCell(out[f.id])) {
      out[f.id] = f.blankMeans;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Row operations: each returns a new array and leaves its input alone; an index out of range
// changes nothing (the same array comes back).
// ---------------------------------------------------------------------------------------------

/** A new row with the absent-means values filled in, at `at` (default: the end). */
export function addRow(field: FieldDef, rows: readonly TableRow[], key: string, at: number = rows.length): readonly TableRow[] {
  const row = normaliseRow(field, { [ROW_KEY]: key });
  const index = Math.max(0, Math.min(rows.length, Math.trunc(at)));
  return [...rows.slice(0, index), row, ...rows.slice(index)];
}

export function removeRow(rows: readonly TableRow[], index: number): readonly TableRow[] {
  if (!Number.isInteger(index) || index < 0 || index >= rows.length) return rows;
  return [...rows.slice(0, index), ...rows.slice(index + 1)];
}

export function moveRow(rows: readonly TableRow[], index: number, direction: 'up' | 'down'): readonly TableRow[] {
  const to = direction === 'up' ? index - 1 : index + 1;
  if (!Number.isInteger(index) || index < 0 || index >= rows.length || to < 0 || to >= rows.length) return rows;
  const next = [...rows];
  next[index] = rows[to]!;
  next[to] = rows[index]!;
  return next;
}

/**
 * One cell typed: a blank becomes the column's `blankMeans` (0 for an amount) or is removed; a
 * computed or unknown column is refused (the same array comes back).
 */
export function setCell(
  field: FieldDef,
  rows: readonly TableRow[],
  index: number,
  columnId: string,
  value: unknown,
): readonly TableRow[] {
  const column = (field.columns ?? []).find((c) => c.id === columnId);
  if (column === undefined || column.computed !== undefined || !Number.isInteger(index) || index < 0 || index >= rows.length) {
    return rows;
  }
  const row: Record<string, unknown> = { ...rows[index] };
  if (!isBlankCell(value)) row[columnId] = value;
  else if (column.blankMeans !== undefined) row[columnId] = column.blankMeans;
  else delete row[columnId];
  const next = [...rows];
  next[index] = row;
  return next;
}

/** Rows from before keys existed (or imported) get one each, from `newKey`; keyed rows are kept. */
export function ensureRowKeys(rows: readonly TableRow[], newKey: () => string): readonly TableRow[] {
  if (rows.every((r) => typeof r[ROW_KEY] === 'string' && r[ROW_KEY] !== '')) return rows;
  return rows.map((r) => (typeof r[ROW_KEY] === 'string' && r[ROW_KEY] !== '' ? r : { ...r, [ROW_KEY]: newKey() }));
}

// ---------------------------------------------------------------------------------------------
// Computed columns and totals
// ---------------------------------------------------------------------------------------------

export interface ViewRow {
  /** The stored key, or `#<index>` for a row without one (never stored). */
  readonly key: string;
  /** Inputs as stored plus the computed columns (undefined where an input cannot be read). */
  readonly cells: Readonly<Record<string, unknown>>;
}

export interface TableView {
  readonly rows: readonly ViewRow[];
  /** The 合计 line: per `totals` column, the exact sum (分 for money), or null when a cell cannot be read. */
  readonly totals: Readonly<Record<string, number | null>>;
  /** Sums too large to compute exactly, each naming its row and column. */
  readonly problems: readonly FieldError[];
}

/** A cell that takes part in a sum: a blank is 0, a safe integer is itself, anything else unreadable. */
function addend(value: unknown): number | undefined {
  if (isBlankCell(value)) return 0;
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
}

/** Exact sum; undefined when a part is unreadable, null when it leaves the safe-integer range. */
function exactSum(parts: Iterable<unknown>): number | undefined | null {
  let total = 0;
  for (const p of parts) {
    const n = addend(p);
    if (n === undefined) return undefined;
    total += n;
    if (!Number.isSafeInteger(total)) return null;
  }
  return total;
}

const OVERFLOW = '合计过大，无法准确计算，请核对各项金额。';

/**
 * The rows with their computed columns (in column order: a computed column may add up earlier
 * computed ones, 001 合同金额 = 服务费合计 + …) and the totals the pack asks for.
 */
export function tableView(field: FieldDef, value: unknown): TableView {
  const columns = field.columns ?? [];
  const computed = columns.filter((c) => c.computed !== undefined);
  const computedIds = new Set(computed.map((c) => c.id));
  const stored = tableRows(value);
  const rows: ViewRow[] = new Array<ViewRow>(stored.length);
  const problems: FieldError[] = [];
  for (let i = 0; i < stored.length; i++) {
    const row = stored[i]!;
    const key = typeof row[ROW_KEY] === 'string' && row[ROW_KEY] !== '' ? (row[ROW_KEY] as string) : `#${i}`;
    if (computed.length === 0) {
      rows[i] = { key, cells: row };
      continue;
    }
    const cells: Record<string, unknown> = { ...row };
    for (const c of computed) {
      // A computed input that could not be worked out is unknown, not a blank 0.
      const unknown = c.computed!.inputs.some((id) => computedIds.has(id) && cells[id] === undefined);
      const sum = unknown ? undefined : exactSum(c.computed!.inputs.map((id) => cells[id]));
      if (sum === null) {
        problems.push({
          field: `${field.id}[${i}].${c.id}`,
          code: 'table.overflow',
          message: `“${field.label.zh}”第${i + 1}行：“${c.label.zh}”${OVERFLOW}`,
        });
      }
      cells[c.id] = sum ?? undefined;
    }
    rows[i] = { key, cells };
  }
  const totals: Record<string, number | null> = {};
  for (const id of field.totals ?? []) {
    const column = columns.find((c) => c.id === id);
    const sum = columnSum(field, rows, id);
    if (sum === null) {
      problems.push({ field: `${field.id}.${id}`, code: 'table.overflow', message: `“${field.label.zh}”“${column?.label.zh ?? id}”${OVERFLOW}` });
    }
    totals[id] = sum ?? null;
  }
  return { rows, totals, problems };
}

/**
 * A column added up over rows: exact, undefined when a cell cannot be read (a computed cell whose
 * inputs could not be read counts as unreadable, not as 0), null beyond exact arithmetic.
 */
function columnSum(field: FieldDef, rows: readonly ViewRow[], columnId: string): number | undefined | null {
  const computed = (field.columns ?? []).some((c) => c.id === columnId && c.computed !== undefined);
  if (computed && rows.some((r) => r.cells[columnId] === undefined)) return undefined;
  return exactSum(rows.map((r) => r.cells[columnId]));
}

// ---------------------------------------------------------------------------------------------
// Computed form fields
// ---------------------------------------------------------------------------------------------

function selects(rows: { readonly column: string; readonly values: readonly (string | number)[] } | undefined, cells: Readonly<Record<string, unknown>>): boolean {
  if (rows === undefined) return true;
  const v = cells[rows.column];
  return rows.values.some((x) => x === v || (typeof v === 'string' && String(x) === v.trim()));
}

/**
 * Every computed field of the kind (持证人员总数 = distinct ID numbers; 三年项目总值 = the
 * three years' totals), by id. A value that cannot be computed (an unreadable input, a sum too
 * large) is undefined: the inputs' own checks say why.
 */
export function computedValues(pack: ProgramPack, kind: ApplicationKindId, values: FieldValues): Record<string, number | undefined> {
  const fields = kindPlan(pack, kind).computedFields;
  const out: Record<string, number | undefined> = {};
  if (fields.length === 0) return out;
  const views = new Map<string, TableView>();
  const viewOf = (id: string): TableView | undefined => {
    let view = views.get(id);
    if (view === undefined) {
      const table = pack.fields.find((f) => f.id === id && f.type === 'table');
      if (table === undefined) return undefined;
      view = tableView(table, values[id]);
      views.set(id, view);
    }
    return view;
  };
  const busy = new Set<string>();
  const valueOf = (id: string): unknown => {
    const f = fields.find((x) => x.id === id);
    if (f === undefined) return values[id];
    if (!(id in out)) {
      // A cycle (refused by no schema rule for plain sums) computes as unknown rather than looping.
      if (busy.has(id)) return undefined;
      busy.add(id);
      out[id] = compute(f);
      busy.delete(id);
    }
    return out[id];
  };
  const compute = (f: FieldDef): number | undefined => {
    const spec = f.computed!;
    const [tableId = '', columnId = ''] = spec.inputs;
    switch (spec.rule) {
      case 'sum': {
        const sum = exactSum(spec.inputs.map(valueOf));
        return sum ?? undefined;
      }
      case 'count-rows': {
        const view = viewOf(tableId);
        return view === undefined ? undefined : view.rows.filter((r) => selects(spec.rows, r.cells)).length;
      }
      case 'column-sum': {
        const view = viewOf(tableId);
        const table = pack.fields.find((x) => x.id === tableId);
        if (view === undefined || table === undefined) return undefined;
        return columnSum(table, view.rows.filter((r) => selects(spec.rows, r.cells)), columnId) ?? undefined;
      }
      case 'count-distinct': {
        const view = viewOf(tableId);
        if (view === undefined) return undefined;
        const seen = new Set<string>();
        for (const r of view.rows) {
          const v = r.cells[columnId];
          if (typeof v === 'string' && v.trim() !== '') seen.add(v.trim().toUpperCase());
          else if (typeof v === 'number') seen.add(String(v));
        }
        return seen.size;
      }
    }
  };
  for (const f of fields) valueOf(f.id);
  return out;
}

/** The values with the computed fields filled in: what thresholds, rosters and exports read. */
export function withComputed(pack: ProgramPack, kind: ApplicationKindId, values: FieldValues): FieldValues {
  const computed = computedValues(pack, kind, values);
  return Object.keys(computed).length === 0 ? values : { ...values, ...computed };
}

// ---------------------------------------------------------------------------------------------
// Year tables (001 （二）2、4)
// ---------------------------------------------------------------------------------------------

/** The years a year table asks for, ascending: the round's year, plus the backfill years when they apply. */
export function yearsAsked(field: FieldDef, values: FieldValues | ValueSource): readonly number[] {
  const spec = field.yearRows;
  if (spec === undefined) return [];
  const source = values instanceof ValueSource ? values : plainValues(values);
  const years = new Set(spec.years);
  if (spec.backfill && source.holds(spec.backfill.when)) for (const y of spec.backfill.years) years.add(y);
  return [...years].sort((a, b) => a - b);
}

/**
 * One row per asked year for a one-row-per-year table (the form's starting rows): rows already
 * there are kept where they are, missing years are added in year order with 0 for amounts.
 * 001 （二）4 2): 如成立未满 3 年，前两年或一年填 0 即可.
 */
export function completeYearRows(field: FieldDef, rows: readonly TableRow[], values: FieldValues, newKey: () => string): readonly TableRow[] {
  const spec = field.yearRows;
  if (spec === undefined) return rows;
  const present = new Set(rows.map((r) => r[spec.column]));
  const missing = yearsAsked(field, values).filter((y) => !present.has(y));
  if (missing.length === 0) return rows;
  const added = missing.map((y) => normaliseRow(field, { [ROW_KEY]: newKey(), [spec.column]: y }));
  return [...rows, ...added].sort((a, b) => Number(a[spec.column] ?? 0) - Number(b[spec.column] ?? 0));
}

/** Rows of a year table whose year is not asked for, or repeated where one row per year is allowed. */
export function yearRowErrors(field: FieldDef, value: unknown, values: ValueSource): FieldError[] {
  const spec = field.yearRows;
  if (spec === undefined) return [];
  const asked = yearsAsked(field, values);
  const column = (field.columns ?? []).find((c) => c.id === spec.column);
  const label = column?.label.zh ?? spec.column;
  const errors: FieldError[] = [];
  const firstRow = new Map<unknown, number>();
  tableRows(value).forEach((row, i) => {
    const year = row[spec.column];
    if (typeof year !== 'number') return;
    const at = `“${field.label.zh}”第${i + 1}行：`;
    if (!asked.includes(year)) {
      errors.push({ field: `${field.id}[${i}].${spec.column}`, code: 'table.year', message: `${at}“${label}”应为 ${asked.join('、')} 年${asked.length > 1 ? '之一' : ''}。` });
      return;
    }
    const first = firstRow.get(year);
    if (spec.onePerYear && first !== undefined) {
      errors.push({ field: `${field.id}[${i}].${spec.column}`, code: 'table.year-repeated', message: `${at}${year} 年已在第${first + 1}行填写，每年只填一行。` });
      return;
    }
    if (first === undefined) firstRow.set(year, i);
  });
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Files per row (001 （二）5、6 3))
// ---------------------------------------------------------------------------------------------

export interface RowUpload {
  readonly index: number;
  readonly key: string;
  /** The row's first text cell, to name it (项目名称, 创新项目). */
  readonly label: string;
  /** The `largestBy` value (分 for money), when the material picks the largest rows. */
  readonly amount: number | undefined;
  /** Whether this row's file is asked for. */
  readonly asked: boolean;
}

export interface UploadPlan {
  readonly item: MaterialItem;
  /** The table field the item is per row of. */
  readonly table: FieldDef;
  readonly rows: readonly RowUpload[];
  /** How many files are asked for. */
  readonly asked: number;
  /** Set when more rows than the item's `max`: only the largest (or first) are asked for. */
  readonly limitedTo: number | undefined;
}

/**
 * Which rows' files each per-row material asks for (技术创新: one certificate per entry; 项目合同:
 * one file per contract, and when there are more than ten, the ten largest by 合同金额 — 001
 * （二）6 3): 如当年度合同较多，挑选前 10 个大额合同上传即可). Ties keep the table's order; a row
 * whose amount cannot be read comes last.
 */
export function uploadPlans(pack: ProgramPack, kind: ApplicationKindId, values: FieldValues): UploadPlan[] {
  const source = plainValues(values);
  const plans: UploadPlan[] = [];
  for (const m of kindPlan(pack, kind).materials) {
    const per = m.copiesPer;
    if (per === undefined || (m.condition !== undefined && !source.holds(m.condition))) continue;
    const table = pack.fields.find((f) => f.id === per);
    if (table === undefined) continue;
    const view = tableView(table, values[per]);
    const firstText = (table.columns ?? []).find((c) => c.type === 'text')?.id;
    const by = m.item.copies.largestBy;
    const max = m.item.copies.max?.value;
    const amounts = view.rows.map((r) => (by === undefined ? undefined : addend(r.cells[by])));
    let chosen: Set<number>;
    if (max === undefined || view.rows.length <= max) chosen = new Set(view.rows.map((_, i) => i));
    else {
      const order = view.rows.map((_, i) => i);
      if (by !== undefined) {
        order.sort((a, b) => {
          const x = amounts[a];
          const y = amounts[b];
          if (x === undefined || y === undefined) return x === y ? a - b : x === undefined ? 1 : -1;
          return y - x || a - b;
        });
      }
      chosen = new Set(order.slice(0, max));
    }
    const rows = view.rows.map((r, i) => ({
      index: i,
      key: r.key,
      label: firstText !== undefined && typeof r.cells[firstText] === 'string' ? (r.cells[firstText] as string) : '',
      amount: amounts[i],
      asked: chosen.has(i),
    }));
    plans.push({
      item: m.item,
      table,
      rows,
      asked: chosen.size,
      limitedTo: max !== undefined && view.rows.length > max ? max : undefined,
    });
  }
  return plans;
}

/** An attachment as far as rows are concerned: which checklist item and which row it is for. */
export interface RowAttachment {
  readonly itemId?: string | undefined;
  readonly rowKey?: string | undefined;
  readonly deleted?: boolean | undefined;
}

/** Asked rows with no attachment for their item, in Chinese (“企业技术创新”第2行（…）尚未上传“…”). */
export function missingRowUploads(plans: readonly UploadPlan[], attachments: readonly RowAttachment[]): string[] {
  const have = new Set(attachments.filter((a) => !a.deleted && a.itemId && a.rowKey).map((a) => `${a.itemId}\u0000${a.rowKey}`));
  const out: string[] = [];
  for (const plan of plans) {
    for (const row of plan.rows) {
      if (!row.asked || have.has(`${plan.item.id}\u0000${row.key}`)) continue;
      const name = row.label === '' ? '' : `（${row.label}）`;
      out.push(`“${plan.table.label.zh}”第${row.index + 1}行${name}尚未上传“${plan.item.name.zh}”。`);
    }
  }
  return out;
}

/** The table field of a pack by id, or a Chinese failure (a screen asks by id). */
export function tableFieldOf(pack: ProgramPack, fieldId: string): Result<FieldDef> {
  const field = pack.fields.find((f) => f.id === fieldId);
  if (field === undefined || field.type !== 'table') return fail('table.unknown', `程序“${pack.names.zh}”没有表格字段“${fieldId}”。`);
  return ok(field);
}

// ---------------------------------------------------------------------------------------------
// One table's cell against another's total (001 （二）4)
// ---------------------------------------------------------------------------------------------

function shown(field: FieldDef | TableColumn | undefined, value: number): string {
  if (field?.type !== 'money') return String(value);
  const unit = field.moneyUnit ?? 'yuan';
  return `${formatMoney(value as Fen, unit)} ${MONEY_UNIT_ZH[unit]}`;
}

/**
 * The table's `agreesWith` cell against the other table's column total, when both can be read:
 * a mismatch is an error naming both (a missing row counts as 0).
 */
export function agreementErrors(pack: ProgramPack, field: FieldDef, values: ValueSource): FieldError[] {
  const spec = field.agreesWith;
  if (spec === undefined) return [];
  const other = pack.fields.find((f) => f.id === spec.totalOf.table);
  if (other === undefined) return [];
  const otherView = tableView(other, values.at(other.id));
  const total = columnSum(other, otherView.rows, spec.totalOf.column);
  const view = tableView(field, values.at(field.id));
  const row = view.rows.find((r) => selects({ column: spec.where.column, values: [spec.where.equals] }, r.cells));
  const cell = row === undefined ? 0 : addend(row.cells[spec.column]);
  if (typeof total !== 'number' || cell === undefined || cell === total) return [];
  const column = (field.columns ?? []).find((c) => c.id === spec.column);
  const source = (other.columns ?? []).find((c) => c.id === spec.totalOf.column);
  const where = spec.where.column === field.yearRows?.column ? `${spec.where.equals} 年` : `“${spec.where.equals}”`;
  return [
    {
      field: field.id,
      code: 'table.agreement',
      message: `“${field.label.zh}”${where}的“${column?.label.zh ?? spec.column}”（${shown(column, cell)}）应与“${other.label.zh}”的“${source?.label.zh ?? spec.totalOf.column}”合计（${shown(source, total)}）一致。`,
    },
  ];
}
