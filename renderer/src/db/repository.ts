/**
 * The only write path to synced tables. Each write validates the whole record with its zod
 * schema, then in ONE Dexie transaction stores the record, appends the wire operation to the
 * outbox (transactional outbox: the sync client sends exactly what was committed), updates the
 * record's merge state, advances the device clock and appends an audit entry (who, when,
 * old → new, why). If any of them fails, none is kept.
 *
 * Each operation is stamped with the device's hybrid logical clock and names, per field, the
 * version it replaced (`prev`, read from the merge state), so every replica can tell an edit
 * made after seeing a value from a concurrent one (`shared/sync/merge.ts`).
 */
import type { z } from 'zod';
import { syncedRecordSchemas, type RecordInputOf, type RecordOf, type SyncedTable } from '../../../shared/model/records';
import type { SystemField } from '../../../shared/model/base';
import { applyOperation, conflictsOf, type FieldConflict, type RecordState } from '../../../shared/sync/merge';
import type { AuditEntry } from '../../../shared/sync/operation';
import { operationSchema, type OperationKind } from '../../../shared/sync/protocol';
import { stampOperation } from '../../../shared/sync/stamp';
import { flattenNested } from '../../../shared/sync/nested';
import { readClock, writeClock } from './clock';
import type { DeskDatabase, MergeStateRow } from './database';
import { checkPermission, writeAction, type Action, type Role, type WriteKind } from '../../../shared/access/permissions';
import { AccessDeniedError, NoConflictError, RecordNotFoundError, ValidationError } from './errors';
import { newId } from './ids';

/** Who is writing, from which device, and (for changes that need one) why. */
export interface WriteContext {
  readonly userId: string;
  readonly deviceId: string;
  readonly reason?: string;
  /**
   * The writer's role, checked against the permission table (shared/access) before anything is
   * written: the app's contexts (renderer/src/session `writeContext`) always carry it, read from
   * the user's stored record. Only the first-run administrator, migrations and tests write
   * without one.
   */
  readonly role?: Role;
  /**
   * The step this write belongs to, when it is the effect of one the engine already allowed (a
   * workflow step's effect on the certificate and its holder is checked as `workflow.fire`).
   */
  readonly as?: Action;
  /** Injected in tests; defaults to the current instant. */
  readonly now?: () => Date;
}

/** A write's input, parsed by the table's schema in the repository (the schema boundary). */
export type NewRecord<T extends SyncedTable> = Omit<RecordInputOf<T>, SystemField>;
export type RecordPatch<T extends SyncedTable> = Partial<NewRecord<T>>;

const SYSTEM_FIELDS: readonly string[] = ['id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deleted'];

/**
 * Fields the audit trail records as changed without their values: anyone who may read the audit
 * must not get what an offline password guess needs. (The outbox keeps them: that is how users
 * reach the office's other desks.)
 */
const MASKED_IN_AUDIT: ReadonlySet<string> = new Set(['passwordHash', 'passwordSalt']);
export const MASKED_VALUE = '（已更改）';

function maskChanges(changes: Record<string, [unknown, unknown]>): Record<string, [unknown, unknown]> {
  for (const key of Object.keys(changes)) {
    if (!MASKED_IN_AUDIT.has(key)) continue;
    const [before, after] = changes[key]!;
    changes[key] = [before === undefined ? undefined : MASKED_VALUE, after === undefined ? undefined : MASKED_VALUE];
  }
  return changes;
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'updatedAt' || key === 'updatedBy') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = [before[key], after[key]];
  }
  return changes;
}

interface Change<T extends SyncedTable> {
  readonly record: RecordOf<T>;
  readonly kind: OperationKind;
  /** The operation's fields: what changed, plus the bookkeeping fields. */
  readonly fields: Record<string, unknown>;
  readonly resolves?: readonly string[];
  readonly audit: Pick<AuditEntry, 'action' | 'changes'>;
}

export class Repository<T extends SyncedTable> {
  private readonly schema: z.ZodType<RecordOf<T>>;

  constructor(
    private readonly db: DeskDatabase,
    readonly table: T,
  ) {
    this.schema = syncedRecordSchemas[table] as unknown as z.ZodType<RecordOf<T>>;
  }

  private get store() {
    return this.db.table<RecordOf<T>, string>(this.table);
  }

  get(id: string): Promise<RecordOf<T> | undefined> {
    return this.store.get(id);
  }

  /** The record's field versions and pending conflicts. */
  mergeState(id: string): Promise<MergeStateRow | undefined> {
    return this.db.mergeStates.get([this.table, id]);
  }

  /** Fields two desks changed concurrently, each with every competing version (visible first). */
  async conflicts(id: string): Promise<FieldConflict[]> {
    const state = await this.mergeState(id);
    return state === undefined ? [] : conflictsOf(state);
  }

