/** `Db` over PGlite (PostgreSQL compiled to WebAssembly, in-process), the embedded default. */
import { mkdirSync } from 'node:fs';
import { PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import { type Db, type Queryable, type QueryResult, type Row } from './db';

/**
 * PGlite runs each statement synchronously on this thread and settles its promise at once, so a
 * chain of statements (a push: its transaction, then the next queued one) would run as one long
 * stretch of microtasks: no timer, socket or other request would get a turn until the queue is
 * empty. Each statement therefore ends with a turn of the event loop.
 */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function wrap(target: PGlite | Transaction, onStatement?: () => void): Queryable {
  return {
    async query<R extends object = Row>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      try {
        const result = await target.query(text, params as unknown[] | undefined);
        return { rows: result.rows as R[], affected: result.affectedRows ?? 0 };
      } finally {
        onStatement?.();
        await turn();
      }
    },
    async exec(script: string): Promise<void> {
      try {
        await target.exec(script);
      } finally {
        onStatement?.();
        await turn();
      }
    },
  };
}

export function pgliteDb(pglite: PGlite): Db {
  const base = wrap(pglite);
  // Transactions asked for and not yet finished (PGlite runs one and queues the rest), and when
  // one was last asked for, started, or finished a statement.
  let pending = 0;
  let progressAt = 0;
  const progress = () => {
    progressAt = performance.now();
  };
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    // PGlite has one connection and runs one transaction at a time; concurrent callers queue.
    transaction: async <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => {
      pending += 1;
      progress();
      try {
        return await pglite.transaction(async (tx) => {
          progress();
          return fn(wrap(tx, progress));
        });
      } finally {
        pending -= 1;
        progress();
      }
    },
    workingWithin: (withinMs) => pending > 0 && performance.now() - progressAt < withinMs,
    close: () => pglite.close(),
  };
}

export async function openPglite(dataDir: string, options: PGliteOptions = {}): Promise<Db> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, options);
  return pgliteDb(pglite);
}
