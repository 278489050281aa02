/**
 * What every roster and register shares: a title row, shaded header rows, thin borders, Chinese
 * fonts, A4 print setup with the header rows repeated on each printed page and the columns fitted
 * to the paper's width, and a byte result (Uint8Array) whatever exceljs returns on the platform.
 */
import ExcelJS from 'exceljs';
import { type IsoDate } from '../../rules/civil-date';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;
/**
 * A date Excel can sort and compute with: written as a real date cell, shown as the seed
 * prescribes — 年月 (002 附件4 四 7: ××××年××月) or 年月日.
 */
export interface DateCell {
  readonly date: string;
  readonly show: 'year-month' | 'date';
}
export type CellValue = string | number | null | DateCell;

/** 'YYYY-MM' or 'YYYY-MM-DD' as a date cell; anything else (blank, unreadable) stays text. */
export function dateCell(value: string, show: DateCell['show']): CellValue {
  return /^\d{4}-\d{2}(-\d{2})?$/.test(value) ? { date: value, show } : value;
}

export const YEAR_MONTH_FORMAT = 'yyyy"年"mm"月"';
export const DATE_FORMAT = 'yyyy"年"mm"月"dd"日"';

function excelDate(cell: DateCell): Date {
  const [y, m, d] = cell.date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1900, (m ?? 1) - 1, d ?? 1));
}

export interface ColumnDef {
  readonly header: string;
  /** Width in Excel character units. */
  readonly width: number;
  readonly align?: 'left' | 'center' | 'right';
  /** Excel number format for numeric cells, e.g. '0', '0.0', '0.00'. */
  readonly numFmt?: string;
}

/** A register workbook's sheets: 登记簿, one row per certificate (or event), and 统计, the counts. */
export const REGISTER_SHEETS = { register: '登记簿', stats: '统计' } as const;

/** A column by its header and width, with how it aligns or its number format where it has them. */
export function column(header: string, width: number, more: Pick<ColumnDef, 'align' | 'numFmt'> = {}): ColumnDef {
  return { header, width, ...more };
}

/** A left-aligned column, for names and other long text. */
export function leftColumn(header: string, width: number): ColumnDef {
  return column(header, width, { align: 'left' });
}

/** A column of whole numbers: counts, years, days. */
export function countColumn(header: string, width: number): ColumnDef {
  return column(header, width, { numFmt: '0' });
}

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFEDEDED' } };
export const BODY_FONT = { name: '宋体', size: 10 };
export const HEADER_FONT = { name: '黑体', size: 10, bold: true };
export const TITLE_FONT = { name: '黑体', size: 16, bold: true };

/**
 * A workbook stamped with a date the caller gives (shared/ reads no clock: exceljs would stamp
 * its creation time from it).
 */
export function newWorkbook(asOf: IsoDate): Workbook {
  const wb = new ExcelJS.Workbook();
  const [y, m, d] = asOf.split('-').map(Number);
  const stamp = new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, d ?? 1));
  wb.creator = '协会办事台';
  wb.lastModifiedBy = '协会办事台';
  wb.created = stamp;
  wb.modified = stamp;
  return wb;
}

export interface SheetSetup {
  readonly orientation: 'portrait' | 'landscape';
  /** 1-based rows repeated at the top of every printed page, e.g. [3, 4]. */
  readonly repeatRows: readonly [number, number];
}

