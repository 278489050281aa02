/**
 * Numbered, forward-only SQL migrations (`server/migrations/NNNN_name.sql`), recorded in the
 * `schema_migrations` table. As in Actual Budget, start-up refuses a database that has an applied
 * migration this code does not know: it was migrated by a newer server, and running older code
 * over a newer schema would corrupt data quietly.
 *
 * All pending migrations run in one transaction under an advisory lock, so two servers starting
 * at once on one database migrate it once, and a failed migration leaves nothing half done.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Db } from './db';

export interface Migration {
  readonly id: string;
  readonly sql: string;
}

const FILE_NAME = /^\d{4}_[a-z0-9_]+\.sql$/;
/** Any constant shared by every server process; names the migration lock. */
const MIGRATION_LOCK = 727_472_001;

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => FILE_NAME.test(name))
    .sort()
    .map((name) => ({ id: name.replace(/\.sql$/, ''), sql: readFileSync(`${dir}/${name}`, 'utf8') }));
}

export class UnknownMigrationError extends Error {
  constructor(readonly unknown: readonly string[]) {
    super(
      `数据库中有本程序不认识的已执行迁移（${unknown.join('、')}）：它可能已被更新版本的服务器升级过，请使用该版本的服务器。` +
        ` / The database has applied migrations this server does not know (${unknown.join(', ')}); refusing to start.`,
    );
    this.name = 'UnknownMigrationError';
  }
}

/** Applies the pending migrations; returns the ids applied now. Throws `UnknownMigrationError`. */
export async function migrate(db: Db, migrations: readonly Migration[] = loadMigrations()): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id          text PRIMARY KEY,
      applied_at  timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = new Set((await tx.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id));
    const known = new Set(migrations.map((m) => m.id));
    const unknown = [...applied].filter((id) => !known.has(id)).sort();
    if (unknown.length > 0) throw new UnknownMigrationError(unknown);
    const done: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
      done.push(migration.id);
    }
    return done;
  });
}
