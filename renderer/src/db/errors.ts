import type { z } from 'zod';
import type { Action, Role } from '../../../shared/access/permissions';

/** Input a clerk typed that does not pass the record's schema. Nothing was written. */
export class ValidationError extends Error {
  constructor(readonly issues: readonly { path: string; message: string }[]) {
    super(issues.map((i) => i.message).join('；'));
    this.name = 'ValidationError';
  }

  static fromZod(error: z.ZodError): ValidationError {
    return new ValidationError(error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
}

export class RecordNotFoundError extends Error {
  constructor(table: string, id: string) {
    super(`记录不存在（${table} ${id}）`);
    this.name = 'RecordNotFoundError';
  }
}

/** A resolution was asked for a field that has no pending conflict (someone resolved it already). */
export class NoConflictError extends Error {
  constructor(field: string) {
    super(`该字段没有待处理的冲突（${field}），可能已由他人处理`);
    this.name = 'NoConflictError';
  }
}

/**
 * The signed-in user's role may not do this (shared/access/permissions.ts). Nothing was written.
 * The message says who may, in Chinese.
 */
export class AccessDeniedError extends Error {
  constructor(
    readonly action: Action,
    readonly role: Role | null,
    message: string,
  ) {
    super(message);
    this.name = 'AccessDeniedError';
  }
}
