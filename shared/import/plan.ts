/**
 * From the reviewed rows to the exact records an import writes, and back: the plan the renderer
 * commits in ONE transaction (the import record first, then every person, application,
 * certificate or table row, each tagged with the import's id), and the plan that undoes it.
 *
 * Records are drafts without ids: the repository gives each its id when it writes it, so a row
 * names its person by reference — a person already on the desk (linked: same 身份证号, never a
 * second person) or the n-th person this plan creates.
 */
import type { SystemField } from '../model/base';
import type { Application, Certificate, ImportBatch, Person } from '../model/records';
import { parseIdNumber } from '../rules/id-number';
import type { IsoDate } from '../rules/civil-date';
import { fail, ok, type Result } from '../rules/result';
import { importFail } from './errors';
import { certificateDates, type ImportReport, type ReviewedRow } from './rows';
import type { ImportSpec } from './spec';

/** The field every record an import creates carries (model/records: importBatchId). */
export const IMPORT_BATCH_FIELD = 'importBatchId';

export type PersonRef = { readonly existing: string } | { readonly planned: number };

type Draft<T> = Omit<T, SystemField | 'importBatchId'>;

export interface PlannedPerson {
  /** Sheet rows naming this person (several in a register where one holds several certificates). */
  readonly rows: readonly number[];
  readonly record: Draft<Person>;
}

export interface PlannedApplication {
  readonly row: number;
  readonly person: PersonRef;
  /** Numbered by the writer (nextApplicationNo, inside the transaction). */
  readonly record: Omit<Draft<Application>, 'applicationNo' | 'personId'>;
}

export interface PlannedCertificate {
  readonly row: number;
  readonly person: PersonRef;
  readonly record: Omit<Draft<Certificate>, 'holderPersonId'>;
}

export interface PlannedTableRows {
  readonly applicationId: string;
  readonly field: string;
  /** The table as it is now. */
  readonly existing: readonly unknown[];
  /** The rows added, in sheet order (tableValueWith tags them with the import). */
  readonly added: readonly Readonly<Record<string, unknown>>[];
}

export interface ImportPlan {
  /** The import record, written first: every record below carries its id. */
  readonly batch: Draft<ImportBatch>;
  readonly people: readonly PlannedPerson[];
  readonly applications: readonly PlannedApplication[];
  readonly certificates: readonly PlannedCertificate[];
  readonly table?: PlannedTableRows;
  /** Rows whose person is already on the desk. */
  readonly links: readonly { readonly row: number; readonly personId: string }[];
}

export type SubmissionChannel = Application['channel'];

export interface PlanOptions {
  readonly fileName: string;
  readonly today: IsoDate;
  /** For applications: when and how the file came in (a unit's roster: 'unit'). */
  readonly receivedDate?: IsoDate;
  readonly channel?: SubmissionChannel;
  /** For table rows: the application whose table gets the rows, as it is now. */
  readonly targetApplication?: Pick<Application, 'id' | 'programId' | 'kind' | 'fields' | 'deleted'>;
}

/** The id a reference names, given the ids the writer got for the planned people (in order). */
export function personIdOf(ref: PersonRef, createdPeople: readonly string[]): string {
  if ('existing' in ref) return ref.existing;
  const id = createdPeople[ref.planned];
  if (id === undefined) throw new RangeError(`planned person ${ref.planned} was not created`);
  return id;
}

/** The table's value after the import: the rows it had, then the added ones tagged with the import. */
export function tableValueWith(table: PlannedTableRows, batchId: string): unknown[] {
  return [...table.existing, ...table.added.map((row) => ({ ...row, [IMPORT_BATCH_FIELD]: batchId }))];
}

function formValues(row: ReviewedRow, spec: ImportSpec, leaveOut: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of spec.columns) {
    if (column.stored !== 'field' || leaveOut.has(column.key)) continue;
    const v = row.values[column.key];
    if (v !== undefined) out[column.key] = v;
  }
  return out;
}

function personDraft(row: ReviewedRow, spec: ImportSpec, today: IsoDate): Draft<Person> | undefined {
  const person = spec.person;
  if (person === undefined) return undefined;
  const name = row.values[person.name];
  const id = parseIdNumber(row.values[person.idNumber], { today });
  if (typeof name !== 'string' || !id.ok) return undefined;
  const phone = person.phone === undefined ? undefined : row.values[person.phone];
  return {
    name,
    idNumber: id.value.idNumber,
    sex: id.value.sex,
    birthDate: id.value.birthDate,
    ...(typeof phone === 'string' && phone.length <= 40 ? { phone } : {}),
  };
}

