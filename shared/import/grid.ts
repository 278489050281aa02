/**
 * A worksheet as the importer sees it, whichever format it came from: rows of cells, with the
 * merged ranges already filled in, and the limits every reader keeps to.
 */

/** A cell's value as stored in the file. */
export type Cell =
  | null
  | string
  | number
  | boolean
  /** A number whose format shows it as a date: an Excel serial day (1900 or 1904 system). */
  | { readonly kind: 'date'; readonly serial: number; readonly date1904: boolean }
  /** A number whose format fixes its decimals, with the text Excel shows (1979.1 shown as 1979.10). */
  | { readonly kind: 'shown'; readonly value: number; readonly text: string }
  /** A formula saved without its value: nothing to import. */
  | { readonly kind: 'formula-no-value'; readonly formula: string }
  /** An error value (#N/A, #REF! …), usually a formula's. */
  | { readonly kind: 'error'; readonly text: string };

export interface CellRange {
  /** 1-based sheet rows and 0-based columns, inclusive. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface Grid {
  /** The worksheet's name; '' for a CSV file. */
  readonly sheetName: string;
  /** The rows that hold a value, in sheet order (blank rows are left out). */
  readonly rows: readonly (readonly Cell[])[];
  /** The 1-based sheet row of each entry of `rows`: what the clerk sees at the left in Excel. */
  readonly rowNumbers: readonly number[];
  readonly merges: readonly CellRange[];
  /** Widest row, in columns. */
  readonly columnCount: number;
}

/**
 * Bounds on what a file may make the importer do, so a hostile file costs bounded memory and
 * time. The defaults fit the biggest real office file with room (a 100,000-row register): a
 * few hundred MB of XML at most, read in 64 KB pieces and never held whole.
 */
export interface ImportLimits {
  /** The file itself. */
  readonly maxFileBytes: number;
  /** One zip entry, inflated (the worksheet XML is streamed, never held whole). */
  readonly maxEntryBytes: number;
  /** Entries the reader holds whole (workbook, styles, shared strings), inflated. */
  readonly maxHeldEntryBytes: number;
  /** Inflated : compressed, above which a big entry is taken for a zip bomb. */
  readonly maxCompressionRatio: number;
  readonly maxRows: number;
  /** Cells held in memory (rows × used columns). */
  readonly maxCells: number;
  /** Columns read; cells to the right are ignored. */
  readonly maxColumns: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  // A 100,000-row roster's sheet XML is about 100 MB; this bounds the time a hostile one costs.
  maxEntryBytes: 512 * 1024 * 1024,
  maxHeldEntryBytes: 256 * 1024 * 1024,
  // Sheet XML compresses 10–30×, a sheet of one repeated value about 200×; DEFLATE's own limit is 1032×.
  maxCompressionRatio: 500,
  maxRows: 1_048_576,
  maxCells: 8_000_000,
  maxColumns: 256,
};

export type ProgressPhase = 'reading' | 'checking';

/** `done` of `total` in units that only the ratio matters for (bytes while reading, rows while checking). */
export type ProgressCallback = (phase: ProgressPhase, done: number, total: number) => void;

/**
 * Fills merged ranges downwards: a cell merged over five rows (工作单位 shared by five people, a
 * header over two header rows) is that value in each row. Across columns nothing is filled: a
 * range merged sideways is a title, a note or a group header over its columns (单位考核 over the
 * years), and copying it into every column would turn a 填表人 line into a row of data.
 */
export function fillMerges(rows: (Cell[] | undefined)[], rowNumbers: readonly number[], merges: readonly CellRange[]): void {
  if (merges.length === 0) return;
  const indexOfRow = new Map<number, number>();
  rowNumbers.forEach((n, i) => indexOfRow.set(n, i));
  for (const m of merges) {
    if (m.bottom === m.top) continue;
    const topIndex = indexOfRow.get(m.top);
    if (topIndex === undefined) continue;
    const value = rows[topIndex]?.[m.left] ?? null;
    if (value === null) continue;
    for (let r = m.top + 1; r <= m.bottom; r++) {
      const i = indexOfRow.get(r);
      const row = i === undefined ? undefined : rows[i];
      if (row === undefined) continue;
      while (row.length < m.left) row.push(null);
      if (row[m.left] === undefined || row[m.left] === null) row[m.left] = value;
    }
  }
}

/** Whether a cell holds nothing (blank text included). */
export function isEmptyCell(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}
