/**
 * Set-up shared by the tests of one `describe` block: the server (database and app) and desks
 * enrolled in it. Apart from helpers.ts, which benchmarks import too (they run outside Vitest).
 */
import { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { type Limits } from '../../server/app';
import { type Db, type DbKind } from '../../server/db';
import { loadMigrations, migrate } from '../../server/migrate';
import { type Office } from '../../server/offices';
import { enrol, makeOffice, openTestDb, SETUP_TIMEOUT, testApp, type TestDb, type TestDevice } from './helpers';

/** The database and the app that the tests of one `describe` block share. */
export interface SuiteServer {
  readonly db: Db;
  readonly app: FastifyInstance;
}

/**
 * Opens a migrated database and builds the app (with `limits` and the clock `now`) before the
 * tests of the calling `describe` block, and closes both after them. Call it at the top of the
 * block; read `db` and `app` only in its hooks and tests, once the set-up has run.
 */
export function serverPerSuite(kind: DbKind, limits: Partial<Limits> = {}, now?: () => number): SuiteServer {
  let opened: { t: TestDb; app: FastifyInstance } | undefined;
  const ready = () => {
    if (opened === undefined) throw new Error('serverPerSuite: read db or app inside a hook or a test');
    return opened;
  };
  beforeAll(async () => {
    const t = await openTestDb(kind);
    opened = { t, app: testApp(t.db, limits, now) };
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await opened?.app.close();
    await opened?.t.dispose();
  });
  return {
    get db() {
      return ready().t.db;
    },
    get app() {
      return ready().app;
    },
  };
}

/** The desks of a describe block by name, and `office(desk)`: the office that desk is enrolled in. */
export type SuiteDesks<K extends string> = Readonly<Record<K, TestDevice>> & { office(desk: K): Office };

/**
 * Desks enrolled through the server before the tests of the calling `describe` block (after its
 * `serverPerSuite`), named as in `plan`: `{ desk: office name }`, desks with the same office name
 * in one new office. Read them only in hooks and tests, once the set-up has run.
 */
export function desksPerSuite<K extends string>(server: SuiteServer, plan: Readonly<Record<K, string>>): SuiteDesks<K> {
  const enrolled = new Map<string, TestDevice>();
  const offices = new Map<string, Office>();
  beforeAll(async () => {
    for (const [desk, officeName] of Object.entries<string>(plan)) {
      const office = offices.get(officeName) ?? (await makeOffice(server.db, officeName));
      offices.set(officeName, office);
      enrolled.set(desk, await enrol(server.app, server.db, office));
    }
  }, SETUP_TIMEOUT);
  const desks = {
    office(desk: K): Office {
      const office = offices.get(plan[desk]);
      if (office === undefined) throw new Error(`desksPerSuite: read the office of ${desk} inside a hook or a test`);
      return office;
    },
  };
  for (const desk of Object.keys(plan)) {
    Object.defineProperty(desks, desk, {
      enumerable: true,
      get() {
        const device = enrolled.get(desk);
        if (device === undefined) throw new Error(`desksPerSuite: read ${desk} inside a hook or a test`);
        return device;
      },
    });
  }
  return desks as SuiteDesks<K>;
}

/**
 * A database migrated up to, not including, `migration` before the tests of the calling
 * `describe` block (closed after them), to fill with data as an older server left it;
 * `upgrade()` applies the rest and answers which migrations ran.
 */
export function databaseBefore(kind: DbKind, migration: string): { readonly db: Db; upgrade(): Promise<string[]> } {
  let t: TestDb | undefined;
  const ready = () => {
    if (t === undefined) throw new Error('databaseBefore: read db inside a hook or a test');
    return t.db;
  };
  beforeAll(async () => {
    t = await openTestDb(kind, { migrated: false });
    await migrate(t.db, loadMigrations().filter((m) => m.id < migration));
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t?.dispose();
  });
  return {
    get db() {
      return ready();
    },
    upgrade: () => migrate(ready(), loadMigrations()),
  };
}
