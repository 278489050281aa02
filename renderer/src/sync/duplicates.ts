/**
 * Two desks offline can each register the same person (same 身份证号) or organisation (same
 * 统一社会信用代码): after sync these are two records of one identity. They are found after every
 * pull (`listDuplicates`, shown on the 同步 page as conflicts to merge) and merged by a person
 * (`mergeDuplicates`).
 *
 * The merge keeps the oldest record (smallest id: ids are UUIDv7, so creation order) — the same
 * choice on every desk, so two desks merging the same pair offline converge instead of each
 * deleting the other's survivor. Every application, certificate, attachment and education record
 * of the others is re-pointed to it, fields it lacks are filled from them, and the others are
 * deleted (a tombstone that syncs). Every change goes through the repository, so it is in the
 * outbox and the audit log and reaches the other desks like any edit.
 */
import { Repository, type WriteContext } from '../db/repository';
import type { DeskDatabase } from '../db/database';
import { AccessDeniedError } from '../db/errors';
import { checkPermission } from '../../../shared/access/permissions';
import type { Organisation, Person } from '../../../shared/model/records';

export type IdentityTable = 'people' | 'organisations';

export interface DuplicateRecord {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly createdBy: string;
  /** Live records pointing at it, for the clerk to see what a merge moves. */
  readonly applications: number;
  readonly certificates: number;
}

export interface DuplicateGroup {
  readonly table: IdentityTable;
  /** The 身份证号 or the 统一社会信用代码 they share. */
  readonly key: string;
  /** The record a merge keeps (the oldest). */
  readonly keepId: string;
  /** Oldest first. */
  readonly records: readonly DuplicateRecord[];
  /** What the 同步 page says. */
  readonly message: string;
}

const KEY_FIELD = { people: 'idNumber', organisations: 'creditCode' } as const;

