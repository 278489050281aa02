/** `Db` over PGlite (PostgreSQL compiled to WebAssembly, in-process), the embedded default. */
import { mkdirSync } from 'node:fs';
import { PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import { type Db, type Queryable, type QueryResult, type Row } from './db';

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<R extends object = Row>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      const result = await target.query(text, params as unknown[] | undefined);
      return { rows: result.rows as R[], affected: result.affectedRows ?? 0 };
    },
    async exec(script: string): Promise<void> {
      await target.exec(script);
    },
  };
}

export function pgliteDb(pglite: PGlite): Db {
  const base = wrap(pglite);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    // PGlite has one connection and runs one transaction at a time; concurrent callers queue.
    transaction: <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => pglite.transaction((tx) => fn(wrap(tx))),
    close: () => pglite.close(),
  };
}

export async function openPglite(dataDir: string, options: PGliteOptions = {}): Promise<Db> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, options);
  return pgliteDb(pglite);
}
