/**
 * One change to one record, as it waits in the client's outbox and travels to the server. The
 * repository writes it in the same transaction as the record itself, so a record never exists
 * without its operation and vice versa.
 */
import { z } from 'zod';
import { instantSchema, recordIdSchema } from '../model/base';
import { syncedRecordSchemas, type SyncedTable } from '../model/records';

const syncedTables = Object.keys(syncedRecordSchemas) as [SyncedTable, ...SyncedTable[]];

export const operationSchema = z.object({
  /** Client-generated UUIDv7; the server is idempotent on it. */
  id: recordIdSchema,
  table: z.enum(syncedTables),
  recordId: recordIdSchema,
  /** `put` sets the listed fields (a create lists them all); `delete` writes a tombstone. */
  kind: z.enum(['put', 'delete']),
  /** The fields this operation sets, with their new values. */
  fields: z.record(z.string(), z.unknown()),
  at: instantSchema,
  userId: z.string().min(1),
  deviceId: z.string().min(1),
});

export type Operation = z.infer<typeof operationSchema>;

export const auditEntrySchema = z.object({
  id: recordIdSchema,
  at: instantSchema,
  userId: z.string().min(1),
  table: z.enum(syncedTables),
  recordId: recordIdSchema,
  action: z.enum(['create', 'update', 'delete']),
  /** field → [old, new]; `undefined` old for a create. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  reason: z.string().max(1000).optional(),
});

export type AuditEntry = z.infer<typeof auditEntrySchema>;