  private validate(candidate: unknown): RecordOf<T> {
    const parsed = this.schema.safeParse(candidate);
    if (!parsed.success) throw ValidationError.fromZod(parsed.error);
    return parsed.data;
  }

  private stripSystemFields(input: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(input).filter(([k]) => !SYSTEM_FIELDS.includes(k)));
  }

  /**
   * Runs `plan` and commits its change in one transaction over every table a write touches.
   * `plan` reads the current record and merge state inside the transaction, so two writes to one
   * record cannot both replace the same version; returning `null` writes nothing.
   */
  private write(
    recordId: string,
    ctx: WriteContext,
    plan: (before: RecordOf<T> | undefined, state: RecordState | undefined, at: string) => Change<T> | null,
  ): Promise<RecordOf<T> | undefined> {
    const now = ctx.now?.() ?? new Date();
    const at = now.toISOString();
    const { db, table } = this;
    return db.transaction('rw', [this.store, db.outbox, db.auditLog, db.mergeStates, db.settings], async () => {
      const before = await this.store.get(recordId);
      const state = await db.mergeStates.get([table, recordId]);
      const change = plan(before, state, at);
      if (change === null) return before;
      this.authorise(ctx, change.audit.action, Object.keys(change.audit.changes));

      const { operation, clock } = stampOperation(
        { id: newId(), table, recordId, kind: change.kind, fields: change.fields, userId: ctx.userId, ...(change.resolves ? { resolves: change.resolves } : {}) },
        state,
        await readClock(db, ctx.deviceId),
        now.getTime(),
      );
      // Refused here, with the clerk still at the form, rather than by the server days later.
      const wire = operationSchema.safeParse(operation);
      if (!wire.success) throw ValidationError.fromZod(wire.error);

      const entry: AuditEntry = {
        id: newId(),
        at,
        userId: ctx.userId,
        table,
        recordId,
        action: change.audit.action,
        changes: maskChanges({ ...change.audit.changes }),
        ...(ctx.reason === undefined ? {} : { reason: ctx.reason }),
      };
      await this.store.put(change.record);
      await db.mergeStates.put({ table, recordId, ...applyOperation(state, operation) });
      await db.outbox.add(operation);
      await writeClock(db, clock);
      await db.auditLog.add(entry);
      return change.record;
    });
  }

  /** Throws `AccessDeniedError` (inside the transaction, so nothing is kept) when the role may not. */
  private authorise(ctx: WriteContext, kind: WriteKind, changed: readonly string[]): void {
    if (ctx.role === undefined) return;
    const action = ctx.as ?? writeAction(this.table, kind, changed) ?? 'settings.manage';
    const allowed = checkPermission(ctx.role, action);
    if (!allowed.ok) throw new AccessDeniedError(action, ctx.role, allowed.error.message);
  }

  private live(before: RecordOf<T> | undefined, id: string): RecordOf<T> {
    if (before === undefined || (before as { deleted?: boolean }).deleted) throw new RecordNotFoundError(this.table, id);
    return before;
  }

  /** Creates a record; returns it as stored. Throws `ValidationError` (nothing written) on bad input. */
  async create(input: NewRecord<T>, ctx: WriteContext): Promise<RecordOf<T>> {
    return this.createAs(newId(), input, ctx);
  }

  /**
   * Creates the record under `id`, or updates it when it exists: for records whose id is derived
   * from what they are (a calendar year), so two desks writing the same one meet in one record.
   */
  async put(id: string, input: NewRecord<T>, ctx: WriteContext): Promise<RecordOf<T>> {
    const existing = await this.store.get(id);
    return existing === undefined ? this.createAs(id, input, ctx) : this.update(id, input as RecordPatch<T>, ctx);
  }

  private async createAs(id: string, input: NewRecord<T>, ctx: WriteContext): Promise<RecordOf<T>> {
    const written = await this.write(id, ctx, (_before, _state, at) => {
      const fields = this.stripSystemFields(input as Record<string, unknown>);
      const record = this.validate({ ...fields, id, createdAt: at, createdBy: ctx.userId, updatedAt: at, updatedBy: ctx.userId });
      const { id: _id, ...allFields } = record as Record<string, unknown>;
      return {
        record,
        kind: 'put',
        // A form's entries travel one by one (shared/sync/nested.ts).
        fields: flattenNested(this.table, allFields),
        audit: { action: 'create', changes: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [undefined, v]])) },
      };
    });
    return written!;
  }

  /**
   * Stores a record made on another desk and carried here in a file (a panel's signed results
   * file, features/panels/batch-file.ts) under its own id AND its own stamps: what a signed result
   * names as its basis (a sheet and its `updatedAt`) must stay exactly as it was signed. Checked,
   * authorised and audited like any write (the audit names who imported it); the outbox operation
   * carries the changed fields, so the record reaches the office's other desks as it was made. The
   * same record twice writes nothing.
   */
  async adopt(record: RecordOf<T>, ctx: WriteContext): Promise<RecordOf<T>> {
    const id = (record as { id: string }).id;
    const written = await this.write(id, ctx, (stored) => {
      const adopted = this.validate(record);
      const after = adopted as Record<string, unknown>;
      const before = stored as Record<string, unknown> | undefined;
      const changes = changedFields(before ?? {}, after);
      for (const stamp of ['updatedAt', 'updatedBy'] as const) {
        if (before?.[stamp] !== after[stamp]) changes[stamp] = [before?.[stamp], after[stamp]];
      }
      if (Object.keys(changes).length === 0) return null;
      const { id: _id, ...values } = after;
      const fields: Record<string, unknown> =
        before === undefined ? values : Object.fromEntries(Object.entries(changes).map(([k, [, v]]) => [k, v]));
      return {
        record: adopted,
        kind: 'put',
        fields: flattenNested(this.table, fields, before),
        audit: { action: before === undefined ? 'create' : 'update', changes },
      };
    });
    return written!;
  }

  /** Changes the given fields of a record. A patch that changes nothing writes nothing. */
  async update(id: string, patch: RecordPatch<T>, ctx: WriteContext): Promise<RecordOf<T>> {
    const written = await this.write(id, ctx, (stored, _state, at) => {
      const before = this.live(stored, id);
      const record = this.validate({ ...before, ...this.stripSystemFields(patch as Record<string, unknown>), updatedAt: at, updatedBy: ctx.userId });
      const changes = changedFields(before as Record<string, unknown>, record as Record<string, unknown>);
      if (Object.keys(changes).length === 0) return null;
      const fields: Record<string, unknown> = Object.fromEntries(Object.entries(changes).map(([k, [, v]]) => [k, v]));
      return {
        record,
        kind: 'put',
        // Only the form entries that changed, each as its own field (shared/sync/nested.ts).
        fields: { ...flattenNested(this.table, fields, before as Record<string, unknown>), updatedAt: at, updatedBy: ctx.userId },
        audit: { action: 'update', changes },
      };
    });
    return written!;
  }

  /**
   * Settles a conflict on one field with the value a person chose (one of the competing values
   * or a new one). The operation replaces every competing version, so the conflict clears on
   * every desk it reaches; it is written even if the chosen value is the one already shown.
   */
  async resolveConflict<K extends keyof NewRecord<T> & string>(id: string, field: K, value: NewRecord<T>[K], ctx: WriteContext): Promise<RecordOf<T>> {
    const written = await this.write(id, ctx, (stored, state, at) => {
      const before = this.live(stored, id);
      if (state === undefined || !conflictsOf(state).some((c) => c.field === field)) throw new NoConflictError(field);
      // A nested entry (`fields.unitNature`) is set inside its object; the record keeps its shape.
      const dot = field.indexOf('.');
      const parent = dot < 0 ? field : field.slice(0, dot);
      const entry = dot < 0 ? undefined : field.slice(dot + 1);
      const beforeValues = before as Record<string, unknown>;
      const patched =
        entry === undefined
          ? { [field]: value }
          : { [parent]: { ...((beforeValues[parent] as Record<string, unknown> | undefined) ?? {}), [entry]: value } };
      const record = this.validate({ ...before, ...patched, updatedAt: at, updatedBy: ctx.userId });
      const after = record as Record<string, unknown>;
      const chosen = entry === undefined ? after[field] : (after[parent] as Record<string, unknown>)[entry];
      const was = entry === undefined ? beforeValues[field] : (beforeValues[parent] as Record<string, unknown> | undefined)?.[entry];
      return {
        record,
        kind: 'put',
        fields: { [field]: chosen ?? null, updatedAt: at, updatedBy: ctx.userId },
        resolves: [field],
        audit: { action: 'resolve', changes: { [field]: [was, chosen] } },
      };
    });
    return written!;
  }

  /** Marks a record deleted (a tombstone that syncs); it stays in the audit history. */
  async remove(id: string, ctx: WriteContext): Promise<void> {
    await this.write(id, ctx, (stored, _state, at) => {
      const before = this.live(stored, id);
      return {
        record: { ...before, deleted: true, updatedAt: at, updatedBy: ctx.userId } as RecordOf<T>,
        kind: 'delete',
        fields: { updatedAt: at, updatedBy: ctx.userId },
        audit: { action: 'delete', changes: { deleted: [undefined, true] } },
      };
    });
  }
}
