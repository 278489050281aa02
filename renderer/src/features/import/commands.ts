/**
 * Writes of the import screen: an import in ONE transaction (the import record, then every
 * person, application or certificate through the repositories, each with its outbox operation
 * and audit entry, each carrying the import's id) — all the rows or none; undoing an import the
 * same way (tombstones that sync); remembering the clerk's column mapping.
 */
import { personIdOf, planUndo, tableValueWith, type ImportPlan, type ImportSpec, type SavedMapping } from '../../../../shared/import';
import { checkPermission } from '../../../../shared/access/permissions';
import type { ImportKind } from '../../../../shared/model/records';
import { db, repositories } from '../../db';
import { writeContext } from '../../session';
import { currentUser } from '../../stores/session';
import { todayIso } from '../../today';
import { nextApplicationNo } from '../applications/numbers';
import { mappingKey } from './queries';

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

function requireImport(): void {
  const allowed = checkPermission(currentUser()?.role, 'import.run');
  if (!allowed.ok) throw new ImportError(allowed.error.message);
}

const tables = () => [db.importBatches, db.people, db.applications, db.certificates, db.outbox, db.auditLog, db.mergeStates, db.settings];

export interface CommitResult {
  readonly batchId: string;
  readonly rows: number;
}

/**
 * Writes the plan: everything or nothing. Returns the import's id. `onProgress` hears how many of
 * the records are written (they count only once the transaction commits).
 */
export async function commitImport(plan: ImportPlan, onProgress?: (done: number, total: number) => void): Promise<CommitResult> {
  requireImport();
  const ctx = await writeContext(`导入“${plan.batch.fileName}”`);
  const r = repositories;
  const total = plan.people.length + plan.applications.length + plan.certificates.length + (plan.table === undefined ? 0 : 1);
  let done = 0;
  const step = () => {
    done++;
    if (onProgress !== undefined && (done % 200 === 0 || done === total)) onProgress(done, total);
  };
  const batchId = await db.transaction('rw', tables(), async () => {
    const batch = await r.importBatches.create(plan.batch, ctx);
    const personIds: string[] = [];
    for (const p of plan.people) {
      personIds.push((await r.people.create({ ...p.record, importBatchId: batch.id }, ctx)).id);
      step();
    }
    for (const a of plan.applications) {
      const applicationNo = await nextApplicationNo(db, a.record.programId, Number(a.record.receivedDate.slice(0, 4)), ctx.deviceId);
      await r.applications.create({ ...a.record, applicationNo, personId: personIdOf(a.person, personIds), importBatchId: batch.id }, ctx);
      step();
    }
    for (const c of plan.certificates) {
      await r.certificates.create({ ...c.record, holderPersonId: personIdOf(c.person, personIds), importBatchId: batch.id }, ctx);
      step();
    }
    if (plan.table !== undefined) {
      // The table as it is now (not as the plan saw it): rows added since by hand are kept.
      const target = await db.applications.get(plan.table.applicationId);
      if (target === undefined || target.deleted === true) throw new ImportError('要加入证书的申请已不存在，请重新选择。');
      const current = target.fields[plan.table.field];
      const table = { ...plan.table, existing: Array.isArray(current) ? (current as unknown[]) : [] };
      await r.applications.update(target.id, { fields: { ...target.fields, [plan.table.field]: tableValueWith(table, batch.id) } }, ctx);
      step();
    }
    return batch.id;
  });
  return { batchId, rows: plan.batch.rowsImported };
}

export interface UndoResult {
  readonly removed: number;
  readonly keptPeople: readonly string[];
}

/** Removes exactly what the import created, in one transaction; refused (nothing changed) when its work has moved on. */
export async function undoImport(batchId: string, spec: ImportSpec): Promise<UndoResult> {
  requireImport();
  const ctx = await writeContext('撤销导入');
  const r = repositories;
  return db.transaction('rw', tables(), async () => {
    const batch = await db.importBatches.get(batchId);
    if (batch === undefined || batch.deleted === true) throw new ImportError('找不到这次导入。');
    const people = await db.people.where('importBatchId').equals(batchId).toArray();
    const applications = await db.applications.where('importBatchId').equals(batchId).toArray();
    const certificates = await db.certificates.where('importBatchId').equals(batchId).toArray();
    const inUse = new Set<string>();
    for (const p of people) {
      const uses =
        (await db.applications.where('personId').equals(p.id).filter((a) => a.deleted !== true && a.importBatchId !== batchId).count()) +
        (await db.certificates.where('holderPersonId').equals(p.id).filter((c) => c.deleted !== true && c.importBatchId !== batchId).count());
      if (uses > 0) inUse.add(p.id);
    }
    const targetApplication = batch.targetApplicationId === undefined ? undefined : await db.applications.get(batch.targetApplicationId);
    const plan = planUndo(
      { batch, people, applications, certificates, peopleInUse: inUse, ...(targetApplication !== undefined ? { targetApplication } : {}) },
      spec,
      todayIso(),
    );
    if (!plan.ok) throw new ImportError(plan.error.message);
    const { remove } = plan.value;
    for (const id of remove.applications) await r.applications.remove(id, ctx);
    for (const id of remove.certificates) await r.certificates.remove(id, ctx);
    for (const id of remove.people) await r.people.remove(id, ctx);
    const table = plan.value.table;
    let rowsRemoved = 0;
    if (table !== undefined && targetApplication !== undefined) {
      const before = targetApplication.fields[table.field];
      rowsRemoved = (Array.isArray(before) ? before.length : 0) - table.value.length;
      await r.applications.update(table.applicationId, { fields: { ...targetApplication.fields, [table.field]: table.value } }, ctx);
    }
    await r.importBatches.update(batchId, plan.value.batchPatch, ctx);
    return {
      removed: remove.applications.length + remove.certificates.length + remove.people.length + rowsRemoved,
      keptPeople: plan.value.keptPeople.map((p) => p.name),
    };
  });
}

/** Remembers the mapping the clerk confirmed, for the next file of this program and kind (this desk only). */
export async function rememberMapping(programId: string, kind: ImportKind, saved: SavedMapping): Promise<void> {
  await db.settings.put({ key: mappingKey(programId, kind), value: saved });
}
