/**
 * Search keys (shared/rules/search-keys.ts) kept on the people, organisations and applications
 * rows, where the `*searchKeys` index (schema version 13) reads them.
 *
 * They are derived from the record and belong to this desk only: not a field of the record's
 * schema, never in an outbox operation, an audit entry or a merge state, and never handed out by
 * a read (`withoutSearchKeys`: only the index sees them). So one place writes them: a Dexie
 * middleware that recomputes them on every add and put, whatever the path — the
 * repositories' writes, operations merged from other desks (db/remote.ts, called by the sync
 * pull), a restore, a bulk seed. Version 13's upgrade fills them for the rows already stored.
 */
import type { DBCore, DBCoreMutateRequest, Middleware, Transaction } from 'dexie';
import { isSearchKeyTable, searchKeysOf, SEARCH_KEY_TABLES, type SearchKeyTable } from '../../../shared/rules/search-keys';

/** The field holding the keys (indexed as `*searchKeys`). */
export const SEARCH_KEYS_FIELD = 'searchKeys';

/** The row as stored: the record with its search keys. */
export function withSearchKeys(table: SearchKeyTable, row: Record<string, unknown>): Record<string, unknown> {
  return { ...row, [SEARCH_KEYS_FIELD]: searchKeysOf(table, row) };
}

/**
 * A row as read: the record without its search keys (Dexie's `reading` hook, so every `get`,
 * `toArray` and `each` hands out exactly the record's schema shape — what the repositories
 * compare, send and audit, and what screens and exports show). Rows read from IndexedDB are
 * fresh copies, so the keys are dropped in place.
 */
export function withoutSearchKeys<T>(row: T): T {
  if (row !== null && typeof row === 'object' && SEARCH_KEYS_FIELD in row) delete (row as Record<string, unknown>)[SEARCH_KEYS_FIELD];
  return row;
}

export const searchKeysMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'searchKeys',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (!isSearchKeyTable(name)) return table;
      return {
        ...table,
        mutate: (req: DBCoreMutateRequest) =>
          req.type === 'add' || req.type === 'put'
            ? table.mutate({ ...req, values: req.values.map((v: Record<string, unknown>) => withSearchKeys(name, v)) })
            : table.mutate(req),
      };
    },
  }),
};

/** Schema version 13: the keys of every person, organisation and application already stored. */
export async function upgradeToV13(tx: Transaction): Promise<void> {
  for (const table of SEARCH_KEY_TABLES) {
    await tx
      .table(table)
      .toCollection()
      .modify((row: Record<string, unknown>) => {
        row[SEARCH_KEYS_FIELD] = searchKeysOf(table, row);
      });
  }
}
