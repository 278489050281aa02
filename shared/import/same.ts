/**
 * Importing the same file twice changes nothing: a row whose record is already on the desk with
 * the same content (an application of this program and kind for the same person with every
 * imported field equal; a certificate with the same number held by the same person; a
 * certificate already in the target application's table) is not imported again. The screen leaves such rows out before the review and says so; a file whose
 * rows are all on the desk already writes nothing at all.
 */
import type { ParsedRow } from './rows';
import type { ImportSpec } from './spec';

/** What the desk holds for the file's people and certificates (looked up by the renderer). */
export interface DeskRecords {
  /** Live people by normalised 身份证号. */
  readonly people: ReadonlyMap<string, { readonly id: string }>;
  /** Live applications of the spec's program and application kind, by person id. */
  readonly applicationsByPerson?: ReadonlyMap<string, readonly { readonly fields: Readonly<Record<string, unknown>> }[]>;
  /** Live certificates by certificate number as compared (half-width, no spaces, upper-case). */
  readonly certificates?: ReadonlyMap<string, { readonly holderPersonId: string }>;
  /** For table rows: the target application's table rows, as tableEntryKey of their certificate number and 身份证号. */
  readonly tableEntries?: ReadonlySet<string>;
}

/** A table row as compared: its certificate number and its holder's 身份证号 (the same number held by another is not the same row). */
export function tableEntryKey(certificateNo: unknown, idNumber: unknown): string | undefined {
  const key = certificateNoKey(certificateNo);
  if (key === undefined) return undefined;
  return `${key}|${typeof idNumber === 'string' ? idNumber.normalize('NFKC').trim().toUpperCase() : ''}`;
}

/** A certificate number as compared: half-width, no spaces, upper-case (as rows.ts compares them). */
export const certificateNoKey = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v.normalize('NFKC').replace(/\s+/g, '').toUpperCase() : undefined;

/** Values compared as stored: arrays and objects by their JSON with keys sorted. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

function sameFields(row: ParsedRow, spec: ImportSpec, fields: Readonly<Record<string, unknown>>): boolean {
  for (const column of spec.columns) {
    if (column.stored !== 'field') continue;
    const v = row.values[column.key];
    if (v === undefined) continue;
    if (canonical(v) !== canonical(fields[column.key])) return false;
  }
  return true;
}

/**
 * The sheet rows (1-based) whose record is already on the desk with the same content. `rows` are
 * the rows as the clerk fixed them (a row corrected to what was imported before is the same).
 */
export function rowsAlreadyOnDesk(rows: readonly ParsedRow[], spec: ImportSpec, desk: DeskRecords): number[] {
  const out: number[] = [];
  const idKey = spec.person?.idNumber;
  for (const row of rows) {
    if (row.errors.length > 0) continue;
    if (spec.creates === 'table-rows') {
      const key = tableEntryKey(row.values['certificateNo'], row.values[spec.person?.idNumber ?? 'idNumber']);
      if (key !== undefined && desk.tableEntries?.has(key) === true) out.push(row.row);
      continue;
    }
    const idNumber = idKey === undefined ? undefined : row.values[idKey];
    const person = typeof idNumber === 'string' ? desk.people.get(idNumber) : undefined;
    if (person === undefined) continue;
    if (spec.creates === 'applications') {
      const apps = desk.applicationsByPerson?.get(person.id) ?? [];
      if (apps.some((a) => sameFields(row, spec, a.fields))) out.push(row.row);
    } else if (spec.creates === 'certificates') {
      const key = certificateNoKey(row.values['certificateNo']);
      const held = key === undefined ? undefined : desk.certificates?.get(key);
      if (held !== undefined && held.holderPersonId === person.id) out.push(row.row);
    }
  }
  return out;
}
