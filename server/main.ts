/**
 * The central sync server's entry point: `npm run server` serves HTTP; `npm run server -- <command>`
 * runs an administrator command (see ./cli). Storage is PostgreSQL when `DATABASE_URL` is set,
 * otherwise PGlite in `DATA_DIR` (default ./server-data), so a fresh machine needs nothing else.
 *
 * SIGTERM/SIGINT: stop accepting connections, let in-flight requests (a batch mid-transaction)
 * finish, then close the database; a second signal or the timeout exits at once.
 */
import { type FastifyInstance } from 'fastify';
import { runCli } from './cli';
import { readConfig } from './config';
import { openDatabase } from './db';
import { migrate } from './migrate';
import { startServer } from './start';

async function main(): Promise<void> {
  const config = readConfig();
  const args = process.argv.slice(2);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });

  if (args.length > 0) {
    let code: number;
    try {
      await migrate(db);
      code = await runCli(db, args);
    } catch (error) {
      console.error((error as Error).message);
      code = 1;
    } finally {
      await db.close();
    }
    process.exit(code);
  }

  let app: FastifyInstance;
  try {
    app = await startServer({
      db,
      port: config.port,
      host: config.host,
      closeDbOnClose: true,
      trustProxy: config.trustProxy,
      logger: { level: config.logLevel, redact: ['req.headers.authorization'] },
    });
  } catch (error) {
    console.error((error as Error).message);
    await db.close();
    process.exit(1);
  }
  app.log.info({ db: db.kind, dataDir: db.kind === 'pglite' ? config.dataDir : undefined }, 'server ready');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      app.log.error('shutdown timed out');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    app.close().then(
      () => {
        app.log.info('shut down cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
