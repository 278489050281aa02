/**
 * What a picked file is, decided from its bytes (never from its name: a renamed file is common,
 * and an ".xls" exported by a web system is often a web page). Spreadsheets the importer reads
 * are opened; everything else gets a Chinese message that says what to do.
 */
import { ok, type Result } from '../rules/result';
import { readCsv } from './csv';
import { importFail } from './errors';
import { DEFAULT_LIMITS, type Grid, type ImportLimits } from './grid';
import type { TextEncoding } from './text';
import { openXlsx, readXlsxSheet, type SheetInfo, type XlsxBook } from './xlsx';
import { findEntry, looksLikeZip, readEntryText, readZipDirectory } from './zip';
import { streamDecoder } from './text';

export type { SheetInfo } from './xlsx';

export type SpreadsheetFile =
  | { readonly format: 'xlsx'; readonly sheets: readonly SheetInfo[]; readonly book: XlsxBook }
  | { readonly format: 'csv'; readonly sheets: readonly SheetInfo[]; readonly grid: Grid; readonly encoding: TextEncoding };

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const SAVE_AS_XLSX = '请在 Excel 或 WPS 中打开它，选择“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再导入新文件。';

/** Whether the UTF-16LE name occurs in the bytes (a compound file's directory entry names its streams so). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let i = 0; i + name.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < name.length; k++) {
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * A compound (OLE) file: a password-protected .xlsx (its EncryptedPackage stream), an old .xls or
 * WPS .et (a Workbook/Book stream), or a Word .doc.
 */
function compoundFileError(bytes: Uint8Array): Result<never> {
  if (hasUtf16Name(bytes, 'EncryptedPackage') || hasUtf16Name(bytes, 'EncryptionInfo')) {
    return importFail('import.encrypted', '文件设置了打开密码，无法读取。请在 Excel 或 WPS 中打开，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后保存，再导入。');
  }
  if (hasUtf16Name(bytes, 'Workbook') || hasUtf16Name(bytes, 'Book')) {
    return importFail('import.xls', `这是旧版 Excel 97-2003 工作簿（.xls）或 WPS 表格（.et），不能直接导入。${SAVE_AS_XLSX}`);
  }
  if (hasUtf16Name(bytes, 'WordDocument')) return importFail('import.not-spreadsheet', '这是 Word 文档，不是表格。请选择 Excel（.xlsx）或 CSV 文件。');
  return importFail('import.not-spreadsheet', '无法识别文件格式，请选择 Excel（.xlsx）或 CSV 文件。');
}

/** The start of a text file without its byte-order mark and leading blanks, lower-cased. */
function textStart(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 2048);
  let s = '';
  for (const b of head) s += b < 0x80 ? String.fromCharCode(b) : ' ';
  return s.replace(/^(\u00ef\u00bb\u00bf| )+/, '').trimStart().toLowerCase();
}

function looksBinary(bytes: Uint8Array): boolean {
  // UTF-16 text has NULs by nature; its byte-order mark says so.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * Opens the file: its format decided from the bytes, the sheets listed (a CSV has one). Reads no
 * worksheet yet except a CSV's only one, which is its whole content.
 */
export function openSpreadsheet(bytes: Uint8Array, limits: ImportLimits = DEFAULT_LIMITS, onProgress?: (done: number, total: number) => void): Result<SpreadsheetFile> {
  if (bytes.length === 0) return importFail('import.empty', '文件是空的（0 字节），请检查是否选错了文件。');
  if (bytes.length > limits.maxFileBytes) {
    return importFail('import.too-large', `文件过大（${Math.ceil(bytes.length / 1024 / 1024)} MB），超过了 ${Math.floor(limits.maxFileBytes / 1024 / 1024)} MB 的上限，请分成几个文件导入。`);
  }
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) return compoundFileError(bytes);
  if (looksLikeZip(bytes)) {
    const dir = readZipDirectory(bytes);
    if (!dir.ok) return dir;
    const mimetype = findEntry(dir.value, 'mimetype');
    if (mimetype !== undefined) {
      const type = readEntryText(bytes, mimetype, 1024, limits, streamDecoder('utf-8'));
      if (type.ok && type.value.includes('opendocument.spreadsheet')) {
        return importFail('import.ods', `这是 OpenDocument 表格（.ods），不能直接导入。${SAVE_AS_XLSX}`);
      }
    }
    if (findEntry(dir.value, 'word/document.xml') !== undefined) {
      return importFail('import.not-spreadsheet', '这是 Word 文档（.docx），不是表格。请选择 Excel（.xlsx）或 CSV 文件。');
    }
    const book = openXlsx(bytes, limits);
    if (!book.ok) return book;
    return ok({ format: 'xlsx', sheets: book.value.sheets, book: book.value });
  }
  const start = textStart(bytes);
  if (start.startsWith('%pdf')) return importFail('import.not-spreadsheet', '这是 PDF 文件，不是表格。请选择 Excel（.xlsx）或 CSV 文件。');
  if (bytes[0] === 0x09 && bytes[1] === 0x08) {
    return importFail('import.xls', `这是旧版 Excel 工作簿（.xls），不能直接导入。${SAVE_AS_XLSX}`);
  }
  if (start.startsWith('<?xml') && start.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    return importFail('import.xls', `这是 Excel 2003 XML 表格，不能直接导入。${SAVE_AS_XLSX}`);
  }
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<table') || (start.startsWith('<') && start.includes('<table'))) {
    return importFail('import.html', `这个文件实际上是网页（HTML）格式，只是扩展名像表格。${SAVE_AS_XLSX}`);
  }
  if (looksBinary(bytes)) return importFail('import.not-spreadsheet', '无法识别文件格式（不是表格或文本文件），请选择 Excel（.xlsx）或 CSV 文件。');
  const csv = readCsv(bytes, limits, onProgress);
  if (!csv.ok) return csv;
  return ok({
    format: 'csv',
    sheets: [{ index: 0, name: '', hidden: false, isWorksheet: true }],
    grid: csv.value.grid,
    encoding: csv.value.encoding,
  });
}

export interface ReadOptions {
  /** Rows with values to read at most (a look at the first rows to find the header). */
  readonly maxRows?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** One sheet's rows (a CSV's only sheet is index 0). */
export function readSheet(file: SpreadsheetFile, index: number, options: ReadOptions = {}): Result<Grid> {
  if (file.format === 'csv') {
    if (index !== 0) return importFail('import.no-sheet', 'CSV 文件只有一个工作表。');
    if (options.maxRows === undefined || file.grid.rows.length <= options.maxRows) return ok(file.grid);
    return ok({ ...file.grid, rows: file.grid.rows.slice(0, options.maxRows), rowNumbers: file.grid.rowNumbers.slice(0, options.maxRows) });
  }
  return readXlsxSheet(file.book, index, options);
}
