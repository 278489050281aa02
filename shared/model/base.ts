/**
 * What every stored record has: a client-generated id that stays valid forever (UUIDv7, so ids
 * sort by creation time and no temporary id ever needs swapping after sync), who created and last
 * changed it, when, and a tombstone flag (records are never hard-deleted: deletions must sync).
 */
import { z } from 'zod';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const recordIdSchema = z.string().regex(UUID_V7, '记录编号格式不正确');
export type RecordId = z.infer<typeof recordIdSchema>;

/** An instant, as `new Date().toISOString()` writes it (UTC, milliseconds). */
export const instantSchema = z.iso.datetime({ precision: 3 });

/** A calendar date without time: `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date();

export const recordBaseSchema = z.object({
  id: recordIdSchema,
  createdAt: instantSchema,
  createdBy: z.string().min(1),
  updatedAt: instantSchema,
  updatedBy: z.string().min(1),
  deleted: z.boolean().optional(),
});

export type RecordBase = z.infer<typeof recordBaseSchema>;

/** Fields the repository fills in; a caller never supplies them. */
export type SystemField = keyof RecordBase;
