/**
 * Reads of the import screen: what a file can hold (from the packs — the screen names no
 * program), what the desk already has for the file's people and certificates, the mapping
 * remembered per program and kind, and the imports made.
 */
import {
  certificateNoKey,
  tableEntryKey,
  deskKeysOf,
  importKindsOf,
  importSpecFor,
  type DeskLookup,
  type DeskRecords,
  type ImportSpec,
  type ParsedRow,
  type SavedMapping,
} from '../../../../shared/import';
import type { Application, ImportKind } from '../../../../shared/model/records';
import type { LocalizedText } from '../../../../shared/programs/schema';
import { getPack, programPacks } from '../../../../shared/programs';
import { db } from '../../db';

export interface ImportTarget {
  /** `programId/kind`: the Select's value. */
  readonly key: string;
  readonly programId: string;
  readonly kind: ImportKind;
  readonly program: LocalizedText;
  readonly names: LocalizedText;
}

/** Every kind of file the packs can import, by program. */
export function importTargets(): ImportTarget[] {
  const out: ImportTarget[] = [];
  for (const pack of programPacks) {
    for (const kind of importKindsOf(pack)) {
      const spec = importSpecFor(pack, kind);
      if (!spec.ok) continue;
      out.push({ key: `${pack.id}/${kind}`, programId: pack.id, kind, program: pack.names, names: spec.value.names });
    }
  }
  return out;
}

export function specFor(programId: string, kind: ImportKind): ImportSpec | undefined {
  const pack = getPack(programId);
  if (pack === undefined) return undefined;
  const spec = importSpecFor(pack, kind);
  return spec.ok ? spec.value : undefined;
}

export const mappingKey = (programId: string, kind: ImportKind): string => `import.mapping.${programId}.${kind}`;

/** The mapping the clerk last confirmed for this program and kind. */
export async function savedMapping(programId: string, kind: ImportKind): Promise<SavedMapping | undefined> {
  const row = await db.settings.get(mappingKey(programId, kind));
  const value = row?.value;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as SavedMapping) : undefined;
}

export interface DeskForFile {
  /** For the review: people to link, the program's applications, certificate numbers taken. */
  readonly lookup: DeskLookup;
  /** For leaving out what is there already with the same content. */
  readonly records: DeskRecords;
}

export interface TableTarget {
  readonly id: string;
  /** The application's number and applicant, as the clerk knows it. */
  readonly label: string;
}

/** For rows added to a table: the live applications of the spec's program and kind, newest first. */
export async function tableTargets(spec: ImportSpec): Promise<TableTarget[]> {
  if (spec.creates !== 'table-rows') return [];
  const apps = (await db.applications.where('programId').equals(spec.programId).toArray())
    .filter((a) => a.deleted !== true && a.kind === spec.applicationKind)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const out: TableTarget[] = [];
  for (const a of apps) {
    const organisation = a.organisationId === undefined ? undefined : await db.organisations.get(a.organisationId);
    const person = a.personId === undefined ? undefined : await db.people.get(a.personId);
    out.push({ id: a.id, label: `${a.applicationNo} ${organisation?.name ?? person?.name ?? ''}`.trim() });
  }
  return out;
}

/** What an application's table holds: its certificate numbers (as compared), and its rows as tableEntryKey. */
function tableContents(application: Application | undefined, field: string | undefined): { numbers: Set<string>; entries: Set<string> } {
  const numbers = new Set<string>();
  const entries = new Set<string>();
  const rows = application === undefined || field === undefined ? undefined : application.fields[field];
  if (!Array.isArray(rows)) return { numbers, entries };
  for (const row of rows as unknown[]) {
    if (row === null || typeof row !== 'object') continue;
    const r = row as Record<string, unknown>;
    const key = certificateNoKey(r['certificateNo']);
    const entry = tableEntryKey(r['certificateNo'], r['idNumber']);
    if (key !== undefined) numbers.add(key);
    if (entry !== undefined) entries.add(entry);
  }
  return { numbers, entries };
}

/** What the desk holds for the file's 身份证号 and certificate numbers (and, for table rows, the target's table). */
export async function deskForFile(rows: readonly ParsedRow[], spec: ImportSpec, targetApplicationId?: string): Promise<DeskForFile> {
  if (spec.creates === 'table-rows') {
    const target = targetApplicationId === undefined ? undefined : await db.applications.get(targetApplicationId);
    const inTable = tableContents(target?.deleted === true ? undefined : target, spec.table);
    return { lookup: { tableCertificateNos: inTable.numbers }, records: { people: new Map(), tableEntries: inTable.entries } };
  }
  const keys = deskKeysOf(rows, spec);
  const people = keys.idNumbers.length === 0 ? [] : (await db.people.where('idNumber').anyOf(keys.idNumbers).toArray()).filter((p) => p.deleted !== true);
  const peopleById = new Map(people.map((p) => [p.idNumber, { id: p.id, name: p.name }]));
  const personIds = people.map((p) => p.id);
  const applications =
    spec.creates === 'applications' && personIds.length > 0
      ? (await db.applications.where('personId').anyOf(personIds).toArray()).filter((a) => a.deleted !== true && a.programId === spec.programId)
      : [];
  const numbersByPerson = new Map<string, string[]>();
  const sameKind = new Map<string, { fields: Record<string, unknown> }[]>();
  for (const a of applications) {
    if (a.personId === undefined) continue;
    numbersByPerson.set(a.personId, [...(numbersByPerson.get(a.personId) ?? []), a.applicationNo]);
    if (a.kind === spec.applicationKind) sameKind.set(a.personId, [...(sameKind.get(a.personId) ?? []), { fields: a.fields }]);
  }
  const certificateNos = new Set<string>();
  const certificates = new Map<string, { holderPersonId: string }>();
  if (spec.creates === 'certificates' && keys.certificateNos.length > 0) {
    const wanted = new Set(keys.certificateNos);
    await db.certificates.each((c) => {
      const key = certificateNoKey(c.certificateNo);
      if (c.deleted === true || key === undefined || !wanted.has(key)) return;
      certificateNos.add(key);
      if (c.holderPersonId !== undefined) certificates.set(key, { holderPersonId: c.holderPersonId });
    });
  }
  return {
    lookup: { people: peopleById, applicationsByPerson: numbersByPerson, certificateNos },
    records: { people: peopleById, applicationsByPerson: sameKind, certificates },
  };
}

/** An application as it is now (the table rows' target, read when the clerk confirms). */
export async function applicationById(id: string): Promise<Application | undefined> {
  const a = await db.applications.get(id);
  return a?.deleted === true ? undefined : a;
}
