/**
 * Start-up shared by `main.ts` and the tests: migrate (refusing a database migrated by newer
 * code), build the app, listen. Nothing listens if the database is refused.
 */
import { type FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from './app';
import { migrate } from './migrate';

export interface StartOptions extends AppOptions {
  readonly port: number;
  readonly host?: string;
}

export async function startServer(options: StartOptions): Promise<FastifyInstance> {
  await migrate(options.db);
  const app = buildApp(options);
  await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
  return app;
}
