/**
 * The only write path to synced tables. Each write validates the whole record with its zod
 * schema, then in ONE Dexie transaction stores the record, appends the operation to the outbox
 * (transactional outbox: the sync client sends exactly what was committed) and appends an audit
 * entry (who, when, old → new, why). If any of the three fails, none is kept.
 */
import type { z } from 'zod';
import { syncedRecordSchemas, type RecordOf, type SyncedTable } from '../../../shared/model/records';
import type { SystemField } from '../../../shared/model/base';
import type { AuditEntry, Operation } from '../../../shared/sync/operation';
import type { DeskDatabase } from './database';
import { RecordNotFoundError, ValidationError } from './errors';
import { newId } from './ids';

/** Who is writing, from which device, and (for changes that need one) why. */
export interface WriteContext {
  readonly userId: string;
  readonly deviceId: string;
  readonly reason?: string;
  /** Injected in tests; defaults to the current instant. */
  readonly now?: () => Date;
}

export type NewRecord<T extends SyncedTable> = Omit<RecordOf<T>, SystemField>;
export type RecordPatch<T extends SyncedTable> = Partial<NewRecord<T>>;

const SYSTEM_FIELDS: readonly string[] = ['id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deleted'];

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'updatedAt' || key === 'updatedBy') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = [before[key], after[key]];
  }
  return changes;
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

  private validate(candidate: unknown): RecordOf<T> {
    const parsed = this.schema.safeParse(candidate);
    if (!parsed.success) throw ValidationError.fromZod(parsed.error);
    return parsed.data;
  }

  private stripSystemFields(input: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(input).filter(([k]) => !SYSTEM_FIELDS.includes(k)));
  }

  private async commit(
    record: RecordOf<T>,
    op: Omit<Operation, 'id' | 'table' | 'recordId' | 'at' | 'userId' | 'deviceId'>,
    audit: Pick<AuditEntry, 'action' | 'changes'>,
    ctx: WriteContext,
    at: string,
  ): Promise<void> {
    const operation: Operation = {
      id: newId(),
      table: this.table,
      recordId: record.id,
      at,
      userId: ctx.userId,
      deviceId: ctx.deviceId,
      ...op,
    };
    const entry: AuditEntry = {
      id: newId(),
      at,
      userId: ctx.userId,
      table: this.table,
      recordId: record.id,
      ...audit,
      ...(ctx.reason === undefined ? {} : { reason: ctx.reason }),
    };
    await this.db.transaction('rw', [this.store, this.db.outbox, this.db.auditLog], async () => {
      await this.store.put(record);
      await this.db.outbox.add(operation);
      await this.db.auditLog.add(entry);
    });
  }

  /** Creates a record; returns it as stored. Throws `ValidationError` (nothing written) on bad input. */
  async create(input: NewRecord<T>, ctx: WriteContext): Promise<RecordOf<T>> {
    const at = (ctx.now?.() ?? new Date()).toISOString();
    const fields = this.stripSystemFields(input as Record<string, unknown>);
    const record = this.validate({
      ...fields,
      id: newId(),
      createdAt: at,
      createdBy: ctx.userId,
      updatedAt: at,
      updatedBy: ctx.userId,
    });
    const { id: _id, ...allFields } = record as Record<string, unknown>;
    await this.commit(
      record,
      { kind: 'put', fields: allFields },
      { action: 'create', changes: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [undefined, v]])) },
      ctx,
      at,
    );
    return record;
  }

  /** Changes the given fields of a record. A patch that changes nothing writes nothing. */
  async update(id: string, patch: RecordPatch<T>, ctx: WriteContext): Promise<RecordOf<T>> {
    const before = await this.store.get(id);
    if (before === undefined || (before as { deleted?: boolean }).deleted) throw new RecordNotFoundError(this.table, id);
    const at = (ctx.now?.() ?? new Date()).toISOString();
    const record = this.validate({
      ...before,
      ...this.stripSystemFields(patch as Record<string, unknown>),
      updatedAt: at,
      updatedBy: ctx.userId,
    });
    const changes = changedFields(before as Record<string, unknown>, record as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return before;
    const fields: Record<string, unknown> = Object.fromEntries(Object.entries(changes).map(([k, [, v]]) => [k, v]));
    fields.updatedAt = at;
    fields.updatedBy = ctx.userId;
    await this.commit(record, { kind: 'put', fields }, { action: 'update', changes }, ctx, at);
    return record;
  }

  /** Marks a record deleted (a tombstone that syncs); it stays in the audit history. */
  async remove(id: string, ctx: WriteContext): Promise<void> {
    const before = await this.store.get(id);
    if (before === undefined || (before as { deleted?: boolean }).deleted) throw new RecordNotFoundError(this.table, id);
    const at = (ctx.now?.() ?? new Date()).toISOString();
    const record = { ...before, deleted: true, updatedAt: at, updatedBy: ctx.userId } as RecordOf<T>;
    await this.commit(
      record,
      { kind: 'delete', fields: { deleted: true, updatedAt: at, updatedBy: ctx.userId } },
      { action: 'delete', changes: { deleted: [undefined, true] } },
      ctx,
      at,
    );
  }
}
