/**
 * What registering a person or an organisation once shares (features/people/commands.ts,
 * features/organisations/commands.ts): live rows only, optional texts stored trimmed or not at
 * all, each possible duplicate reported once under its strongest reason, and the repository of
 * the database given (the app's, or a test's).
 */
import { db } from './index';
import type { SyncedTable } from '../../../shared/model/records';
import type { DeskDatabase } from './database';
import { Repository } from './repository';

/** Rows not deleted (a tombstone is never a duplicate nor a match). */
export const alive = <T extends { deleted?: boolean | undefined }>(rows: readonly T[]): T[] => rows.filter((r) => !r.deleted);

/** The optional texts as typed, trimmed; an empty one is left out rather than stored as ''. */
export function presentTexts<K extends string>(values: { readonly [key in K]?: string | undefined }): { [key in K]?: string } {
  const present: { [key in K]?: string } = {};
  for (const key of Object.keys(values) as K[]) {
    const trimmed = values[key]?.trim();
    if (trimmed !== undefined && trimmed !== '') present[key] = trimmed;
  }
  return present;
}

/**
 * Live records found by each reason, strongest reason first: each record once, under the first
 * reason that found it, never `excludeId` (the record being edited).
 */
export function firstReasons<R extends { readonly id: string; readonly deleted?: boolean | undefined }, Reason>(
  found: readonly (readonly [Reason, readonly R[]])[],
  excludeId: string | undefined,
): { readonly record: R; readonly reason: Reason }[] {
  const seen = new Set<string>(excludeId === undefined ? [] : [excludeId]);
  const out: { record: R; reason: Reason }[] = [];
  for (const [reason, rows] of found) {
    for (const record of alive(rows)) {
      if (seen.has(record.id)) continue;
      seen.add(record.id);
      out.push({ record, reason });
    }
  }
  return out;
}

/** The app's repository when `database` is the app's, else one of the same table on `database` (a test's). */
export function repositoryOn<T extends SyncedTable>(database: DeskDatabase, appRepository: Repository<T>): Repository<T> {
  return database === db ? appRepository : new Repository(database, appRepository.table);
}