/**
 * The records for the rows included in the report. Refused when an included row still has
 * errors (each must be fixed or excluded first), or when what the kind needs is missing.
 */
export function planImport(report: ImportReport, spec: ImportSpec, options: PlanOptions): Result<ImportPlan> {
  const included = report.rows.filter((r) => !r.excluded);
  const withErrors = included.filter((r) => r.errors.length > 0);
  if (withErrors.length > 0) {
    const rows = withErrors.slice(0, 10).map((r) => r.row).join('、');
    return importFail('import.plan', `还有 ${withErrors.length} 行有错误（第${rows}行${withErrors.length > 10 ? '等' : ''}），请逐行改正或不导入这些行后再确认。`);
  }
  if (included.length === 0) return importFail('import.plan', '没有可导入的行。');

  const people: PlannedPerson[] = [];
  const plannedById = new Map<string, number>();
  const links: { row: number; personId: string }[] = [];
  const personOf = (row: ReviewedRow): Result<PersonRef> => {
    if (row.link !== undefined) {
      links.push({ row: row.row, personId: row.link.personId });
      return ok({ existing: row.link.personId });
    }
    const draft = personDraft(row, spec, options.today);
    if (draft === undefined) return importFail('import.plan', `第${row.row}行没有有效的姓名和身份证号码。`);
    const known = plannedById.get(draft.idNumber);
    if (known !== undefined) {
      (people[known]!.rows as number[]).push(row.row);
      return ok({ planned: known });
    }
    plannedById.set(draft.idNumber, people.length);
    people.push({ rows: [row.row], record: draft });
    return ok({ planned: people.length - 1 });
  };

  const applications: PlannedApplication[] = [];
  const certificates: PlannedCertificate[] = [];
  let table: PlannedTableRows | undefined;

  if (spec.creates === 'applications') {
    if (options.receivedDate === undefined || options.channel === undefined) return importFail('import.plan', '请填写收件日期和提交方式。');
    if (spec.initialStatus === undefined) return importFail('import.plan', `“${spec.names.zh}”的办理类型没有办理流程，无法登记。`);
    for (const row of included) {
      const person = personOf(row);
      if (!person.ok) return person;
      applications.push({
        row: row.row,
        person: person.value,
        record: {
          programId: spec.programId,
          kind: spec.applicationKind,
          status: spec.initialStatus,
          channel: options.channel,
          receivedDate: options.receivedDate,
          fields: formValues(row, spec, new Set()),
        },
      });
    }
  } else if (spec.creates === 'certificates') {
    const personKeys = new Set([spec.person?.name, spec.person?.idNumber, 'sex', 'birthMonth', 'certificateNo'].filter((k): k is string => k !== undefined));
    for (const row of included) {
      const person = personOf(row);
      if (!person.ok) return person;
      const dates = certificateDates(row.values, spec, options.today);
      const certificateNo = row.values['certificateNo'];
      if (dates === undefined || typeof certificateNo !== 'string') return importFail('import.plan', `第${row.row}行缺少证书编号或有效期起算日期。`);
      const details: Record<string, string | number> = {};
      for (const [key, v] of Object.entries(formValues(row, spec, personKeys))) if (typeof v === 'string' || typeof v === 'number') details[key] = v;
      for (const key of ['registrationKind', 'educationHours']) {
        const v = row.values[key];
        if (typeof v === 'string' || typeof v === 'number') details[key] = v;
      }
      certificates.push({
        row: row.row,
        person: person.value,
        record: {
          certificateNo,
          programId: spec.programId,
          issuedOn: dates.issuedOn,
          ...(dates.validUntil !== undefined ? { validUntil: dates.validUntil } : {}),
          status: dates.status,
          ...(Object.keys(details).length > 0 ? { details } : {}),
        },
      });
    }
  } else {
    const target = options.targetApplication;
    if (target === undefined || target.deleted === true || target.programId !== spec.programId || spec.table === undefined) {
      return importFail('import.plan', `请先选择要加入“${spec.names.zh}”的申请。`);
    }
    const current = target.fields[spec.table];
    const existing = Array.isArray(current) ? (current as unknown[]) : [];
    table = {
      applicationId: target.id,
      field: spec.table,
      existing,
      added: included.map((row) => formValues(row, spec, new Set())),
    };
  }

  const batch: Draft<ImportBatch> = {
    programId: spec.programId,
    kind: spec.kind,
    fileName: options.fileName.slice(0, 255),
    ...(report.sheetName !== '' ? { sheetName: report.sheetName.slice(0, 100) } : {}),
    importedOn: options.today,
    rowsRead: report.counts.rows,
    rowsImported: included.length,
    rowsExcluded: report.counts.excluded,
    rowsFixed: report.rows.filter((r) => r.fixed && !r.excluded).length,
    peopleCreated: people.length,
    peopleLinked: new Set(links.map((l) => l.personId)).size,
    applicationsCreated: applications.length,
    certificatesCreated: certificates.length,
    ...(table !== undefined ? { targetApplicationId: table.applicationId, tableField: table.field } : {}),
    tableRowsAdded: table?.added.length ?? 0,
    status: 'imported',
  };
  return ok({ batch, people, applications, certificates, ...(table !== undefined ? { table } : {}), links });
}

