/**
 * What every stored record has: a client-generated id that stays valid forever (UUIDv7, so ids
 * sort by creation time and no temporary id ever needs swapping after sync), who created and last
 * changed it, when, and a tombstone flag (records are never hard-deleted: deletions must sync).
 *
 * Every text field is built with `text(limit)`: the shared text check (./text) and the length
 * from the one limits table (./limits), so the desk refuses what the server refuses.
 */
import { z } from 'zod';
import { TEXT_LIMITS, tooLongMessage, type TextLimit } from './limits';
import { textLength, textProblem, textProblemMessage, unstorableTextIn } from './text';

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const recordIdSchema = z.string().regex(UUID_V7, '记录编号格式不正确');
export type RecordId = z.infer<typeof recordIdSchema>;

/** An instant, as `new Date().toISOString()` writes it (UTC, milliseconds). */
export const instantSchema = z.iso.datetime({ precision: 3 });

/** A calendar date without time: `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date();

export interface TextOptions {
  /** Leading and trailing spaces are dropped before the checks. */
  readonly trim?: boolean;
  /** Refuses an empty value with this message. */
  readonly required?: string;
}

/**
 * A text field: storable characters only (no NUL, no control characters except tab and line
 * breaks in a multi-line field, no lone surrogate) and at most `limit.max` characters, with the
 * table's Chinese messages.
 */
export function text(limit: TextLimit, options: TextOptions = {}) {
  const base = options.trim ? z.string().trim() : z.string();
  const required = options.required === undefined ? base : base.min(1, options.required);
  return required.check((ctx) => {
    const problem = textProblem(ctx.value, limit.kind);
    if (problem !== null) ctx.issues.push({ code: 'custom', message: textProblemMessage(limit.label, problem), input: ctx.value });
    else if (textLength(ctx.value) > limit.max) ctx.issues.push({ code: 'custom', message: tooLongMessage(limit), input: ctx.value });
  });
}

/**
 * An object whose shape the record schema does not know (a program's form answers): every
 * string inside it, keys included, passes the text check and the limit.
 */
export function checkedJson<T extends z.ZodType>(schema: T, limit: TextLimit): T {
  return schema.check((ctx) => {
    const bad = unstorableTextIn(ctx.value, limit.kind);
    if (bad !== null) {
      ctx.issues.push({ code: 'custom', message: textProblemMessage(limit.label, bad.problem), input: ctx.value, path: bad.path === '' ? [] : bad.path.split('.') });
      return;
    }
    const long = longStringIn(ctx.value, limit.max);
    if (long !== null) ctx.issues.push({ code: 'custom', message: tooLongMessage(limit), input: ctx.value, path: long === '' ? [] : long.split('.') });
  }) as T;
}

function longStringIn(value: unknown, max: number): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (textLength(v) > max) return path;
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, path === '' ? String(i) : `${path}.${i}`]));
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, item] of Object.entries(v)) stack.push([item, path === '' ? k : `${path}.${k}`]);
    }
  }
  return null;
}

/** A score sheet: the pack's item ids (checked as text) to points. */
export const scoresSchema = z.record(text(TEXT_LIMITS.scores.key), z.number());

export const recordBaseSchema = z.object({
  id: recordIdSchema,
  createdAt: instantSchema,
  createdBy: text(TEXT_LIMITS.record.createdBy, { required: '缺少创建人' }),
  updatedAt: instantSchema,
  updatedBy: text(TEXT_LIMITS.record.updatedBy, { required: '缺少修改人' }),
  deleted: z.boolean().optional(),
});

export type RecordBase = z.infer<typeof recordBaseSchema>;

/** Fields the repository fills in; a caller never supplies them. */
export type SystemField = keyof RecordBase;
