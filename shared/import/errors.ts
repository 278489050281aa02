/**
 * What can go wrong with an imported file, as closed codes. A file-level failure means nothing
 * of the file is used; a row issue belongs to one row (and column) and the clerk fixes the cell
 * or leaves the row out. Rule failures keep the rule's own code (`id.checksum`, `year-month.format`
 * …, from shared/rules), so the screen and the tests match the same codes as the forms do.
 */
import { fail, type Result } from '../rules/result';

export const IMPORT_FILE_CODES = [
  /** The file has no bytes. */
  'import.empty',
  /** Larger than the limit for a file the clerk picks (ImportLimits.maxFileBytes). */
  'import.too-large',
  /** A PDF, a picture, a Word document, a zip of something else … */
  'import.not-spreadsheet',
  /** The binary Excel 97–2003 (.xls) or WPS (.et) format. */
  'import.xls',
  /** An OpenDocument spreadsheet (.ods). */
  'import.ods',
  /** A web page saved with an .xls name, as many online systems export. */
  'import.html',
  /** A password-protected workbook (an encrypted OOXML package is a compound file). */
  'import.encrypted',
  /** Declared or actual inflated sizes beyond the limits, or a size the archive lied about. */
  'import.zip-bomb',
  /** A zip or XML structure that cannot be read. */
  'import.corrupt',
  /** The workbook has no worksheet, or the one asked for does not exist. */
  'import.no-sheet',
  /** More rows or cells than the limits allow. */
  'import.too-many-rows',
  /** No row of the first ones looks like the header this kind of file has. */
  'import.no-header',
  /** The mapping leaves out a column every row needs, or maps two columns to one target. */
  'import.mapping',
  /** The program has no import of this kind. */
  'import.kind',
  /** A plan asked for something the report cannot give (rows with errors, no target application). */
  'import.plan',
  /** An undo that would remove work done since the import. */
  'import.undo',
] as const;
export type ImportFileCode = (typeof IMPORT_FILE_CODES)[number];

export const IMPORT_ROW_CODES = [
  /** A column every row needs is blank. */
  'import.required',
  /** A formula cell with no cached value (the file was never calculated and saved). */
  'import.formula-no-value',
  /** A formula whose cached value is an error such as #N/A or #REF!. */
  'import.formula-error',
  /** Not a number where one is needed, or outside the field's bounds. */
  'import.number',
  /** A year column that is not a year. */
  'import.year',
  /** Not one of the options the field has. */
  'import.enum',
  /** Not a certificate of the program's catalogue. */
  'import.catalogue',
  /** Not 是/否. */
  'import.boolean',
  /** 性别 is not 男/女, or disagrees with the 身份证号. */
  'import.sex',
  /** A number cell such as 1979.1: a spreadsheet drops the trailing 0 of 1979.10. */
  'import.year-month-ambiguous',
  /** A long number stored as a number lost its last digits (a certificate number, say). */
  'import.number-as-text',
  /** Longer than the field allows. */
  'import.too-long',
  /** The same person (or certificate) as an earlier row of the file. */
  'import.duplicate-in-file',
  /** Two rows of the file give one 身份证号 two names. */
  'import.same-id-other-name',
  /** The certificate number is already on the desk. */
  'import.certificate-exists',
  /** The certificate is already in the application's table. */
  'import.already-in-table',
  /** A register row gives neither the registration date nor a full date obtained. */
  'import.no-start-date',
  /** Warning: a required field of the form is blank (the application is registered incomplete, as at the counter). */
  'import.incomplete',
  /** Warning: a plain number in a date column read as an Excel day serial. */
  'import.date-serial',
  /** Warning: the 身份证号 names a person on the desk under another name (linked all the same). */
  'import.linked-other-name',
  /** Warning: the person already has an application of this program on the desk. */
  'import.already-applied',
  /** Warning: the certificate's validity has ended. */
  'import.expired',
] as const;
export type ImportRowCode = (typeof IMPORT_ROW_CODES)[number];

/** A row issue's code: the import's own, or the shared rule's (`id.checksum`, `date.format` …). */
export type RowIssueCode = ImportRowCode | `${string}.${string}`;

export const importFail = <T = never>(code: ImportFileCode, message: string): Result<T> => fail(code, message);

/** 1 → 'A', 27 → 'AA': the column letter a clerk sees in Excel (index from 0). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