// ---------------------------------------------------------------------------------------------
// Undo
// ---------------------------------------------------------------------------------------------

export interface UndoInput {
  readonly batch: ImportBatch;
  /** The records carrying the batch's id (deleted ones are passed over). */
  readonly people: readonly Person[];
  readonly applications: readonly Application[];
  readonly certificates: readonly Certificate[];
  /** For table rows: the application as it is now. */
  readonly targetApplication?: Pick<Application, 'id' | 'fields' | 'deleted'>;
  /** People of the batch that records outside it refer to (an application registered since). */
  readonly peopleInUse: ReadonlySet<string>;
}

export interface UndoPlan {
  readonly remove: { readonly people: readonly string[]; readonly applications: readonly string[]; readonly certificates: readonly string[] };
  /** People the import created that are kept because other records now refer to them. */
  readonly keptPeople: readonly { readonly id: string; readonly name: string }[];
  /** The table without the rows the import added (rows added or changed by hand since stay). */
  readonly table?: { readonly applicationId: string; readonly field: string; readonly value: unknown[] };
  readonly batchPatch: Pick<ImportBatch, 'status' | 'undoneOn'>;
}

/**
 * What undoing the import removes: exactly what it created, through the repository (tombstones
 * that sync). Refused when the import is undone already, or when one of its applications has
 * moved on from registration (work done since would be lost: undo that work first).
 */
export function planUndo(input: UndoInput, spec: ImportSpec, today: IsoDate): Result<UndoPlan> {
  const { batch } = input;
  if (batch.status === 'undone') return importFail('import.undo', '这次导入已经撤销过了。');
  const live = <T extends { deleted?: boolean | undefined; importBatchId?: string | undefined }>(records: readonly T[]): T[] =>
    records.filter((r) => r.deleted !== true && r.importBatchId === batch.id);
  const applications = live(input.applications);
  const moved = applications.filter((a) => spec.initialStatus !== undefined && a.status !== spec.initialStatus);
  if (moved.length > 0) {
    const numbers = moved.slice(0, 5).map((a) => a.applicationNo).join('、');
    return fail(
      'import.undo',
      `有 ${moved.length} 份导入的申请已经开始办理（${numbers}${moved.length > 5 ? '等' : ''}），不能整体撤销。请先撤回这些申请的办理步骤，或逐份处理。`,
    );
  }
  const people = live(input.people);
  const kept = people.filter((p) => input.peopleInUse.has(p.id));
  let table: UndoPlan['table'];
  if (batch.targetApplicationId !== undefined && batch.tableField !== undefined) {
    const target = input.targetApplication;
    if (target !== undefined && target.deleted !== true && target.id === batch.targetApplicationId) {
      const current = target.fields[batch.tableField];
      const rows = Array.isArray(current) ? (current as unknown[]) : [];
      const value = rows.filter((r) => typeof r !== 'object' || r === null || (r as Record<string, unknown>)[IMPORT_BATCH_FIELD] !== batch.id);
      table = { applicationId: target.id, field: batch.tableField, value };
    }
  }
  return ok({
    remove: {
      people: people.filter((p) => !input.peopleInUse.has(p.id)).map((p) => p.id),
      applications: applications.map((a) => a.id),
      certificates: live(input.certificates).map((c) => c.id),
    },
    keptPeople: kept.map((p) => ({ id: p.id, name: p.name })),
    ...(table !== undefined ? { table } : {}),
    batchPatch: { status: 'undone', undoneOn: today },
  });
}
