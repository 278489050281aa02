/** `Db` over a `pg` connection pool. */
import pg from 'pg';
import { type Db, type Queryable, type QueryResult, type Row } from './db';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<R extends object = Row>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      const result = await client.query(text, params as unknown[] | undefined);
      return { rows: result.rows as R[], affected: result.rowCount ?? 0 };
    },
    async exec(script: string): Promise<void> {
      // Without parameters pg uses the simple protocol, which accepts several statements.
      await client.query(script);
    },
  };
}

export function openPostgres(connectionString: string, options: { schema?: string | undefined; max?: number | undefined } = {}): Db {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) throw new Error(`invalid schema name: ${options.schema}`);
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  // An idle client losing its connection (database restart) must not crash the process; the
  // next query gets a fresh connection or a clear error.
  pool.on('error', () => {});
  const base = wrap(pool);
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        // Every query of a transaction here is a short indexed one; a parallel plan only adds the
        // start of worker processes (the batch read of a push went from a few milliseconds to
        // 150 on a busy machine when the planner chose one). Sent with BEGIN: no extra round trip.
        await client.query('BEGIN; SET LOCAL max_parallel_workers_per_gather = 0');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError as Error;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async close(): Promise<void> {
      await pool.end();
    },
  };
}
