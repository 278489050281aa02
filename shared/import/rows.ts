/**
 * The rows of a sheet read through a mapping, each as its parsed values or its problems, and the
 * report the clerk works through: row by row, errors (the row cannot be imported as it is) and
 * warnings (it can, but look), each naming the row and column as the clerk sees them in Excel.
 *
 * Two steps, so the clerk's work stays cheap on a 100,000-row file:
 *   parseRows   every cell through its column's rule, once (the heavy part; a Worker runs it);
 *   reviewRows  the clerk's fixes (the fixed rows parsed again) and exclusions applied, then what
 *               depends on the other rows and on the desk: the same person or certificate twice
 *               in the file, people already on the desk (linked, never a second person),
 *               certificates already there.
 */
import { formatDateZh, type IsoDate } from '../rules/civil-date';
import { expiryDate } from '../rules/validity';
import { ok, type Result } from '../rules/result';
import type { RowIssueCode } from './errors';
import { isEmptyCell, type Cell, type Grid, type ProgressCallback } from './grid';
import { isBlankRow, type ColumnMapping, type MappedColumn } from './mapping';
import { REGISTRATION_KINDS, type ImportColumnSpec, type ImportSpec } from './spec';
import { normaliseHeader } from './synonyms';
import { readCell, type CellContext } from './values';

export interface RowIssue {
  /** Sheet row, 1-based. */
  readonly row: number;
  /** The file's column (from 0) and its letter and header, when the issue is one cell's. */
  readonly column?: number;
  readonly letter?: string;
  readonly header?: string;
  readonly target?: string;
  readonly code: RowIssueCode;
  /** Complete, in Chinese: 第5行“身份证号码”（E列）：…. */
  readonly message: string;
}

export interface ParsedRow {
  readonly row: number;
  readonly cells: readonly Cell[];
  /** Target → value in its stored form; a per-year target holds its table rows. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly errors: readonly RowIssue[];
  readonly warnings: readonly RowIssue[];
}

export interface SkippedRow {
  readonly row: number;
  /** What the row holds, shortened (a note such as 填表人：…, or a total line). */
  readonly text: string;
}

export interface ParsedSheet {
  readonly sheetName: string;
  readonly mapping: ColumnMapping;
  readonly rows: readonly ParsedRow[];
  /** Rows below the header with none of the identifying columns filled: not data. */
  readonly skipped: readonly SkippedRow[];
}

function issue(row: number, column: MappedColumn | undefined, spec: ImportColumnSpec | undefined, code: RowIssueCode, message: string): RowIssue {
  if (column === undefined) return { row, code, message: `第${row}行：${message}`, ...(spec ? { target: spec.key } : {}) };
  const header = column.header === '' ? (spec?.label.zh ?? column.letter) : column.header;
  return {
    row,
    column: column.index,
    letter: column.letter,
    header,
    ...(column.target !== null ? { target: column.target } : {}),
    code,
    message: `第${row}行“${header}”（${column.letter}列）：${message}`,
  };
}

/** Sex from the 17th digit of a checked 身份证号 (odd: male). */
const sexOfId = (idNumber: string): '男' | '女' => (Number(idNumber[16]) % 2 === 1 ? '男' : '女');

/** The certificate's start, end and state from a register row (003 47号 三: 自批准或登记之日起算). */
export interface CertificateDates {
  readonly issuedOn: IsoDate;
  readonly validUntil: IsoDate | undefined;
  readonly status: 'valid' | 'expired' | 'cancelled';
}

export function certificateDates(values: Readonly<Record<string, unknown>>, spec: ImportSpec, today: IsoDate): CertificateDates | undefined {
  const registered = values['registeredOn'];
  const obtained = values['obtainedOn'];
  const issuedOn = typeof registered === 'string' ? registered : typeof obtained === 'string' && obtained.length === 10 ? obtained : undefined;
  if (issuedOn === undefined) return undefined;
  let validUntil = typeof values['validUntil'] === 'string' ? (values['validUntil'] as string) : undefined;
  if (validUntil === undefined && spec.validityYears !== undefined) {
    const end = expiryDate(issuedOn, spec.validityYears);
    if (end.ok) validUntil = end.value;
  }
  const kind = values['registrationKind'];
  const status = typeof kind === 'string' && REGISTRATION_KINDS[kind] === 'cancelled' ? 'cancelled' : validUntil !== undefined && validUntil < today ? 'expired' : 'valid';
  return { issuedOn, validUntil, status };
}

interface ColumnPlan {
  readonly column: MappedColumn;
  readonly spec: ImportColumnSpec;
  /** How the cell is read: a per-year result is read as text. */
  readonly readAs: ImportColumnSpec;
}