export function addSheet(wb: Workbook, name: string, columns: readonly ColumnDef[], setup: SheetSetup): Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: setup.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${setup.repeatRows[0]}:${setup.repeatRows[1]}`,
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: setup.repeatRows[1] }],
  });
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  return ws;
}

/** Text in one cell merged across the first `columnCount` columns of row `row`. */
function spanningRow(ws: Worksheet, row: number, columnCount: number, text: string, style: { font: Partial<ExcelJS.Font>; horizontal: 'left' | 'center'; height: number }): void {
  ws.mergeCells(row, 1, row, columnCount);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = style.font;
  cell.alignment = { horizontal: style.horizontal, vertical: 'middle', wrapText: true };
  ws.getRow(row).height = style.height;
}

/** A title across all columns in row `row`. */
export function titleRow(ws: Worksheet, row: number, text: string, columnCount: number, font = TITLE_FONT, height = 30): void {
  spanningRow(ws, row, columnCount, text, { font, horizontal: 'center', height });
}

/** A line of plain text across the columns (报送单位, 公示期 …), left-aligned. */
export function noteRow(ws: Worksheet, row: number, text: string, columnCount: number, height = 20): void {
  spanningRow(ws, row, columnCount, text, { font: BODY_FONT, horizontal: 'left', height });
}

export function styleHeaderCell(cell: ExcelJS.Cell): void {
  cell.font = HEADER_FONT;
  cell.fill = HEADER_FILL;
  cell.border = BORDER;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

/** One header row from the column definitions. */
export function headerRow(ws: Worksheet, row: number, columns: readonly ColumnDef[], height = 28): void {
  columns.forEach((c, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.value = c.header;
    styleHeaderCell(cell);
  });
  ws.getRow(row).height = height;
}

/**
 * Writes body rows from `firstRow` on: strings stay text (ID numbers never turn into 1.1E+17).
 * Cells share one style object per column and kind: exceljs caches a style's index by object
 * identity, which keeps a 10,000-row roster fast (a style per cell costs a serialisation each).
 */
export function bodyRows(ws: Worksheet, firstRow: number, columns: readonly ColumnDef[], rows: readonly (readonly CellValue[])[]): number {
  const styles = columns.map((c) => {
    const base = { font: BODY_FONT, border: BORDER, alignment: { horizontal: c.align ?? 'center', vertical: 'middle' as const, wrapText: true } };
    return {
      text: { ...base, numFmt: '@' } as Partial<ExcelJS.Style>,
      number: (c.numFmt ? { ...base, numFmt: c.numFmt } : base) as Partial<ExcelJS.Style>,
      empty: base as Partial<ExcelJS.Style>,
      yearMonth: { ...base, numFmt: YEAR_MONTH_FORMAT } as Partial<ExcelJS.Style>,
      date: { ...base, numFmt: DATE_FORMAT } as Partial<ExcelJS.Style>,
    };
  });
  rows.forEach((values, r) => {
    const row = ws.getRow(firstRow + r);
    // Neither exceljs nor LibreOffice's import sizes rows to wrapped text: set the height from
    // an estimate of the lines each cell needs at its column width.
    const lines = Math.max(1, ...columns.map((c, i) => linesNeeded(values[i], c.width)));
    row.height = Math.max(18, lines * 13 + 5);
    columns.forEach((_, i) => {
      const cell = row.getCell(i + 1);
      const v = values[i];
      const style = styles[i];
      if (v !== null && typeof v === 'object') {
        cell.value = excelDate(v);
        if (style) cell.style = v.show === 'year-month' ? style.yearMonth : style.date;
        return;
      }
      cell.value = v === undefined ? null : v;
      if (style) cell.style = typeof v === 'number' ? style.number : typeof v === 'string' ? style.text : style.empty;
    });
  });
  return firstRow + rows.length;
}

/** A line of text around a table: its text, and a taller row where it wraps (20 by default). */
export type SheetNote = string | { readonly text: string; readonly height: number };

function writeNote(ws: Worksheet, row: number, note: SheetNote, columnCount: number): void {
  if (typeof note === 'string') noteRow(ws, row, note, columnCount);
  else noteRow(ws, row, note.text, columnCount, note.height);
}

export interface TableSheet {
  readonly name: string;
  readonly orientation: SheetSetup['orientation'];
  readonly columns: readonly ColumnDef[];
  readonly title: string;
  /** The lines between the title and the header row (期间, 截至 …). */
  readonly notes: readonly SheetNote[];
  readonly headerHeight?: number;
  readonly rows: readonly (readonly CellValue[])[];
  /** A line after the table (公示单位 …), one blank row below the last. */
  readonly footer?: SheetNote;
}

/**
 * One titled table on a sheet of its own: the title in row 1, the notes under it, one header
 * row repeated on every printed page, the body rows, then the footer.
 */
export function tableSheet(wb: Workbook, t: TableSheet): Worksheet {
  const headerAt = 2 + t.notes.length;
  const ws = addSheet(wb, t.name, t.columns, { orientation: t.orientation, repeatRows: [headerAt, headerAt] });
  titleRow(ws, 1, t.title, t.columns.length);
  t.notes.forEach((note, i) => writeNote(ws, 2 + i, note, t.columns.length));
  headerRow(ws, headerAt, t.columns, t.headerHeight);
  const next = bodyRows(ws, headerAt + 1, t.columns, t.rows);
  if (t.footer !== undefined) writeNote(ws, next + 1, t.footer, t.columns.length);
  return ws;
}

/** Width of text in Excel character units at 10 pt: a Han character is about two digits wide. */
function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += (ch.codePointAt(0) ?? 0) < 0x2e80 ? 1.1 : 2;
  return units;
}

/** Lines a value wraps to in a column `width` units wide (explicit newlines included). */
export function linesNeeded(value: CellValue | undefined, width: number): number {
  if (value === null || value === undefined) return 1;
  if (typeof value === 'object') return Math.max(1, Math.ceil((value.show === 'year-month' ? 9 : 12) / Math.max(1, width - 1.5)));
  const usable = Math.max(1, width - 1.5);
  return String(value)
    .split('\n')
    .reduce((n, part) => n + Math.max(1, Math.ceil(textUnits(part) / usable)), 0);
}

export async function workbookBytes(wb: Workbook): Promise<Uint8Array> {
  // Deflate level 1: rosters compress well anyway, and level 6 costs seconds on 10,000 rows.
  const buffer = await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } });
  return new Uint8Array(buffer as ArrayBuffer);
}
