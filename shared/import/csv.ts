/**
 * CSV (and the tab-separated "Unicode text" Excel also saves) as offices send it: UTF-8 with or
 * without a byte-order mark, GB18030/GBK from Chinese Excel and WPS, UTF-16 from "Unicode text";
 * commas, tabs or semicolons; quoted fields with doubled quotes and line breaks inside (RFC 4180);
 * CRLF, LF or CR line ends. Every cell is text: whatever it holds (an ID number, a date, 1979.01)
 * is parsed by the column's rule, as typed. The `="…"` some systems write to keep a number as
 * text in Excel is unwrapped.
 */
import { ok, type Result } from '../rules/result';
import { importFail } from './errors';
import type { Cell, Grid, ImportLimits } from './grid';
import { decodeText, type TextEncoding } from './text';

export interface CsvResult {
  readonly grid: Grid;
  readonly encoding: TextEncoding;
  readonly delimiter: ',' | '\t' | ';';
}

/** The delimiter the first lines use most consistently (outside quotes). */
function detectDelimiter(text: string): ',' | '\t' | ';' {
  const sample = text.slice(0, 64 * 1024);
  const candidates = [',', '\t', ';'] as const;
  let best: ',' | '\t' | ';' = ',';
  let bestScore = -1;
  for (const d of candidates) {
    const counts: number[] = [];
    let count = 0;
    let quoted = false;
    for (let i = 0; i < sample.length && counts.length < 20; i++) {
      const c = sample[i];
      if (c === '"') quoted = !quoted;
      else if (!quoted && c === d) count++;
      else if (!quoted && (c === '\n' || c === '\r')) {
        if (c === '\r' && sample[i + 1] === '\n') i++;
        counts.push(count);
        count = 0;
      }
    }
    if (count > 0) counts.push(count);
    const used = counts.filter((n) => n > 0);
    // Lines that use it, weighted by how many fields they make.
    const score = used.length === 0 ? 0 : used.length * 1000 + Math.max(...used);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** `="0123"` (Excel's text-keeping trick in exported CSV) → `0123`. */
function unwrap(field: string): Cell {
  if (field.length >= 3 && field.charCodeAt(0) === 61 && field.charCodeAt(1) === 34 && field.endsWith('"')) {
    return field.slice(2, -1).replace(/""/g, '"');
  }
  return field === '' ? null : field;
}

export function readCsv(bytes: Uint8Array, limits: ImportLimits, onProgress?: (done: number, total: number) => void): Result<CsvResult> {
  const decoded = decodeText(bytes);
  const text = decoded.text;
  const delimiter = detectDelimiter(text);
  const d = delimiter.charCodeAt(0);
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  let columnCount = 0;
  let cells = 0;
  let row: Cell[] = [];
  let rowHasValue = false;
  /** The row number Excel shows for this record: a line break inside quotes stays in its cell. */
  let record = 1;
  let i = 0;
  const n = text.length;
  const step = Math.max(1, Math.floor(n / 100));
  let nextReport = step;

  const endRow = (): boolean => {
    if (rowHasValue) {
      if (rows.length >= limits.maxRows || cells + row.length > limits.maxCells) return false;
      rows.push(row);
      rowNumbers.push(record);
      cells += row.length;
      if (row.length > columnCount) columnCount = row.length;
    }
    row = [];
    rowHasValue = false;
    return true;
  };
  const addField = (field: string): void => {
    if (row.length >= limits.maxColumns) return;
    const cell = unwrap(field);
    if (cell !== null) rowHasValue = true;
    row.push(cell);
  };

  while (i <= n) {
    if (i >= nextReport) {
      onProgress?.(i, n);
      nextReport += step;
    }
    if (i === n) {
      if (row.length > 0) {
        if (!endRow()) return tooMany(limits);
      }
      break;
    }
    let field: string;
    if (text.charCodeAt(i) === 34) {
      // Quoted: up to the closing quote, "" standing for one quote.
      let j = i + 1;
      let parts = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          parts += text.slice(j);
          j = n;
          break;
        }
        parts += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          parts += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      // Text after the closing quote up to the delimiter is kept, as Excel does.
      let k = j;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === d || c === 10 || c === 13) break;
        k++;
      }
      field = parts + text.slice(j, k);
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === d || c === 10 || c === 13) break;
        k++;
      }
      field = text.slice(i, k);
      i = k;
    }
    addField(field);
    if (i >= n) continue;
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i === n) addField('');
      continue;
    }
    // A line end: CRLF, LF or CR.
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    if (!endRow()) return tooMany(limits);
    record++;
  }
  onProgress?.(n, n);
  return ok({ grid: { sheetName: '', rows, rowNumbers, merges: [], columnCount }, encoding: decoded.encoding, delimiter });
}

function tooMany<T>(limits: ImportLimits): Result<T> {
  return importFail(
    'import.too-many-rows',
    `文件的行数或单元格数超过了可导入的上限（${limits.maxRows.toLocaleString('en-US')}行、${limits.maxCells.toLocaleString('en-US')}个单元格），请分成几个文件导入。`,
  );
}