function columnPlans(spec: ImportSpec, mapping: ColumnMapping): ColumnPlan[] {
  const byKey = new Map(spec.columns.map((c) => [c.key, c]));
  const plans: ColumnPlan[] = [];
  for (const column of mapping.columns) {
    if (column.target === null) continue;
    const s = byKey.get(column.target);
    if (s !== undefined) plans.push({ column, spec: s, readAs: s.type === 'per-year' ? { ...s, type: 'text' } : s });
  }
  return plans;
}

/** One row's cells through their columns' rules, and the checks between its own cells. */
function parseRow(rowNumber: number, cells: readonly Cell[], spec: ImportSpec, plans: readonly ColumnPlan[], context: CellContext): ParsedRow {
  const values: Record<string, unknown> = {};
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const perYear = new Map<string, { year: number; result: string }[]>();
  for (const { column, spec: s, readAs } of plans) {
    const cell = cells[column.index] ?? null;
    const read = readCell(readAs, cell, context);
    if (!read.ok) {
      errors.push(issue(rowNumber, column, s, read.error.code as RowIssueCode, read.error.message));
      continue;
    }
    if (read.value === undefined) {
      if (s.type === 'per-year' || s.type === 'ignored') continue;
      if (s.required === 'always') errors.push(issue(rowNumber, column, s, 'import.required', '未填写，此列每行必填。'));
      else if (s.required === 'form') warnings.push(issue(rowNumber, column, s, 'import.incomplete', '未填写（表单中为必填项，导入后请补齐）。'));
      continue;
    }
    if (s.type === 'per-year' && column.year !== undefined) {
      const list = perYear.get(s.key) ?? [];
      list.push({ year: column.year, result: String(read.value.value) });
      perYear.set(s.key, list);
      continue;
    }
    values[s.key] = read.value.value;
    if (read.value.warning) warnings.push(issue(rowNumber, column, s, read.value.warning.code, read.value.warning.message));
  }
  for (const [key, list] of perYear) {
    const s = spec.columns.find((c) => c.key === key);
    if (s?.perYear === undefined) continue;
    const { yearColumn, resultColumn } = s.perYear;
    values[key] = list.sort((a, b) => a.year - b.year).map((e) => ({ [yearColumn]: e.year, [resultColumn]: e.result }));
  }

  const find = (key: string) => plans.find((p) => p.spec.key === key);
  // 性别 is read off the 身份证号; a column that disagrees is a mistake in one of the two.
  const idKey = spec.person?.idNumber;
  const id = idKey === undefined ? undefined : values[idKey];
  const sex = values['sex'];
  if (typeof id === 'string' && typeof sex === 'string' && sexOfId(id) !== sex) {
    const p = find('sex');
    errors.push(issue(rowNumber, p?.column, p?.spec, 'import.sex', `性别填的是“${sex}”，但身份证号码表明是${sexOfId(id)}性，请核对性别或身份证号码。`));
  }
  for (const { column, spec: s } of plans) {
    const chosen = values[s.key];
    const remark = typeof chosen === 'string' ? s.remarks?.[chosen] : undefined;
    if (remark === undefined || (typeof values[remark.field] === 'string' && values[remark.field] !== '')) continue;
    warnings.push(issue(rowNumber, column, s, 'import.incomplete', `选择“${chosen as string}”时须在“${remark.label}”中说明情况，导入后请补齐。`));
  }
  if (spec.creates === 'certificates') {
    const dates = certificateDates(values, spec, context.today);
    if (dates === undefined) {
      const p = find('registeredOn') ?? find('obtainedOn');
      errors.push(issue(rowNumber, p?.column, p?.spec, 'import.no-start-date', '没有登记日期，取得时间也不是完整日期，无法确定证书有效期（自批准或登记之日起算）。请填写登记日期。'));
    } else if (dates.status === 'expired' && dates.validUntil !== undefined) {
      const p = find('validUntil') ?? find('registeredOn');
      warnings.push(issue(rowNumber, p?.column, p?.spec, 'import.expired', `证书已于${formatDateZh(dates.validUntil)}到期，导入后状态为“已过期”。`));
    }
  }
  return { row: rowNumber, cells, values, errors, warnings };
}

