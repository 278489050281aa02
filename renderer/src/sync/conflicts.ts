/**
 * Pending conflicts for the 同步 page: fields two desks changed concurrently, each with every
 * competing version (value, device, time), and the record they belong to. Choosing one is an
 * ordinary write through the repository (`resolveConflict`), which syncs like any other edit and
 * clears the conflict on every desk it reaches.
 *
 * Merge states have no index on "has conflicts" (adding one is a schema version), so this scans
 * them; fine for an office's thousands of records, to revisit if a bench says otherwise.
 */
import type { DeskDatabase } from '../db/database';
import { conflictsOf, hasConflicts, type FieldVersion } from '../../../shared/sync/merge';
import type { SyncedTable } from '../../../shared/model/records';
import { getPack } from '../../../shared/programs';

export interface ConflictItem {
  readonly key: string;
  readonly table: SyncedTable;
  readonly recordId: string;
  /** What the clerk recognises the record by (a name, a number), or `undefined`. */
  readonly recordLabel: string | undefined;
  readonly field: string;
  /** For a form line (`fields.<entry>`), the line as the paper form names it. */
  readonly fieldLabel?: string;
  /** The visible version first. */
  readonly versions: readonly FieldVersion[];
}

/** A short human label for a record, from its most telling fields. */
export function recordLabel(table: SyncedTable, record: Record<string, unknown> | undefined): string | undefined {
  if (record === undefined) return undefined;
  const s = (k: string) => (typeof record[k] === 'string' ? (record[k] as string) : undefined);
  switch (table) {
    case 'people':
      return s('name') === undefined ? undefined : `${s('name')}${s('idNumber') ? `（${s('idNumber')}）` : ''}`;
    case 'organisations':
      return s('name');
    case 'applications':
      return s('applicationNo');
    case 'certificates':
      return s('certificateNo');
    case 'users':
      return s('displayName') ?? s('username');
    case 'attachments':
      return s('fileName');
    default:
      return undefined;
  }
}

/**
 * Records that belong to an application (materials, workflow steps, objections …) are named by
 * the application's number and, for a material, the checklist item as the pack names it.
 */
export async function belongingLabel(db: DeskDatabase, record: Record<string, unknown> | undefined): Promise<string | undefined> {
  const applicationId = record?.['applicationId'];
  if (typeof applicationId !== 'string') return undefined;
  const application = await db.applications.get(applicationId);
  if (application === undefined) return undefined;
  const itemId = record?.['itemId'];
  const item = typeof itemId === 'string' ? getPack(application.programId)?.checklist.find((m) => m.id === itemId) : undefined;
  return item ? `${application.applicationNo} ${item.name.zh}` : application.applicationNo;
}

export async function listConflicts(db: DeskDatabase, limit = 200): Promise<ConflictItem[]> {
  const states = await db.mergeStates.filter((s) => hasConflicts(s)).limit(limit).toArray();
  const items: ConflictItem[] = [];
  for (const state of states) {
    const record = (await db.table(state.table).get(state.recordId)) as Record<string, unknown> | undefined;
    if (record?.deleted === true) continue;
    for (const conflict of conflictsOf(state)) {
      const entry = conflict.field.startsWith('fields.') ? conflict.field.slice('fields.'.length) : undefined;
      const programId = record?.['programId'];
      const formField =
        entry !== undefined && typeof programId === 'string' ? getPack(programId)?.fields.find((f) => f.id === entry) : undefined;
      items.push({
        ...(formField ? { fieldLabel: `申请表 · ${formField.label.zh}` } : {}),
        key: `${state.table}/${state.recordId}/${conflict.field}`,
        table: state.table,
        recordId: state.recordId,
        recordLabel: recordLabel(state.table, record) ?? (await belongingLabel(db, record)),
        field: conflict.field,
        versions: conflict.versions,
      });
    }
  }
  return items;
}
