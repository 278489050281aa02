/**
 * Organisations (单位) at the counter: found by 统一社会信用代码, registered once. The code is
 * checked by the shared rule (`parseCreditCode`).
 *
 * The same code is the same organisation: registering it again is refused, naming the record on
 * file. The same name under another code is a warning (a mistyped code, or a branch registered
 * separately); the clerk may go on. Check and write run in one transaction.
 */
import { searchQueryKey } from '../../../../shared/rules/search-keys';
import type { Organisation } from '../../../../shared/model/records';
import { normalizeCreditCode, parseCreditCode } from '../../../../shared/rules/credit-code';
import { db, repositories } from '../../db';
import type { DeskDatabase } from '../../db/database';
import { ValidationError } from '../../db/errors';
import { alive, firstReasons, presentTexts, repositoryOn } from '../../db/register-once';
import type { WriteContext } from '../../db/repository';

export type OrganisationDuplicateReason = 'same-credit-code' | 'same-name';

export interface OrganisationDuplicate {
  readonly organisation: Organisation;
  readonly reason: OrganisationDuplicateReason;
}

export interface OrganisationDuplicateQuery {
  /** As typed. */
  readonly creditCode?: string | undefined;
  readonly name?: string | undefined;
  readonly excludeId?: string | undefined;
}

/**
 * The spellings one name is stored under: as typed, and with its brackets all full-width or all
 * half-width (`新疆某某（集团）有限公司` and `新疆某某(集团)有限公司` are one name).
 */
export function organisationNameVariants(name: string): string[] {
  const trimmed = name.trim();
  if (trimmed === '') return [];
  const full = trimmed.replace(/\(/g, '（').replace(/\)/g, '）');
  const half = trimmed.replace(/（/g, '(').replace(/）/g, ')');
  return [...new Set([trimmed, full, half])];
}

export function describeOrganisationZh(organisation: Organisation): string {
  return `“${organisation.name}”（统一社会信用代码 ${organisation.creditCode}）`;
}

/** The live organisation with this code (as typed), if any. */
export async function findOrganisationByCreditCode(creditCode: string, database: DeskDatabase = db): Promise<Organisation | undefined> {
  const code = normalizeCreditCode(creditCode);
  if (code === '') return undefined;
  return alive(await database.organisations.where('creditCode').equals(code).toArray())[0];
}

/** Existing records that may be the organisation about to be registered: same code first, then same name. */
export async function findOrganisationDuplicates(
  query: OrganisationDuplicateQuery,
  database: DeskDatabase = db,
): Promise<OrganisationDuplicate[]> {
  const code = query.creditCode === undefined ? '' : normalizeCreditCode(query.creditCode);
  const names = organisationNameVariants(query.name ?? '');
  const found = firstReasons<Organisation, OrganisationDuplicateReason>(
    [
      ['same-credit-code', code === '' ? [] : await database.organisations.where('creditCode').equals(code).toArray()],
      ['same-name', names.length === 0 ? [] : await database.organisations.where('name').anyOf(names).toArray()],
    ],
    query.excludeId,
  );
  return found.map(({ record, reason }) => ({ organisation: record, reason }));
}

/** The same 统一社会信用代码 is on file: refused. */
export class DuplicateOrganisationError extends ValidationError {
  constructor(readonly existing: Organisation) {
    super([
      {
        path: 'creditCode',
        message: `统一社会信用代码 ${existing.creditCode} 已登记为“${existing.name}”，不能重复登记，请使用已有记录。`,
      },
    ]);
    this.name = 'DuplicateOrganisationError';
  }
}

/** Organisations with the same name are on file: the clerk must confirm before registering. */
export class SimilarOrganisationWarning extends Error {
  constructor(readonly similar: readonly Organisation[]) {
    super(
      `已有同名单位：${similar.map(describeOrganisationZh).join('、')}。` +
        '请核对统一社会信用代码是否录错；确认是另一家单位后可继续登记。',
    );
    this.name = 'SimilarOrganisationWarning';
  }
}

export interface NewOrganisationInput {
  readonly name: string;
  /** As typed; normalised and checked here. */
  readonly creditCode: string;
  readonly address?: string | undefined;
  readonly contact?: string | undefined;
  readonly phone?: string | undefined;
}

export interface CreateOrganisationOptions {
  /** The clerk saw the same-name warning and confirmed this is another organisation. */
  readonly allowSameName?: boolean;
  readonly database?: DeskDatabase;
}

/**
 * Registers an organisation. Throws `ValidationError` for bad input, `DuplicateOrganisationError`
 * when the code is on file, `SimilarOrganisationWarning` when the name is (unless `allowSameName`).
 */
export async function createOrganisation(
  input: NewOrganisationInput,
  ctx: WriteContext,
  options: CreateOrganisationOptions = {},
): Promise<Organisation> {
  const database = options.database ?? db;
  const parsed = parseCreditCode(input.creditCode);
  if (!parsed.ok) throw new ValidationError([{ path: 'creditCode', message: parsed.error.message }]);
  const creditCode = parsed.value.code;
  const name = input.name.trim();
  const record = { name, creditCode, ...presentTexts({ address: input.address, contact: input.contact, phone: input.phone }) };
  return database.transaction(
    'rw',
    [database.organisations, database.outbox, database.auditLog, database.mergeStates, database.settings],
    async () => {
      const duplicates = await findOrganisationDuplicates({ creditCode, name }, database);
      const sameCode = duplicates.find((d) => d.reason === 'same-credit-code');
      if (sameCode !== undefined) throw new DuplicateOrganisationError(sameCode.organisation);
      const similar = duplicates.filter((d) => d.reason === 'same-name').map((d) => d.organisation);
      if (similar.length > 0 && options.allowSameName !== true) throw new SimilarOrganisationWarning(similar);
      return repositoryOn(database, repositories.organisations).create(record, ctx);
    },
  );
}

/** Organisations by a word of the name or a credit-code prefix (the organisations page's finder). */
export async function searchOrganisations(query: string, limit = 50, database: DeskDatabase = db): Promise<Organisation[]> {
  const text = query.trim();
  if (text === '') {
    return database.organisations
      .orderBy('updatedAt')
      .reverse()
      .filter((o) => !o.deleted)
      .limit(limit)
      .toArray();
  }
  const code = normalizeCreditCode(text);
  const key = searchQueryKey(text);
  const [byName, byCode] = await Promise.all([
    // Any word of the name, however it was spaced or punctuated (shared/rules/search-keys.ts).
    key === '' ? [] : database.organisations.where('searchKeys').startsWith(key).distinct().limit(limit).toArray(),
    /^[0-9A-Z]+$/.test(code) ? database.organisations.where('creditCode').startsWith(code).limit(limit).toArray() : [],
  ]);
  const seen = new Set<string>();
  const rows: Organisation[] = [];
  for (const o of [...byCode, ...byName]) {
    if (o.deleted || seen.has(o.id)) continue;
    seen.add(o.id);
    rows.push(o);
  }
  return rows.slice(0, limit);
}
