/**
 * The one storage contract the server codes against: parameterised queries, multi-statement
 * scripts (migrations) and transactions. Two implementations: PostgreSQL through `pg` (a pool,
 * so several requests and several server processes share one database) and PGlite, the embedded
 * default, so `npm run server` works on a fresh machine with no database installed.
 *
 * Values differ slightly between the drivers (pg returns int8 as a string and bytea as a Buffer,
 * PGlite int8 as a number and bytea as a Uint8Array); callers convert with `toNumber`/`toBuffer`.
 */

export type Row = Record<string, unknown>;

export interface QueryResult<R extends object = Row> {
  readonly rows: R[];
  /** Rows inserted, updated or deleted (0 for a SELECT on PGlite). */
  readonly affected: number;
}

export interface Queryable {
  query<R extends object = Row>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export type DbKind = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly kind: DbKind;
  /**
   * Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. Inside,
   * use only `tx`: on PGlite (one connection) a query on the Db itself would wait for the
   * transaction that waits for it.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * PGlite only (one connection): whether transactions are running or queued and one of them
   * started or finished a statement less than `withinMs` ago. A health check then has its answer
   * without queueing a query behind them (a 1,000-operation push holds the one connection for
   * seconds).
   */
  workingWithin?(withinMs: number): boolean;
}

export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint' || typeof value === 'string') return Number(value);
  throw new TypeError(`not a number: ${String(value)}`);
}

export function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError('not bytes');
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent, PGlite in `dataDir`. */
  readonly databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` for a throw-away database. */
  readonly dataDir?: string | undefined;
  /** PostgreSQL schema to use (tests: one fresh schema per run). */
  readonly schema?: string | undefined;
  readonly poolSize?: number | undefined;
}

/** Opens the configured database (without migrating it: see `./migrate`). */
export async function openDatabase(options: OpenOptions): Promise<Db> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./db-postgres');
    return openPostgres(options.databaseUrl, { schema: options.schema, max: options.poolSize });
  }
  const { openPglite } = await import('./db-pglite');
  return openPglite(options.dataDir ?? './server-data');
}