function rowSummary(cells: readonly Cell[]): string {
  const texts = cells.filter((c) => !isEmptyCell(c)).map((c) => (typeof c === 'string' ? c.trim() : typeof c === 'number' ? String(c) : ''));
  const text = texts.join(' ').replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Every data row below the header, parsed. */
export function parseRows(grid: Grid, spec: ImportSpec, mapping: ColumnMapping, context: CellContext, onProgress?: ProgressCallback): Result<ParsedSheet> {
  const plans = columnPlans(spec, mapping);
  const lastHeader = Math.max(...mapping.headerRows);
  const keyPlans = plans.filter((p) => spec.keyColumns.includes(p.spec.key));
  const keyIndexes = keyPlans.map((p) => p.column.index);
  const rows: ParsedRow[] = [];
  const skipped: SkippedRow[] = [];
  const total = grid.rows.length;
  for (let i = 0; i < total; i++) {
    const rowNumber = grid.rowNumbers[i]!;
    if (rowNumber <= lastHeader) continue;
    const cells = grid.rows[i]!;
    if (isBlankRow(cells, mapping)) continue;
    if (keyIndexes.length > 0 && keyIndexes.every((k) => isEmptyCell(cells[k]))) {
      skipped.push({ row: rowNumber, text: rowSummary(cells) });
      continue;
    }
    // The header again (printed rosters repeat it on every page): not a person.
    if (keyPlans.length > 0 && keyPlans.every((p) => typeof cells[p.column.index] === 'string' && normaliseHeader(cells[p.column.index] as string) === p.column.key)) {
      skipped.push({ row: rowNumber, text: rowSummary(cells) });
      continue;
    }
    rows.push(parseRow(rowNumber, cells, spec, plans, context));
    if (onProgress !== undefined && rows.length % 2000 === 0) onProgress('checking', i, total);
  }
  onProgress?.('checking', total, total);
  return ok({ sheetName: grid.sheetName, mapping, rows, skipped });
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

/** What the clerk decided row by row. */
export interface ImportDecisions {
  /** Sheet rows left out of the import. */
  readonly excluded?: readonly number[];
  /** Sheet row → file column (from 0) → the corrected text that replaces the cell. */
  readonly fixes?: Readonly<Record<number, Readonly<Record<number, string>>>>;
}

/** What is on the desk already, looked up by the renderer for the file's keys (deskKeysOf). */
export interface DeskLookup {
  /** Live people by normalised 身份证号. */
  readonly people?: ReadonlyMap<string, { readonly id: string; readonly name: string }>;
  /** Numbers of the program's live applications, by person id. */
  readonly applicationsByPerson?: ReadonlyMap<string, readonly string[]>;
  /** Certificate numbers on the desk (any program: the index is unique). */
  readonly certificateNos?: ReadonlySet<string>;
  /** Certificate numbers already in the target application's table. */
  readonly tableCertificateNos?: ReadonlySet<string>;
}

export interface ReviewedRow extends ParsedRow {
  readonly excluded: boolean;
  readonly fixed: boolean;
  /** The person on the desk this row's 身份证号 names: the row is linked to them. */
  readonly link?: { readonly personId: string; readonly name: string };
}

export interface ImportCounts {
  /** Data rows read (skipped note rows not counted). */
  readonly rows: number;
  readonly excluded: number;
  /** Included rows without errors. */
  readonly ready: number;
  /** Included rows with errors: fix or exclude each before importing. */
  readonly withErrors: number;
  readonly withWarnings: number;
  readonly fixed: number;
  /** Included rows linked to a person on the desk. */
  readonly linked: number;
}

export interface ImportReport {
  readonly sheetName: string;
  readonly mapping: ColumnMapping;
  readonly rows: readonly ReviewedRow[];
  readonly skipped: readonly SkippedRow[];
  readonly counts: ImportCounts;
}

/** A certificate number as compared: half-width, no spaces, upper-case. */
const certificateKey = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v.normalize('NFKC').replace(/\s+/g, '').toUpperCase() : undefined;

/** The keys to look up on the desk: 身份证号 and certificate numbers of the rows. */
export function deskKeysOf(rows: readonly ParsedRow[], spec: ImportSpec): { readonly idNumbers: string[]; readonly certificateNos: string[] } {
  const ids = new Set<string>();
  const certs = new Set<string>();
  const idKey = spec.person?.idNumber;
  for (const r of rows) {
    const id = idKey === undefined ? undefined : r.values[idKey];
    if (typeof id === 'string') ids.add(id);
    const cert = certificateKey(r.values['certificateNo']);
    if (cert !== undefined) certs.add(cert);
  }
  return { idNumbers: [...ids], certificateNos: [...certs] };
}

/** A row with the clerk's corrected texts in place of its cells, parsed again. */
export function fixedRow(parsed: ParsedSheet, row: ParsedRow, edits: Readonly<Record<number, string>>, spec: ImportSpec, context: CellContext): ParsedRow {
  const cells = [...row.cells];
  for (const [column, text] of Object.entries(edits)) cells[Number(column)] = text;
  return parseRow(row.row, cells, spec, columnPlans(spec, parsed.mapping), context);
}

/**
 * The report for the clerk's decisions: fixed rows parsed again, then, over the rows still
 * included, the same person or certificate twice in the file and what the desk already has.
 */
export function reviewRows(parsed: ParsedSheet, spec: ImportSpec, context: CellContext, decisions: ImportDecisions = {}, desk: DeskLookup = {}): ImportReport {
  const excluded = new Set(decisions.excluded ?? []);
  const fixes = decisions.fixes ?? {};
  const plans = columnPlans(spec, parsed.mapping);
  const columnOf = (key: string) => plans.find((p) => p.spec.key === key);
  const idPlan = spec.person === undefined ? undefined : columnOf(spec.person.idNumber);
  const namePlan = spec.person === undefined ? undefined : columnOf(spec.person.name);
  const certPlan = columnOf('certificateNo');

  const firstById = new Map<string, { row: number; name: unknown }>();
  const firstByCert = new Map<string, number>();
  const rows: ReviewedRow[] = [];
  const counts = { rows: 0, excluded: 0, ready: 0, withErrors: 0, withWarnings: 0, fixed: 0, linked: 0 };

  for (const original of parsed.rows) {
    const edits = fixes[original.row];
    const isFixed = edits !== undefined && Object.keys(edits).length > 0;
    const row = isFixed ? fixedRow(parsed, original, edits, spec, context) : original;
    counts.rows++;
    if (isFixed) counts.fixed++;
    if (excluded.has(row.row)) {
      counts.excluded++;
      rows.push({ ...row, excluded: true, fixed: isFixed });
      continue;
    }
    const errors = [...row.errors];
    const warnings = [...row.warnings];
    let link: ReviewedRow['link'];

    const id = spec.person === undefined ? undefined : row.values[spec.person.idNumber];
    const name = spec.person === undefined ? undefined : row.values[spec.person.name];
    if (typeof id === 'string') {
      const first = firstById.get(id);
      if (first === undefined) firstById.set(id, { row: row.row, name });
      else if (spec.creates === 'applications') {
        errors.push(issue(row.row, idPlan?.column, idPlan?.spec, 'import.duplicate-in-file', `与第${first.row}行是同一人（身份证号码相同），同一人只能导入一次。请删除其中一行，或核对号码。`));
      } else if (typeof name === 'string' && typeof first.name === 'string' && name !== first.name) {
        errors.push(issue(row.row, namePlan?.column, namePlan?.spec, 'import.same-id-other-name', `身份证号码与第${first.row}行相同，但姓名不同（第${first.row}行是“${first.name}”），请核对。`));
      }
      const person = desk.people?.get(id);
      if (person !== undefined) {
        link = { personId: person.id, name: person.name };
        if (typeof name === 'string' && name !== person.name) {
          warnings.push(issue(row.row, namePlan?.column, namePlan?.spec, 'import.linked-other-name', `办事台上已有此身份证号码的人员“${person.name}”，姓名与表中的“${name}”不同；导入后关联到已有人员，不会新建。请核对。`));
        }
        const existing = spec.creates === 'applications' ? desk.applicationsByPerson?.get(person.id) : undefined;
        if (existing !== undefined && existing.length > 0) {
          warnings.push(issue(row.row, idPlan?.column, idPlan?.spec, 'import.already-applied', `此人在本业务已有申请（${existing.join('、')}），导入会再登记一份。`));
        }
      }
    }
    const cert = certificateKey(row.values['certificateNo']);
    if (cert !== undefined && spec.creates !== 'applications') {
      const first = firstByCert.get(cert);
      if (first !== undefined) {
        errors.push(issue(row.row, certPlan?.column, certPlan?.spec, 'import.duplicate-in-file', `证书编号与第${first}行相同，同一证书只能导入一次。`));
      } else firstByCert.set(cert, row.row);
      if (spec.creates === 'certificates' && desk.certificateNos?.has(cert)) {
        errors.push(issue(row.row, certPlan?.column, certPlan?.spec, 'import.certificate-exists', '办事台上已有这个证书编号的证书，不能重复导入。'));
      }
      if (spec.creates === 'table-rows' && desk.tableCertificateNos?.has(cert)) {
        errors.push(issue(row.row, certPlan?.column, certPlan?.spec, 'import.already-in-table', '这张证书已在该申请的证书列表中。'));
      }
    }
    const reviewed: ReviewedRow = { ...row, errors, warnings, excluded: false, fixed: isFixed, ...(link ? { link } : {}) };
    rows.push(reviewed);
    if (errors.length > 0) counts.withErrors++;
    else counts.ready++;
    if (warnings.length > 0) counts.withWarnings++;
    if (link !== undefined) counts.linked++;
  }
  return { sheetName: parsed.sheetName, mapping: parsed.mapping, rows, skipped: parsed.skipped, counts };
}

/** The rows with errors first (in sheet order), then those with warnings, then the rest: the order the screen lists them in. */
export function rowsByUrgency(report: ImportReport): ReviewedRow[] {
  const rank = (r: ReviewedRow): number => (r.excluded ? 3 : r.errors.length > 0 ? 0 : r.warnings.length > 0 ? 1 : 2);
  return [...report.rows].sort((a, b) => rank(a) - rank(b) || a.row - b.row);
}
