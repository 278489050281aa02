/**
 * Reading an .xlsx (Office Open XML) without a spreadsheet library: the zip directory, the
 * workbook's sheet list, shared strings and number formats, then one worksheet streamed row by
 * row. Why not exceljs (which writes our rosters): it inflates the whole package and builds every
 * cell's object model up front, so a 100,000-row file means the whole sheet XML as one string and
 * hundreds of MB of objects, with no way to bound a zip bomb or report progress. Here memory is
 * the rows' values plus one 64 KB piece of XML in flight.
 *
 * What a cell becomes: shared and inline strings are text; numbers are numbers, or dates when
 * their number format is a date format (the serial is converted later, knowing the 1904 flag);
 * a formula's cached value is read like any value, and a formula without one is marked so the
 * row reports it; error values (#N/A …) are marked too.
 */
import { ok, type Result } from '../rules/result';
import { importFail } from './errors';
import { fillMerges, type Cell, type CellRange, type Grid, type ImportLimits } from './grid';
import { streamDecoder } from './text';
import { attr, decodeOoxmlEscapes, decodeXml, plainAttr, XmlStream } from './xml';
import { findEntry, ImportStop, inflateEntry, readEntryText, readZipDirectory, type ZipDirectory, type ZipEntry } from './zip';

export interface SheetInfo {
  /** Position in the workbook (the tab order), from 0. */
  readonly index: number;
  readonly name: string;
  readonly hidden: boolean;
  /** A chart sheet has no cells to import. */
  readonly isWorksheet: boolean;
}

interface SheetSource extends SheetInfo {
  readonly path: string | undefined;
}

/** How a cell style shows numbers. */
type NumberStyle = 'general' | 'date' | { readonly decimals: number };

export interface XlsxBook {
  readonly sheets: readonly SheetInfo[];
  readonly date1904: boolean;
  /** Internal: what reading a sheet needs. */
  readonly source: {
    readonly bytes: Uint8Array;
    readonly directory: ZipDirectory;
    readonly sheets: readonly SheetSource[];
    readonly limits: ImportLimits;
    readonly styles: readonly NumberStyle[];
    sharedStrings: readonly string[] | undefined;
    readonly sharedStringsEntry: ZipEntry | undefined;
  };
}

const NOT_XLSX = '文件不是 Excel 工作簿（.xlsx）：压缩包里没有工作簿内容。请选择 .xlsx 或 .csv 文件。';
const BROKEN = '工作簿内容已损坏，无法读取。请在 Excel 或 WPS 中打开后重新另存为 .xlsx 再导入。';

function textOf(book: { bytes: Uint8Array; directory: ZipDirectory; limits: ImportLimits }, name: string): Result<string | undefined> {
  const entry = findEntry(book.directory, name);
  if (entry === undefined) return ok(undefined);
  return readEntryText(book.bytes, entry, book.limits.maxHeldEntryBytes, book.limits, streamDecoder('utf-8'));
}

/** Resolves a relationship target against the folder of the part that names it. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/** Relationship id → target path, from a .rels part. */
function readRels(xml: string, base: string): Map<string, { target: string; type: string }> {
  const rels = new Map<string, { target: string; type: string }>();
  const stream = new XmlStream({
    open(name, attrs) {
      if (name !== 'Relationship') return;
      const id = attr(attrs, 'Id');
      const target = attr(attrs, 'Target');
      if (id !== undefined && target !== undefined && attr(attrs, 'TargetMode') !== 'External') {
        rels.set(id, { target: resolvePart(base, target), type: attr(attrs, 'Type') ?? '' });
      }
    },
    close() {},
    text() {},
  });
  stream.push(xml);
  return rels;
}

