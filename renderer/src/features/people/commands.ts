/**
 * People (申请人) at the counter: found by 身份证号, registered once. The ID number is checked by
 * the shared rule (`parseIdNumber`) and birth date and sex are read from it, never typed.
 *
 * Two kinds of duplicate, as the office sees them:
 * - the same 身份证号: the same person. Registering them again is refused, with the existing
 *   record named so the clerk can use it.
 * - the same name and birth date under another number: very likely the same person with a
 *   mistyped number (or an old 15-digit card), but namesakes exist. The clerk is warned and may
 *   go on.
 * The check and the write run in one transaction, so two tabs cannot both register one number.
 */
import type { Person } from '../../../../shared/model/records';
import { formatDateZh } from '../../../../shared/rules/civil-date';
import { normalizeIdNumber, parseIdNumber } from '../../../../shared/rules/id-number';
import { db, repositories } from '../../db';
import type { DeskDatabase } from '../../db/database';
import { ValidationError } from '../../db/errors';
import { alive, firstReasons, presentTexts, repositoryOn } from '../../db/register-once';
import type { WriteContext } from '../../db/repository';
import { todayIso } from '../../today';

export type PersonDuplicateReason = 'same-id' | 'same-name-birth';

export interface PersonDuplicate {
  readonly person: Person;
  readonly reason: PersonDuplicateReason;
}

export interface PersonDuplicateQuery {
  /** As typed (full-width digits, spaces and a lower-case x are fine). */
  readonly idNumber?: string | undefined;
  readonly name?: string | undefined;
  /** 'YYYY-MM-DD'. */
  readonly birthDate?: string | undefined;
  /** A record not to report (the one being edited). */
  readonly excludeId?: string | undefined;
}

/** How a person is named in a message: `张三丰（身份证号 110105194910010015，出生日期 1949年10月01日）`. */
export function describePersonZh(person: Person): string {
  const birth = person.birthDate === undefined ? '' : `，出生日期 ${formatDateZh(person.birthDate)}`;
  return `“${person.name}”（身份证号 ${person.idNumber}${birth}）`;
}

/** The live person with this 身份证号 (as typed), if any. */
export async function findPersonByIdNumber(idNumber: string, database: DeskDatabase = db): Promise<Person | undefined> {
  const normalized = normalizeIdNumber(idNumber);
  if (normalized === '') return undefined;
  const rows = await database.people.where('idNumber').equals(normalized).toArray();
  return alive(rows)[0];
}

/**
 * Existing records that may be the person about to be registered: the same 身份证号 first, then
 * the same name and birth date (through the `[name+birthDate]` index). Deleted records are not
 * reported; a person is reported once, under the stronger reason.
 */
export async function findPersonDuplicates(query: PersonDuplicateQuery, database: DeskDatabase = db): Promise<PersonDuplicate[]> {
  const idNumber = query.idNumber === undefined ? '' : normalizeIdNumber(query.idNumber);
  const name = query.name?.trim() ?? '';
  const birthDate = query.birthDate ?? '';
  const found = firstReasons<Person, PersonDuplicateReason>(
    [
      ['same-id', idNumber === '' ? [] : await database.people.where('idNumber').equals(idNumber).toArray()],
      ['same-name-birth', name === '' || birthDate === '' ? [] : await database.people.where('[name+birthDate]').equals([name, birthDate]).toArray()],
    ],
    query.excludeId,
  );
  return found.map(({ record, reason }) => ({ person: record, reason }));
}

/** The same 身份证号 is on file: refused (a `ValidationError` on `idNumber`, so forms show it in place). */
export class DuplicatePersonError extends ValidationError {
  constructor(readonly existing: Person) {
    super([
      {
        path: 'idNumber',
        message:
          `身份证号 ${existing.idNumber} 已登记为“${existing.name}”` +
          `${existing.birthDate === undefined ? '' : `（出生日期 ${formatDateZh(existing.birthDate)}）`}，不能重复登记，请使用已有记录。`,
      },
    ]);
    this.name = 'DuplicatePersonError';
  }
}

/** People with the same name and birth date are on file: the clerk must confirm before registering. */
export class SimilarPersonWarning extends Error {
  constructor(readonly similar: readonly Person[]) {
    super(
      `已有同名且出生日期相同的人员：${similar.map(describePersonZh).join('、')}。` +
        '请核对是否为同一人（身份证号可能录错）；确认不是同一人后可继续登记。',
    );
    this.name = 'SimilarPersonWarning';
  }
}

export interface NewPersonInput {
  readonly name: string;
  /** As typed or scanned; normalised and checked here. */
  readonly idNumber: string;
  readonly phone?: string | undefined;
  readonly organisationId?: string | undefined;
  readonly note?: string | undefined;
}

export interface CreatePersonOptions {
  /** The clerk saw the same-name-and-birth-date warning and confirmed this is someone else. */
  readonly allowSameNameBirth?: boolean;
  /** Today's date for the ID-number check (defaults to the local date). */
  readonly today?: string;
  readonly database?: DeskDatabase;
}

/**
 * Registers a person. Throws `ValidationError` for a bad name or ID number,
 * `DuplicatePersonError` when the ID number is on file, `SimilarPersonWarning` when someone with
 * the same name and birth date is (unless `allowSameNameBirth`). Nothing is written when it throws.
 */
export async function createPerson(input: NewPersonInput, ctx: WriteContext, options: CreatePersonOptions = {}): Promise<Person> {
  const database = options.database ?? db;
  const parsed = parseIdNumber(input.idNumber, { today: options.today ?? todayIso() });
  if (!parsed.ok) throw new ValidationError([{ path: 'idNumber', message: parsed.error.message }]);
  const { idNumber, birthDate, sex } = parsed.value;
  const name = input.name.trim();
  const record = {
    name,
    idNumber,
    birthDate,
    sex,
    ...presentTexts({ phone: input.phone }),
    ...(input.organisationId === undefined ? {} : { organisationId: input.organisationId }),
    ...presentTexts({ note: input.note }),
  };
  return database.transaction('rw', [database.people, database.outbox, database.auditLog, database.mergeStates, database.settings], async () => {
    const duplicates = await findPersonDuplicates({ idNumber, name, birthDate }, database);
    const sameId = duplicates.find((d) => d.reason === 'same-id');
    if (sameId !== undefined) throw new DuplicatePersonError(sameId.person);
    const similar = duplicates.filter((d) => d.reason === 'same-name-birth').map((d) => d.person);
    if (similar.length > 0 && options.allowSameNameBirth !== true) throw new SimilarPersonWarning(similar);
    return repositoryOn(database, repositories.people).create(record, ctx);
  });
}

/** The most recently registered or changed people, newest first (the intake page's register). */
export async function recentPeople(limit = 50, database: DeskDatabase = db): Promise<Person[]> {
  return database.people
    .orderBy('updatedAt')
    .reverse()
    .filter((p) => !p.deleted)
    .limit(limit)
    .toArray();
}
