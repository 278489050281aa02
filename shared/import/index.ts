/**
 * Importing a spreadsheet an office received (issue 15): a P4 花名册, an applicant list, a P3
 * 管理人员证书 list, a P5 人才库, as .xlsx or .csv. Pure: bytes in, rows and reports out; no DOM,
 * no Node, so the same code runs in the renderer's Web Worker and in the tests.
 *
 * The screen's path:
 *   1. importSpecFor(pack, kind)            what the file holds (importKindsOf(pack) lists the kinds)
 *   2. readImport({ bytes, spec, today })   format, sheets, the sheet read and why, the mapping, every
 *                                           row parsed (Worker; progress by callback)
 *   3. deskKeysOf(parsed.rows, spec)        the 身份证号 and certificate numbers to look up on the desk
 *   4. reviewRows(parsed, spec, ctx, decisions, desk)
 *                                           the report: errors and warnings per row, links to people
 *                                           on the desk; again after each fix or exclusion
 *   5. planImport(report, spec, options)    the records to write in one transaction
 *   6. planUndo(...)                        what undoing removes
 * A changed mapping (the clerk's edit) goes back to step 2 with `mapping`; savedMappingOf(mapping)
 * is what to remember per program and kind, passed next time as `saved`.
 */
import type { IsoDate } from '../rules/civil-date';
import { ok, type Result } from '../rules/result';
import { DEFAULT_LIMITS, type Grid, type ImportLimits, type ProgressCallback } from './grid';
import { checkMapping, detectMapping, HEADER_SEARCH_ROWS, type ColumnMapping, type SavedMapping } from './mapping';
import { openSpreadsheet, readSheet, type SheetInfo, type SpreadsheetFile } from './open';
import { parseRows, type ParsedSheet } from './rows';
import type { ImportSpec } from './spec';
import type { TextEncoding } from './text';

export { IMPORT_FILE_CODES, IMPORT_ROW_CODES, columnLetter, type ImportFileCode, type ImportRowCode, type RowIssueCode } from './errors';
export { DEFAULT_LIMITS, type Cell, type Grid, type ImportLimits, type ProgressCallback, type ProgressPhase } from './grid';
export { checkMapping, detectMapping, savedMappingOf, type ColumnMapping, type MappedColumn, type SavedMapping } from './mapping';
export { openSpreadsheet, readSheet, type SheetInfo, type SpreadsheetFile } from './open';
export {
  certificateDates,
  deskKeysOf,
  fixedRow,
  parseRows,
  reviewRows,
  rowsByUrgency,
  type DeskLookup,
  type ImportCounts,
  type ImportDecisions,
  type ImportReport,
  type ParsedRow,
  type ParsedSheet,
  type ReviewedRow,
  type RowIssue,
  type SkippedRow,
} from './rows';
export {
  IMPORT_BATCH_FIELD,
  personIdOf,
  planImport,
  planUndo,
  tableValueWith,
  type ImportPlan,
  type PersonRef,
  type PlanOptions,
  type PlannedApplication,
  type PlannedCertificate,
  type PlannedPerson,
  type PlannedTableRows,
  type UndoInput,
  type UndoPlan,
} from './plan';
export { certificateNoKey, rowsAlreadyOnDesk, tableEntryKey, type DeskRecords } from './same';
export { importKindsOf, importSpecFor, REGISTRATION_KINDS, type ImportColumnSpec, type ImportSpec, type ValueType } from './spec';
export { normaliseHeader, SHARED_HEADERS } from './synonyms';

export interface ReadImportInput {
  readonly bytes: Uint8Array;
  readonly spec: ImportSpec;
  /** 'YYYY-MM-DD': ID numbers born after it and certificates expired before it are judged by it. */
  readonly today: IsoDate;
  /** The worksheet to read (index in SheetInfo); by default the first visible one whose header this kind recognises. */
  readonly sheet?: number;
  /** A mapping the clerk edited (for this file); otherwise the header is detected. */
  readonly mapping?: ColumnMapping;
  /** What was remembered for this program and kind (savedMappingOf), used in detection. */
  readonly saved?: SavedMapping;
  readonly limits?: Partial<ImportLimits>;
  readonly onProgress?: ProgressCallback;
}

export interface ReadImportResult {
  readonly format: SpreadsheetFile['format'];
  /** For a CSV: how its text was decoded. */
  readonly encoding?: TextEncoding;
  readonly sheets: readonly SheetInfo[];
  readonly sheetIndex: number;
  /** Which sheet was read, in words for the screen: 共3个工作表，读取的是“花名册”。 */
  readonly sheetNote: string;
  /** The mapping found (or given): shown to the clerk, who may edit it and read again. */
  readonly mapping: ColumnMapping;
  /** The rows; `import.mapping` when the mapping lacks a column every row needs (the clerk maps it). */
  readonly parsed: Result<ParsedSheet>;
}

/** The sheet to read when the caller names none: the first visible worksheet whose first rows hold this kind's header. */
function chooseSheet(file: SpreadsheetFile, spec: ImportSpec, saved: SavedMapping | undefined): number {
  const worksheets = file.sheets.filter((s) => s.isWorksheet);
  const ordered = [...worksheets.filter((s) => !s.hidden), ...worksheets.filter((s) => s.hidden)];
  if (ordered.length === 1) return ordered[0]!.index;
  for (const sheet of ordered) {
    const head = readSheet(file, sheet.index, { maxRows: HEADER_SEARCH_ROWS });
    if (head.ok && detectMapping(head.value, spec, saved).ok) return sheet.index;
  }
  return ordered[0]?.index ?? 0;
}

function sheetNoteOf(file: SpreadsheetFile, index: number): string {
  if (file.format === 'csv') return '';
  const sheet = file.sheets[index];
  const count = file.sheets.filter((s) => s.isWorksheet).length;
  return count > 1 ? `共${count}个工作表，读取的是“${sheet?.name ?? ''}”。` : `读取的是工作表“${sheet?.name ?? ''}”。`;
}

/** Opens the file, reads the chosen sheet, maps its columns and parses every row. */
export function readImport(input: ReadImportInput): Result<ReadImportResult> {
  const limits: ImportLimits = { ...DEFAULT_LIMITS, ...input.limits };
  const report = input.onProgress;
  const opened = openSpreadsheet(input.bytes, limits, report && ((done, total) => report('reading', done, total)));
  if (!opened.ok) return opened;
  const file = opened.value;
  const sheetIndex = input.sheet ?? chooseSheet(file, input.spec, input.saved);
  const grid: Result<Grid> = readSheet(file, sheetIndex, report ? { onProgress: (done, total) => report('reading', done, total) } : {});
  if (!grid.ok) return grid;
  const mapping = input.mapping === undefined ? detectMapping(grid.value, input.spec, input.saved) : ok(input.mapping);
  if (!mapping.ok) return mapping;
  const checked = checkMapping(mapping.value, input.spec);
  const parsed = checked.ok ? parseRows(grid.value, input.spec, checked.value, { today: input.today }, input.onProgress) : checked;
  return ok({
    format: file.format,
    ...(file.format === 'csv' ? { encoding: file.encoding } : {}),
    sheets: file.sheets,
    sheetIndex,
    sheetNote: sheetNoteOf(file, sheetIndex),
    mapping: mapping.value,
    parsed,
  });
}