/** The package's workbook, its sheets and number styles. */
export function openXlsx(bytes: Uint8Array, limits: ImportLimits): Result<XlsxBook> {
  const dir = readZipDirectory(bytes);
  if (!dir.ok) return dir;
  const base = { bytes, directory: dir.value, limits };

  const rootRels = textOf(base, '_rels/.rels');
  if (!rootRels.ok) return rootRels;
  let workbookPath = 'xl/workbook.xml';
  if (rootRels.value !== undefined) {
    for (const rel of readRels(rootRels.value, '').values()) {
      if (rel.type.endsWith('/officeDocument')) workbookPath = rel.target;
    }
  }
  const workbook = textOf(base, workbookPath);
  if (!workbook.ok) return workbook;
  if (workbook.value === undefined) return importFail('import.not-spreadsheet', NOT_XLSX);

  const relsPath = resolvePart(workbookPath, `_rels/${workbookPath.split('/').at(-1) ?? ''}.rels`);
  const relsText = textOf(base, relsPath);
  if (!relsText.ok) return relsText;
  const rels = readRels(relsText.value ?? '', workbookPath);

  const declared: { name: string; hidden: boolean; relId: string | undefined }[] = [];
  let date1904 = false;
  const wb = new XmlStream({
    open(name, attrs) {
      if (name === 'sheet') {
        const state = attr(attrs, 'state');
        declared.push({ name: attr(attrs, 'name') ?? '', hidden: state === 'hidden' || state === 'veryHidden', relId: attr(attrs, 'id') });
      } else if (name === 'workbookPr') {
        const flag = attr(attrs, 'date1904');
        date1904 = flag === '1' || flag === 'true';
      }
    },
    close() {},
    text() {},
  });
  wb.push(workbook.value);
  if (!wb.end()) return importFail('import.corrupt', BROKEN);

  const sheets: SheetSource[] = declared.map((s, index) => {
    const rel = s.relId === undefined ? undefined : rels.get(s.relId);
    const isWorksheet = rel !== undefined && rel.type.endsWith('/worksheet');
    return { index, name: s.name, hidden: s.hidden, isWorksheet, path: isWorksheet ? rel.target : undefined };
  });
  if (!sheets.some((s) => s.isWorksheet)) return importFail('import.no-sheet', '工作簿里没有可读取的工作表。');

  let stylesPath: string | undefined;
  let sharedPath: string | undefined;
  for (const rel of rels.values()) {
    if (rel.type.endsWith('/styles')) stylesPath = rel.target;
    if (rel.type.endsWith('/sharedStrings')) sharedPath = rel.target;
  }
  const stylesText = textOf(base, stylesPath ?? 'xl/styles.xml');
  if (!stylesText.ok) return stylesText;
  const styles = readNumberStyles(stylesText.value ?? '');

  return ok({
    sheets: sheets.map(({ path: _path, ...info }) => info),
    date1904,
    source: {
      bytes,
      directory: dir.value,
      sheets,
      limits,
      styles,
      sharedStrings: undefined,
      sharedStringsEntry: findEntry(dir.value, sharedPath ?? 'xl/sharedStrings.xml'),
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Number formats
// ---------------------------------------------------------------------------------------------

/**
 * Built-in number formats that show dates or times: 14–22 and 45–47 everywhere, and 27–36 and
 * 50–58, which the Chinese (and other East Asian) editions of Excel use for 年月日 dates.
 */
function builtInStyle(id: number): NumberStyle {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)) return 'date';
  if (id === 2 || id === 4 || id === 10 || id === 40 || id === 8 || id === 7) return { decimals: 2 };
  return 'general';
}

/** Whether a format code shows a date: y, m, d, h or s (or 年月日) outside quotes, escapes and [brackets]. */
export function formatStyle(code: string): NumberStyle {
  const section = code.split(';')[0] ?? '';
  const bare = section.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').replace(/_.|\*./g, '');
  if (/[ymdhsYMDHS年月日]/.test(bare)) return 'date';
  const decimals = /\.(0+)/.exec(bare);
  return decimals ? { decimals: decimals[1]!.length } : 'general';
}

/** Each cell style (xf index) of styles.xml with how it shows numbers. */
function readNumberStyles(xml: string): NumberStyle[] {
  const custom = new Map<number, NumberStyle>();
  const styles: NumberStyle[] = [];
  let inCellXfs = false;
  const stream = new XmlStream({
    open(name, attrs) {
      if (name === 'numFmt') {
        const id = Number(attr(attrs, 'numFmtId'));
        const code = attr(attrs, 'formatCode');
        if (Number.isInteger(id) && code !== undefined) custom.set(id, formatStyle(code));
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attr(attrs, 'numFmtId') ?? '0');
        styles.push(custom.get(id) ?? builtInStyle(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  stream.push(xml);
  return styles;
}

// ---------------------------------------------------------------------------------------------
// Shared strings
// ---------------------------------------------------------------------------------------------

/** The longest cell text kept (Excel's own limit); beyond it a hostile file gains nothing. */
const MAX_CELL_TEXT = 32_767;

function loadSharedStrings(book: XlsxBook): Result<readonly string[]> {
  const src = book.source;
  if (src.sharedStrings !== undefined) return ok(src.sharedStrings);
  const entry = src.sharedStringsEntry;
  if (entry === undefined) {
    src.sharedStrings = [];
    return ok(src.sharedStrings);
  }
  const strings: string[] = [];
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let current = '';
  const stream = new XmlStream({
    open(name, _attrs, selfClosing) {
      if (name === 'si') {
        inItem = true;
        current = '';
      } else if (name === 'rPh') phonetic += selfClosing ? 0 : 1;
      else if (name === 't' && inItem && phonetic === 0) inText = !selfClosing;
    },
    close(name) {
      if (name === 'si') {
        strings.push(decodeOoxmlEscapes(decodeXml(current)));
        inItem = false;
      } else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 't') inText = false;
    },
    text(raw) {
      // Phonetic guides (rPh, the furigana/pinyin Excel keeps beside CJK text) are not the value.
      if (inText && current.length < MAX_CELL_TEXT) current += raw;
    },
  });
  const decode = streamDecoder('utf-8');
  const read = inflateEntry(src.bytes, entry, src.limits.maxHeldEntryBytes, src.limits, (chunk, last) => stream.push(decode(chunk, last)));
  if (!read.ok) return read;
  if (!stream.end()) return importFail('import.corrupt', BROKEN);
  src.sharedStrings = strings;
  return ok(strings);
}

// ---------------------------------------------------------------------------------------------
// A worksheet
// ---------------------------------------------------------------------------------------------

/** 'C12' → column index 2 (from 0), or -1. */
function columnOfRef(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : col - 1;
}

function rowOfRef(ref: string): number {
  const m = /[0-9]+$/.exec(ref);
  return m ? Number(m[0]) : -1;
}

function parseRange(ref: string): CellRange | undefined {
  const [a = '', b = a] = ref.split(':');
  const top = rowOfRef(a);
  const left = columnOfRef(a);
  const bottom = rowOfRef(b);
  const right = columnOfRef(b);
  if (top < 1 || left < 0 || bottom < top || right < left) return undefined;
  return { top, left, bottom, right };
}

export interface ReadSheetOptions {
  /** Stop after this many rows with values (to look at a sheet's first rows only). */
  readonly maxRows?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * One worksheet's rows. Merged ranges are applied (the top-left value fills the range) when the
 * whole sheet is read: they follow the cells in the file, so a partial read has none.
 */
export function readXlsxSheet(book: XlsxBook, index: number, options: ReadSheetOptions = {}): Result<Grid> {
  const src = book.source;
  const sheet = src.sheets[index];
  if (sheet === undefined || sheet.path === undefined) return importFail('import.no-sheet', '所选的工作表不存在或不是数据表。');
  const entry = findEntry(src.directory, sheet.path);
  if (entry === undefined) return importFail('import.corrupt', BROKEN);
  const shared = loadSharedStrings(book);
  if (!shared.ok) return shared;
  const strings = shared.value;
  const styles = src.styles;
  const limits = src.limits;
  const peek = options.maxRows ?? Infinity;
  const date1904 = book.date1904;

  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  const merges: CellRange[] = [];
  let cells = 0;
  let columnCount = 0;
  let tooMany = false;

  let inSheetData = false;
  let row: Cell[] = [];
  let rowHasValue = false;
  let rowNumber = 0;
  let col = -1;
  let type = '';
  let style = 0;
  let capture: 'v' | 'f' | 't' | '' = '';
  let value = '';
  let formula = '';
  let hasFormula = false;
  let inline = '';
  let inInline = false;
  let phonetic = 0;

  const finishRow = (): void => {
    if (!rowHasValue) return;
    if (rows.length >= limits.maxRows || cells + row.length > limits.maxCells) {
      tooMany = true;
      throw new ImportStop();
    }
    rows.push(row);
    rowNumbers.push(rowNumber);
    cells += row.length;
    if (row.length > columnCount) columnCount = row.length;
    if (rows.length >= peek) throw new ImportStop();
  };

  const finishCell = (): void => {
    if (col < 0 || col >= limits.maxColumns) return;
    let cell: Cell = null;
    const v = decodeXml(value);
    switch (type) {
      case 's': {
        const i = Number(v);
        cell = v !== '' && Number.isInteger(i) ? (strings[i] ?? null) : null;
        break;
      }
      case 'inlineStr':
        cell = decodeOoxmlEscapes(decodeXml(inline));
        break;
      case 'str':
        cell = decodeOoxmlEscapes(v);
        break;
      case 'b':
        cell = v === '' ? null : v === '1' || v === 'true';
        break;
      case 'e':
        cell = { kind: 'error', text: v };
        break;
      case 'd':
        // Strict OOXML's ISO 8601 date: the date part is what a form field wants.
        cell = v === '' ? null : v.slice(0, 10);
        break;
      default: {
        if (v.trim() === '') break;
        const n = Number(v);
        if (!Number.isFinite(n)) {
          cell = v;
          break;
        }
        const shows = styles[style] ?? 'general';
        if (shows === 'date') cell = { kind: 'date', serial: n, date1904 };
        else if (shows === 'general') cell = n;
        else cell = { kind: 'shown', value: n, text: n.toFixed(Math.min(shows.decimals, 20)) };
      }
    }
    if ((cell === null || cell === '') && hasFormula && type !== 'inlineStr') {
      cell = { kind: 'formula-no-value', formula: decodeXml(formula) };
    }
    if (cell === null) return;
    while (row.length < col) row.push(null);
    row[col] = cell;
    rowHasValue = true;
  };

  const stream = new XmlStream({
    open(name, attrs, selfClosing) {
      if (!inSheetData) {
        if (name === 'sheetData') inSheetData = !selfClosing;
        else if (name === 'mergeCell') {
          const range = parseRange(attr(attrs, 'ref') ?? '');
          if (range !== undefined) merges.push(range);
        }
        return;
      }
      switch (name) {
        case 'row': {
          const r = Number(plainAttr(attrs, 'r'));
          rowNumber = Number.isInteger(r) && r > rowNumber ? r : rowNumber + 1;
          row = [];
          rowHasValue = false;
          col = -1;
          break;
        }
        case 'c': {
          const ref = plainAttr(attrs, 'r');
          const c = ref === undefined ? -1 : columnOfRef(ref);
          col = c >= 0 ? c : col + 1;
          type = plainAttr(attrs, 't') ?? 'n';
          style = Number(plainAttr(attrs, 's') ?? '0') || 0;
          value = '';
          formula = '';
          hasFormula = false;
          inline = '';
          break;
        }
        case 'v':
          capture = selfClosing ? '' : 'v';
          break;
        case 'f':
          hasFormula = true;
          capture = selfClosing ? '' : 'f';
          break;
        case 'is':
          inInline = !selfClosing;
          break;
        case 'rPh':
          if (!selfClosing) phonetic++;
          break;
        case 't':
          if (inInline && phonetic === 0 && !selfClosing) capture = 't';
          break;
      }
    },
    close(name) {
      if (!inSheetData) return;
      switch (name) {
        case 'v':
        case 'f':
        case 't':
          capture = '';
          break;
        case 'rPh':
          phonetic = Math.max(0, phonetic - 1);
          break;
        case 'is':
          inInline = false;
          break;
        case 'c':
          finishCell();
          break;
        case 'row':
          finishRow();
          break;
        case 'sheetData':
          inSheetData = false;
          break;
      }
    },
    text(raw) {
      if (capture === 'v') {
        if (value.length < MAX_CELL_TEXT) value += raw;
      }
      else if (capture === 't') {
        if (inline.length < MAX_CELL_TEXT) inline += raw;
      } else if (capture === 'f') {
        if (formula.length < MAX_CELL_TEXT) formula += raw;
      }
    },
  });

  const decode = streamDecoder('utf-8');
  let stopped = false;
  try {
    const read = inflateEntry(src.bytes, entry, limits.maxEntryBytes, limits, (chunk, last) => stream.push(decode(chunk, last)), options.onProgress);
    if (!read.ok) return read;
  } catch (error) {
    if (!(error instanceof ImportStop)) throw error;
    stopped = true;
  }
  if (tooMany) {
    return importFail(
      'import.too-many-rows',
      `工作表“${sheet.name}”的行数或单元格数超过了可导入的上限（${limits.maxRows.toLocaleString('en-US')}行、${limits.maxCells.toLocaleString('en-US')}个单元格），请分成几个文件导入。`,
    );
  }
  if (!stopped && !stream.end()) return importFail('import.corrupt', BROKEN);
  if (!stopped) fillMerges(rows, rowNumbers, merges);
  return ok({ sheetName: sheet.name, rows, rowNumbers, merges: stopped ? [] : merges, columnCount });
}