async function liveByKey(db: DeskDatabase, table: IdentityTable, key: string): Promise<(Person | Organisation)[]> {
  const rows: (Person | Organisation)[] =
    table === 'people' ? await db.people.where('idNumber').equals(key).toArray() : await db.organisations.where('creditCode').equals(key).toArray();
  return rows.filter((r) => r.deleted !== true).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function describe(db: DeskDatabase, table: IdentityTable, record: Person | Organisation): Promise<DuplicateRecord> {
  const [applications, certificates] =
    table === 'people'
      ? await Promise.all([
          db.applications.where('personId').equals(record.id).filter((r) => r.deleted !== true).count(),
          db.certificates.where('holderPersonId').equals(record.id).filter((r) => r.deleted !== true).count(),
        ])
      : await Promise.all([
          db.applications.where('organisationId').equals(record.id).filter((r) => r.deleted !== true).count(),
          db.certificates.where('holderOrganisationId').equals(record.id).filter((r) => r.deleted !== true).count(),
        ]);
  return { id: record.id, name: record.name, createdAt: record.createdAt, createdBy: record.createdBy, applications, certificates };
}

function messageOf(table: IdentityTable, key: string, records: readonly DuplicateRecord[]): string {
  const names = [...new Set(records.map((r) => r.name))].join('、');
  return table === 'people'
    ? `身份证号 ${key} 登记了 ${records.length} 次（${names}），应为同一人。合并后保留最早登记的一条，其余记录的申请、证书、附件和学时都归到保留的记录下，不会丢失。`
    : `统一社会信用代码 ${key} 登记了 ${records.length} 次（${names}），应为同一单位。合并后保留最早登记的一条，其余记录的人员、申请和证书都归到保留的记录下，不会丢失。`;
}

/** The group sharing `key`, or undefined when fewer than two live records have it. */
export async function duplicateGroup(db: DeskDatabase, table: IdentityTable, key: string): Promise<DuplicateGroup | undefined> {
  const live = await liveByKey(db, table, key);
  if (live.length < 2) return undefined;
  const records = await Promise.all(live.map((r) => describe(db, table, r)));
  return { table, key, keepId: records[0]!.id, records, message: messageOf(table, key, records) };
}

/** Every identity registered more than once (people first), for the 同步 page. */
export async function listDuplicates(db: DeskDatabase): Promise<DuplicateGroup[]> {
  const groups: DuplicateGroup[] = [];
  for (const table of ['people', 'organisations'] as const) {
    const keys = (await db.table(table).orderBy(KEY_FIELD[table]).keys()) as string[];
    const repeated = [...new Set(keys.filter((k, i) => i > 0 && keys[i - 1] === k))];
    for (const key of repeated) {
      const group = await duplicateGroup(db, table, key);
      if (group !== undefined) groups.push(group);
    }
  }
  return groups;
}

export interface MergeResult {
  readonly kept: string;
  readonly removed: readonly string[];
  /** Records re-pointed to the kept one, by table. */
  readonly moved: Readonly<Record<string, number>>;
}

const PERSON_REFERENCES = [
  ['applications', 'personId'],
  ['certificates', 'holderPersonId'],
  ['attachments', 'personId'],
  ['educationRecords', 'personId'],
] as const;

const ORGANISATION_REFERENCES = [
  ['people', 'organisationId'],
  ['applications', 'organisationId'],
  ['certificates', 'holderOrganisationId'],
] as const;

const PERSON_FILL = ['sex', 'birthDate', 'phone', 'organisationId', 'note'] as const;
const ORGANISATION_FILL = ['address', 'contact', 'phone'] as const;

export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

/**
 * Merges every live record sharing `key` into the oldest (see the file comment), in one
 * transaction. Needs `records.merge` (shared/access) when the context names a role.
 */
export async function mergeDuplicates(db: DeskDatabase, table: IdentityTable, key: string, ctx: WriteContext): Promise<MergeResult> {
  if (ctx.role !== undefined) {
    const allowed = checkPermission(ctx.role, 'records.merge');
    if (!allowed.ok) throw new AccessDeniedError('records.merge', ctx.role, allowed.error.message);
  }
  const references = table === 'people' ? PERSON_REFERENCES : ORGANISATION_REFERENCES;
  const fill: readonly string[] = table === 'people' ? PERSON_FILL : ORGANISATION_FILL;
  const tables = [db.people, db.organisations, db.applications, db.certificates, db.attachments, db.educationRecords, db.outbox, db.auditLog, db.mergeStates, db.settings];
  const reason = table === 'people' ? `合并重复登记的人员（身份证号 ${key}）` : `合并重复登记的单位（统一社会信用代码 ${key}）`;
  const write: WriteContext = { ...ctx, reason: ctx.reason ?? reason };
  return db.transaction('rw', tables, async () => {
    const live = await liveByKey(db, table, key);
    if (live.length < 2) throw new MergeError('这些记录已不重复（可能已在其他办事台合并），无需再合并。');
    const [kept, ...others] = live as [Person | Organisation, ...(Person | Organisation)[]];
    const moved: Record<string, number> = {};
    for (const [refTable, field] of references) {
      const repo = new Repository(db, refTable);
      for (const other of others) {
        const rows = (await db.table(refTable).where(field).equals(other.id).toArray()) as { id: string; deleted?: boolean }[];
        for (const row of rows.filter((r) => r.deleted !== true)) {
          await repo.update(row.id, { [field]: kept.id } as never, write);
          moved[refTable] = (moved[refTable] ?? 0) + 1;
        }
      }
    }
    const repo = new Repository(db, table);
    const keptValues = kept as unknown as Record<string, unknown>;
    const patch: Record<string, unknown> = {};
    for (const field of fill) {
      if (keptValues[field] !== undefined && keptValues[field] !== '') continue;
      const from = others.map((o) => (o as unknown as Record<string, unknown>)[field]).find((v) => v !== undefined && v !== '');
      if (from !== undefined) patch[field] = from;
    }
    if (Object.keys(patch).length > 0) await repo.update(kept.id, patch as never, write);
    for (const other of others) await repo.remove(other.id, write);
    return { kept: kept.id, removed: others.map((o) => o.id), moved };
  });
}
