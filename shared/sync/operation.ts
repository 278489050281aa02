/**
 * What the desk's repository appends in the same transaction as each record write: the wire
 * operation for the outbox (defined with the rest of the protocol in `./protocol`) and an audit
 * entry (who, when, old → new, why), which stays on the desk and is never merged.
 */
import { z } from 'zod';
import { instantSchema, recordIdSchema } from '../model/base';
import { syncedTableSchema } from './protocol';

export { operationSchema, type Operation } from './protocol';

export const auditEntrySchema = z.object({
  id: recordIdSchema,
  at: instantSchema,
  userId: z.string().min(1),
  table: syncedTableSchema,
  recordId: recordIdSchema,
  /** `resolve`: a person chose between conflicting versions of a field. */
  action: z.enum(['create', 'update', 'delete', 'resolve']),
  /** field → [old, new]; `undefined` old for a create. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  reason: z.string().max(1000).optional(),
});

export type AuditEntry = z.infer<typeof auditEntrySchema>;
